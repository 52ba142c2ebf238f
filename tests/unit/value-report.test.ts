import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { actionTypes, auditLog, resultIndicators, stakeholders, valueReports } from '#db/schema'
import {
  createOutcome,
  outcomeFormSchema,
  resultIndicatorFigures,
  setOutcomeStatus,
} from '~/models/outcomes/index.server'
import { computeIndicators } from '~/models/plan/index.server'
import {
  reportQuerySchema,
  resolveReportPeriod,
  saveValueReport,
  valueReportData,
  valueReportDocument,
  valueReportDocx,
  valueReportFormSchema,
  valueReportMarkdown,
} from '~/models/reports/index.server'
import { ForbiddenError } from '~/utils/permissions'
import { InvalidReferencesError } from '~/utils/references.server'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'
import { unzipText } from '../setup/unzip'

/*
 * The value report against a fixture counted by hand, in 2032 (after anything seeded), period
 * 2032-01 to 2032-03:
 *   partner Ł "Fixture Łódź Gdańsk": a1 2032-02-10 validated 40 participants, 1000 reach, 50 engagements
 *                                      a2 2032-03-05 validated 10 participants, 5 engagements
 *                                      a5 2032-04-02 validated 999 participants (after the period)
 *                                      hosts one event on 2032-02-12
 *   partner Θ "Fixture Θεσσαλονίκη":   a3 2032-02-20 validated 500 reach, 20 engagements
 *                                      a4 2032-02-21 submitted 100 participants (not counted)
 *   Outputs: 3 actions, 50 participants, 1500 online reach, 75 engagements.
 *   Ł: 2 actions, 50, 1000, 55, 1 event; Θ: 1 action, 0, 500, 20, 0 events.
 *   Outcomes: O1 Ł policy_changed 2032-02-15 verified, fed by a1 AND a2 (one outcome);
 *             O2 Θ media 2032-03-01 verified, fed by a3;
 *             O3 Ł partnership 2032-03-10 pending (neither counted nor told);
 *             O4 Θ funding 2032-05-01 verified (after the period).
 *   Verified outcomes of the period: 2 (Ł 1, Θ 1); told by default: O1, O2.
 *   Planned next: "Fixture next" due 2032-04-15 (listed), "Fixture now" due 2032-03-20 (not).
 */
const ids = {} as Record<string, number>
const PERIOD = { from: '2032-01', to: '2032-03' }

function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c] as never))
  return Number(info.lastInsertRowid)
}

function action(name: string, partner: string, date: string, status: string, figures: number[]) {
  const [participants, onlineReach, engagements] = figures
  ids[name] = insert('actions', {
    partner_id: ids[partner],
    date,
    month: date.slice(0, 7),
    type_id: ids.type,
    title: `Fixture ${name} — Żółć Ελληνικά`,
    participants: participants ?? null,
    online_reach: onlineReach ?? null,
    engagements: engagements ?? null,
    status,
  })
}

function outcome(
  name: string,
  partner: string,
  type: string,
  date: string,
  actionNames: string[],
  verify: boolean,
) {
  ids[name] = tx((t) =>
    createOutcome(
      t,
      outcomeFormSchema.parse({
        type,
        date,
        title: `${name}: Gdańsk przyjmuje plan — Θεσσαλονίκη ακολουθεί`,
        description: 'Rada Miasta przyjęła uchwałę; ο Δήμος συμμετείχε. Žluťoučký kůň, Țară, Euskal Herria.',
        evidenceUrl: 'https://example.org/uchwała',
        partnerId: String(ids[partner]),
        stakeholderIds: [String(ids.stakeholder)],
        actionIds: actionNames.map((a) => String(ids[a])),
      }),
      demo.comms(),
    ),
  )
  if (verify) tx((t) => setOutcomeStatus(t, ids[name]!, 'verified', demo.comms()))
}

const kpiOutcomes = (upTo: string) =>
  resultIndicatorFigures(upTo).find((f) => f.indicator.code === 'KPI-OUT')?.current ?? -1

let kpiBefore: number

