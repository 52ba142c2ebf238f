import { sql } from 'drizzle-orm'
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

describe('targetProgress at the edges of its rules', () => {
  const p2 = { metric: 'participants' as const, breakdown: 'partner' as const, value: 100 }
  const jan = { periodStart: '2031-01-01', periodEnd: '2031-01-31' }

  it('on the last day the period still runs; the day after it is finished', () => {
    const lastDay = targetProgress({ ...p2, ...jan, breakdownValue: String(ids.P1) }, { today: '2031-01-31' })
    expect(lastDay).toMatchObject({
      actual: 100,
      finished: false,
      elapsed: 1,
      projection: 100,
      status: 'on_track',
    })
    const after = targetProgress({ ...p2, ...jan, breakdownValue: String(ids.P1) }, { today: '2031-02-01' })
    expect(after).toMatchObject({ actual: 100, finished: true })
  })

  it('on the first day the period has started and counts that day', () => {
    // A2 (partner two, 15 January) has an online reach of 500.
    const first = targetProgress(
      { metric: 'online_reach', periodStart: '2031-01-15', periodEnd: '2031-01-24', value: 5000 },
      { today: '2031-01-15' },
    )
    expect(first).toMatchObject({
      actual: 500,
      notStarted: false,
      elapsed: 0.1,
      projection: 5000,
      status: 'on_track',
    })
  })

  it('before the start nothing is projected; a period ending before it starts counts as elapsed', () => {
    const before = targetProgress({ ...p2, ...jan, breakdownValue: String(ids.P1) }, { today: '2030-12-31' })
    expect(before).toMatchObject({ actual: 0, projection: 0, percentage: 0, elapsed: 0, notStarted: true })
    // An action on the period's first day does not count before that day.
    const early = targetProgress(
      { metric: 'online_reach', periodStart: '2031-01-15', periodEnd: '2031-01-24', value: 5000 },
      { today: '2031-01-10' },
    )
    expect(early).toMatchObject({ actual: 0, notStarted: true })
    const backwards = targetProgress(
      { ...p2, periodStart: '2031-01-10', periodEnd: '2031-01-09', breakdownValue: String(ids.P1) },
      { today: '2031-03-01' },
    )
    expect(backwards.elapsed).toBe(1)
  })

  it('gives percentages of the target, and a target of 0 counts as met', () => {
    const half = targetProgress(
      { ...p2, ...jan, breakdownValue: String(ids.P2) },
      { today: '2031-03-01', includeSubmitted: true },
    )
    expect(half).toMatchObject({ actual: 50, percentage: 50, projectedPercentage: 50, status: 'behind' })
    const zero = targetProgress(
      { ...p2, ...jan, value: 0, breakdownValue: String(ids.P2) },
      { today: '2031-03-01' },
    )
    expect(zero).toMatchObject({ actual: 0, percentage: 100, projectedPercentage: 100, status: 'on_track' })
  })

  it('a projection exactly at the target is on track, exactly at 80% of it at risk', () => {
    // 50 submitted participants by 20 January: 77.5 projected over the month.
    const exact = targetProgress(
      { ...p2, ...jan, value: 77.5, breakdownValue: String(ids.P2) },
      { today: '2031-01-20', includeSubmitted: true },
    )
    expect(exact).toMatchObject({ projection: 77.5, status: 'on_track' })
    // 20 January to 4 February (16 days), seen on the 29th (10 days): 50 / 0.625 = 80 projected.
    const eighty = targetProgress(
      {
        ...p2,
        periodStart: '2031-01-20',
        periodEnd: '2031-02-04',
        value: 100,
        breakdownValue: String(ids.P2),
      },
      { today: '2031-01-29', includeSubmitted: true },
    )
    expect(eighty).toMatchObject({ actual: 50, projection: 80, status: 'at_risk' })
  })

  it('projects engagements and stakeholder counts linearly, and a share or a language count not at all', () => {
    const on20 = { today: '2031-01-20' }
    // 20 of 31 days elapsed.
    expect(targetProgress({ metric: 'engagements', ...jan, value: 10 }, on20)).toMatchObject({
      actual: 20,
      projection: 31,
    })
    // S1, reached by A2 on the 15th.
    expect(targetProgress({ metric: 'stakeholders_reached', ...jan, value: 10 }, on20)).toMatchObject({
      actual: 1,
      projection: 1.6,
    })
    // S3, created collaborating on the 3rd (S4 was engaged already).
    expect(targetProgress({ metric: 'new_stakeholders_engaged', ...jan, value: 10 }, on20)).toMatchObject({
      actual: 1,
      projection: 1.6,
    })
    // English only (A2) by the 20th: a count that saturates is not projected.
    expect(targetProgress({ metric: 'languages_covered', ...jan, value: 7 }, on20)).toMatchObject({
      actual: 1,
      projection: 1,
    })
  })
})

