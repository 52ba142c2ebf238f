import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { actionWhere, listActions } from '~/models/actions/index.server'
import {
  addMonths,
  coverage,
  filtersFrom,
  lastCompleteMonth,
  lastDay,
  monthlyReach,
  parseDashboardParams,
  proratedTarget,
} from '~/models/dashboards/index.server'
import { targetProgress } from '~/models/plan/index.server'

/**
 * Hand-computed fixtures in 2030-2031, far from the demo data (2025-2027), so the seeded demo
 * database this file runs on does not change the figures checked here.
 */
const ids = {} as Record<string, number>

function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c] as never))
  return Number(info.lastInsertRowid)
}

type ActionFixture = {
  partner: string
  type: string
  channel: string | null
  date: string
  status: 'draft' | 'submitted' | 'validated' | 'returned'
  participants: number | null
  onlineReach: number | null
  engagements: number | null
  languages: string[]
  stakeholders: string[]
  archived?: boolean
}

function addAction(name: string, a: ActionFixture) {
  ids[name] = insert('actions', {
    partner_id: ids[a.partner],
    date: a.date,
    month: a.date.slice(0, 7),
    type_id: ids[a.type],
    channel_id: a.channel ? ids[a.channel] : null,
    title: `Fixture ${name}`,
    participants: a.participants,
    online_reach: a.onlineReach,
    engagements: a.engagements,
    status: a.status,
    archived_at: a.archived ? '2031-03-01T00:00:00.000Z' : null,
  })
  for (const l of a.languages) insert('action_languages', { action_id: ids[name], language: l })
  for (const s of a.stakeholders)
    insert('action_stakeholders', { action_id: ids[name], stakeholder_id: ids[s] })
}

