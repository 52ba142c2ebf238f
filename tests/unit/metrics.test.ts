import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  computeMetric,
  computeMetricRows,
  targetProgress,
  UnsupportedBreakdownError,
} from '~/models/plan/index.server'

/**
 * A hand-made fixture in 2031, a year the demo seed never touches, with its own partners, types,
 * channels, categories, stakeholders and group, so every figure below is known by hand.
 */
const ids: Record<string, number> = {}
const JAN = { from: '2031-01-01', to: '2031-01-31' }

function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const values = cols.map((c) => {
    const v = row[c]
    return typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' ? JSON.stringify(v) : v
  })
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...values)
  return Number(info.lastInsertRowid)
}

function action(
  name: string,
  a: {
    date: string
    status: string
    partner: string
    type: string
    channel?: string
    participants?: number | null
    onlineReach?: number | null
    engagements?: number | null
    languages: string[]
    stakeholders: string[]
  },
) {
  const id = insert('actions', {
    partner_id: ids[a.partner],
    date: a.date,
    month: a.date.slice(0, 7),
    type_id: ids[a.type],
    channel_id: a.channel ? ids[a.channel] : null,
    title: name,
    status: a.status,
    participants: a.participants ?? null,
    online_reach: a.onlineReach ?? null,
    engagements: a.engagements ?? null,
  })
  for (const l of a.languages) insert('action_languages', { action_id: id, language: l })
  for (const s of a.stakeholders) insert('action_stakeholders', { action_id: id, stakeholder_id: ids[s] })
  ids[name] = id
}

function stakeholder(name: string, category: string, stage: string, owner: string, tier?: string) {
  ids[name] = insert('stakeholders', {
    name,
    category_id: ids[category],
    stage,
    owner_partner_id: ids[owner],
    name_key: name.toLowerCase(),
    search_text: name.toLowerCase(),
  })
  if (tier)
    insert('stakeholder_priority', {
      stakeholder_id: ids[name],
      score: tier === 'A' ? 80 : 50,
      tier,
      scored_at: '2031-01-01T00:00:00Z',
    })
}

