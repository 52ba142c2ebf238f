import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  homeKind,
  type HomeTaskKey,
  homeTasks,
  navBadges,
  reachHeadline,
} from '~/models/dashboards/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

/**
 * The comms lead's home page against real SQLite. The demo data (2025-2027) stays in the database,
 * so each count is read before and after the fixtures (February 2031, "today" 2031-02-15) are
 * added, and the difference is compared with the hand count.
 */
const TODAY = '2031-02-15'
const ids = {} as Record<string, number>

function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c] as never))
  return Number(info.lastInsertRowid)
}

function action(
  name: string,
  partner: string,
  date: string,
  status: string,
  extra: Record<string, unknown> = {},
) {
  ids[name] = insert('actions', {
    partner_id: ids[partner],
    date,
    month: date.slice(0, 7),
    type_id: ids.type,
    title: `Działanie ${name} – żółć`,
    status,
    ...extra,
  })
}

function stakeholder(name: string, tier: 'A' | 'B' | null, extra: Record<string, unknown> = {}) {
  ids[name] = insert('stakeholders', {
    name: `Δήμος ${name}`,
    category_id: ids.category,
    name_key: `dimos ${name}`,
    search_text: `dimos ${name}`,
    ...extra,
  })
  if (tier) {
    insert('stakeholder_priority', {
      stakeholder_id: ids[name],
      score: tier === 'A' ? 90 : 50,
      tier,
      scored_at: TODAY,
    })
  }
}

const counts = () =>
  Object.fromEntries(homeTasks(demo.comms(), TODAY).map((t) => [t.key, t.count])) as Record<
    HomeTaskKey,
    number
  >
let before: Record<HomeTaskKey, number>

beforeAll(() => {
  ids.type = (sqlite().prepare('select min(id) as id from action_types').get() as { id: number }).id
  ids.category = (
    sqlite().prepare('select min(id) as id from stakeholder_categories').get() as { id: number }
  ).id
  before = counts()
  ids.P = insert('partners', { name: 'Gmina Fixture Łódź', country: 'PL' })
  ids.Q = insert('partners', { name: 'Obec Fixture Žďár', country: 'CZ' })
  ids.R = insert('partners', { name: 'Primăria Fixture Iași', country: 'RO' })
  ids.Gone = insert('partners', {
    name: 'Archived Fixture',
    country: 'ES',
    archived_at: '2031-01-01T00:00:00Z',
  })

  // Waiting for validation: s1, s2 (s-archived is archived). Returned: r1 (r-archived is archived).
  action('s1', 'P', '2031-02-03', 'submitted')
  action('s2', 'R', '2030-11-03', 'submitted')
  action('sArchived', 'P', '2031-02-04', 'submitted', { archived_at: '2031-02-05T00:00:00Z' })
  action('r1', 'Q', '2031-02-06', 'returned', { return_comment: 'Prosím doplňte odkaz; díky, Žďár.' })
  action('rArchived', 'P', '2031-02-06', 'returned', { archived_at: '2031-02-07T00:00:00Z' })
  action('d1', 'Q', '2031-02-08', 'draft')
  // This month: P logged s1, R logged v1; Q has only a returned action and a draft, so Q is silent.
  action('v1', 'R', '2031-02-10', 'validated')
  action('v0', 'P', '2031-01-10', 'validated')

  // Work plan: overdue (due before today, nothing logged); done, awaiting and future are not.
  const activity = (name: string, due: string, extra: Record<string, unknown> = {}) => {
    ids[name] = insert('planned_activities', {
      title: `Jarduera ${name}`,
      partner_id: ids.P,
      due_date: due,
      ...extra,
    })
  }
  activity('overdue1', '2031-02-01')
  activity('overdue2', '2030-12-31')
  activity('done', '2031-02-01')
  action('aDone', 'P', '2031-01-30', 'validated', { activity_id: ids.done })
  activity('awaiting', '2031-02-01')
  action('aAwaiting', 'P', '2031-01-31', 'submitted', { activity_id: ids.awaiting })
  activity('future', '2031-03-01')
  activity('archivedOverdue', '2031-01-01', { archived_at: '2031-01-02T00:00:00Z' })
})

