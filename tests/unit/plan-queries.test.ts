import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { partners, stakeholderCategories, themes } from '#db/schema'
import {
  createTarget,
  facetLabeller,
  getSectionVersion,
  getTarget,
  isPlanSectionKey,
  listSectionVersions,
  listTargetsWithProgress,
  periodBounds,
  projectQuarters,
  savePlanSection,
  setTargetArchived,
  targetFormData,
  targetFormValues,
  targetListOptions,
} from '~/models/plan/index.server'
import {
  activityReferenceErrors,
  groupReferenceErrors,
  mappingReferenceErrors,
  targetReferenceErrors,
} from '~/models/plan/references.server'
import { targetFormSchema } from '~/models/plan/schemas'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * The plan's reads: target periods and form values, the targets list, section versions, and the
 * reference checks behind the commands. The demo project runs 2025-01-01 .. 2027-12-31 with one
 * reporting period a year; partner 7 is Gdańsk.
 */

const project = {
  startDate: '2025-03-15',
  endDate: '2026-02-10',
  reportingPeriods: [
    { label: 'Okres 1', start: '2025-03-15', end: '2025-09-30' },
    { label: 'Περίοδος 2', start: '2025-10-01', end: '2026-02-10' },
  ],
}

describe('periodBounds and projectQuarters', () => {
  it('places months, quarters, reporting periods and the project', () => {
    expect(periodBounds('month', { month: '2028-02' }, project)).toEqual({
      start: '2028-02-01',
      end: '2028-02-29',
    })
    expect(periodBounds('month', { month: '2027-02' }, project)).toEqual({
      start: '2027-02-01',
      end: '2027-02-28',
    })
    expect(periodBounds('month', { month: '2026-12' }, project)).toEqual({
      start: '2026-12-01',
      end: '2026-12-31',
    })
    expect(periodBounds('quarter', { quarter: '2026-Q1' }, project)).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
    })
    expect(periodBounds('quarter', { quarter: '2026-Q3' }, project)).toEqual({
      start: '2026-07-01',
      end: '2026-09-30',
    })
    expect(periodBounds('quarter', { quarter: '2026-Q4' }, project)).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
    })
    expect(periodBounds('reporting_period', { reportingPeriod: 1 }, project)).toEqual({
      start: '2025-10-01',
      end: '2026-02-10',
    })
    expect(periodBounds('reporting_period', { reportingPeriod: 0 }, project)).toEqual({
      start: '2025-03-15',
      end: '2025-09-30',
    })
    expect(periodBounds('project', {}, project)).toEqual({ start: '2025-03-15', end: '2026-02-10' })
  })

  it('gives no bounds for a period it cannot place', () => {
    for (const month of [undefined, '', '2026-13', '2026-00', '2026-1', 'x2026-01', '2026-01x'])
      expect(periodBounds('month', { month }, project)).toBeNull()
    for (const quarter of [undefined, '', '2026-Q5', '2026-Q0', 'x2026-Q1', '2026-Q1x'])
      expect(periodBounds('quarter', { quarter }, project)).toBeNull()
    expect(periodBounds('reporting_period', {}, project)).toBeNull()
    expect(periodBounds('reporting_period', { reportingPeriod: 2 }, project)).toBeNull()
  })

  it('lists every quarter of the years the project spans', () => {
    expect(projectQuarters(project)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ])
    expect(projectQuarters({ startDate: '2027-05-01', endDate: '2027-06-01' })).toHaveLength(4)
  })
})