beforeAll(() => {
  ids.P1 = insert('partners', { name: 'Fixture Alpha', country: 'ES' })
  ids.P2 = insert('partners', { name: 'Fixture Beta', country: 'PT' })
  ids.P3 = insert('partners', { name: 'Fixture Gamma', country: 'IT' })
  ids.T1 = insert('action_types', { name: 'Fixture talk' })
  ids.T2 = insert('action_types', { name: 'Fixture post' })
  ids.C1 = insert('channels', { name: 'Fixture stage' })
  ids.C2 = insert('channels', { name: 'Fixture social' })
  ids.K1 = insert('stakeholder_categories', { name: 'Fixture universities', sort_order: 900 })
  ids.K2 = insert('stakeholder_categories', { name: 'Fixture networks', sort_order: 901 })
  const stakeholder = (
    name: string,
    category: string,
    owner: string,
    tier: 'A' | 'B' | null,
    archived = false,
  ) => {
    ids[name] = insert('stakeholders', {
      name: `Fixture ${name}`,
      category_id: ids[category],
      owner_partner_id: ids[owner],
      name_key: `fixture ${name.toLowerCase()}`,
      search_text: `fixture ${name.toLowerCase()}`,
      archived_at: archived ? '2031-01-01T00:00:00.000Z' : null,
    })
    if (tier)
      insert('stakeholder_priority', {
        stakeholder_id: ids[name],
        score: tier === 'A' ? 90 : 50,
        tier,
        scored_at: '2031-01-01T00:00:00.000Z',
      })
  }
  stakeholder('S1', 'K1', 'P1', 'A')
  stakeholder('S2', 'K2', 'P1', 'A')
  stakeholder('S3', 'K1', 'P2', 'A')
  stakeholder('S4', 'K1', 'P2', 'B')
  stakeholder('S5', 'K1', 'P2', 'A', true)

  // February 2031 is the month under test.
  addAction('a1', {
    partner: 'P1',
    type: 'T1',
    channel: 'C1',
    date: '2031-02-03',
    status: 'validated',
    participants: 100,
    onlineReach: 1000,
    engagements: 50,
    languages: ['en', 'es'],
    stakeholders: ['S1', 'S2'],
  })
  addAction('a2', {
    partner: 'P1',
    type: 'T2',
    channel: 'C2',
    date: '2031-02-10',
    status: 'validated',
    participants: 20,
    onlineReach: null,
    engagements: 5,
    languages: ['en'],
    stakeholders: ['S1'],
  })
  addAction('a3', {
    partner: 'P2',
    type: 'T1',
    channel: 'C1',
    date: '2031-02-20',
    status: 'submitted',
    participants: 30,
    onlineReach: 300,
    engagements: 3,
    languages: ['fr'],
    stakeholders: ['S3'],
  })
  addAction('a4', {
    partner: 'P2',
    type: 'T1',
    channel: 'C1',
    date: '2031-02-21',
    status: 'draft',
    participants: 999,
    onlineReach: 999,
    engagements: 999,
    languages: ['it'],
    stakeholders: ['S3'],
  })
  addAction('a8', {
    partner: 'P1',
    type: 'T1',
    channel: 'C1',
    date: '2031-02-05',
    status: 'validated',
    participants: 555,
    onlineReach: 555,
    engagements: 555,
    languages: ['pl'],
    stakeholders: ['S3'],
    archived: true,
  })
  addAction('a9', {
    partner: 'P2',
    type: 'T2',
    channel: null,
    date: '2031-02-25',
    status: 'returned',
    participants: 444,
    onlineReach: 444,
    engagements: 444,
    languages: ['en'],
    stakeholders: [],
  })
  // The previous month, the same month a year earlier, and actions after the month.
  addAction('a5', {
    partner: 'P2',
    type: 'T2',
    channel: 'C1',
    date: '2031-01-15',
    status: 'validated',
    participants: 10,
    onlineReach: 200,
    engagements: 2,
    languages: ['es'],
    stakeholders: ['S2'],
  })
  addAction('a6', {
    partner: 'P1',
    type: 'T1',
    channel: 'C1',
    date: '2030-02-05',
    status: 'validated',
    participants: 7,
    onlineReach: 70,
    engagements: 1,
    languages: ['en'],
    stakeholders: ['S1'],
  })
  addAction('a7', {
    partner: 'P1',
    type: 'T1',
    channel: 'C1',
    date: '2031-03-01',
    status: 'validated',
    participants: 500,
    onlineReach: 5000,
    engagements: 500,
    languages: ['fi'],
    stakeholders: ['S3'],
  })

  // Targets: the year for all partners, a quarter for Alpha, February for Beta; Gamma has none.
  ids.yearTarget = insert('targets', {
    label: 'Fixture 2031 actions',
    metric: 'actions',
    period_kind: 'reporting_period',
    period_start: '2031-01-01',
    period_end: '2031-12-31',
    value: 120,
  })
  ids.alphaTarget = insert('targets', {
    metric: 'actions',
    period_kind: 'quarter',
    period_start: '2031-01-01',
    period_end: '2031-03-31',
    breakdown: 'partner',
    breakdown_value: String(ids.P1),
    value: 90,
  })
  ids.betaTarget = insert('targets', {
    metric: 'actions',
    period_kind: 'month',
    period_start: '2031-02-01',
    period_end: '2031-02-28',
    breakdown: 'partner',
    breakdown_value: String(ids.P2),
    value: 5,
  })
  // A participants target for Alpha must not leak into the actions chart.
  insert('targets', {
    metric: 'participants',
    period_kind: 'month',
    period_start: '2031-02-01',
    period_end: '2031-02-28',
    breakdown: 'partner',
    breakdown_value: String(ids.P1),
    value: 1000,
  })

  insert('materials', { title: 'Fixture deck', kind: 'presentation', language: 'ga' })
  insert('materials', { title: 'Fixture logo', kind: 'logo', language: 'ga' })
  insert('materials', {
    title: 'Fixture old',
    kind: 'logo',
    language: 'ga',
    archived_at: '2031-01-01T00:00:00.000Z',
  })
})

const month = '2031-02'
const headline = (r: ReturnType<typeof monthlyReach>) =>
  Object.fromEntries(r.headline.map((h) => [h.key, [h.value, h.previous, h.yearAgo]]))

