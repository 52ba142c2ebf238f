import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, actionTypes, partners, stakeholderCategories, stakeholders } from '#db/schema'
import { type ActionInput, archiveAction, createAction, setActionStatus } from '~/models/actions/index.server'
import { monthlyReach } from '~/models/dashboards/index.server'
import { computeMetric } from '~/models/plan/index.server'

import { demo } from '../setup/actors'

/*
 * Fixtures the other metric tests lack, in months no other fixture uses (2033):
 * - one stakeholder reached by two actions in one month, once validated and once only submitted,
 *   so counting rows instead of distinct stakeholders gives a different number;
 * - a period starting (and ending) mid-month with counted data in the same month outside it, so
 *   reading whole months from the monthly totals gives a different number;
 * - an archived action inside the period, which must count nowhere.
 */

let partnerId: number
let typeId: number
let shared: number
let other: number

function log(
  input: Partial<ActionInput> & { date: string },
  status: 'validated' | 'submitted' = 'validated',
) {
  const comms = demo.comms()
  return db.transaction((tx) => {
    const id = createAction(tx, { partnerId, typeId, title: `Metric fixture ${input.date}`, ...input }, comms)
    if (status === 'validated') setActionStatus(tx, id, 'validated', comms)
    return id
  })
}

beforeAll(() => {
  partnerId = db.insert(partners).values({ name: 'Edgeton', country: 'DE' }).returning().get().id
  typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  const categoryId = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).limit(1).get()!
    .id
  const add = (name: string) =>
    db
      .insert(stakeholders)
      .values({ name, categoryId, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
      .returning()
      .get().id
  shared = add('Reached Twice Association')
  other = add('Reached Once Foundation')

  // March 2033: the same stakeholder twice (validated), once more only submitted.
  log({ date: '2033-03-03', stakeholderIds: [shared], participants: 10, languages: ['de'] })
  log({ date: '2033-03-20', stakeholderIds: [shared, other], participants: 5, languages: ['en'] })
  log({ date: '2033-03-25', stakeholderIds: [shared], participants: 1, languages: ['fi'] }, 'submitted')

  // June-August 2033, for the period 2033-06-15 .. 2033-08-10: one action before the start in
  // June, one inside in June, one in July, one inside in August and one after the end in August.
  log({ date: '2033-06-02', stakeholderIds: [other], participants: 100, languages: ['pl'] })
  log({ date: '2033-06-20', stakeholderIds: [shared], participants: 7, languages: ['es'] })
  log({ date: '2033-07-10', participants: 3, languages: ['es'] })
  log({ date: '2033-08-05', participants: 2, languages: ['pt'] })
  log({ date: '2033-08-25', stakeholderIds: [other], participants: 1000, languages: ['it'] })
  // Archived inside the period: counts nowhere.
  const archived = log({ date: '2033-07-15', stakeholderIds: [other], participants: 50, languages: ['fr'] })
  db.transaction((tx) => archiveAction(tx, archived, demo.comms()))
  expect(db.select().from(actions).where(eq(actions.id, archived)).get()!.archivedAt).not.toBeNull()
})

const headline = (r: ReturnType<typeof monthlyReach>) =>
  Object.fromEntries(r.headline.map((h) => [h.key, h.value]))

describe('the reach dashboard counts distinct stakeholders reached', () => {
  it.each([
    ['validated only (the pre-aggregate)', { validatedOnly: true }, 2],
    ['with submitted (one stakeholder under two statuses)', { validatedOnly: false }, 2],
    [
      'with an action filter (the join, one stakeholder over three actions)',
      { validatedOnly: false, partner: 0 },
      2,
    ],
  ])('%s', (_, filters, reached) => {
    const f = 'partner' in filters ? { ...filters, partner: partnerId } : filters
    const r = monthlyReach({ month: '2033-03', filters: f })
    expect(headline(r).stakeholdersReached).toBe(reached)
    // The same month's action count shows the fixture is there (2 validated, 3 with submitted).
    expect(headline(r).actions).toBe(filters.validatedOnly ? 2 : 3)
  })
})

describe('plan metrics over a period that starts and ends mid-month', () => {
  const period = { from: '2033-06-15', to: '2033-08-10' }
  it.each<[Parameters<typeof computeMetric>[0]['metric'], number]>([
    ['actions', 3 + 0],
    ['participants', 7 + 3 + 2],
    ['stakeholders_reached', 1],
    ['languages_covered', 2],
  ])('%s counts only the days of the period (and no archived action): %d', (metric, expected) => {
    expect(computeMetric({ metric, ...period })).toBe(expected)
  })

  it.each<[Parameters<typeof computeMetric>[0]['metric'], number]>([
    ['actions', 5],
    ['participants', 100 + 7 + 3 + 2 + 1000],
    ['stakeholders_reached', 2],
    ['languages_covered', 4],
  ])('whole months June-August give %s = %d (the data outside the period is there)', (metric, expected) => {
    expect(computeMetric({ metric, from: '2033-06-01', to: '2033-08-31' })).toBe(expected)
  })

  it.each<[Parameters<typeof computeMetric>[0]['metric'], number]>([
    ['stakeholders_reached', 1],
    ['languages_covered', 1],
    ['participants', 7],
  ])(
    'a period inside one month (2033-06-16 .. 2033-06-25) reads only its days: %s = %d',
    (metric, expected) => {
      expect(computeMetric({ metric, from: '2033-06-16', to: '2033-06-25' })).toBe(expected)
    },
  )

  it('the stakeholder reached twice in March counts once over the month', () => {
    expect(computeMetric({ metric: 'stakeholders_reached', from: '2033-03-01', to: '2033-03-31' })).toBe(2)
    expect(
      computeMetric({
        metric: 'stakeholders_reached',
        from: '2033-03-01',
        to: '2033-03-31',
        includeSubmitted: true,
      }),
    ).toBe(2)
    expect(computeMetric({ metric: 'stakeholders_reached', from: '2033-03-04', to: '2033-03-31' })).toBe(2)
    expect(computeMetric({ metric: 'stakeholders_reached', from: '2033-03-21', to: '2033-03-31' })).toBe(0)
  })
})
