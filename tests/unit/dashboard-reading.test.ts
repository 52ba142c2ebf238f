import { describe, expect, it } from 'vitest'

import { serverT } from '~/i18n/resources.server'
import { coverage, dashboardOptions, filterFacts, lastDay } from '~/models/dashboards/index.server'
import { filterSentence } from '~/models/dashboards/reading/describe'
import { roundForReading } from '~/models/dashboards/reading/rounding'
import { scopeTargets, targetScope } from '~/models/dashboards/reading/scope'
import { topNWithOther } from '~/models/dashboards/reading/top'
import { listTargetsWithProgress } from '~/models/plan/index.server'

const t = serverT('en')
const es = serverT('es')
const options = {
  partners: [
    { id: 1, name: 'Ayuntamiento de Valencia' },
    { id: 2, name: 'Gdańsk – Urząd Miasta' },
  ],
  channels: [
    { id: 5, name: 'LinkedIn', key: 'linkedin' },
    { id: 6, name: 'Ράδιο Θεσσαλονίκη', key: null },
  ],
  types: [{ id: 9, name: 'Hitzaldia (Donostia)', key: null }],
  categories: [{ id: 3, name: 'Asociații culturale', key: null }],
  groups: [],
}

describe('the filters of a dashboard in words', () => {
  it('names the partner, the channel and the months, in the order a reader expects', () => {
    const facts = filterFacts(
      {
        kind: 'reach',
        filters: { partner: 1, channel: 5, validatedOnly: true },
        options,
        from: '2026-01',
        to: '2026-11',
      },
      t,
    )
    expect(filterSentence(facts, t)).toBe(
      'Partner: Ayuntamiento de Valencia · Channel: LinkedIn · Months: 2026-01 to 2026-11 · Actions counted: Validated only',
    )
    // Every dimension is a fact (so the CSV always has the same rows), chosen or not.
    expect(facts.map((f) => [f.key, f.active])).toEqual([
      ['partner', true],
      ['channel', true],
      ['type', false],
      ['category', false],
      ['months', false],
      ['counting', false],
    ])
  })

  it('keeps names in any script, says when nothing is filtered, and speaks Spanish', () => {
    const greek = filterFacts(
      {
        kind: 'coverage',
        filters: { partner: 2, channel: 6, type: 9, category: 3 },
        options,
        from: '2026-06',
        to: '2026-11',
      },
      t,
    )
    expect(filterSentence(greek, t)).toContain(
      'Partner: Gdańsk – Urząd Miasta · Channel: Ράδιο Θεσσαλονίκη · Action type: Hitzaldia (Donostia) · Stakeholder category: Asociații culturale',
    )
    expect(greek.find((f) => f.key === 'group')?.value).toBe('Tier A stakeholders')
    const none = filterFacts({ kind: 'reach', filters: {}, options, from: '2026-11', to: '2026-11' }, t)
    expect(filterSentence(none, t)).toBe(
      'All partners, channels, action types and stakeholder categories · Months: 2026-11 · Actions counted: Validated only',
    )
    const spanish = filterFacts(
      {
        kind: 'reach',
        filters: { partner: 1, validatedOnly: false },
        options,
        from: '2026-01',
        to: '2026-11',
      },
      es,
    )
    expect(filterSentence(spanish, es)).toMatch(/^Socio: Ayuntamiento de Valencia · Meses: 2026-01 a 2026-11/)
    // An id that no longer exists is shown as such, never as another partner.
    expect(
      filterFacts({ kind: 'reach', filters: { partner: 99 }, options, from: 'x', to: 'x' }, t)[0].value,
    ).toBe('#99')
  })
})