describe('month helpers', () => {
  it('counts months and days across year ends and leap years', () => {
    expect(addMonths('2031-01', -1)).toBe('2030-12')
    expect(addMonths('2031-12', 1)).toBe('2032-01')
    expect(addMonths('2031-02', -12)).toBe('2030-02')
    expect(lastDay('2032-02')).toBe('2032-02-29')
    expect(lastCompleteMonth('2026-11-22')).toBe('2026-10')
    expect(lastCompleteMonth('2027-01-01')).toBe('2026-12')
  })

  it('prorates a target by the days of its period that fall in the month', () => {
    const quarter = { value: 90, periodStart: '2031-01-01', periodEnd: '2031-03-31' }
    expect(proratedTarget(quarter, '2031-02-01', '2031-02-28')).toBeCloseTo(28)
    expect(proratedTarget(quarter, '2031-04-01', '2031-04-30')).toBe(0)
    expect(
      proratedTarget(
        { value: 5, periodStart: '2031-02-01', periodEnd: '2031-02-28' },
        '2031-02-01',
        '2031-02-28',
      ),
    ).toBe(5)
  })

  it('reads the filters from the URL, ignoring what does not parse', () => {
    const p = parseDashboardParams(
      'month=2031-13&months=24&stack=type&partner=abc&validated=0&metric=online_reach&category=4',
    )
    expect(p).toMatchObject({
      month: undefined,
      months: 24,
      stack: 'type',
      partner: undefined,
      validated: '0',
      metric: 'online_reach',
      category: 4,
    })
    expect(filtersFrom(p)).toEqual({
      partner: undefined,
      channel: undefined,
      type: undefined,
      category: 4,
      validatedOnly: false,
    })
    expect(filtersFrom(parseDashboardParams('')).validatedOnly).toBe(true)
  })
})

