import { and, asc, eq, inArray, isNull } from 'drizzle-orm'

import { db } from '#db/client'
import {
  outcomes,
  outcomeStakeholders,
  partners,
  resultIndicators,
  resultIndicatorValues,
  stakeholders,
  users,
} from '#db/schema'

/*
 * Result indicators and KPIs: the programme's (RCR79, RCR84, RCR104) and the project's own. A
 * computed indicator counts verified, live outcomes of its types dated on or after its baseline
 * date: distinct organisations (stakeholders named on those outcomes; an organisation counts once
 * per indicator, however many outcomes name it) or distinct outcomes (an outcome counts once,
 * however many actions fed it). Its value is the baseline plus that count. An entered indicator's
 * value is its latest entered value (or the baseline while none is entered).
 */

export type ResultIndicator = typeof resultIndicators.$inferSelect

/** One record behind a computed figure: the outcome, and the organisations it counted first. */
export type IndicatorRecord = {
  outcomeId: number
  title: string
  date: string
  partnerName: string
  organisations: { id: number; name: string }[]
}

export type IndicatorPoint = { date: string; value: number }

const month = (date: string) => date.slice(0, 7)

function verifiedOutcomes(indicator: ResultIndicator, upTo: string) {
  if (!indicator.outcomeTypes.length) return []
  return db
    .select({ id: outcomes.id, title: outcomes.title, date: outcomes.date, partnerName: partners.name })
    .from(outcomes)
    .innerJoin(partners, eq(partners.id, outcomes.partnerId))
    .where(
      and(
        eq(outcomes.status, 'verified'),
        isNull(outcomes.archivedAt),
        inArray(outcomes.type, indicator.outcomeTypes),
      ),
    )
    .orderBy(asc(outcomes.date), asc(outcomes.id))
    .all()
    .filter((o) => o.date <= upTo && (!indicator.baselineDate || o.date >= indicator.baselineDate))
}

function organisationsOf(outcomeIds: number[]) {
  const byOutcome = new Map<number, { id: number; name: string }[]>()
  if (!outcomeIds.length) return byOutcome
  const rows = db
    .select({ outcomeId: outcomeStakeholders.outcomeId, id: stakeholders.id, name: stakeholders.name })
    .from(outcomeStakeholders)
    .innerJoin(stakeholders, eq(stakeholders.id, outcomeStakeholders.stakeholderId))
    .where(inArray(outcomeStakeholders.outcomeId, outcomeIds))
    .orderBy(stakeholders.name)
    .all()
  for (const r of rows) byOutcome.set(r.outcomeId, [...(byOutcome.get(r.outcomeId) ?? []), r])
  return byOutcome
}

/** A computed indicator: its records (in date order) and the cumulative value after each. */
function computed(indicator: ResultIndicator, upTo: string) {
  const list = verifiedOutcomes(indicator, upTo)
  const orgs = organisationsOf(list.map((o) => o.id))
  const seen = new Set<number>()
  let value = indicator.baselineValue
  const records: IndicatorRecord[] = []
  const points: IndicatorPoint[] = []
  for (const o of list) {
    const fresh = (orgs.get(o.id) ?? []).filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)))
    value += indicator.counts === 'outcomes' ? 1 : fresh.length
    records.push({
      outcomeId: o.id,
      title: o.title,
      date: o.date,
      partnerName: o.partnerName,
      organisations: fresh,
    })
    points.push({ date: o.date, value })
  }
  return { value, records, points }
}

/** The entered values of an indicator, oldest first, with who entered them. */
export function enteredValues(indicatorId: number) {
  return db
    .select({
      id: resultIndicatorValues.id,
      date: resultIndicatorValues.date,
      value: resultIndicatorValues.value,
      evidenceUrl: resultIndicatorValues.evidenceUrl,
      note: resultIndicatorValues.note,
      createdAt: resultIndicatorValues.createdAt,
      createdByName: users.name,
    })
    .from(resultIndicatorValues)
    .leftJoin(users, eq(users.id, resultIndicatorValues.createdBy))
    .where(and(eq(resultIndicatorValues.indicatorId, indicatorId), isNull(resultIndicatorValues.archivedAt)))
    .orderBy(asc(resultIndicatorValues.date), asc(resultIndicatorValues.id))
    .all()
}

/** The value at the end of each month from the baseline's month to `upTo`'s: the line of the chart and its table. */
function monthly(baseline: { date: string | null; value: number }, points: IndicatorPoint[], upTo: string) {
  const first = baseline.date ?? points[0]?.date ?? upTo
  const months: { month: string; value: number }[] = []
  let [y, m] = month(first).split('-').map(Number) as [number, number]
  let value = baseline.value
  let i = 0
  for (let n = 0; n < 240; n++) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    if (key > month(upTo)) break
    while (i < points.length && month(points[i]!.date) <= key) value = points[i++]!.value
    months.push({ month: key, value })
    m = m === 12 ? 1 : m + 1
    if (m === 1) y++
  }
  return months
}

/** One indicator with its current value, its months, and the records behind the figure. */
export function indicatorFigure(indicator: ResultIndicator, upTo = new Date().toISOString().slice(0, 10)) {
  const baseline = { date: indicator.baselineDate, value: indicator.baselineValue }
  if (indicator.method === 'computed') {
    const { value, records, points } = computed(indicator, upTo)
    const values: ReturnType<typeof enteredValues> = []
    return { indicator, current: value, records, values, months: monthly(baseline, points, upTo) }
  }
  const values = enteredValues(indicator.id).filter((v) => v.date <= upTo)
  const current = values.length ? values[values.length - 1]!.value : indicator.baselineValue
  const records: IndicatorRecord[] = []
  return { indicator, current, records, values, months: monthly(baseline, values, upTo) }
}

export function getResultIndicator(id: number) {
  return db.select().from(resultIndicators).where(eq(resultIndicators.id, id)).get() ?? null
}

/** Every live result indicator (programme first, then the project's KPIs) with its figure. */
export function resultIndicatorFigures(upTo?: string) {
  return db
    .select()
    .from(resultIndicators)
    .where(isNull(resultIndicators.archivedAt))
    .orderBy(asc(resultIndicators.kind), asc(resultIndicators.sortOrder), asc(resultIndicators.id))
    .all()
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'programme' ? -1 : 1))
    .map((i) => indicatorFigure(i, upTo))
}
