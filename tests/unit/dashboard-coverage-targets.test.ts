import { beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { coverage, targetProgressList } from '~/models/dashboards/coverage/index.server'
import type { ActionFilters } from '~/models/dashboards/types'

import { insertAction, insertRow, insertStakeholder } from '../setup/dashboard-world'
import { channelId, typeId } from '../setup/records'

/**
 * Target progress on the coverage dashboard over a hand-counted 2041: targets exactly met, one
 * short, over, not started, starting or ending mid-month; whole-project, per partner, type and
 * channel targets (counted in batches over whole months) and the others (counted one by one).
 * April 2041 is the month shown unless told; the list is counted to 30 April.
 *
 * The list is cached per data version (every write bumps it): each test first writes an audit
 * row, so that it counts its own list rather than one an earlier test left in the cache.
 */
const ids = {} as Record<string, number>
const target = (row: Record<string, unknown>) =>
  insertRow('targets', { metric: 'actions', period_kind: 'reporting_period', ...row })
const bumpVersion = () => insertRow('audit_log', { entity: 'test', action: 'update', summary: 'Łódź' })
beforeAll(() => {
  ids.gasteiz = insertRow('partners', { name: 'Gasteizko Udala', country: 'ES' })
  ids.lodz = insertRow('partners', { name: 'Urząd Miasta Łodzi', country: 'PL' })
  ids.linkedin = channelId('linkedin')
  ids.radio = insertRow('channels', { name: 'Ράδιο Θεσσαλονίκη', sort_order: 970 })
  ids.presentation = typeId('presentation')
  ids.webinar = typeId('webinar')
  const category = insertRow('stakeholder_categories', { name: 'Euskal elkarteak', sort_order: 970 })
  ids.araba = insertStakeholder('Arabako Kultur Elkartea', category, ids.gasteiz)
  ids.lodzkie = insertStakeholder('Łódzkie Stowarzyszenie', category, ids.lodz)
  const g = { partner: ids.gasteiz, type: ids.presentation }
  const l = { partner: ids.lodz, type: ids.webinar }
  // Araba is reached twice (10 February and 5 March), Łódzkie only by a submitted action.
  insertAction({ ...g, channel: ids.radio, date: '2041-02-10', participants: 12, stakeholders: [ids.araba] })
  insertAction({
    ...g,
    type: ids.webinar,
    channel: ids.linkedin,
    date: '2041-03-05',
    participants: 7,
    stakeholders: [ids.araba],
  })
  insertAction({
    ...l,
    type: ids.presentation,
    channel: ids.linkedin,
    date: '2041-03-20',
    status: 'submitted',
    participants: 30,
    stakeholders: [ids.lodzkie],
  })
  insertAction({ ...g, channel: ids.linkedin, date: '2041-03-25', participants: 3 })
  insertAction({ ...l, channel: ids.radio, date: '2041-04-18', participants: 5 })
  insertAction({ ...l, channel: ids.radio, date: '2041-04-25', participants: 6 })
  insertAction({ ...g, channel: ids.radio, date: '2041-05-15', participants: 4 })
  const q1 = { period_start: '2041-01-01', period_end: '2041-03-31' }
  const year = { period_start: '2041-01-01', period_end: '2041-12-31' }
  ids.met = target({ ...q1, label: 'Lehen hiruhilekoa', value: 3 })
  ids.short = target({ ...q1, label: 'Pierwszy kwartał', value: 4 })
  ids.gasteizH1 = target({
    label: 'Gasteiz H1',
    metric: 'participants',
    period_start: '2041-01-01',
    period_end: '2041-06-30',
    breakdown: 'partner',
    breakdown_value: String(ids.gasteiz),
    value: 40,
  })
  ids.webinars = target({
    ...year,
    metric: 'participants',
    breakdown: 'type',
    breakdown_value: String(ids.webinar),
    value: 10,
  })
  ids.radioYear = target({ ...year, breakdown: 'channel', breakdown_value: String(ids.radio), value: 6 })
  ids.linkedinQ1 = target({ ...q1, breakdown: 'channel', breakdown_value: String(ids.linkedin), value: 2 })
  ids.midStart = target({
    label: 'Θεσσαλονίκη',
    metric: 'participants',
    period_start: '2041-02-15',
    period_end: '2041-12-31',
    value: 100,
  })
  ids.midEnd = target({
    label: 'Do 20 marca',
    period_start: '2041-01-01',
    period_end: '2041-03-20',
    value: 3,
  })
  ids.reached = target({ ...year, metric: 'stakeholders_reached', value: 4 })
  ids.future = target({ label: 'Podzim', period_start: '2041-09-01', period_end: '2041-12-31', value: 5 })
  ids.archived = target({ ...year, label: 'Zrušeno', value: 1, archived_at: '2041-01-02T00:00:00.000Z' })
})

beforeEach(() => {
  bumpVersion()
})

const listOf = (filters: ActionFilters = {}, month = '2041-04', today = '2041-06-01') =>
  targetProgressList({ month, filters, today })
const rowOf = (id: number, filters: ActionFilters = {}, month = '2041-04', today = '2041-06-01') =>
  listOf(filters, month, today).find((t) => t.id === id)
const actualOf = (id: number, filters: ActionFilters = {}) => rowOf(id, filters)?.actual

describe('targets at and around their value', () => {
  it('lists a finished target exactly met as on track and one short as behind', () => {
    const list = listOf()
    expect(list.find((t) => t.id === ids.met)).toEqual({
      id: ids.met,
      label: 'Lehen hiruhilekoa',
      metric: 'actions',
      periodKind: 'reporting_period',
      periodStart: '2041-01-01',
      periodEnd: '2041-03-31',
      breakdown: null,
      breakdownValue: null,
      breakdownLabel: null,
      breakdownKey: null,
      value: 3,
      actual: 3,
      percentage: 100,
      projection: 3,
      projectedPercentage: 100,
      status: 'on_track',
      finished: true,
      notStarted: false,
    })
    expect(list.find((t) => t.id === ids.short)).toMatchObject({
      actual: 3,
      percentage: 75,
      status: 'behind',
    })
    expect(list.find((t) => t.id === ids.archived)).toBeUndefined()
    // The submitted action of 20 March counts when asked: the target is then over.
    expect(rowOf(ids.met, { validatedOnly: false })).toMatchObject({ actual: 4, percentage: 133.3 })
  })

  it('projects a running partner target to its end, at risk from 80 %', () => {
    // 22 participants in 120 of 181 days: 33.2 projected of 40; the 15 May action is not counted yet.
    expect(rowOf(ids.gasteizH1)).toMatchObject({
      breakdownLabel: 'Gasteizko Udala',
      breakdownKey: null,
      actual: 22,
      percentage: 55,
      projection: 33.2,
      projectedPercentage: 83,
      status: 'at_risk',
      finished: false,
      notStarted: false,
    })
  })

  it('counts per type and per channel, labelled with their names', () => {
    expect(rowOf(ids.webinars)).toMatchObject({
      breakdownLabel: 'Webinar',
      breakdownKey: 'webinar',
      actual: 18,
      percentage: 180,
    })
    expect(rowOf(ids.radioYear)).toMatchObject({
      breakdownLabel: 'Ράδιο Θεσσαλονίκη',
      breakdownKey: null,
      actual: 3,
    })
    expect(rowOf(ids.linkedinQ1)).toMatchObject({ breakdownKey: 'linkedin', actual: 2, status: 'on_track' })
  })

  it('says nothing is expected of a target not started yet', () => {
    expect(rowOf(ids.future)).toMatchObject({
      actual: 0,
      percentage: 0,
      projection: 0,
      status: 'on_track',
      finished: false,
      notStarted: true,
    })
  })

  it('counts a stakeholder reached twice once, and one reached by a submitted action when asked', () => {
    expect(rowOf(ids.reached)).toMatchObject({ actual: 1, percentage: 25 })
    expect(rowOf(ids.reached, { validatedOnly: false })?.actual).toBe(2)
  })
})

describe('periods that start or end mid-month', () => {
  it('counts from the first day of a period starting on 15 February', () => {
    // Not the 10 February action (12 participants): 7 + 3 + 5 + 6.
    expect(actualOf(ids.midStart)).toBe(21)
    expect(actualOf(ids.midStart, { validatedOnly: false })).toBe(51)
    expect(actualOf(ids.midStart, { validatedOnly: true })).toBe(21)
  })

  it('counts to the last day of a period ending on 20 March', () => {
    // The actions of 10 February and 5 March; not the one of 25 March.
    expect(rowOf(ids.midEnd)).toMatchObject({ actual: 2, finished: true, status: 'behind' })
  })

  it('counts to today while the month is not over', () => {
    const list = listOf({}, '2041-04', '2041-04-20')
    // Not the 25 April action.
    expect(list.find((t) => t.id === ids.radioYear)?.actual).toBe(2)
    expect(list.find((t) => t.id === ids.midStart)?.actual).toBe(15)
    expect(list.find((t) => t.id === ids.webinars)?.actual).toBe(12)
  })
})

describe('targets narrowed by the action filter', () => {
  it('narrows the targets counted one by one to the partner, channel or type', () => {
    expect(actualOf(ids.midStart, { partner: ids.gasteiz })).toBe(10)
    expect(actualOf(ids.midStart, { partner: ids.lodz })).toBe(11)
    expect(actualOf(ids.midStart, { partner: ids.lodz, validatedOnly: false })).toBe(41)
    expect(actualOf(ids.midStart, { channel: ids.radio })).toBe(11)
    expect(actualOf(ids.midStart, { type: ids.presentation })).toBe(3)
  })

  it('narrows the targets counted in batches too', () => {
    expect(actualOf(ids.met, { partner: ids.lodz })).toBe(0)
    expect(actualOf(ids.met, { partner: ids.lodz, validatedOnly: false })).toBe(1)
    expect(actualOf(ids.radioYear, { type: ids.webinar })).toBe(2)
    expect(actualOf(ids.gasteizH1, { channel: ids.radio })).toBe(12)
  })

  it('leaves out of the dashboard the targets of another partner, channel or type', () => {
    const shown = (filters: ActionFilters) =>
      coverage({ month: '2041-04', today: '2041-06-01', filters }).targets.map((t) => t.id)
    expect(shown({ partner: ids.lodz })).not.toContain(ids.gasteizH1)
    expect(shown({ partner: ids.gasteiz })).toContain(ids.gasteizH1)
    expect(shown({ channel: ids.linkedin })).not.toContain(ids.radioYear)
    expect(shown({ channel: ids.linkedin })).toContain(ids.linkedinQ1)
    expect(shown({ type: ids.presentation })).not.toContain(ids.webinars)
    expect(shown({ type: ids.presentation })).toContain(ids.met)
  })
})
