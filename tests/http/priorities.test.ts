import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, criteria, project, scores, stakeholderPriority, stakeholders } from '#db/schema'

import { useTestApp } from './app'

const app = useTestApp()
/** What a fetcher posts to: the route's data, not the document. */
const SCORE_DATA = '/priorities/score?_data=routes%2Fpriorities.score'

const criterionId = (key: string) => db.select().from(criteria).where(eq(criteria.key, key)).get()!.id
const firstStakeholder = () =>
  db
    .select({ id: stakeholders.id, name: stakeholders.name })
    .from(stakeholders)
    .where(isNull(stakeholders.archivedAt))
    .orderBy(stakeholders.id)
    .get()!

describe('priorities over HTTP', () => {
  it.each(['partner', 'viewer', 'comms'] as const)(
    'lets %s read the ranking, the grid, the scoring page, criteria and strategies',
    async (user) => {
      for (const path of [
        '/priorities',
        '/priorities/grid',
        '/priorities/score',
        '/priorities/criteria',
        '/priorities/strategies',
      ]) {
        const response = await app.fetch(path, { as: user })
        expect(response.status, `${user} ${path}`).toBe(200)
      }
    },
  )

  it('shows partners the scoring page read-only (no score selects, no save buttons)', async () => {
    const html = await (await app.fetch('/priorities/score', { as: 'partner' })).text()
    expect(html).not.toMatch(/name="c_\d+"/)
    const comms = await (await app.fetch('/priorities/score', { as: 'comms' })).text()
    expect(comms).toMatch(/name="c_\d+"/)
  })

  it.each(['partner', 'viewer'] as const)(
    'refuses a score from %s with 403 and writes nothing',
    async (user) => {
      const s = firstStakeholder()
      const before = db.select().from(scores).where(eq(scores.stakeholderId, s.id)).all().length
      const response = await app.post(
        '/priorities/score',
        { intent: 'row', js: '1', stakeholderId: String(s.id), [`c_${criterionId('influence')}`]: '5' },
        { as: user },
      )
      expect(response.status).toBe(403)
      const one = await app.post(
        '/priorities/score',
        { intent: 'one', stakeholderId: String(s.id), criterionId: String(criterionId('fit')), value: '2' },
        { as: user },
      )
      expect(one.status).toBe(403)
      expect(db.select().from(scores).where(eq(scores.stakeholderId, s.id)).all().length).toBe(before)
    },
  )

  it.each(['partner', 'viewer'] as const)(
    'refuses criteria, weight, threshold and strategy changes from %s with 403',
    async (user) => {
      const id = String(criterionId('reach'))
      const attempts: Record<string, string>[] = [
        { intent: 'update', id, name: 'Reach', weight: '50' },
        { intent: 'create', name: 'Sneaky', weight: '9' },
        { intent: 'archive', id },
        { intent: 'thresholds', tierA: '1', tierB: '0' },
      ]
      for (const form of attempts)
        expect((await app.post('/priorities/criteria', form, { as: user })).status, form.intent).toBe(403)
      expect(
        (await app.post('/priorities/strategies', { target: 'quadrant:monitor', methods: 'x' }, { as: user }))
          .status,
      ).toBe(403)
      expect(db.select().from(criteria).where(eq(criteria.key, 'reach')).get()!.weight).not.toBe(50)
      expect(db.select().from(project).get()!.tierAThreshold).not.toBe(1)
    },
  )

  it('saves a row of scores for the communications lead and keeps stakeholder_priority current', async () => {
    const s = firstStakeholder()
    const response = await app.post(
      SCORE_DATA,
      {
        intent: 'row',
        js: '1',
        stakeholderId: String(s.id),
        [`c_${criterionId('influence')}`]: '5',
        [`c_${criterionId('interest')}`]: '5',
        [`c_${criterionId('reach')}`]: '5',
        [`c_${criterionId('fit')}`]: '5',
        [`c_${criterionId('access')}`]: '5',
      },
      { as: 'comms' },
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, score: 100, tier: 'A' })
    const p = db.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, s.id)).get()!
    expect(p).toMatchObject({ score: 100, tier: 'A', influence: 5, interest: 5 })
    // Clearing every cell leaves the stakeholder unscored (no row), the history kept.
    const clear = await app.post(
      '/priorities/score',
      {
        intent: 'row',
        stakeholderId: String(s.id),
        back: '/priorities/score?tier=A',
        ...Object.fromEntries(
          ['influence', 'interest', 'reach', 'fit', 'access'].map((k) => [`c_${criterionId(k)}`, '']),
        ),
      },
      { as: 'comms' },
    )
    expect(clear.status).toBe(303)
    expect(clear.headers.get('location')).toBe(`/priorities/score?tier=A&saved=${s.id}`)
    expect(
      db.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, s.id)).get(),
    ).toBeUndefined()
    expect(
      db
        .select()
        .from(scores)
        .where(and(eq(scores.stakeholderId, s.id), isNull(scores.supersededAt)))
        .all(),
    ).toHaveLength(0)
    expect(
      db.select().from(scores).where(eq(scores.stakeholderId, s.id)).all().length,
    ).toBeGreaterThanOrEqual(5)
  })

  it('refuses a value outside 1-5 in words', async () => {
    const s = firstStakeholder()
    const response = await app.post(
      SCORE_DATA,
      { intent: 'row', js: '1', stakeholderId: String(s.id), [`c_${criterionId('fit')}`]: '9' },
      { as: 'comms' },
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ ok: false, error: 'value' })
  })

  it('records a score with its rationale and shows it in the history', async () => {
    const s = firstStakeholder()
    const response = await app.post(
      '/priorities/score',
      {
        intent: 'one',
        stakeholderId: String(s.id),
        criterionId: String(criterionId('fit')),
        value: '4',
        rationale: 'Shares our creative-innovation agenda',
      },
      { as: 'comms' },
    )
    expect(response.status).toBe(303)
    const html = await (await app.fetch(`/priorities/score?history=${s.id}`, { as: 'viewer' })).text()
    expect(html).toContain('Shares our creative-innovation agenda')
  })

  it('changes a weight and thresholds for comms, audited, and re-ranks', async () => {
    const id = criterionId('access')
    const response = await app.post(
      '/priorities/criteria',
      { intent: 'update', id: String(id), name: 'Ease of access', weight: '7', gridAxis: '' },
      { as: 'comms' },
    )
    expect(response.status).toBe(303)
    expect(db.select().from(criteria).where(eq(criteria.id, id)).get()!.weight).toBe(7)
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'criterion'), eq(auditLog.entityId, id)))
      .all()
    expect(audit.at(-1)?.after).toMatchObject({ weight: 7 })
    const bad = await app.post(
      '/priorities/criteria',
      { intent: 'thresholds', tierA: '30', tierB: '60' },
      { as: 'comms' },
    )
    expect(bad.status).toBe(400)
    const ok = await app.post(
      '/priorities/criteria',
      { intent: 'thresholds', tierA: '60', tierB: '30' },
      { as: 'comms' },
    )
    expect(ok.status).toBe(303)
    const wrongTier = db
      .select()
      .from(stakeholderPriority)
      .all()
      .filter((p) => p.tier !== (p.score >= 60 ? 'A' : p.score >= 30 ? 'B' : 'C'))
    expect(wrongTier).toEqual([])
  })

  it('exports the filtered ranking as CSV', async () => {
    const response = await app.fetch('/priorities.csv?tier=A', { as: 'viewer' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/csv/)
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toContain('Rank')
    const tierA = db.select().from(stakeholderPriority).where(eq(stakeholderPriority.tier, 'A')).all().length
    expect(lines.length - 1).toBeLessThanOrEqual(tierA)
    for (const line of lines.slice(1)) expect(line).toMatch(/,A,/)
  })

  it('saves a quadrant strategy with messages per language', async () => {
    const response = await app.post(
      '/priorities/strategies',
      { target: 'quadrant:monitor', methods: 'Newsletter only', message_en: 'Hello', message_es: 'Hola' },
      { as: 'comms' },
    )
    expect(response.status).toBe(303)
    const html = await (await app.fetch('/priorities/strategies', { as: 'viewer' })).text()
    expect(html).toContain('Newsletter only')
    expect(html).toContain('Hola')
  })
})

describe("the stakeholder's page", () => {
  it('shows the engagement strategy of its quadrant with its key messages', async () => {
    const scored = db
      .select({
        id: stakeholderPriority.stakeholderId,
        influence: stakeholderPriority.influence,
        interest: stakeholderPriority.interest,
      })
      .from(stakeholderPriority)
      .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
      .where(and(isNull(stakeholders.archivedAt)))
      .all()
      // "Manage closely" under the default cut-offs: above the middle (3) on both axes, strictly.
      .find((p) => p.influence !== null && p.interest !== null && p.influence > 3 && p.interest > 3)!
    const html = await (await app.fetch(`/stakeholders/${scored.id}`, { as: 'partner' })).text()
    expect(html).toContain('data-testid="strategy-section"')
    expect(html).toContain('Manage closely')
    expect(html).toContain('Cities in Dialogue turns eight cities')
  })
})
