import { eq, notInArray, sql } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'

import { db } from '#db/client'
import { actionEvidence, actions } from '#db/schema'
import { mockServer } from '#tests/mocks/index'
import { demoMastodon, mastodonStatus } from '#tests/mocks/mastodon'
import { demoPages, htmlPage, htmlResponse } from '#tests/mocks/opengraph'
import { demo } from '#tests/setup/actors'
import { auditCount, lastAudit } from '#tests/setup/audit'
import { insertAction } from '#tests/setup/records'
import {
  countStaleEvidence,
  dueEvidence,
  type EvidenceRecord,
  getEvidence,
  refreshActionEvidence,
  refreshDueEvidence,
  refreshEvidence,
  refreshStaleEvidence,
} from '~/models/evidence/index.server'
import { ForbiddenError } from '~/utils/permissions'

const PAGE = 'https://www.ripple-demo.eu/aktualnosci/lodz-fabryczna'
const OTHER_PAGE = 'https://www.ripple-demo.eu/aktualnosci/gdansk'
const MISSING_STATUS = 'https://mastodon.social/@ripple_demo/1'
const today = new Date().toISOString().slice(0, 10)
const daysAgo = (n: number, from = Date.now()) => new Date(from - n * 86_400_000).toISOString().slice(0, 10)

function makeAction({
  evidenceUrl,
  partnerId = demo.partner().partnerId!,
  date = today,
  engagements = null,
  status = 'submitted',
  archivedAt = null,
}: {
  evidenceUrl: string | null
  partnerId?: number
  date?: string
  engagements?: number | null
  status?: 'submitted' | 'validated'
  archivedAt?: string | null
}) {
  return insertAction({
    partnerId,
    date,
    title: 'Kampania w Łodzi – Θεσσαλονίκη',
    evidenceUrl,
    engagements,
    status,
    archivedAt,
  })
}

const actionRow = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!
const setLink = (id: number, evidenceUrl: string | null) =>
  db.update(actions).set({ evidenceUrl }).where(eq(actions.id, id)).run()

/** Serves PAGE with a Polish title, running `during` (what happens while the page is read) first. */
function servePage(during: () => void = () => {}, url = PAGE, title = 'Łódź Fabryczna') {
  mockServer.use(
    http.get(url, () => {
      during()
      return htmlResponse(htmlPage({ title }))
    }),
  )
}

const pendingRow = (url: string): Partial<EvidenceRecord> => ({
  url,
  status: 'pending',
  title: null,
  description: null,
  imageUrl: null,
  siteName: null,
  metrics: null,
  error: null,
  fetchedAt: null,
  countersReadAt: null,
})

describe('refreshActionEvidence: who may re-read', () => {
  it('says null for a missing or an archived action, and reads nothing', () => {
    expect(refreshActionEvidence(demo.admin(), 987654321)).toBeNull()
    const archived = makeAction({ evidenceUrl: PAGE, archivedAt: new Date().toISOString() })
    expect(refreshActionEvidence(demo.admin(), archived)).toBeNull()
    expect(getEvidence(archived)).toBeNull()
  })

  it('refuses a viewer and another partner before reading anything, with no audit row', () => {
    const id = makeAction({ evidenceUrl: PAGE, partnerId: demo.partner2().partnerId! })
    const audits = auditCount()
    for (const actor of [demo.viewer(), demo.partner()]) {
      expect(() => refreshActionEvidence(actor, id)).toThrow(ForbiddenError)
      expect(() => refreshActionEvidence(actor, id)).toThrow('may not refresh this evidence')
    }
    expect(getEvidence(id)).toBeNull()
    expect(auditCount()).toBe(audits)
  })

  it("lets the action's partner and a validator re-read", async () => {
    servePage()
    const own = makeAction({ evidenceUrl: PAGE })
    await refreshActionEvidence(demo.partner(), own)
    expect(getEvidence(own)).toMatchObject({ url: PAGE, status: 'ok', title: 'Łódź Fabryczna' })
    const validated = makeAction({
      evidenceUrl: PAGE,
      partnerId: demo.partner2().partnerId!,
      status: 'validated',
    })
    await refreshActionEvidence(demo.comms(), validated)
    expect(getEvidence(validated)).toMatchObject({ status: 'ok', title: 'Łódź Fabryczna' })
  })
})

