import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { resultIndicators, resultIndicatorValues } from '#db/schema'
import {
  addIndicatorValue,
  archiveIndicatorValue,
  createIndicator,
  getResultIndicator,
  indicatorFigure,
  indicatorFormSchema,
  indicatorValueSchema,
  resultIndicatorFigures,
  updateIndicator,
} from '~/models/outcomes/index.server'
import { ForbiddenError } from '~/utils/permissions'
import { InvalidReferencesError } from '~/utils/references.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * The project's own KPIs and entered values: what the commands store and audit, and an entered
 * indicator's figure (its latest value up to a day, month by month). The seed has the programme
 * indicators RCR79, RCR84, RCR104 and the KPIs KPI-FUND (entered) and KPI-OUT (computed).
 */

const kpi = (input: Record<string, unknown> = {}) =>
  indicatorFormSchema.parse({
    code: 'KPI-ŁÓDŹ',
    name: 'Wizyty studyjne w Łodzi',
    definition: 'Study visits hosted by Łódź',
    unit: 'visits',
    method: 'entered',
    counts: 'outcomes',
    outcomeTypes: ['funding'],
    ...input,
  })
const value = (input: Record<string, unknown>) => indicatorValueSchema.parse(input)

describe('result indicator forms', () => {
  it('reads a KPI, keeping outcome types only for a computed one (in the command)', () => {
    expect(kpi({ baselineValue: '', target: '12', baselineDate: '2026-01-01', source: ' GUS ' })).toEqual({
      code: 'KPI-ŁÓDŹ',
      name: 'Wizyty studyjne w Łodzi',
      definition: 'Study visits hosted by Łódź',
      unit: 'visits',
      baselineValue: 0,
      baselineDate: '2026-01-01',
      target: 12,
      source: 'GUS',
      method: 'entered',
      outcomeTypes: ['funding'],
      counts: 'outcomes',
    })
    const refused = indicatorFormSchema.safeParse({
      code: 'KPI ŁÓDŹ',
      name: 'x',
      definition: 'x',
      unit: 'x',
      method: 'guess',
      counts: 'x',
    })
    expect(refused.success ? {} : refused.error.flatten().fieldErrors).toEqual({
      code: ['results:errors.code'],
      method: ['common:errors.choose'],
      counts: ['common:errors.choose'],
    })
  })

  it('a value needs a figure and its evidence, a link or a note', () => {
    expect(value({ date: '2026-05-05', value: '3', note: ' Protokół ' })).toEqual({
      date: '2026-05-05',
      value: 3,
      note: 'Protokół',
    })
    const refused = indicatorValueSchema.safeParse({
      date: '2026-05-05',
      value: '',
      evidenceUrl: 'ftp://x.pl/a',
    })
    expect(refused.success ? {} : refused.error.flatten().fieldErrors).toEqual({
      value: ['common:errors.required'],
      evidenceUrl: ['results:errors.url'],
    })
    const none = indicatorValueSchema.safeParse({ date: '2026-05-05', value: '1' })
    expect(none.success ? {} : none.error.flatten().fieldErrors).toEqual({
      note: ['results:errors.evidenceNeeded'],
    })
  })
})

describe('createIndicator and updateIndicator', () => {
  it('adds a KPI at the end of the list, audited; a taken code or a partner is refused', () => {
    const id = tx((t) => createIndicator(t, kpi({ target: '10' }), demo.comms()))
    const row = {
      code: 'KPI-ŁÓDŹ',
      name: 'Wizyty studyjne w Łodzi',
      definition: 'Study visits hosted by Łódź',
      unit: 'visits',
      baselineValue: 0,
      baselineDate: null,
      target: 10,
      source: null,
      method: 'entered',
      outcomeTypes: [],
      counts: 'outcomes',
      kind: 'kpi',
      sortOrder: 100,
    }
    expect(getResultIndicator(id)).toMatchObject(row)
    expect(lastAudit('result_indicator', id)).toMatchObject({
      action: 'create',
      before: null,
      after: row,
      summary: 'KPI-ŁÓDŹ',
    })
    expect(() => tx((t) => createIndicator(t, kpi(), demo.comms()))).toThrow(InvalidReferencesError)
    expect(() => tx((t) => createIndicator(t, kpi({ code: 'KPI-X' }), demo.partner()))).toThrow(
      ForbiddenError,
    )
    expect(getResultIndicator(999_999)).toBeNull()
  })

  it('changes a KPI (its code too, if free) and never a programme indicator’s code', () => {
    const id = tx((t) =>
      createIndicator(t, kpi({ code: 'KPI-Θ', method: 'computed', outcomeTypes: ['media'] }), demo.comms()),
    )
    expect(getResultIndicator(id)!.outcomeTypes).toEqual(['media'])
    expect(tx((t) => updateIndicator(t, 999_999, kpi(), demo.comms()))).toBe(false)
    expect(() => tx((t) => updateIndicator(t, id, kpi({ code: 'RCR79' }), demo.comms()))).toThrow(
      InvalidReferencesError,
    )
    expect(
      tx((t) =>
        updateIndicator(
          t,
          id,
          kpi({ code: 'KPI-Θ2', method: 'computed', outcomeTypes: ['media'], target: '7' }),
          demo.comms(),
        ),
      ),
    ).toBe(true)
    expect(getResultIndicator(id)).toMatchObject({ code: 'KPI-Θ2', target: 7 })
    expect(lastAudit('result_indicator', id)).toMatchObject({
      action: 'update',
      before: { code: 'KPI-Θ', target: null },
      after: { code: 'KPI-Θ2', target: 7 },
      summary: 'KPI-Θ2',
    })
    // Saving a KPI under its own code is no clash.
    expect(
      tx((t) =>
        updateIndicator(
          t,
          id,
          kpi({ code: 'KPI-Θ2', method: 'computed', outcomeTypes: ['media'], target: '8' }),
          demo.comms(),
        ),
      ),
    ).toBe(true)
    const rcr79 = db.select().from(resultIndicators).where(eq(resultIndicators.code, 'RCR79')).get()!
    tx((t) =>
      updateIndicator(
        t,
        rcr79.id,
        kpi({ code: 'RENAMED', method: 'computed', outcomeTypes: ['policy_changed'] }),
        demo.comms(),
      ),
    )
    expect(getResultIndicator(rcr79.id)).toMatchObject({ code: 'RCR79', name: 'Wizyty studyjne w Łodzi' })
    expect(() => tx((t) => updateIndicator(t, id, kpi(), demo.viewer()))).toThrow(ForbiddenError)
  })
})