beforeAll(() => {
  kpiBefore = kpiOutcomes('2031-12-31')
  ids.type = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  ids.stakeholder = db.select({ id: stakeholders.id }).from(stakeholders).limit(1).get()!.id
  ids.L = insert('partners', { name: 'Fixture Łódź Gdańsk', country: 'PL' })
  ids.T = insert('partners', { name: 'Fixture Θεσσαλονίκη', country: 'GR' })
  action('a1', 'L', '2032-02-10', 'validated', [40, 1000, 50])
  action('a2', 'L', '2032-03-05', 'validated', [10, 0, 5])
  action('a5', 'L', '2032-04-02', 'validated', [999, 0, 0])
  action('a3', 'T', '2032-02-20', 'validated', [0, 500, 20])
  action('a4', 'T', '2032-02-21', 'submitted', [100, 0, 0])
  insert('events', {
    kind: 'webinar',
    title: 'Fixture event',
    start_date: '2032-02-12',
    host_partner_id: ids.L,
  })
  insert('planned_activities', {
    title: 'Fixture next: Łódź i Ηράκλειο',
    due_date: '2032-04-15',
    partner_id: ids.L,
  })
  insert('planned_activities', { title: 'Fixture now', due_date: '2032-03-20', partner_id: ids.L })
  outcome('O1', 'L', 'policy_changed', '2032-02-15', ['a1', 'a2'], true)
  outcome('O2', 'T', 'media', '2032-03-01', ['a3'], true)
  outcome('O3', 'L', 'partnership', '2032-03-10', ['a1'], false)
  outcome('O4', 'T', 'funding', '2032-05-01', ['a3'], true)
})

describe('the value report against a hand-counted fixture', () => {
  it('counts outputs, outcomes and partners as counted by hand; an outcome fed by two actions once', () => {
    const data = valueReportData(PERIOD, '2032-04-01')
    expect(data.outputs).toEqual({
      actions: 3,
      participants: 50,
      onlineReach: 1500,
      engagements: 75,
      verifiedOutcomes: 2,
    })
    const partner = (id: number) => data.partners.find((p) => p.id === id)
    expect(partner(ids.L!)).toMatchObject({
      actions: 2,
      participants: 50,
      onlineReach: 1000,
      engagements: 55,
      events: 1,
      outcomes: 1,
    })
    expect(partner(ids.T!)).toMatchObject({
      actions: 1,
      participants: 0,
      onlineReach: 500,
      engagements: 20,
      events: 0,
      outcomes: 1,
    })
    expect(data.stories.map((s) => s.id)).toEqual([ids.O1, ids.O2])
    expect(data.stories[0]!.actions.map((a) => a.id)).toEqual([ids.a1, ids.a2])
    expect(data.next.rows.map((r) => r.title)).toEqual(['Fixture next: Łódź i Ηράκλειο'])
  })

  it('takes the programme and result indicators from the areas that compute them', () => {
    const data = valueReportData(PERIOD, '2032-04-01')
    expect(data.programme).toEqual(
      computeIndicators({ from: '2032-01-01', to: '2032-03-31' }).map((f) => ({
        code: f.code,
        value: f.value,
      })),
    )
    // The outcomes KPI: O1 and O2 added to what was verified before (O3 pending, O4 later).
    expect(data.indicators.find((i) => i.code === 'KPI-OUT')?.current).toBe(kpiBefore + 2)
    const rcr79 = db.select().from(resultIndicators).where(eq(resultIndicators.code, 'RCR79')).get()!
    expect(data.indicators.find((i) => i.code === 'RCR79')).toMatchObject({
      baselineValue: rcr79.baselineValue,
      target: rcr79.target,
    })
  })

  it('tells only the outcomes the communications lead picked, keeps the introduction per language, audited', () => {
    const audits = () => db.select().from(auditLog).where(eq(auditLog.entity, 'value_report')).all().length
    const before = audits()
    const input = (extra: Record<string, unknown>) =>
      valueReportFormSchema.parse({ ...PERIOD, lang: 'en', intro: '', outcomeIds: [], ...extra })
    tx((t) =>
      saveValueReport(
        t,
        input({ intro: '**Gdańsk** i Θεσσαλονίκη', outcomeIds: [String(ids.O2)] }),
        demo.comms(),
      ),
    )
    tx((t) =>
      saveValueReport(
        t,
        input({ lang: 'es', intro: 'Introducción', outcomeIds: [String(ids.O2)] }),
        demo.admin(),
      ),
    )
    expect(audits()).toBe(before + 2)
    const data = valueReportData(PERIOD, '2032-04-01')
    expect(data.stories.map((s) => s.id)).toEqual([ids.O2])
    expect(data.intro).toEqual({ en: '**Gdańsk** i Θεσσαλονίκη', es: 'Introducción' })
    expect(data.outputs.verifiedOutcomes).toBe(2)
    // A pending outcome, or one outside the period, cannot be told.
    for (const id of [ids.O3, ids.O4])
      expect(() => tx((t) => saveValueReport(t, input({ outcomeIds: [String(id)] }), demo.comms()))).toThrow(
        InvalidReferencesError,
      )
    for (const actor of [demo.viewer(), demo.partner()])
      expect(() => tx((t) => saveValueReport(t, input({}), actor))).toThrow(ForbiddenError)
    expect(audits()).toBe(before + 2)
    expect(db.select().from(valueReports).where(eq(valueReports.fromMonth, PERIOD.from)).all()).toHaveLength(
      1,
    )
  })

  it('refuses impossible periods and fills in the defaults', () => {
    expect(reportQuerySchema.safeParse({ from: '2026-13' }).success).toBe(false)
    expect(reportQuerySchema.safeParse({ from: '2026-05', to: '2026-04' }).success).toBe(false)
    expect(reportQuerySchema.safeParse({ lang: 'fr' }).success).toBe(false)
    expect(reportQuerySchema.safeParse({ from: '1900-01', to: '2026-01' }).success).toBe(false)
    // The demo project's reporting period that holds the day, else the last six months.
    expect(resolveReportPeriod({}, 'es', '2026-05-10')).toEqual({
      from: '2026-01',
      to: '2026-12',
      lang: 'es',
    })
    expect(resolveReportPeriod({}, 'en', '2040-05-10')).toEqual({
      from: '2039-12',
      to: '2040-05',
      lang: 'en',
    })
    expect(resolveReportPeriod({ from: '2026-03', lang: 'en' }, 'es', '2026-05-10')).toMatchObject({
      from: '2026-03',
      to: '2026-12',
      lang: 'en',
    })
  })
})