describe('refreshEvidence: while the link is read', () => {
  it('marks a first read pending under the trimmed link, then stores the preview', async () => {
    const id = makeAction({ evidenceUrl: `  ${PAGE} ` })
    let during: EvidenceRecord | null = null
    servePage(() => (during = getEvidence(id)))
    await refreshEvidence(id)
    expect(during).toMatchObject(pendingRow(PAGE))
    expect(getEvidence(id)).toMatchObject({ url: PAGE, status: 'ok', title: 'Łódź Fabryczna', error: null })
  })

  it('marks a changed link pending without the preview of the old one', async () => {
    const id = makeAction({ evidenceUrl: PAGE })
    servePage()
    await refreshEvidence(id)
    setLink(id, OTHER_PAGE)
    let during: EvidenceRecord | null = null
    servePage(() => (during = getEvidence(id)), OTHER_PAGE, 'Gdańsk')
    await refreshEvidence(id)
    expect(during).toMatchObject(pendingRow(OTHER_PAGE))
    expect(getEvidence(id)).toMatchObject({ url: OTHER_PAGE, status: 'ok', title: 'Gdańsk' })
  })

  it('stores nothing when the link is changed or removed during the read', async () => {
    const changed = makeAction({ evidenceUrl: PAGE })
    servePage(() => setLink(changed, OTHER_PAGE))
    await refreshEvidence(changed)
    expect(getEvidence(changed)).toMatchObject(pendingRow(PAGE))

    const removed = makeAction({ evidenceUrl: PAGE })
    servePage(() => setLink(removed, null))
    await refreshEvidence(removed)
    expect(getEvidence(removed)).toMatchObject(pendingRow(PAGE))
  })

  it('stores a failure without an old preview when the stored row vanished during the read', async () => {
    const id = makeAction({ evidenceUrl: PAGE })
    mockServer.use(
      http.get(PAGE, () => {
        db.delete(actionEvidence).where(eq(actionEvidence.actionId, id)).run()
        return new HttpResponse('Nie znaleziono', { status: 404 })
      }),
    )
    await refreshEvidence(id)
    expect(getEvidence(id)).toMatchObject({
      url: PAGE,
      status: 'failed',
      error: 'http_404',
      title: null,
      metrics: null,
    })
  })

  it('fills engagements from counters when the stored row vanished during the read', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    mockServer.use(
      http.get('https://mastodon.social/api/v1/statuses/:id', () => {
        db.delete(actionEvidence).where(eq(actionEvidence.actionId, id)).run()
        return HttpResponse.json(mastodonStatus())
      }),
    )
    await refreshEvidence(id)
    expect(getEvidence(id)).toMatchObject({ status: 'ok', metrics: { source: 'mastodon', likes: 40 } })
    expect(actionRow(id).engagements).toBe(55)
  })

  it('stores internal_error, and says so in the log, when storing the outcome fails', async () => {
    const id = makeAction({ evidenceUrl: PAGE })
    servePage()
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    db.run(
      sql.raw(
        `CREATE TEMP TRIGGER evidence_disk_full BEFORE INSERT ON action_evidence WHEN NEW.status = 'ok' BEGIN SELECT RAISE(ABORT, 'dysk pełny'); END`,
      ),
    )
    try {
      await refreshEvidence(id)
    } finally {
      db.run(sql.raw('DROP TRIGGER evidence_disk_full'))
    }
    expect(getEvidence(id)).toMatchObject({
      url: PAGE,
      status: 'failed',
      error: 'internal_error',
      title: null,
    })
    expect(getEvidence(id)!.fetchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(log).toHaveBeenCalledTimes(1)
    expect(log.mock.calls[0][0]).toBe(`refreshEvidence(${id}) failed`)
    expect(String(log.mock.calls[0][1])).toContain('dysk pełny')
  })
})

