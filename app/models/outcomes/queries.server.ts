import { and, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  actions,
  events,
  outcomeActions,
  outcomeEvents,
  outcomes,
  outcomeStakeholders,
  partners,
  stakeholders,
  users,
} from '#db/schema'
import { containsText } from '~/utils/text-search.server'

import { type OutcomeFilter } from './schemas'

const lastDay = (month: string) => `${month}-31`

/** The register's conditions: live outcomes matching the URL's filters. */
function outcomeWhere(f: OutcomeFilter): SQL | undefined {
  const where: SQL[] = [isNull(outcomes.archivedAt)]
  if (f.type) where.push(eq(outcomes.type, f.type))
  if (f.status) where.push(eq(outcomes.status, f.status))
  if (f.partner) where.push(eq(outcomes.partnerId, f.partner))
  if (f.from) where.push(gte(outcomes.date, `${f.from}-01`))
  if (f.to) where.push(lte(outcomes.date, lastDay(f.to)))
  if (f.q) where.push(containsText(outcomes.title, f.q))
  return and(...where)
}

/** Outcomes with their partner and how many stakeholders, actions and events they name, newest first. */
export function listOutcomes(filter: OutcomeFilter, page: { limit: number; offset: number }) {
  const where = outcomeWhere(filter)
  const rows = db
    .select({
      id: outcomes.id,
      type: outcomes.type,
      date: outcomes.date,
      title: outcomes.title,
      status: outcomes.status,
      evidenceUrl: outcomes.evidenceUrl,
      partnerName: partners.name,
      stakeholderCount: sql<number>`(select count(*) from ${outcomeStakeholders} os where os.outcome_id = ${outcomes.id})`,
      actionCount: sql<number>`(select count(*) from ${outcomeActions} oa where oa.outcome_id = ${outcomes.id})`,
      eventCount: sql<number>`(select count(*) from ${outcomeEvents} oe where oe.outcome_id = ${outcomes.id})`,
    })
    .from(outcomes)
    .innerJoin(partners, eq(partners.id, outcomes.partnerId))
    .where(where)
    .orderBy(desc(outcomes.date), desc(outcomes.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(outcomes)
    .where(where)
    .get()!.n
  return { rows, total }
}

export function getOutcome(id: number) {
  return db.select().from(outcomes).where(eq(outcomes.id, id)).get() ?? null
}

/** The stakeholders, actions and events an outcome names. */
export function outcomeLinks(id: number) {
  return {
    stakeholders: db
      .select({
        id: stakeholders.id,
        name: stakeholders.name,
        city: stakeholders.city,
        country: stakeholders.country,
      })
      .from(outcomeStakeholders)
      .innerJoin(stakeholders, eq(stakeholders.id, outcomeStakeholders.stakeholderId))
      .where(eq(outcomeStakeholders.outcomeId, id))
      .orderBy(stakeholders.name)
      .all(),
    actions: db
      .select({
        id: actions.id,
        title: actions.title,
        date: actions.date,
        status: actions.status,
        partnerName: partners.name,
      })
      .from(outcomeActions)
      .innerJoin(actions, eq(actions.id, outcomeActions.actionId))
      .innerJoin(partners, eq(partners.id, actions.partnerId))
      .where(and(eq(outcomeActions.outcomeId, id), isNull(actions.archivedAt)))
      .orderBy(actions.date, actions.id)
      .all(),
    events: db
      .select({ id: events.id, title: events.title, startDate: events.startDate })
      .from(outcomeEvents)
      .innerJoin(events, eq(events.id, outcomeEvents.eventId))
      .where(eq(outcomeEvents.outcomeId, id))
      .orderBy(events.startDate, events.id)
      .all(),
  }
}

/** An outcome for its page: the record, its partner, who proposed and verified it, and its links. */
export function outcomeDetail(id: number) {
  const row = db
    .select({ outcome: outcomes, partnerName: partners.name })
    .from(outcomes)
    .innerJoin(partners, eq(partners.id, outcomes.partnerId))
    .where(eq(outcomes.id, id))
    .get()
  if (!row) return null
  const name = (userId: number | null) =>
    userId
      ? (db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null)
      : null
  return {
    ...row.outcome,
    partnerName: row.partnerName,
    createdByName: name(row.outcome.createdBy),
    verifiedByName: name(row.outcome.verifiedBy),
    ...outcomeLinks(id),
  }
}

/** The live outcomes an action or an event fed (for its page), newest first. */
export function outcomesFedBy(link: { actionId: number } | { eventId: number }) {
  const ids =
    'actionId' in link
      ? db
          .select({ id: outcomeActions.outcomeId })
          .from(outcomeActions)
          .where(eq(outcomeActions.actionId, link.actionId))
      : db
          .select({ id: outcomeEvents.outcomeId })
          .from(outcomeEvents)
          .where(eq(outcomeEvents.eventId, link.eventId))
  return db
    .select({
      id: outcomes.id,
      title: outcomes.title,
      date: outcomes.date,
      type: outcomes.type,
      status: outcomes.status,
    })
    .from(outcomes)
    .where(and(inArray(outcomes.id, ids), isNull(outcomes.archivedAt)))
    .orderBy(desc(outcomes.date), desc(outcomes.id))
    .all()
}

/** The form values that reproduce a stored outcome. */
export function outcomeFormValues(id: number) {
  const o = getOutcome(id)
  if (!o) return null
  const links = outcomeLinks(id)
  return {
    type: o.type,
    date: o.date,
    title: o.title,
    description: o.description ?? undefined,
    evidenceUrl: o.evidenceUrl ?? undefined,
    partnerId: String(o.partnerId),
    stakeholderIds: links.stakeholders.map((s) => String(s.id)),
    actionIds: links.actions.map((a) => String(a.id)),
    eventIds: links.events.map((e) => String(e.id)),
  }
}

/**
 * What the outcome form chooses from: partners, the partner's latest actions (or everyone's when
 * none is given) and the events, each with the ones already chosen kept in the list.
 */
export function outcomeFormOptions(
  partnerId: number | null,
  chosen: { actionIds: number[]; eventIds: number[] },
) {
  const partnerList = db
    .select({ value: partners.id, label: partners.name })
    .from(partners)
    .where(isNull(partners.archivedAt))
    .orderBy(partners.name)
    .all()
  const actionCols = { value: actions.id, title: actions.title, date: actions.date }
  const recent = db
    .select(actionCols)
    .from(actions)
    .where(and(isNull(actions.archivedAt), partnerId ? eq(actions.partnerId, partnerId) : undefined))
    .orderBy(desc(actions.date), desc(actions.id))
    .limit(200)
    .all()
  const kept = chosen.actionIds.length
    ? db
        .select(actionCols)
        .from(actions)
        .where(inArray(actions.id, chosen.actionIds.slice(0, 200)))
        .all()
    : []
  const seen = new Set<number>()
  const actionList = [...kept, ...recent]
    .filter((a) => (seen.has(a.value) ? false : (seen.add(a.value), true)))
    .map((a) => ({ value: a.value, label: `${a.date} · ${a.title}` }))
  const eventList = db
    .select({ value: events.id, title: events.title, date: events.startDate, archivedAt: events.archivedAt })
    .from(events)
    .orderBy(desc(events.startDate))
    .all()
    .filter((e) => !e.archivedAt || chosen.eventIds.includes(e.value))
    .map((e) => ({ value: e.value, label: `${e.date} · ${e.title}` }))
  return { partners: partnerList, actions: actionList, events: eventList }
}