describe('the value report as a Word document and as Markdown', () => {
  it('writes headings, tables and the stories in the report’s language, Polish and Greek intact', async () => {
    const doc = valueReportDocument(valueReportData(PERIOD, '2032-04-01'), 'es', '2032-04-01')
    const xml = unzipText(await valueReportDocx(doc), 'word/document.xml')
    expect(xml).toContain('<w:pStyle w:val="Title"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:tblHeader')
    expect(xml).toContain('Principales realizaciones')
    expect(xml).toContain('Lo que viene después')
    expect(xml).toContain('O2: Gdańsk przyjmuje plan — Θεσσαλονίκη ακολουθεί')
    expect(xml).not.toContain('O1: Gdańsk')
    expect(xml).toContain('Fixture Łódź Gdańsk')
    expect(xml).toContain('Fixture Θεσσαλονίκη')
    expect(xml).toContain('Introducción')
    expect(xml).toContain('Fixture next: Łódź i Ηράκλειο')
    expect(xml).toContain('w:pageBreakBefore')
  })

  it('writes Markdown with GitHub tables, the introduction as written and the picked stories', () => {
    const md = valueReportMarkdown(
      valueReportDocument(valueReportData(PERIOD, '2032-04-01'), 'en', '2032-04-01'),
    )
    expect(md).toMatch(/^# .+: the value of our work\n/)
    expect(md).toContain('**Gdańsk** i Θεσσαλονίκη')
    expect(md).toContain('## Headline outputs')
    expect(md).toContain('| Validated actions | 3 |')
    expect(md).toContain('| Participants (people in the room) | 50 |')
    expect(md).toContain('| Online reach | 1,500 |')
    expect(md).toContain('### O2: Gdańsk przyjmuje plan — Θεσσαλονίκη ακολουθεί')
    expect(md).not.toContain('### O1:')
    expect(md).toContain('| Fixture Łódź Gdańsk | 2 | 50 | 1,000 | 55 | 1 | 1 |')
    expect(md).toContain('**Evidence:** <https://example.org/uchwała>')
  })
})
