import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
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

import { recordAudit } from './audit.server'
import { type IndicatorCode, indicatorInputs } from './plan-forms'

export { type IndicatorCode, indicatorCodes, indicatorInputs }

export function listMappings() {
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
  ) as Record<IndicatorCode, { eventKinds: EventKind[]; typeIds: number[] }>
}

const toArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
export const mappingFormSchema = z.object({
  indicator: z.enum(indicatorCodes),
  eventKinds: z.preprocess(toArray, z.array(z.enum(eventKinds))),
  typeIds: z.preprocess(toArray, z.array(z.coerce.number().int().positive())),
})
export type MappingForm = z.infer<typeof mappingFormSchema>

/** Replaces one indicator's mappings (configuration rows), audited with before and after. */
export function saveMappings(tx: Tx, input: MappingForm, userId: number) {
  const before = tx
    .select()
    .from(indicatorMappings)
    .where(eq(indicatorMappings.indicator, input.indicator))
    .all()
  const inputs = indicatorInputs[input.indicator]
  tx.delete(indicatorMappings).where(eq(indicatorMappings.indicator, input.indicator)).run()
  const kinds = inputs.eventKinds ? [...new Set(input.eventKinds)] : []
  const types = inputs.actionTypes ? [...new Set(input.typeIds)] : []
  for (const eventKind of kinds)
    tx.insert(indicatorMappings).values({ indicator: input.indicator, eventKind }).run()
  for (const typeId of types)
    tx.insert(indicatorMappings).values({ indicator: input.indicator, typeId }).run()
  recordAudit(tx, {
    userId,
    entity: 'indicator_mapping',
    entityId: null,
    action: 'update',
    before: {
      indicator: input.indicator,
      eventKinds: before.filter((b) => b.eventKind).map((b) => b.eventKind),
      typeIds: before.filter((b) => b.typeId).map((b) => b.typeId),
    },
    after: { indicator: input.indicator, eventKinds: kinds, typeIds: types },
    summary: `${input.indicator} mappings`,
  })
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

/**
 * The programme indicators over a period (ISO days, both ends included), with the records behind
 * each figure. Actions count when validated (or submitted too, with includeSubmitted).
 */
export function computeIndicators({
  from,
  to,
  includeSubmitted = false,
}: {
  from: string
  to: string
  includeSubmitted?: boolean
}): IndicatorFigure[] {
  const mappings = listMappings()
  const statuses = includeSubmitted ? ['validated', 'submitted'] : ['validated']

  const eventsOf = (kinds: EventKind[]) =>
    kinds.length
      ? db
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
      : []

  const rco115Events = eventsOf(mappings.RCO115.eventKinds)
  const rco115: IndicatorFigure = {
    code: 'RCO115',
    value: rco115Events.length,
    items: rco115Events.map((e) => ({
      kind: 'event',
      id: e.id,
      title: e.title,
      date: e.startDate,
      contribution: 1,
    })),
  }

  const rco81Events = eventsOf(mappings.RCO81.eventKinds)
  const countedEventIds = rco81Events.map((e) => e.id)
  // Actions at an event already counted through its attendance are left out (no double counting).
  const rco81Actions = mappings.RCO81.typeIds.length
    ? db
        .select({
          id: actions.id,
          title: actions.title,
          date: actions.date,
          participants: actions.participants,
        })
        .from(actions)
        .where(
          and(
            isNull(actions.archivedAt),
            inArray(actions.status, statuses as ('validated' | 'submitted')[]),
            inArray(actions.typeId, mappings.RCO81.typeIds),
            sql`${actions.date} >= ${from}`,
            sql`${actions.date} <= ${to}`,
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
    : []
  const rco81Items: IndicatorItem[] = [
    ...rco81Events
      .filter((e) => (e.attendance ?? 0) > 0)
      .map((e) => ({
        kind: 'event' as const,
        id: e.id,
        title: e.title,
        date: e.startDate,
        contribution: e.attendance ?? 0,
      })),
    ...rco81Actions.map((a) => ({
      kind: 'action' as const,
      id: a.id,
      title: a.title,
      date: a.date,
      contribution: a.participants ?? 0,
    })),
  ]
  const rco81: IndicatorFigure = {
    code: 'RCO81',
    value: rco81Items.reduce((s, i) => s + i.contribution, 0),
    items: rco81Items,
  }

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
  const rco87Items: IndicatorItem[] = [
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
  const rco87: IndicatorFigure = { code: 'RCO87', value: rco87Items.length, items: rco87Items }

  return [rco115, rco81, rco87]
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