describe('refreshEvidence: engagements and their audit', () => {
  it('writes nothing on the action for a page, which has no counters', async () => {
    const id = makeAction({ evidenceUrl: PAGE })
    servePage()
    const before = actionRow(id)
    const audits = auditCount()
    await refreshEvidence(id)
    expect(getEvidence(id)!.status).toBe('ok')
    expect(actionRow(id)).toEqual(before)
    expect(auditCount()).toBe(audits)
  })

  it('fills engagements with an audit row naming the counters, and writes nothing when they did not change', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    await refreshEvidence(id)
    expect(actionRow(id).engagements).toBe(55)
    const audit = lastAudit('action', id)
    expect(audit).toMatchObject({
      entity: 'action',
      entityId: id,
      action: 'update',
      userId: null,
      summary: 'engagements from mastodon counters',
    })
    expect(audit.before).toEqual({ engagements: null })
    expect(audit.after).toEqual({ engagements: 55 })

    const row = actionRow(id)
    const audits = auditCount()
    await refreshEvidence(id)
    expect(actionRow(id)).toEqual(row)
    expect(auditCount()).toBe(audits)
    mockServer.use(
      http.get('https://mastodon.social/api/v1/statuses/:id', () =>
        HttpResponse.json(mastodonStatus({ replies_count: 5, reblogs_count: 10, favourites_count: 50 })),
      ),
    )
    await refreshEvidence(id)
    expect(actionRow(id).engagements).toBe(65)
    expect(lastAudit('action', id)).toMatchObject({
      action: 'update',
      before: { engagements: 55 },
      after: { engagements: 65 },
    })
  })
})

/** Archives every action but these, so that the counts of the stale and due queries are exact. */
const archiveAllBut = (ids: number[]) =>
  db.update(actions).set({ archivedAt: new Date().toISOString() }).where(notInArray(actions.id, ids)).run()

describe('refreshStaleEvidence and countStaleEvidence', () => {
  it('counts actions dated from exactly `withinDays` ago, with a non-empty link', () => {
    const boundary = makeAction({ evidenceUrl: PAGE, date: daysAgo(3) })
    const tooOld = makeAction({ evidenceUrl: PAGE, date: daysAgo(4) })
    const emptyLink = makeAction({ evidenceUrl: '' })
    archiveAllBut([boundary, tooOld, emptyLink])
    expect(countStaleEvidence({ withinDays: 3 })).toBe(1)
    expect(countStaleEvidence({ withinDays: 4 })).toBe(2)
  })

  it('reads every stale link with the default options and counts the outcomes', async () => {
    servePage()
    const ids = [
      makeAction({ evidenceUrl: demoPages.forum }),
      makeAction({ evidenceUrl: PAGE }),
      makeAction({ evidenceUrl: MISSING_STATUS }),
    ]
    archiveAllBut(ids)
    expect(await refreshStaleEvidence()).toEqual({ checked: 3, ok: 2, failed: 1 })
    expect(getEvidence(ids[2])).toMatchObject({ status: 'failed', error: 'http_404' })
  })

  it('reads at most `limit` links', async () => {
    const ids = [makeAction({ evidenceUrl: demoPages.forum }), makeAction({ evidenceUrl: demoPages.clinic })]
    ids.push(makeAction({ evidenceUrl: demoPages.forum }))
    archiveAllBut(ids)
    expect(await refreshStaleEvidence({ limit: 2 })).toEqual({ checked: 2, ok: 2, failed: 0 })
    expect(countStaleEvidence()).toBe(1)
  })

  it('passes its options on to the stale query', async () => {
    const tenDaysOld = makeAction({ evidenceUrl: demoPages.forum, date: daysAgo(10) })
    const readRecently = makeAction({ evidenceUrl: demoPages.clinic })
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString()
    db.insert(actionEvidence)
      .values({
        actionId: readRecently,
        url: demoPages.clinic,
        status: 'ok',
        title: 'Stary',
        fetchedAt: twoHoursAgo,
      })
      .run()
    archiveAllBut([tenDaysOld, readRecently])
    expect(await refreshStaleEvidence({ withinDays: 5, olderThanHours: 1 })).toEqual({
      checked: 1,
      ok: 1,
      failed: 0,
    })
    expect(getEvidence(tenDaysOld)).toBeNull()
    expect(getEvidence(readRecently)!.title).toBe('Policy clinic in Bilbao – Cities in Dialogue')
  })
})

