import { and, eq, notInArray } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionEvidence, actions, auditLog, partners } from '#db/schema'
import { demoBluesky } from '#tests/mocks/bluesky'
import { mockServer } from '#tests/mocks/index'
import { demoMastodon, mastodonStatus } from '#tests/mocks/mastodon'
import { demoPages } from '#tests/mocks/opengraph'
import { insertAction } from '#tests/setup/records'
import {
  countStaleEvidence,
  engagementsFollowMetrics,
  getEvidence,
  refreshEvidence,
  refreshStaleEvidence,
} from '~/models/evidence/index.server'

const today = new Date().toISOString().slice(0, 10)

function makeAction({
  evidenceUrl,
  engagements = null,
  date = today,
}: {
  evidenceUrl: string | null
  engagements?: number | null
  date?: string
}) {
  const partnerId = db.select({ id: partners.id }).from(partners).limit(1).get()!.id
  return insertAction({
    partnerId,
    date,
    title: 'Evidence test',
    evidenceUrl,
    engagements,
    status: 'submitted',
  })
}

const actionRow = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!

describe('refreshEvidence', () => {
  it('stores an Open Graph preview', async () => {
    const id = makeAction({ evidenceUrl: demoPages.forum })
    await refreshEvidence(id)
    expect(getEvidence(id)).toMatchObject({
      url: demoPages.forum,
      status: 'ok',
      title: 'Cities in Dialogue at the Urban Forum',
      siteName: 'Cities in Dialogue',
      metrics: null,
      error: null,
    })
    expect(getEvidence(id)!.fetchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(actionRow(id).engagements).toBeNull()
  })

  it('stores the failure reason and leaves the saved action as it was', async () => {
    const id = makeAction({ evidenceUrl: 'https://mastodon.social/@ripple_demo/1', engagements: 5 })
    const before = actionRow(id)
    await expect(refreshEvidence(id)).resolves.toBeUndefined()
    expect(getEvidence(id)).toMatchObject({ status: 'failed', error: 'http_404', title: null, metrics: null })
    expect(actionRow(id)).toEqual(before)
  })

  it('never throws, even for a private address', async () => {
    const id = makeAction({ evidenceUrl: 'http://169.254.169.254/latest/meta-data/' })
    await expect(refreshEvidence(id)).resolves.toBeUndefined()
    expect(getEvidence(id)).toMatchObject({ status: 'failed', error: 'private_address' })
  })

  it('fills empty engagements from Mastodon counters, with an audit row', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    await refreshEvidence(id)
    expect(getEvidence(id)).toMatchObject({
      status: 'ok',
      metrics: { source: 'mastodon', replies: 3, reposts: 12, likes: 40 },
    })
    expect(actionRow(id).engagements).toBe(55)
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, id)))
      .all()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      userId: null,
      action: 'update',
      before: { engagements: null },
      after: { engagements: 55 },
    })
  })

  it('keeps following the counters it set, on a later refresh', async () => {
    const id = makeAction({ evidenceUrl: demoBluesky.launch.url })
    await refreshEvidence(id)
    expect(actionRow(id).engagements).toBe(2 + 7 + 31 + 1)
    mockServer.use(
      http.get('https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts', () =>
        HttpResponse.json({
          posts: [
            {
              uri: `at://${demoBluesky.did}/app.bsky.feed.post/${demoBluesky.launch.rkey}`,
              author: { did: demoBluesky.did, handle: demoBluesky.handle },
              record: { text: 'later' },
              replyCount: 5,
              repostCount: 10,
              likeCount: 50,
              quoteCount: 2,
            },
          ],
        }),
      ),
    )
    await refreshEvidence(id)
    expect(actionRow(id).engagements).toBe(67)
    expect(getEvidence(id)!.metrics).toEqual({
      source: 'bluesky',
      replies: 5,
      reposts: 10,
      likes: 50,
      quotes: 2,
    })
  })

  it('keeps a figure the user typed', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url, engagements: 120 })
    await refreshEvidence(id)
    expect(getEvidence(id)!.status).toBe('ok')
    expect(actionRow(id).engagements).toBe(120)
  })

  it('keeps the earlier preview when a later refresh fails', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    await refreshEvidence(id)
    mockServer.use(
      http.get(
        'https://mastodon.social/api/v1/statuses/:id',
        () => new HttpResponse('{', { headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    await refreshEvidence(id)
    expect(getEvidence(id)).toMatchObject({
      status: 'failed',
      error: 'bad_json',
      title: 'Cities in Dialogue (@ripple_demo)',
      metrics: { likes: 40 },
    })
    expect(actionRow(id).engagements).toBe(55)
  })

  it('drops the stored evidence when the link is removed, and reads a changed link afresh', async () => {
    const id = makeAction({ evidenceUrl: demoPages.forum })
    await refreshEvidence(id)
    db.update(actions).set({ evidenceUrl: demoMastodon.workshop.url }).where(eq(actions.id, id)).run()
    await refreshEvidence(id)
    expect(getEvidence(id)).toMatchObject({
      url: demoMastodon.workshop.url,
      status: 'ok',
      metrics: { likes: 9 },
    })
    expect(actionRow(id).engagements).toBe(14)
    db.update(actions).set({ evidenceUrl: null }).where(eq(actions.id, id)).run()
    await refreshEvidence(id)
    expect(getEvidence(id)).toBeNull()
  })

  it('does nothing for an action that does not exist', async () => {
    await expect(refreshEvidence(987654321)).resolves.toBeUndefined()
    expect(getEvidence(987654321)).toBeNull()
  })
})

describe('engagementsFollowMetrics', () => {
  it('follows an empty figure or one equal to the last counters, never a typed one', () => {
    expect(engagementsFollowMetrics(null, null)).toBe(true)
    expect(engagementsFollowMetrics(55, { source: 'mastodon', replies: 3, reposts: 12, likes: 40 })).toBe(
      true,
    )
    expect(engagementsFollowMetrics(54, { source: 'mastodon', replies: 3, reposts: 12, likes: 40 })).toBe(
      false,
    )
    expect(engagementsFollowMetrics(0, null)).toBe(false)
  })
})

describe('refreshStaleEvidence', () => {
  it('re-reads only recent actions whose evidence is missing or old, within the limit', async () => {
    const old = '2020-01-15'
    const recentUnread = makeAction({ evidenceUrl: demoMastodon.launch.url })
    const recentStale = makeAction({ evidenceUrl: demoPages.clinic })
    const recentFresh = makeAction({ evidenceUrl: demoPages.forum })
    const longAgo = makeAction({ evidenceUrl: demoPages.forum, date: old })
    const noLink = makeAction({ evidenceUrl: null })
    const staleAt = new Date(Date.now() - 48 * 3_600_000).toISOString()
    db.insert(actionEvidence)
      .values({
        actionId: recentStale,
        url: demoPages.clinic,
        status: 'ok',
        title: 'old title',
        fetchedAt: staleAt,
      })
      .run()
    db.insert(actionEvidence)
      .values({
        actionId: recentFresh,
        url: demoPages.forum,
        status: 'ok',
        title: 'fresh',
        fetchedAt: new Date().toISOString(),
      })
      .run()
    // Every other action (the demo seed's, earlier tests') is archived, so the counts below are exact.
    db.update(actions)
      .set({ archivedAt: new Date().toISOString() })
      .where(notInArray(actions.id, [recentUnread, recentStale, recentFresh, longAgo, noLink]))
      .run()

    expect(countStaleEvidence()).toBe(2)
    const first = await refreshStaleEvidence({ olderThanHours: 24, limit: 1 })
    expect(first.checked).toBe(1)
    // Never-read links come first.
    expect(getEvidence(recentUnread)).toMatchObject({ status: 'ok' })
    expect(getEvidence(recentStale)!.title).toBe('old title')

    const rest = await refreshStaleEvidence({ olderThanHours: 24, limit: 50 })
    expect(rest).toMatchObject({ checked: 1, ok: 1, failed: 0 })
    expect(getEvidence(recentStale)!.title).toBe('Policy clinic in Bilbao – Cities in Dialogue')
    expect(getEvidence(recentFresh)!.title).toBe('fresh')
    expect(getEvidence(longAgo)).toBeNull()
    expect(getEvidence(noLink)).toBeNull()
    expect(countStaleEvidence()).toBe(0)
    expect(countStaleEvidence({ olderThanHours: 0 })).toBe(3)
  })

  it('stores bad_response for a Mastodon status with impossible counters', async () => {
    mockServer.use(
      http.get('https://mastodon.social/api/v1/statuses/:id', () =>
        HttpResponse.json(mastodonStatus({ replies_count: -1 })),
      ),
    )
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    await refreshEvidence(id)
    expect(getEvidence(id)).toMatchObject({ status: 'failed', error: 'bad_response' })
  })
})