describe('target form values and the targets list', () => {
  const form = (input: Record<string, unknown>) => targetFormSchema.parse(input)

  it('reproduces a stored target as form values', () => {
    const target = tx((t) =>
      createTarget(
        t,
        form({
          label: 'Łódź',
          metric: 'participants',
          periodKind: 'quarter',
          quarter: '2026-Q3',
          facet: 'tier:B',
          value: '250',
        }),
        demo.comms(),
      ),
    )
    expect(targetFormValues(target, { reportingPeriods: project.reportingPeriods })).toEqual({
      label: 'Łódź',
      metric: 'participants',
      periodKind: 'quarter',
      month: '2026-07',
      quarter: '2026-Q3',
      reportingPeriod: '',
      facet: 'tier:B',
      value: '250',
    })
    const december = {
      ...target,
      label: null,
      periodStart: '2025-12-01',
      periodEnd: '2025-12-31',
      breakdown: null,
    }
    expect(targetFormValues(december, { reportingPeriods: [] })).toMatchObject({
      label: '',
      month: '2025-12',
      quarter: '2025-Q4',
      facet: '',
    })
    const first = { ...target, periodStart: '2025-03-15', periodEnd: '2025-09-30', breakdownValue: null }
    expect(targetFormValues(first, project)).toMatchObject({
      quarter: '2025-Q1',
      reportingPeriod: '0',
      facet: '',
    })
  })

  it('reads the list switches from the URL', () => {
    expect(targetListOptions(new URLSearchParams('includeSubmitted=1&archived=1&status=at_risk'))).toEqual({
      includeSubmitted: true,
      archived: true,
      status: 'at_risk',
    })
    expect(targetListOptions(new URLSearchParams('includeSubmitted=yes&archived=0&status=lost'))).toEqual({
      includeSubmitted: false,
      archived: false,
      status: undefined,
    })
  })

  it('lists live or archived targets with their progress, by status', () => {
    const make = (value: number) =>
      tx((t) =>
        createTarget(
          t,
          form({ metric: 'actions', periodKind: 'month', month: '2019-01', value }),
          demo.comms(),
        ),
      ).id
    const met = make(0)
    const missed = make(5)
    const archived = make(0)
    tx((t) => setTargetArchived(t, archived, true, demo.comms()))
    const today = '2020-01-01'
    const live = listTargetsWithProgress({ includeSubmitted: false, today }).map((t) => t.id)
    expect(live).toEqual(expect.arrayContaining([met, missed]))
    expect(live).not.toContain(archived)
    expect(
      listTargetsWithProgress({ includeSubmitted: false, archived: true, today }).map((t) => t.id),
    ).toContain(archived)
    const behind = listTargetsWithProgress({ includeSubmitted: true, status: 'behind', today })
    expect(behind.map((t) => t.id)).toContain(missed)
    expect(behind.map((t) => t.id)).not.toContain(met)
    expect(behind.every((t) => t.progress.status === 'behind')).toBe(true)
    expect(behind.find((t) => t.id === missed)!.progress).toMatchObject({ actual: 0, finished: true })
    // Oldest period first.
    const starts = live.map((id) => getTarget(id)!.periodStart)
    expect(starts).toEqual([...starts].sort())
  })

  it('labels facets by name, or by the value itself when unknown', () => {
    const label = facetLabeller()
    expect(label('partner', '7')).toBe('Gdańsk')
    expect(label('tier', 'A')).toBe('A')
    expect(label('partner', '999999')).toBe('999999')
    expect(label('city', '7')).toBe('7')
    expect(label(null, '7')).toBeNull()
    expect(label('partner', null)).toBeNull()
  })

  it('gives the target form its lists', () => {
    const data = targetFormData(project)
    expect(data.quarters).toHaveLength(8)
    expect(data.reportingPeriods).toEqual([{ label: 'Okres 1' }, { label: 'Περίοδος 2' }])
    expect(data.metrics).toContain('group_share_reached')
    expect(data.periodKinds).toEqual(['month', 'quarter', 'reporting_period', 'project'])
    expect(data.facets.map((f) => f.breakdown)).toEqual([
      'partner',
      'type',
      'channel',
      'category',
      'group',
      'tier',
      'language',
    ])
    expect(data.facets.find((f) => f.breakdown === 'tier')!.options).toEqual([
      { value: 'A', label: 'A' },
      { value: 'B', label: 'B' },
      { value: 'C', label: 'C' },
    ])
  })
})

describe('plan sections: keys and versions', () => {
  it('knows the eight keys and gives a version only under its own section', () => {
    expect(isPlanSectionKey('methods')).toBe(true)
    expect(isPlanSectionKey('budget')).toBe(false)
    tx((t) => savePlanSection(t, 'messages', 'Klíčová sdělení', demo.comms()))
    const version = listSectionVersions('messages')[0]
    expect(getSectionVersion('messages', version.id)).toMatchObject({
      id: version.id,
      body: 'Klíčová sdělení',
    })
    expect(getSectionVersion('methods', version.id)).toBeNull()
    expect(getSectionVersion('messages', 999_999)).toBeNull()
  })
})