describe('dueEvidence and refreshDueEvidence', () => {
  // A day far from the demo seed's actions and from the actions above (dated today).
  const now = new Date('2031-05-10T03:30:00.000Z')
  const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000).toISOString()
  const readAt = (actionId: number, url: string, at: string) =>
    db.insert(actionEvidence).values({ actionId, url, status: 'ok', fetchedAt: at, countersReadAt: at }).run()
  const date = daysAgo(2, now.getTime())

  it('trims the link, and counts a read only for the link the action has now', () => {
    const readSpaced = makeAction({ evidenceUrl: ` ${demoMastodon.workshop.url} `, date })
    readAt(readSpaced, demoMastodon.workshop.url, hoursAgo(2))
    const neverReadSpaced = makeAction({ evidenceUrl: ` ${demoMastodon.launch.url} `, date })
    const readOldLink = makeAction({ evidenceUrl: demoMastodon.launch.url, date })
    readAt(readOldLink, demoMastodon.workshop.url, hoursAgo(2))
    const due = dueEvidence(now)
    expect(due.filter((id) => [readSpaced, neverReadSpaced, readOldLink].includes(id))).toEqual([
      neverReadSpaced,
      readOldLink,
    ])
  })

  it('puts never-read links before the oldest reads', () => {
    const read = makeAction({ evidenceUrl: demoMastodon.launch.url, date })
    readAt(read, demoMastodon.launch.url, hoursAgo(30))
    const neverRead = makeAction({ evidenceUrl: demoMastodon.workshop.url, date })
    expect(dueEvidence(now).filter((id) => id === read || id === neverRead)).toEqual([neverRead, read])
  })

  it('reads at most `limit` posts a run', async () => {
    const ids = [
      makeAction({ evidenceUrl: demoMastodon.launch.url, date }),
      makeAction({ evidenceUrl: demoMastodon.workshop.url, date }),
    ]
    archiveAllBut(ids)
    expect(await refreshDueEvidence(now, { limit: 1 })).toEqual({ due: 1, read: 1, failed: 0 })
    expect(getEvidence(ids[0])).toMatchObject({ status: 'ok', metrics: { source: 'mastodon' } })
    expect(getEvidence(ids[1])).toBeNull()
  })
})

describe('refreshDueEvidence when a link goes away during the run', () => {
  it('counts a post whose link was removed before its turn as failed', async () => {
    const now = new Date('2031-06-20T03:30:00.000Z')
    const date = daysAgo(1, now.getTime())
    const first = makeAction({ evidenceUrl: demoMastodon.launch.url, date })
    const second = makeAction({ evidenceUrl: demoMastodon.workshop.url, date })
    archiveAllBut([first, second])
    mockServer.use(
      http.get('https://mastodon.social/api/v1/statuses/:id', () => {
        setLink(second, null)
        return HttpResponse.json(mastodonStatus())
      }),
    )
    expect(await refreshDueEvidence(now, { concurrency: 1 })).toEqual({ due: 2, read: 1, failed: 1 })
    expect(getEvidence(first)).toMatchObject({ status: 'ok', metrics: { likes: 40 } })
    expect(getEvidence(second)).toBeNull()
  })
})