describe('monthlyReach', () => {
  it('defaults to the last complete month', () => {
    expect(monthlyReach({ today: '2031-03-10' }).month).toBe('2031-02')
  })

  it('gives the headline figures with the previous month and a year earlier (validated only)', () => {
    const r = monthlyReach({ month })
    expect(r.previous).toBe('2031-01')
    expect(r.yearAgo).toBe('2030-02')
    expect(headline(r)).toMatchObject({
      actions: [2, 1, 1],
      participants: [120, 10, 7],
      onlineReach: [1000, 200, 70],
      engagements: [55, 2, 1],
      stakeholdersReached: [2, 1, 1],
    })
  })

  it('includes submitted actions with validated=0, never drafts, returned or archived ones', () => {
    const r = monthlyReach({ month, filters: { validatedOnly: false } })
    expect(headline(r)).toMatchObject({
      actions: [3, 1, 1],
      participants: [150, 10, 7],
      onlineReach: [1300, 200, 70],
      engagements: [58, 2, 1],
      stakeholdersReached: [3, 1, 1],
    })
  })

  it('filters by partner, channel, type and stakeholder category', () => {
    expect(headline(monthlyReach({ month, filters: { partner: ids.P2 } })).actions).toEqual([0, 1, 0])
    expect(headline(monthlyReach({ month, filters: { channel: ids.C2 } })).participants).toEqual([20, 0, 0])
    expect(headline(monthlyReach({ month, filters: { type: ids.T1 } })).onlineReach).toEqual([1000, 0, 70])
    // Category K2 (networks): only a1 reached S2 this month; a5 reached S2 in January.
    expect(headline(monthlyReach({ month, filters: { category: ids.K2 } }))).toMatchObject({
      actions: [1, 1, 0],
      participants: [100, 10, 0],
    })
  })

  it('stacks the months by channel or type, with empty months as zero', () => {
    const byChannel = monthlyReach({ month, months: 12 })
    expect(byChannel.series).toHaveLength(12)
    expect(byChannel.series[0].month).toBe('2030-03')
    expect(byChannel.series.at(-1)!.month).toBe('2031-02')
    const feb = byChannel.series.at(-1)!
    expect(feb.total).toEqual({ actions: 2, participants: 120, onlineReach: 1000, engagements: 55 })
    expect(feb.byKey[String(ids.C1)]).toEqual({
      actions: 1,
      participants: 100,
      onlineReach: 1000,
      engagements: 50,
    })
    expect(feb.byKey[String(ids.C2)]).toEqual({
      actions: 1,
      participants: 20,
      onlineReach: 0,
      engagements: 5,
    })
    const dec = byChannel.series.find((s) => s.month === '2030-12')!
    expect(dec.total).toEqual({ actions: 0, participants: 0, onlineReach: 0, engagements: 0 })
    expect(byChannel.stackKeys.map((k) => k.name)).toEqual(['Fixture social', 'Fixture stage'])

    const byType = monthlyReach({ month, months: 24, stack: 'type' })
    expect(byType.series).toHaveLength(24)
    // February 2030 (a6) is inside the 24-month window.
    expect(byType.series.find((s) => s.month === '2030-02')!.byKey[String(ids.T1)].actions).toBe(1)
    expect(byType.series.at(-1)!.byKey[String(ids.T2)]).toEqual({
      actions: 1,
      participants: 20,
      onlineReach: 0,
      engagements: 5,
    })
  })

  it('shows each partner with its target for the month, prorated, and none for a partner without', () => {
    const r = monthlyReach({ month })
    const row = (id: number) => r.byPartner.find((p) => p.id === id)!
    expect(row(ids.P1)).toMatchObject({
      actions: 2,
      participants: 120,
      onlineReach: 1000,
      engagements: 55,
      target: 28,
    })
    expect(row(ids.P2)).toMatchObject({ actions: 0, participants: 0, target: 5 })
    expect(row(ids.P3)).toMatchObject({ actions: 0, target: null })
    const participants = monthlyReach({ month, metric: 'participants' })
    expect(participants.byPartner.find((p) => p.id === ids.P1)!.target).toBe(1000)
    expect(participants.byPartner.find((p) => p.id === ids.P2)!.target).toBeNull()
    // Filtering by partner shows only that partner.
    expect(monthlyReach({ month, filters: { partner: ids.P3 } }).byPartner.map((p) => p.id)).toEqual([ids.P3])
  })

  it('breaks the month down by stakeholder category and by language', () => {
    const r = monthlyReach({ month })
    expect(r.byCategory.find((c) => c.id === ids.K1)).toMatchObject({
      actions: 2,
      participants: 120,
      onlineReach: 1000,
      engagements: 55,
      stakeholders: 1,
    })
    expect(r.byCategory.find((c) => c.id === ids.K2)).toMatchObject({
      actions: 1,
      participants: 100,
      onlineReach: 1000,
      engagements: 50,
      stakeholders: 1,
    })
    const lang = (code: string) => r.byLanguage.find((l) => l.language === code)
    expect(lang('en')).toMatchObject({
      actions: 2,
      participants: 120,
      onlineReach: 1000,
      engagements: 55,
      working: true,
    })
    expect(lang('es')).toMatchObject({ actions: 1, participants: 100, onlineReach: 1000, engagements: 50 })
    expect(lang('fr')).toMatchObject({ actions: 0 })
    expect(lang('pl')).toMatchObject({ actions: 0 })
    // The draft's language (it) is a working language listed at zero.
    expect(lang('it')).toMatchObject({ actions: 0 })
  })

  it('accumulates over the target period with the target line and a linear projection', () => {
    const r = monthlyReach({ month })
    expect(r.cumulative.target).toMatchObject({ id: ids.yearTarget, value: 120 })
    expect(r.cumulative.period).toMatchObject({ start: '2031-01-01', end: '2031-12-31' })
    expect(r.cumulative.rows).toHaveLength(12)
    const [jan, feb, mar] = r.cumulative.rows
    expect(jan).toEqual({ month: '2031-01', actual: 1, target: 10.2, projection: null })
    expect(feb).toEqual({ month: '2031-02', actual: 3, target: 19.4, projection: 3 })
    expect(mar.actual).toBeNull()
    expect(r.cumulative.rows.at(-1)).toEqual({
      month: '2031-12',
      actual: null,
      target: 120,
      projection: 18.6,
    })
    expect(r.cumulative.actualToDate).toBe(3)
    expect(r.cumulative.projectedAtEnd).toBe(18.6)
  })

  it("lists the month's most far-reaching actions", () => {
    const r = monthlyReach({ month })
    expect(r.topActions.map((a) => a.id)).toEqual([ids.a1, ids.a2])
    expect(r.topActions[0]).toMatchObject({
      reach: 1100,
      partner: 'Fixture Alpha',
      type: 'Fixture talk',
      channel: 'Fixture stage',
    })
  })

  it('is empty, not broken, for a month with no actions', () => {
    const r = monthlyReach({ month: '2030-12' })
    expect(headline(r).actions).toEqual([0, 0, 0])
    expect(r.topActions).toEqual([])
    expect(r.byPartner.find((p) => p.id === ids.P1)).toMatchObject({ actions: 0, target: null })
  })

  it('matches what the action list shows for the same filters', () => {
    const from = '2031-02-01'
    const to = '2031-02-28'
    for (const filters of [
      {},
      { partner: ids.P1 },
      { channel: ids.C1 },
      { type: ids.T2 },
      { partner: ids.P2 },
    ]) {
      const r = monthlyReach({ month, filters })
      const list = listActions({ ...filters, from, to, status: 'validated' }, { limit: 1000, offset: 0 })
      const sum = (k: 'participants' | 'onlineReach' | 'engagements') =>
        list.rows.reduce((s, a) => s + (a[k] ?? 0), 0)
      // The list holds the demo's actions too, but none in 2031.
      expect(r.series.at(-1)!.total).toEqual({
        actions: list.total,
        participants: sum('participants'),
        onlineReach: sum('onlineReach'),
        engagements: sum('engagements'),
      })
      for (const p of r.byPartner) {
        expect(p.actions).toBe(
          listActions({ ...filters, partner: p.id, from, to, status: 'validated' }, { limit: 1, offset: 0 })
            .total,
        )
      }
    }
  })
})