beforeAll(() => {
  ids.P1 = insert('partners', { name: 'Fixture city one', country: 'ES' })
  ids.P2 = insert('partners', { name: 'Fixture city two', country: 'PT' })
  ids.T1 = insert('action_types', { name: 'Fixture talk' })
  ids.T2 = insert('action_types', { name: 'Fixture post' })
  ids.C1 = insert('channels', { name: 'Fixture room' })
  ids.C2 = insert('channels', { name: 'Fixture social' })
  ids.FUNDED = insert('stakeholder_categories', { name: 'Fixture funded project', is_funded_project: 1 })
  ids.UNI = insert('stakeholder_categories', { name: 'Fixture university' })
  stakeholder('S1', 'FUNDED', 'collaborating', 'P1', 'A')
  stakeholder('S2', 'FUNDED', 'engaged', 'P1')
  stakeholder('S3', 'UNI', 'collaborating', 'P2', 'B')
  stakeholder('S4', 'UNI', 'collaborating', 'P2')
  stakeholder('S5', 'FUNDED', 'contacted', 'P2')
  ids.G = insert('stakeholder_groups', {
    name: 'Fixture funded projects',
    filter: { category: String(ids.FUNDED) },
  })

  // On the last day of January, in two languages, reaching S1 and S2.
  action('A1', {
    date: '2031-01-31',
    status: 'validated',
    partner: 'P1',
    type: 'T1',
    channel: 'C1',
    participants: 100,
    onlineReach: 1000,
    languages: ['en', 'es'],
    stakeholders: ['S1', 'S2'],
  })
  // Reaches S1 a second time; no participants figure.
  action('A2', {
    date: '2031-01-15',
    status: 'validated',
    partner: 'P2',
    type: 'T2',
    channel: 'C2',
    onlineReach: 500,
    engagements: 20,
    languages: ['en'],
    stakeholders: ['S1'],
  })
  // Returned: never counts.
  action('A3', {
    date: '2031-01-10',
    status: 'returned',
    partner: 'P1',
    type: 'T1',
    channel: 'C1',
    participants: 999,
    onlineReach: 999,
    engagements: 999,
    languages: ['fr'],
    stakeholders: ['S3'],
  })
  // Submitted: counts only with includeSubmitted.
  action('A4', {
    date: '2031-01-20',
    status: 'submitted',
    partner: 'P2',
    type: 'T1',
    channel: 'C1',
    participants: 50,
    languages: ['pt'],
    stakeholders: ['S3'],
  })
  // Draft: never counts.
  action('A5', {
    date: '2031-01-05',
    status: 'draft',
    partner: 'P1',
    type: 'T2',
    participants: 7,
    languages: ['it'],
    stakeholders: ['S4'],
  })
  // Validated but on the first day of February: outside January.
  action('A6', {
    date: '2031-02-01',
    status: 'validated',
    partner: 'P1',
    type: 'T1',
    participants: 1000,
    languages: ['fi'],
    stakeholders: ['S4'],
  })

  // Stage moves: S2 becomes engaged on the last day of January; S3 is created collaborating;
  // S4 moves from engaged to collaborating (already engaged: not new); S5's move is in 2030.
  const audit = (entityId: number, action: string, at: string, before: unknown, after: unknown) =>
    insert('audit_log', { entity: 'stakeholder', entity_id: entityId, action, at, before, after })
  audit(ids.S2, 'update', '2031-01-31T18:00:00.000Z', { stage: 'contacted' }, { stage: 'engaged' })
  audit(ids.S3, 'create', '2031-01-03T09:00:00.000Z', null, { name: 'S3', stage: 'collaborating' })
  audit(ids.S4, 'update', '2031-01-12T09:00:00.000Z', { stage: 'engaged' }, { stage: 'collaborating' })
  audit(ids.S5, 'update', '2030-12-31T23:00:00.000Z', { stage: 'identified' }, { stage: 'engaged' })
})

const metric = (
  m: Parameters<typeof computeMetric>[0]['metric'],
  extra: Partial<Parameters<typeof computeMetric>[0]> = {},
) => computeMetric({ metric: m, ...JAN, ...extra })

describe('computeMetric: action figures', () => {
  it('counts validated actions only, including one on the last day of the month', () => {
    expect(metric('actions')).toBe(2)
    expect(metric('actions', { from: '2031-01-31', to: '2031-01-31' })).toBe(1)
    expect(metric('actions', { from: '2031-02-01', to: '2031-02-28' })).toBe(1)
  })

  it('adds submitted actions with includeSubmitted, never drafts or returned ones', () => {
    expect(metric('actions', { includeSubmitted: true })).toBe(3)
    expect(metric('participants', { includeSubmitted: true })).toBe(150)
  })

  it('sums participants, reach and engagements ignoring missing figures', () => {
    expect(metric('participants')).toBe(100)
    expect(metric('online_reach')).toBe(1500)
    expect(metric('engagements')).toBe(20)
  })

  it('counts distinct languages (an action in two languages gives two)', () => {
    expect(metric('languages_covered')).toBe(2)
    expect(metric('languages_covered', { includeSubmitted: true })).toBe(3)
  })

  it('counts a stakeholder reached twice once', () => {
    expect(metric('stakeholders_reached')).toBe(2)
    expect(metric('stakeholders_reached', { includeSubmitted: true })).toBe(3)
  })

  it('counts partners with at least one counted action', () => {
    expect(metric('partners_active')).toBe(2)
    expect(metric('partners_active', { from: '2031-02-01', to: '2031-02-28' })).toBe(1)
  })

  it('applies an extra filter over actions', async () => {
    const { sql } = await import('drizzle-orm')
    expect(
      metric('participants', { filters: sql`actions.partner_id = ${ids.P2}`, includeSubmitted: true }),
    ).toBe(50)
  })
})

