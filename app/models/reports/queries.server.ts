import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { events, outcomes, partners, valueReports } from '#db/schema'
import { getProject } from '~/models/admin/index.server'
import { addMonths, firstDay, lastDay, monthlyByKey } from '~/models/dashboards/index.server'
import { outcomeLinks, resultIndicatorFigures } from '~/models/outcomes/index.server'
import { activityFilterSchema, computeIndicators, listActivities } from '~/models/plan/index.server'

import { type ReportLang, type ReportPeriod, type ReportQuery } from './schemas'

/*
 * What the value report tells, read through the areas that own each figure: outputs as the reach
 * dashboard sums them (validated actions), the programme's output indicators as the plan's
 * indicator page computes them, result indicators as /plan/indicators does, outcomes as the
 * register keeps them. Nothing is counted a second way here.
 */

/** How many planned activities after the period the report lists. */
export const NEXT_SHOWN = 15

type Totals = { actions: number; participants: number; onlineReach: number; engagements: number }

const today = () => new Date().toISOString().slice(0, 10)

/**
 * The period a report covers when the address leaves it out: the project's reporting period that
 * holds today, else the last six months (this month included). A lone `from` or `to` keeps the
 * other end of that default where it makes a period, else reports that one month.
 */
export function resolveReportPeriod(query: ReportQuery, uiLang: ReportLang, on = today()): ReportPeriod {
  const current = getProject()?.reportingPeriods.find((p) => p.start <= on && on <= p.end)
  const fallback = current
    ? { from: current.start.slice(0, 7), to: current.end.slice(0, 7) }
    : { from: addMonths(on.slice(0, 7), -5), to: on.slice(0, 7) }
  const from = query.from ?? (query.to && query.to < fallback.from ? query.to : fallback.from)
  const to = query.to ?? (fallback.to >= from ? fallback.to : from)
  return { from, to, lang: query.lang ?? uiLang }
}

/** Outputs of validated actions in the months, summed from the reach dashboard's own monthly query. */
function outputTotals(from: string, to: string, partner?: number): Totals {
  const rows = monthlyByKey(from, to, 'channel', { validatedOnly: true, partner })
  const sum = (key: keyof Totals) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0)
  return {
    actions: sum('actions'),
    participants: sum('participants'),
    onlineReach: sum('onlineReach'),
    engagements: sum('engagements'),
  }
}

/** Verified, live outcomes dated in the period, oldest first. */
function verifiedOutcomes(from: string, to: string) {
  return db
    .select({
      id: outcomes.id,
      type: outcomes.type,
      date: outcomes.date,
      title: outcomes.title,
      description: outcomes.description,
      evidenceUrl: outcomes.evidenceUrl,
      partnerId: outcomes.partnerId,
      partnerName: partners.name,
    })
    .from(outcomes)
    .innerJoin(partners, eq(partners.id, outcomes.partnerId))
    .where(
      and(
        eq(outcomes.status, 'verified'),
        isNull(outcomes.archivedAt),
        gte(outcomes.date, firstDay(from)),
        lte(outcomes.date, lastDay(to)),
      ),
    )
    .orderBy(asc(outcomes.date), asc(outcomes.id))
    .all()
}

/** Each partner's outputs, verified outcomes and hosted events in the period. */
function partnerContributions(from: string, to: string, verified: { partnerId: number }[]) {
  const hosted = db
    .select({ partnerId: events.hostPartnerId, n: sql<number>`count(*)` })
    .from(events)
    .where(
      and(
        isNull(events.archivedAt),
        gte(events.startDate, firstDay(from)),
        lte(events.startDate, lastDay(to)),
      ),
    )
    .groupBy(events.hostPartnerId)
    .all()
  return db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(isNull(partners.archivedAt))
    .orderBy(asc(partners.name))
    .all()
    .map((p) => ({
      ...p,
      ...outputTotals(from, to, p.id),
      outcomes: verified.filter((o) => o.partnerId === p.id).length,
      events: Number(hosted.find((h) => h.partnerId === p.id)?.n ?? 0),
    }))
}

/** What the communications lead kept for the period: introductions and the outcomes told (null: all). */
export function savedValueReport(from: string, to: string) {
  return (
    db
      .select()
      .from(valueReports)
      .where(and(eq(valueReports.fromMonth, from), eq(valueReports.toMonth, to)))
      .get() ?? null
  )
}

/** The verified outcomes of a period, as the report's editor offers them. */
export function reportableOutcomes(from: string, to: string) {
  return verifiedOutcomes(from, to).map((o) => ({ id: o.id, title: o.title, date: o.date }))
}

/** Everything the value report for a period says, before it is put in words. */
export function valueReportData(period: Pick<ReportPeriod, 'from' | 'to'>, on = today()) {
  const { from, to } = period
  const saved = savedValueReport(from, to)
  const verified = verifiedOutcomes(from, to)
  const picked = saved?.outcomeIds ?? null
  const told = (picked ? verified.filter((o) => picked.includes(o.id)) : verified).map((o) => ({
    ...o,
    ...outcomeLinks(o.id),
  }))
  const nextFrom = firstDay(addMonths(to, 1))
  const next = listActivities(activityFilterSchema.parse({ from: nextFrom }), { limit: NEXT_SHOWN, offset: 0 }, on)
  return {
    from,
    to,
    projectName: getProject()?.name ?? 'Ripple',
    intro: { en: saved?.introEn ?? '', es: saved?.introEs ?? '' },
    outputs: { ...outputTotals(from, to), verifiedOutcomes: verified.length },
    programme: computeIndicators({ from: firstDay(from), to: lastDay(to) }).map((f) => ({
      code: f.code,
      value: f.value,
    })),
    stories: told,
    indicators: resultIndicatorFigures(lastDay(to)).map((f) => ({
      code: f.indicator.code,
      name: f.indicator.name,
      unit: f.indicator.unit,
      baselineValue: f.indicator.baselineValue,
      baselineDate: f.indicator.baselineDate,
      current: f.current,
      target: f.indicator.target,
    })),
    partners: partnerContributions(from, to, verified),
    next: {
      rows: next.rows.map((a) => ({
        id: a.id,
        title: a.title,
        dueDate: a.dueDate,
        partnerName: a.partnerName,
        eventTitle: a.eventTitle,
      })),
      total: next.total,
    },
  }
}
export type ValueReportData = ReturnType<typeof valueReportData>

/** Are these outcome ids all verified outcomes of the period (the only ones a report may tell)? */
export function areReportableOutcomes(from: string, to: string, ids: number[]) {
  if (!ids.length) return true
  const allowed = new Set(verifiedOutcomes(from, to).map((o) => o.id))
  return ids.every((id) => allowed.has(id))
}