describe('coverage', () => {
  it('lists tier-A stakeholders not reached in the window, with their owner partner', () => {
    const c = coverage({ month, filters: { category: ids.K1 } })
    expect(c.since).toBe(6)
    expect(c.windowStart).toBe('2030-09')
    // K1 tier A live: S1 (reached by a1) and S3 (only a submitted and a draft action); S4 is tier B, S5 archived.
    expect(c.priority.total).toBe(2)
    expect(c.priority.unreached).toBe(1)
    expect(c.priority.rows.map((r) => [r.id, r.owner])).toEqual([[ids.S3, 'Fixture Beta']])
    const withSubmitted = coverage({ month, filters: { category: ids.K1, validatedOnly: false } })
    expect(withSubmitted.priority.unreached).toBe(0)
    // A shorter window that starts after a6 still holds a1.
    expect(
      coverage({ month: '2031-03', since: 1, filters: { category: ids.K1 } }).priority.rows.map((r) => r.id),
    ).toEqual([ids.S1])
  })

  it('lists the members of any stakeholder group not reached, chosen with ?group=', () => {
    const groupId = insert('stakeholder_groups', {
      name: 'Fixture universities group',
      filter: JSON.stringify({ category: String(ids.K1) }),
    })
    const c = coverage({ month, group: groupId })
    expect(c.priority.group).toEqual({ id: groupId, name: 'Fixture universities group' })
    // K1 live members: S1 (reached), S3 and S4 (not reached by a validated action); S5 is archived.
    expect(c.priority.total).toBe(3)
    expect(c.priority.unreached).toBe(2)
    expect(c.priority.rows.map((r) => r.id)).toEqual([ids.S3, ids.S4])
    expect(c.priority.rows[0]).toMatchObject({ owner: 'Fixture Beta', tier: 'A', lastReached: null })
  })

  it('lists partners with no counted action in the month', () => {
    const inactive = (c: ReturnType<typeof coverage>) => c.partners.inactive.map((p) => p.id)
    const c = coverage({ month })
    expect(inactive(c)).toContain(ids.P2)
    expect(inactive(c)).toContain(ids.P3)
    expect(inactive(c)).not.toContain(ids.P1)
    expect(c.partners.inactive.find((p) => p.id === ids.P2)!.lastAction).toBe('2031-01-15')
    expect(inactive(coverage({ month, filters: { validatedOnly: false } }))).not.toContain(ids.P2)
  })

  it('shows working languages not used in the window and materials per language', () => {
    const c = coverage({ month })
    expect(c.languages.working.find((l) => l.language === 'en')!.actions).toBe(2)
    expect(c.languages.working.find((l) => l.language === 'es')!.actions).toBe(2)
    expect(c.languages.unused).toEqual(expect.arrayContaining(['fr', 'it', 'pl', 'fi']))
    expect(c.languages.unused).not.toContain('en')
    expect(coverage({ month, filters: { validatedOnly: false } }).languages.unused).not.toContain('fr')
    expect(c.materials.find((m) => m.language === 'ga')).toEqual({
      language: 'ga',
      working: false,
      materials: 2,
    })
  })

  it('gives every target its actual, percentage, projection and status as of the month end', () => {
    const c = coverage({ month, today: '2031-03-10' })
    const alpha = c.targets.find((t) => t.id === ids.alphaTarget)!
    // a1 + a2 by 28 February; 59 of 90 days elapsed: 2 / (59/90) = 3.1, far below 90.
    expect(alpha).toMatchObject({
      actual: 2,
      percentage: 2.2,
      projection: 3.1,
      status: 'behind',
      breakdownLabel: 'Fixture Alpha',
    })
    const beta = c.targets.find((t) => t.id === ids.betaTarget)!
    expect(beta).toMatchObject({ actual: 0, status: 'behind' })
    const year = c.targets.find((t) => t.id === ids.yearTarget)!
    expect(year.actual).toBe(3)
  })

  it('never shows stale target progress after an action is written', () => {
    const before = coverage({ month, today: '2031-03-10' }).targets.find(
      (t) => t.id === ids.alphaTarget,
    )!.actual
    addAction('late', {
      partner: 'P1',
      type: 'T2',
      channel: 'C2',
      date: '2031-02-27',
      status: 'validated',
      participants: 1,
      onlineReach: 1,
      engagements: 1,
      languages: [],
      stakeholders: [],
    })
    const after = coverage({ month, today: '2031-03-10' }).targets.find(
      (t) => t.id === ids.alphaTarget,
    )!.actual
    expect(after).toBe(before + 1)
    sqlite().prepare(`update actions set archived_at = '2031-03-01T00:00:00.000Z' where id = ?`).run(ids.late)
    sqlite()
      .prepare(`insert into audit_log (entity, entity_id, action) values ('action', ?, 'archive')`)
      .run(ids.late)
    expect(
      coverage({ month, today: '2031-03-10' }).targets.find((t) => t.id === ids.alphaTarget)!.actual,
    ).toBe(before)
  })

  it("computes in batches exactly what the plan's targetProgress computes one by one", () => {
    for (const filters of [{}, { validatedOnly: false }, { partner: ids.P1 }]) {
      const c = coverage({ month, today: '2031-03-10', filters })
      const narrowing = 'partner' in filters ? actionWhere({ partner: ids.P1 }) : undefined
      for (const t of c.targets) {
        const expected = targetProgress(t as Parameters<typeof targetProgress>[0], {
          today: '2031-02-28',
          includeSubmitted: 'validatedOnly' in filters,
          filters: narrowing,
        })
        expect({ id: t.id, actual: t.actual, projection: t.projection, status: t.status }).toEqual({
          id: t.id,
          actual: expected.actual,
          projection: expected.projection,
          status: expected.status,
        })
      }
    }
  })
})