describe('computeMetric: breakdowns', () => {
  it('by partner, type and channel', () => {
    expect(metric('actions', { breakdown: 'partner', breakdownValue: ids.P1 })).toBe(1)
    expect(metric('online_reach', { breakdown: 'partner', breakdownValue: String(ids.P2) })).toBe(500)
    expect(
      metric('participants', { breakdown: 'type', breakdownValue: ids.T1, includeSubmitted: true }),
    ).toBe(150)
    expect(metric('actions', { breakdown: 'channel', breakdownValue: ids.C2 })).toBe(1)
  })

  it('by language: an action in two languages counts in each', () => {
    expect(metric('actions', { breakdown: 'language', breakdownValue: 'en' })).toBe(2)
    expect(metric('actions', { breakdown: 'language', breakdownValue: 'es' })).toBe(1)
    expect(metric('actions', { breakdown: 'language', breakdownValue: 'fr' })).toBe(0)
    expect(metric('languages_covered', { breakdown: 'language', breakdownValue: 'es' })).toBe(1)
  })

  it('by stakeholder category, tier and group', () => {
    expect(metric('stakeholders_reached', { breakdown: 'category', breakdownValue: ids.FUNDED })).toBe(2)
    expect(metric('stakeholders_reached', { breakdown: 'category', breakdownValue: ids.UNI })).toBe(0)
    expect(
      metric('stakeholders_reached', {
        breakdown: 'category',
        breakdownValue: ids.UNI,
        includeSubmitted: true,
      }),
    ).toBe(1)
    expect(metric('stakeholders_reached', { breakdown: 'tier', breakdownValue: 'A' })).toBe(1)
    expect(metric('stakeholders_reached', { breakdown: 'group', breakdownValue: ids.G })).toBe(2)
    // An action belongs to a stakeholder facet when it reached one of its stakeholders.
    expect(metric('actions', { breakdown: 'category', breakdownValue: ids.FUNDED })).toBe(2)
    expect(metric('participants', { breakdown: 'tier', breakdownValue: 'B', includeSubmitted: true })).toBe(
      50,
    )
  })

  it('gives rows for every value of a breakdown', () => {
    const byLanguage = computeMetricRows({ metric: 'actions', ...JAN, breakdown: 'language' })
    expect(byLanguage.find((r) => r.key === 'en')?.value).toBe(2)
    expect(byLanguage.find((r) => r.key === 'es')?.value).toBe(1)
    expect(byLanguage.find((r) => r.key === 'fr')?.value).toBe(0)
    const byPartner = computeMetricRows({
      metric: 'participants',
      ...JAN,
      breakdown: 'partner',
      includeSubmitted: true,
    })
    expect(byPartner.find((r) => r.key === String(ids.P1))?.value).toBe(100)
    expect(byPartner.find((r) => r.key === String(ids.P2))?.value).toBe(50)
    const byCategory = computeMetricRows({ metric: 'stakeholders_reached', ...JAN, breakdown: 'category' })
    expect(byCategory.find((r) => r.key === String(ids.FUNDED))?.value).toBe(2)
    const byTier = computeMetricRows({ metric: 'actions', ...JAN, breakdown: 'tier' })
    expect(byTier.find((r) => r.key === 'A')?.value).toBe(2)
    const byGroup = computeMetricRows({ metric: 'group_share_reached', ...JAN, breakdown: 'group' })
    expect(byGroup.find((r) => r.key === String(ids.G))?.value).toBe(66.7)
    const byChannel = computeMetricRows({ metric: 'engagements', ...JAN, breakdown: 'channel' })
    expect(byChannel.find((r) => r.key === String(ids.C2))?.value).toBe(20)
    const byType = computeMetricRows({ metric: 'languages_covered', ...JAN, breakdown: 'type' })
    expect(byType.find((r) => r.key === String(ids.T1))?.value).toBe(2)
  })

  it('refuses a breakdown that does not apply', () => {
    expect(() => metric('funded_project_links', { breakdown: 'channel', breakdownValue: ids.C1 })).toThrow(
      UnsupportedBreakdownError,
    )
  })
})