describe('reference checks', () => {
  const archivedRow = (table: string, name: string) => {
    const id = Number(sqlite().prepare(`insert into ${table} (name) values (?)`).run(name).lastInsertRowid)
    sqlite().prepare(`update ${table} set archived_at = '2026-01-01T00:00:00Z' where id = ?`).run(id)
    return id
  }

  it('an activity may keep an archived reference it already has, never take a new one', () => {
    const channel = archivedRow('channels', 'Radio Łódź')
    const choose = ['common:errors.choose']
    expect(tx((t) => activityReferenceErrors(t, { channelId: channel, partnerId: 7 }))).toEqual({
      channelId: choose,
    })
    const current = { partnerId: null, typeId: null, channelId: channel, groupId: null, eventId: null }
    expect(tx((t) => activityReferenceErrors(t, { channelId: channel }, current))).toEqual({})
    expect(tx((t) => activityReferenceErrors(t, { partnerId: 999_999, eventId: 999_998 }))).toEqual({
      partnerId: choose,
      eventId: choose,
    })
  })

  it('a group filter’s category, owner and theme must be live (or the group’s own)', () => {
    const category = db.insert(stakeholderCategories).values({ name: 'Gasteizko Udala' }).returning().get().id
    sqlite()
      .prepare("update stakeholder_categories set archived_at = '2026-01-01' where id = ?")
      .run(category)
    const partner = db
      .insert(partners)
      .values({ name: 'Brno', country: 'CZ', archivedAt: '2026-01-01' })
      .returning()
      .get().id
    const theme = db
      .insert(themes)
      .values({ name: 'Ανάπλαση', archivedAt: '2026-01-01' })
      .returning()
      .get().id
    const input = { name: 'x', category, owner: partner, theme }
    const choose = ['common:errors.choose']
    expect(tx((t) => groupReferenceErrors(t, input))).toEqual({
      category: choose,
      owner: choose,
      theme: choose,
    })
    const own = { category: String(category), owner: String(partner), theme: String(theme) }
    expect(tx((t) => groupReferenceErrors(t, input, own))).toEqual({})
    expect(tx((t) => groupReferenceErrors(t, { name: 'x', owner: 'none', category: 1, theme: 1 }))).toEqual(
      {},
    )
  })

  it('a target’s reporting period and facet must exist (or be the target’s own)', () => {
    const form = (input: Record<string, unknown>) =>
      targetFormSchema.parse({ metric: 'actions', value: 1, ...input })
    expect(targetReferenceErrors(form({ periodKind: 'reporting_period', reportingPeriod: 3 }))).toEqual({
      reportingPeriod: ['plan:targets.errors.reportingPeriod'],
    })
    expect(targetReferenceErrors(form({ periodKind: 'reporting_period', reportingPeriod: 2 }))).toEqual({})
    expect(targetReferenceErrors(form({ periodKind: 'project', facet: 'partner:999999' }))).toEqual({
      facet: ['common:errors.choose'],
    })
    expect(targetReferenceErrors(form({ periodKind: 'project', facet: 'partner:7' }))).toEqual({})
    const own = { breakdown: 'partner', breakdownValue: '999999' }
    expect(targetReferenceErrors(form({ periodKind: 'project', facet: 'partner:999999' }), own)).toEqual({})
    const other = { breakdown: 'type', breakdownValue: '999999' }
    expect(targetReferenceErrors(form({ periodKind: 'project', facet: 'partner:999999' }), other)).toEqual({
      facet: ['common:errors.choose'],
    })
  })

  it('mapped action types must all exist', () => {
    expect(
      tx((t) => mappingReferenceErrors(t, { indicator: 'RCO81', eventKinds: [], typeIds: [1, 2, 2] })),
    ).toEqual({})
    expect(
      tx((t) => mappingReferenceErrors(t, { indicator: 'RCO81', eventKinds: [], typeIds: [1, 999_999] })),
    ).toEqual({
      typeIds: ['common:errors.choose'],
    })
  })
})
