import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  actions,
  actionTypes,
  type EventKind,
  eventKinds,
  events,
  indicatorCodes,
  indicatorMappings,
  partners,
  stakeholders,
} from '#db/schema'

import { type IndicatorCode } from '../lists'

export type IndicatorMappings = Record<IndicatorCode, { eventKinds: EventKind[]; typeIds: number[] }>

export function listMappings(): IndicatorMappings {
  const rows = db.select().from(indicatorMappings).all()
  return Object.fromEntries(
    indicatorCodes.map((code) => [
      code,
      {
        eventKinds: rows
          .filter((r) => r.indicator === code && r.eventKind)
          .map((r) => r.eventKind!) as EventKind[],
        typeIds: rows.filter((r) => r.indicator === code && r.typeId).map((r) => r.typeId!),
      },
    ]),
  ) as IndicatorMappings
}

export type IndicatorItem = {
  kind: 'event' | 'action' | 'partner' | 'stakeholder'
  id: number
  title: string
  date: string | null
  /** What this item adds to the figure (1 for a count, participants for RCO81). */
  contribution: number
}

export type IndicatorFigure = { code: IndicatorCode; value: number; items: IndicatorItem[] }

type Period = { from: string; to: string; includeSubmitted?: boolean }

/** Live cross-border events of these kinds starting in the period. */
function crossBorderEvents(kinds: EventKind[], { from, to }: Period) {
  if (!kinds.length) return []
  return db
    .select({
      id: events.id,
      title: events.title,
      startDate: events.startDate,
      attendance: events.attendance,
    })
    .from(events)
    .where(
      and(
        isNull(events.archivedAt),
        eq(events.crossBorder, true),
        inArray(events.kind, kinds),
        sql`${events.startDate} >= ${from}`,
        sql`${events.startDate} <= ${to}`,
      ),
    )
    .orderBy(asc(events.startDate))
    .all()
}

/** RCO115: cross-border events of the mapped kinds. */
function rco115(mappings: IndicatorMappings, period: Period): IndicatorFigure {
  const found = crossBorderEvents(mappings.RCO115.eventKinds, period)
  return {
    code: 'RCO115',
    value: found.length,
    items: found.map((e) => ({
      kind: 'event',
      id: e.id,
      title: e.title,
      date: e.startDate,
      contribution: 1,
    })),
  }
}

/** Counted actions of the mapped types with participants, leaving out those at already counted events. */
function participatingActions(typeIds: number[], countedEventIds: number[], period: Period) {
  if (!typeIds.length) return []
  const statuses = period.includeSubmitted ? ['validated', 'submitted'] : ['validated']
  return db
    .select({ id: actions.id, title: actions.title, date: actions.date, participants: actions.participants })
    .from(actions)
    .where(
      and(
        isNull(actions.archivedAt),
        inArray(actions.status, statuses as ('validated' | 'submitted')[]),
        inArray(actions.typeId, typeIds),
        sql`${actions.date} >= ${period.from}`,
        sql`${actions.date} <= ${period.to}`,
        sql`coalesce(${actions.participants}, 0) > 0`,
        countedEventIds.length
          ? sql`(${actions.eventId} is null or ${actions.eventId} not in (${sql.join(
              countedEventIds.map((id) => sql`${id}`),
              sql`, `,
            )}))`
          : undefined,
      ),
    )
    .orderBy(asc(actions.date))
    .all()
}

/** RCO81: attendance of mapped events plus participants of mapped actions (no double counting). */
function rco81(mappings: IndicatorMappings, period: Period): IndicatorFigure {
  const counted = crossBorderEvents(mappings.RCO81.eventKinds, period)
  const actionRows = participatingActions(
    mappings.RCO81.typeIds,
    counted.map((e) => e.id),
    period,
  )
  const items: IndicatorItem[] = [
    ...counted
      .filter((e) => (e.attendance ?? 0) > 0)
      .map((e) => ({
        kind: 'event' as const,
        id: e.id,
        title: e.title,
        date: e.startDate,
        contribution: e.attendance ?? 0,
      })),
    ...actionRows.map((a) => ({
      kind: 'action' as const,
      id: a.id,
      title: a.title,
      date: a.date,
      contribution: a.participants ?? 0,
    })),
  ]
  return { code: 'RCO81', value: items.reduce((s, i) => s + i.contribution, 0), items }
}

/** RCO87: the live partners and the stakeholders collaborating. */
function rco87(): IndicatorFigure {
  const partnerRows = db
    .select({ id: partners.id, title: partners.name })
    .from(partners)
    .where(isNull(partners.archivedAt))
    .orderBy(asc(partners.name))
    .all()
  const collaborating = db
    .select({ id: stakeholders.id, title: stakeholders.name })
    .from(stakeholders)
    .where(
      and(
        isNull(stakeholders.archivedAt),
        isNull(stakeholders.mergedIntoId),
        eq(stakeholders.stage, 'collaborating'),
      ),
    )
    .orderBy(asc(stakeholders.name))
    .all()
  const items: IndicatorItem[] = [
    ...partnerRows.map((p) => ({
      kind: 'partner' as const,
      id: p.id,
      title: p.title,
      date: null,
      contribution: 1,
    })),
    ...collaborating.map((s) => ({
      kind: 'stakeholder' as const,
      id: s.id,
      title: s.title,
      date: null,
      contribution: 1,
    })),
  ]
  return { code: 'RCO87', value: items.length, items }
}

/**
 * The programme indicators over a period (ISO days, both ends included), with the records behind
 * each figure. Actions count when validated (or submitted too, with includeSubmitted).
 */
export function computeIndicators({ from, to, includeSubmitted = false }: Period): IndicatorFigure[] {
  const mappings = listMappings()
  const period = { from, to, includeSubmitted }
  return [rco115(mappings, period), rco81(mappings, period), rco87()]
}

export function mappingFormOptions() {
  return {
    eventKinds,
    types: db
      .select({ value: actionTypes.id, label: actionTypes.name, key: actionTypes.key })
      .from(actionTypes)
      .where(isNull(actionTypes.archivedAt))
      .orderBy(actionTypes.sortOrder)
      .all(),
  }
}