describe('computeMetric: the month roll-ups and the links agree, whatever narrows them', () => {
  const p2Only = () => sql`actions.partner_id = ${ids.P2}`

  it('an extra filter over actions narrows the distinct counts (the roll-ups cannot, so they are not used)', () => {
    // Working languages in January: en and es (A1), en (A2); partner two only: en.
    expect(metric('languages_covered')).toBe(2)
    expect(metric('languages_covered', { filters: p2Only() })).toBe(1)
    // S1 and S2 in January; partner two reached S1 only.
    expect(metric('stakeholders_reached')).toBe(2)
    expect(metric('stakeholders_reached', { filters: p2Only() })).toBe(1)
    // The funded-projects group (S1, S2, S5): two of three reached; by partner two one of three.
    const group = { breakdown: 'group' as const, breakdownValue: String(ids.G) }
    expect(metric('group_share_reached', group)).toBe(66.7)
    expect(metric('group_share_reached', { ...group, filters: p2Only() })).toBe(33.3)
  })

  it('an action facet (partner) narrows the distinct counts over whole months', () => {
    const byP2 = { breakdown: 'partner' as const, breakdownValue: String(ids.P2) }
    expect(metric('languages_covered', byP2)).toBe(1)
    expect(metric('stakeholders_reached', byP2)).toBe(1)
    expect(metric('stakeholders_reached', { breakdown: 'partner', breakdownValue: String(ids.P1) })).toBe(2)
    // Every live stakeholder is the population; partner two reached one of them.
    const live = sqlite()
      .prepare('select count(*) from stakeholders where archived_at is null and merged_into_id is null')
      .pluck()
      .get() as number
    expect(metric('group_share_reached', byP2)).toBe(Math.round(1000 / live) / 10)
  })

  it('a stakeholder facet gives the same share from the monthly sets and from the links', () => {
    const byFunded = { breakdown: 'category' as const, breakdownValue: String(ids.FUNDED) }
    const byUni = { breakdown: 'category' as const, breakdownValue: String(ids.UNI) }
    // Funded: S1, S2 of S1, S2, S5. University: none of S3, S4 by validated actions in January.
    expect(metric('group_share_reached', byFunded)).toBe(66.7)
    expect(metric('group_share_reached', byUni)).toBe(0)
    expect(metric('group_share_reached', { ...byFunded, filters: sql`1` })).toBe(66.7)
    expect(metric('group_share_reached', { ...byUni, filters: sql`1` })).toBe(0)
    expect(metric('stakeholders_reached', byFunded)).toBe(2)
    expect(metric('stakeholders_reached', { ...byUni, includeSubmitted: true })).toBe(1)
  })

  it('a facet with no members gives a share of 0, not a division by zero', () => {
    const empty = insert('stakeholder_categories', { name: 'Fixture empty category' })
    const q = { breakdown: 'category' as const, breakdownValue: String(empty) }
    expect(metric('group_share_reached', q)).toBe(0)
    expect(metric('group_share_reached', { ...q, filters: sql`1` })).toBe(0)
  })

  it('register figures are kept per period and per facet, not shared between them', () => {
    // S3 created collaborating on 3 January; S5 engaged on 31 December 2030.
    expect(metric('new_stakeholders_engaged')).toBe(2)
    expect(metric('new_stakeholders_engaged', { from: '2030-12-01', to: '2030-12-31' })).toBe(1)
    expect(
      metric('new_stakeholders_engaged', { breakdown: 'category', breakdownValue: String(ids.UNI) }),
    ).toBe(1)
    expect(
      metric('new_stakeholders_engaged', { breakdown: 'category', breakdownValue: String(ids.FUNDED) }),
    ).toBe(1)
    // Funded-project stakeholders collaborating: S1 only in its category, none in the university
    // one, and none created by 2020 (the fixture's rows are created today).
    const funded = { breakdown: 'category' as const, breakdownValue: String(ids.FUNDED) }
    expect(metric('funded_project_links', funded)).toBe(1)
    expect(metric('funded_project_links', { breakdown: 'category', breakdownValue: String(ids.UNI) })).toBe(0)
    expect(metric('funded_project_links', { ...funded, from: '2020-01-01', to: '2020-01-31' })).toBe(0)
    expect(metric('funded_project_links', funded)).toBe(1)
  })
})