describe('computeMetric: stakeholder figures', () => {
  it('shares of a group reached, using its current members', () => {
    // Group = funded-project category: S1, S2, S5; S1 and S2 were reached.
    expect(metric('group_share_reached', { breakdown: 'group', breakdownValue: ids.G })).toBe(66.7)
    // A new member joins the group through its filter: the share follows.
    sqlite().prepare('update stakeholders set category_id = ? where id = ?').run(ids.FUNDED, ids.S4)
    expect(metric('group_share_reached', { breakdown: 'group', breakdownValue: ids.G })).toBe(50)
    sqlite().prepare('update stakeholders set category_id = ? where id = ?').run(ids.UNI, ids.S4)
    expect(
      metric('group_share_reached', { breakdown: 'tier', breakdownValue: 'B', includeSubmitted: true }),
    ).toBeGreaterThan(0)
  })

  it('new stakeholders engaged: moves to engaged/collaborating within the period', () => {
    expect(metric('new_stakeholders_engaged', { breakdown: 'partner', breakdownValue: ids.P1 })).toBe(1)
    expect(metric('new_stakeholders_engaged', { breakdown: 'partner', breakdownValue: ids.P2 })).toBe(1)
    expect(
      metric('new_stakeholders_engaged', {
        from: '2031-01-01',
        to: '2031-01-30',
        breakdown: 'partner',
        breakdownValue: ids.P1,
      }),
    ).toBe(0)
  })

  it('links with funded projects: funded-project stakeholders collaborating', () => {
    expect(metric('funded_project_links', { breakdown: 'category', breakdownValue: ids.FUNDED })).toBe(1)
    expect(metric('funded_project_links', { breakdown: 'partner', breakdownValue: ids.P2 })).toBe(0)
  })
})

describe('targetProgress', () => {
  const target = {
    metric: 'participants' as const,
    periodStart: '2031-01-01',
    periodEnd: '2031-01-31',
    breakdown: 'partner' as const,
    value: 100,
  }

  it('a finished period is on track when the target was met, behind otherwise', () => {
    const met = targetProgress({ ...target, breakdownValue: String(ids.P1) }, { today: '2031-03-01' })
    expect(met).toMatchObject({ actual: 100, percentage: 100, status: 'on_track', finished: true })
    const missed = targetProgress({ ...target, breakdownValue: String(ids.P2) }, { today: '2031-03-01' })
    expect(missed).toMatchObject({ actual: 0, status: 'behind' })
    expect(
      targetProgress(
        { ...target, breakdownValue: String(ids.P2) },
        { today: '2031-03-01', includeSubmitted: true },
      ).actual,
    ).toBe(50)
  })

  it('projects linearly to the period end while it runs', () => {
    // By 20 January (20 of 31 days) partner two has 50 submitted participants: 77.5 projected.
    const p = targetProgress(
      { ...target, breakdownValue: String(ids.P2) },
      { today: '2031-01-20', includeSubmitted: true },
    )
    expect(p.actual).toBe(50)
    expect(p.projection).toBeCloseTo(77.5, 1)
    expect(p.status).toBe('behind')
    const atRisk = targetProgress(
      { ...target, breakdownValue: String(ids.P2), value: 90 },
      { today: '2031-01-20', includeSubmitted: true },
    )
    expect(atRisk.status).toBe('at_risk')
    const onTrack = targetProgress(
      { ...target, breakdownValue: String(ids.P2), value: 70 },
      { today: '2031-01-20', includeSubmitted: true },
    )
    expect(onTrack.status).toBe('on_track')
  })

  it('expects nothing before the period starts', () => {
    const p = targetProgress({ ...target, breakdownValue: String(ids.P1) }, { today: '2030-12-01' })
    expect(p).toMatchObject({ actual: 0, notStarted: true, status: 'on_track' })
  })
})
