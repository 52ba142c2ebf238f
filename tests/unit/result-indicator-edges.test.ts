import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { resultIndicators } from '#db/schema'
import {
  createOutcome,
  indicatorFigure,
  outcomeFormSchema,
  setOutcomeStatus,
} from '~/models/outcomes/index.server'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'
import { insertStakeholder } from '../setup/records'

/*
 * A computed result indicator at its edges: outcomes dated exactly on the baseline date and on the
 * "up to" day count, a day either side does not; the monthly line runs across a new year. Dated in
 * 2033-2034, after anything seeded, and on an indicator row with its baseline moved there.
 */

const org: number[] = []

function verified(date: string, orgId: number) {
  const id = tx((t) =>
    createOutcome(
      t,
      outcomeFormSchema.parse({
        type: 'policy_changed',
        date,
        title: `Uchwała Rady Miasta Łodzi ${date}`,
        stakeholderIds: [String(orgId)],
      }),
      demo.partner(),
    ),
  )
  tx((t) => setOutcomeStatus(t, id, 'verified', demo.comms()))
  return id
}

beforeAll(() => {
  org.push(
    insertStakeholder('Urząd Miasta Łodzi'),
    insertStakeholder('Δήμος Πειραιά'),
    insertStakeholder('Eusko Jaurlaritza'),
  )
  verified('2033-11-30', org[0]!)
  verified('2034-01-15', org[1]!)
  verified('2034-01-16', org[2]!)
})

const rcr79 = (baselineDate: string) => ({
  ...db.select().from(resultIndicators).where(eq(resultIndicators.code, 'RCR79')).get()!,
  baselineDate,
  baselineValue: 10,
})

describe('a computed indicator at its date edges', () => {
  it('counts an outcome dated on the baseline date and one dated on the day it is read up to', () => {
    const figure = indicatorFigure(rcr79('2033-11-30'), '2034-01-15')
    expect(figure.current).toBe(12)
    expect(figure.records.map((r) => r.date)).toEqual(['2033-11-30', '2034-01-15'])
  })

  it('leaves out an outcome a day before the baseline or a day after the reading', () => {
    expect(indicatorFigure(rcr79('2033-12-01'), '2034-01-15').current).toBe(11)
    expect(indicatorFigure(rcr79('2033-11-30'), '2034-01-14').current).toBe(11)
  })

  it('draws one point per month from the baseline month across the new year', () => {
    expect(indicatorFigure(rcr79('2033-11-30'), '2034-02-03').months).toEqual([
      { month: '2033-11', value: 11 },
      { month: '2033-12', value: 11 },
      { month: '2034-01', value: 13 },
      { month: '2034-02', value: 13 },
    ])
  })
})
