import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, resultIndicators, stakeholders } from '#db/schema'
import {
  createOutcome,
  indicatorFigure,
  outcomeFormSchema,
  setOutcomeStatus,
} from '~/models/outcomes/index.server'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * A hand-counted fixture, dated in 2031 (after anything seeded) with the indicators' baseline date
 * moved there, so only these outcomes count:
 *   A policy_changed   verified  orgs s1, s2   fed by actions a1, a2
 *   B practice_adopted verified  orgs s2, s3   fed by action a1
 *   C practice_adopted pending   orgs s4
 *   D network          verified  orgs s1
 *   E partnership      verified  orgs s5, s1
 * RCR79 (policy_changed, practice_adopted; organisations): s1, s2, s3 = 3 (s2 once; C not verified).
 * RCR104 (practice_adopted; organisations): s2, s3 = 2.
 * RCR84 (partnership, network; organisations): s1, s5 = 2.
 * An outcome-counting KPI over policy_changed + practice_adopted: A, B = 2 (A fed by two actions, once).
 */
describe('result indicators against a hand-counted fixture', () => {
  it('counts distinct organisations per indicator and each outcome once', () => {
    const s = db
      .select({ id: stakeholders.id })
      .from(stakeholders)
      .limit(5)
      .all()
      .map((r) => String(r.id))
    const a = db
      .select({ id: actions.id })
      .from(actions)
      .limit(2)
      .all()
      .map((r) => String(r.id))
    const partner = demo.partner()
    const make = (type: string, orgs: string[], acts: string[], verify: boolean, date: string) => {
      const id = tx((t) =>
        createOutcome(
          t,
          outcomeFormSchema.parse({
            type,
            date,
            title: `Fixture ${type} Ελευσίνα`,
            stakeholderIds: orgs,
            actionIds: acts,
          }),
          partner,
        ),
      )
      if (verify) tx((t) => setOutcomeStatus(t, id, 'verified', demo.comms()))
      return id
    }
    make('policy_changed', [s[0]!, s[1]!], [a[0]!, a[1]!], true, '2031-02-01')
    make('practice_adopted', [s[1]!, s[2]!], [a[0]!], true, '2031-03-01')
    make('practice_adopted', [s[3]!], [], false, '2031-03-05')
    make('network', [s[0]!], [], true, '2031-04-01')
    make('partnership', [s[4]!, s[0]!], [], true, '2031-05-01')
    db.update(resultIndicators).set({ baselineDate: '2031-01-01', baselineValue: 0 }).run()
    const figure = (code: string) =>
      indicatorFigure(
        db.select().from(resultIndicators).where(eq(resultIndicators.code, code)).get()!,
        '2031-12-31',
      )
    expect(figure('RCR79').current).toBe(3)
    expect(figure('RCR104').current).toBe(2)
    expect(figure('RCR84').current).toBe(2)
    expect(figure('RCR79').records).toHaveLength(2)
    expect(figure('RCR79').months.find((m) => m.month === '2031-02')?.value).toBe(2)
    const kpi = {
      ...db.select().from(resultIndicators).where(eq(resultIndicators.code, 'RCR79')).get()!,
      id: 0,
      code: 'KPI-OUTCOMES',
      kind: 'kpi' as const,
      counts: 'outcomes' as const,
    }
    expect(indicatorFigure(kpi, '2031-12-31').current).toBe(2)
  })
})