describe('entered values and the figure they make', () => {
  it('adds values (audited), archives one once, and the figure is the latest value up to the day', () => {
    const id = tx((t) =>
      createIndicator(
        t,
        kpi({ code: 'KPI-CZ', baselineValue: '2', baselineDate: '2030-01-15' }),
        demo.comms(),
      ),
    )
    expect(
      tx((t) =>
        addIndicatorValue(t, 999_999, value({ date: '2030-02-01', value: '1', note: 'x' }), demo.comms()),
      ),
    ).toBeNull()
    const march = tx((t) =>
      addIndicatorValue(
        t,
        id,
        value({ date: '2030-03-10', value: '5', evidenceUrl: 'https://praha.eu/a' }),
        demo.comms(),
      ),
    )!
    expect(lastAudit('result_indicator_value', march)).toMatchObject({
      action: 'create',
      after: {
        indicatorId: id,
        date: '2030-03-10',
        value: 5,
        evidenceUrl: 'https://praha.eu/a',
        note: null,
        createdBy: demo.comms().id,
      },
      summary: 'KPI-CZ 2030-03-10: 5',
    })
    const may = tx((t) =>
      addIndicatorValue(
        t,
        id,
        value({ date: '2030-05-20', value: '9', note: 'Čeněk Šťastný' }),
        demo.comms(),
      ),
    )!
    const figure = indicatorFigure(getResultIndicator(id)!, '2030-06-30')
    expect(figure.current).toBe(9)
    expect(figure.records).toEqual([])
    expect(figure.values.map((v) => [v.date, v.value, v.createdByName])).toEqual([
      ['2030-03-10', 5, expect.any(String)],
      ['2030-05-20', 9, expect.any(String)],
    ])
    expect(figure.months).toEqual([
      { month: '2030-01', value: 2 },
      { month: '2030-02', value: 2 },
      { month: '2030-03', value: 5 },
      { month: '2030-04', value: 5 },
      { month: '2030-05', value: 9 },
      { month: '2030-06', value: 9 },
    ])
    expect(indicatorFigure(getResultIndicator(id)!, '2030-05-19').current).toBe(5)
    expect(indicatorFigure(getResultIndicator(id)!, '2030-03-09').current).toBe(2)

    expect(tx((t) => archiveIndicatorValue(t, id + 1, may, demo.comms()))).toBe(false)
    expect(tx((t) => archiveIndicatorValue(t, id, may, demo.comms()))).toBe(true)
    const archivedAt = db.select().from(resultIndicatorValues).where(eq(resultIndicatorValues.id, may)).get()!
      .archivedAt
    expect(lastAudit('result_indicator_value', may)).toMatchObject({
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt },
      summary: '2030-05-20: 9',
    })
    expect(tx((t) => archiveIndicatorValue(t, id, may, demo.comms()))).toBe(false)
    expect(indicatorFigure(getResultIndicator(id)!, '2030-06-30').current).toBe(5)
    expect(() => tx((t) => archiveIndicatorValue(t, id, march, demo.partner()))).toThrow(ForbiddenError)
  })

  it('lists the programme indicators first, then the KPIs', () => {
    const kinds = resultIndicatorFigures('2030-12-31').map((f) => f.indicator.kind)
    expect(kinds.slice(0, 3)).toEqual(['programme', 'programme', 'programme'])
    expect(kinds.slice(3).every((k) => k === 'kpi')).toBe(true)
    expect(
      resultIndicatorFigures('2030-12-31')
        .map((f) => f.indicator.code)
        .slice(0, 3),
    ).toEqual(['RCR79', 'RCR84', 'RCR104'])
  })
})