describe('which targets a filtered view compares', () => {
  const projectWide = { breakdown: null, breakdownValue: null }
  const valencia = { breakdown: 'partner', breakdownValue: '1' }
  const gdansk = { breakdown: 'partner', breakdownValue: '2' }
  const linkedin = { breakdown: 'channel', breakdownValue: '5' }

  it('compares everything without a filter, and a partner target with its own partner', () => {
    expect(targetScope(projectWide, {})).toEqual({ kind: 'compared' })
    expect(targetScope(valencia, { partner: 1, validatedOnly: true })).toEqual({ kind: 'compared' })
    expect(targetScope(linkedin, { channel: 5 })).toEqual({ kind: 'compared' })
  })

  it('does not compare a project-wide target with one partner, nor a partner target with one channel', () => {
    expect(targetScope(projectWide, { partner: 1 })).toEqual({ kind: 'not_compared', by: ['partner'] })
    expect(targetScope(valencia, { partner: 1, channel: 5 })).toEqual({
      kind: 'not_compared',
      by: ['channel'],
    })
    expect(targetScope(linkedin, { partner: 1 })).toEqual({ kind: 'not_compared', by: ['partner'] })
    // The coverage dashboard's targets ignore the category (it narrows stakeholders there).
    expect(targetScope(projectWide, { category: 3 }, ['partner', 'channel', 'type'])).toEqual({
      kind: 'compared',
    })
  })

  it("leaves out another partner's targets instead of showing 0 and Behind", () => {
    expect(targetScope(gdansk, { partner: 1 })).toEqual({ kind: 'other' })
    const { shown, otherScope } = scopeTargets([projectWide, valencia, gdansk], { partner: 1 })
    expect(otherScope).toBe(1)
    expect(shown.map((s) => s.scope.kind)).toEqual(['not_compared', 'compared'])
  })
})

describe('the monthly chart: top channels plus Other', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'].map((k) => ({ dataKey: k, name: k.toUpperCase() }))
  const rows = [
    { month: '2026-10', a: 1, b: 10, c: 3, d: 0, e: 2 },
    { month: '2026-11', a: 1, b: 5, c: 3, d: 1, e: 2 },
  ]

  it('keeps the largest series and adds the rest up, month by month', () => {
    const out = topNWithOther(rows, keys, 2, 'Other')
    expect(out.keys.map((k) => k.name)).toEqual(['B', 'C', 'Other'])
    expect(out.rows).toEqual([
      { month: '2026-10', b: 10, c: 3, other: 3 },
      { month: '2026-11', b: 5, c: 3, other: 4 },
    ])
    // Nothing is lost: every month's total is the same.
    const sum = (r: Record<string, string | number>) =>
      Object.values(r).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0)
    out.rows.forEach((r, i) => expect(sum(r)).toBe(sum(rows[i])))
  })

  it('does not make an "Other" of a single series', () => {
    expect(topNWithOther(rows, keys, 4, 'Other').keys).toHaveLength(5)
  })
})

describe('numbers rounded for reading', () => {
  it('shows counts whole, one decimal below 10, and never 100 % before it is reached', () => {
    expect(roundForReading(12346.3)).toBe(12346)
    expect(roundForReading(2.46)).toBe(2.5)
    expect(roundForReading(0.04)).toBe(0)
    expect(roundForReading(35.44, 'percent')).toBe(35)
    expect(roundForReading(7.25, 'percent')).toBe(7.3)
    expect(roundForReading(99.7, 'percent')).toBe(99)
    expect(roundForReading(100, 'percent')).toBe(100)
    expect(roundForReading(-14.6)).toBe(-15)
  })
})

describe('figures that agree and say their date', () => {
  it('gives the same actual and status on the coverage dashboard and the targets list, for every seeded target over three months', () => {
    const targets = listTargetsWithProgress({ includeSubmitted: false, today: '2026-11-30' })
    expect(targets.length).toBeGreaterThan(5)
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      const today = '2026-12-04'
      const asOf = lastDay(month)
      const dashboard = coverage({ month, today })
      expect(dashboard.asOf).toBe(asOf)
      const list = listTargetsWithProgress({ includeSubmitted: false, today: asOf })
      expect(dashboard.targets.length).toBe(list.length)
      for (const row of list) {
        const shown = dashboard.targets.find((d) => d.id === row.id)!
        expect([row.id, shown.actual, shown.status], `${month} target ${row.label ?? row.metric}`).toEqual([
          row.id,
          row.progress.actual,
          row.progress.status,
        ])
      }
    }
  })

  it('counts only working languages as languages covered; others are shown apart', () => {
    const c = coverage({ month: '2026-11', since: 12, today: '2026-12-04' })
    const working = c.languages.working.map((l) => l.language)
    expect(c.languages.other.every((l) => !working.includes(l.language))).toBe(true)
    for (const target of c.targets.filter((x) => x.metric === 'languages_covered' && !x.breakdown))
      expect(target.actual).toBeLessThanOrEqual(working.length)
    expect(dashboardOptions().partners.length).toBeGreaterThan(0)
  })
})