describe('the comms lead’s home counts', () => {
  it('counts live actions waiting for validation and returned ones not resubmitted', () => {
    const after = counts()
    // s1, s2, aAwaiting are submitted; sArchived is archived.
    expect(after.awaitingValidation - before.awaitingValidation).toBe(3)
    // r1; rArchived is archived.
    expect(after.returned - before.returned).toBe(1)
  })

  it('counts partners with nothing logged this month (a returned action or a draft is not logged)', () => {
    // P (submitted) and R (validated) logged in February; Q did not; the archived partner is left out.
    expect(counts().silentPartners - before.silentPartners).toBe(1)
  })

  it('counts overdue work-plan activities as the work plan’s own "overdue" filter does', () => {
    // overdue1, overdue2; done has a validated action, awaiting a submitted one; future and archived are left out.
    expect(counts().overdueActivities - before.overdueActivities).toBe(2)
  })

  it('counts targets at risk with the plan’s own progress rule', () => {
    const start = counts().targetsAtRisk
    const target = (value: number, extra: Record<string, unknown> = {}) =>
      insert('targets', {
        metric: 'actions',
        period_kind: 'quarter',
        period_start: '2031-01-01',
        period_end: '2031-03-31',
        breakdown: 'partner',
        breakdown_value: String(ids.P),
        value,
        ...extra,
      })
    // P has 2 validated actions (v0, aDone) 46 of 90 days in: projected about 3.9.
    target(4.5) // projection >= 80% of 4.5: at risk
    target(3) // on track
    target(20) // behind
    target(4.5, { archived_at: '2031-01-05T00:00:00Z' }) // archived
    expect(counts().targetsAtRisk - start).toBe(1)
  })

  it('counts tier-A stakeholders no validated action reached in the last six months', () => {
    const start = counts().tierAUnreached
    stakeholder('reached', 'A')
    stakeholder('onlySubmitted', 'A')
    stakeholder('longAgo', 'A')
    stakeholder('never', 'A')
    stakeholder('tierB', 'B')
    stakeholder('archivedA', 'A', { archived_at: '2031-01-01T00:00:00Z' })
    const link = (a: string, s: string) =>
      insert('action_stakeholders', { action_id: ids[a], stakeholder_id: ids[s] })
    link('v1', 'reached')
    link('s1', 'onlySubmitted')
    action('old', 'R', '2030-08-31', 'validated') // the window is September 2030 to February 2031
    link('old', 'longAgo')
    // onlySubmitted, longAgo and never; reached is reached, tierB and archivedA are not counted.
    expect(counts().tierAUnreached - start).toBe(3)
  })

  it('links each count to the list filtered to exactly those records', () => {
    expect(Object.fromEntries(homeTasks(demo.admin(), TODAY).map((t) => [t.key, t.href]))).toEqual({
      awaitingValidation: '/actions/review',
      returned: '/actions?status=returned',
      silentPartners: '/dashboard/coverage?month=2031-02&validated=0#partners',
      overdueActivities: '/plan/workplan?state=overdue',
      targetsAtRisk: '/plan/targets?status=at_risk',
      tierAUnreached: '/dashboard/coverage?month=2031-02&since=6#unreached',
    })
  })

  it('is only for whoever validates; partners and viewers are refused', () => {
    expect(() => homeTasks(demo.partner(), TODAY)).toThrow(ForbiddenError)
    expect(() => homeTasks(demo.viewer(), TODAY)).toThrow(ForbiddenError)
  })
})

describe('home kinds and badges', () => {
  it('gives the comms view to comms and admin, the partner view to partners, figures to viewers', () => {
    expect(homeKind(demo.comms())).toBe('comms')
    expect(homeKind(demo.admin())).toBe('comms')
    expect(homeKind(demo.partner())).toBe('partner')
    expect(homeKind(demo.viewer())).toBe('figures')
  })

  it('badges the review queue with the waiting count for validators only', () => {
    const waiting = counts().awaitingValidation
    expect(navBadges(demo.comms())).toEqual({ '/actions/review': waiting })
    expect(navBadges(demo.partner())).toEqual({})
    expect(navBadges(demo.viewer())).toEqual({})
  })

  it('reads a month’s headline figures as the reach dashboard does', () => {
    const headline = Object.fromEntries(reachHeadline('2031-02').map((h) => [h.key, h.value]))
    // Validated in February 2031: v1 only (aDone is January).
    expect(headline.actions).toBe(1)
    expect(headline.stakeholdersReached).toBe(1)
  })
})
