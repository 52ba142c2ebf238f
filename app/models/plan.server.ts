import { and, asc, desc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
import { db } from '#db/client'
import {
  actions,
  actionTypes,
  channels,
  events,
  partners,
  plannedActivities,
  type PlanSectionKey,
  planSectionKeys,
  planSections,
  planSectionVersions,
  stakeholderGroups,
  themes,
  users,
} from '#db/schema'
import { renderMarkdown } from '~/utils/markdown.server'

import { recordArchive, recordAudit, recordUpdate } from './audit.server'
import {
  type ActivityForm,
  activityFormSchema,
  type ActivityState,
  activityStateList,
  emptyToUndefined,
} from './plan-forms'

export { planSectionKeys }
export type { PlanSectionKey }

export function isPlanSectionKey(value: string): value is PlanSectionKey {
  return (planSectionKeys as readonly string[]).includes(value)
}

/** The eight parts in order, each with its Markdown rendered safely, who saved it and when. */
export function listPlanSections() {
  const rows = db
    .select({
      key: planSections.key,
      body: planSections.body,
      updatedAt: planSections.updatedAt,
      updatedBy: users.name,
    })
    .from(planSections)
    .leftJoin(users, eq(users.id, planSections.updatedBy))
    .all()
  const byKey = new Map(rows.map((r) => [r.key, r]))
  return planSectionKeys.map((key) => {
    const row = byKey.get(key)
    return {
      key,
      body: row?.body ?? '',
      html: renderMarkdown(row?.body ?? ''),
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    }
  })
}

export function getPlanSection(key: PlanSectionKey) {
  const row = db.select().from(planSections).where(eq(planSections.key, key)).get()
  return row ?? null
}

/** Every saved version of a section, newest first, with who saved it. */
export function listSectionVersions(key: PlanSectionKey) {
  const section = getPlanSection(key)
  if (!section) return []
  return db
    .select({
      id: planSectionVersions.id,
      body: planSectionVersions.body,
      createdAt: planSectionVersions.createdAt,
      userName: users.name,
    })
    .from(planSectionVersions)
    .leftJoin(users, eq(users.id, planSectionVersions.userId))
    .where(eq(planSectionVersions.sectionId, section.id))
    .orderBy(desc(planSectionVersions.id))
    .all()
}

export function getSectionVersion(key: PlanSectionKey, versionId: number) {
  const section = getPlanSection(key)
  if (!section) return null
  const version = db.select().from(planSectionVersions).where(eq(planSectionVersions.id, versionId)).get()
  return version && version.sectionId === section.id ? version : null
}

/**
 * Saves a section's text and keeps it as a new version (also when restoring an old one, so the
 * history only grows). Does nothing when the text is unchanged.
 */
export function savePlanSection(
  tx: Tx,
  key: PlanSectionKey,
  body: string,
  userId: number,
  summary = 'edited',
): { changed: boolean } {
  const now = new Date().toISOString()
  const existing = tx.select().from(planSections).where(eq(planSections.key, key)).get()
  if (existing && existing.body === body) return { changed: false }
  let sectionId: number
  if (existing) {
    tx.update(planSections)
      .set({ body, updatedBy: userId, updatedAt: now })
      .where(eq(planSections.id, existing.id))
      .run()
    sectionId = existing.id
  } else {
    sectionId = tx
      .insert(planSections)
      .values({ key, body, updatedBy: userId })
      .returning({ id: planSections.id })
      .get().id
  }
  tx.insert(planSectionVersions).values({ sectionId, body, userId }).run()
  recordAudit(tx, {
    userId,
    entity: 'plan_section',
    entityId: sectionId,
    action: existing ? 'update' : 'create',
    before: existing ? { body: existing.body } : null,
    after: { body },
    summary: `${key}: ${summary}`,
  })
  return { changed: true }
}

/** Restores an old version as a new version. */
export function restoreSectionVersion(tx: Tx, key: PlanSectionKey, versionId: number, userId: number) {
  const version = tx.select().from(planSectionVersions).where(eq(planSectionVersions.id, versionId)).get()
  if (!version) return { changed: false }
  return savePlanSection(tx, key, version.body, userId, `restored version ${versionId}`)
}

// ---------------------------------------------------------------------------------------------
// Work plan: planned activities, fulfilled by logged actions (actions.activityId)

export const activityStates = activityStateList

const isoDate = /^\d{4}-\d{2}-\d{2}$/
export { type ActivityForm, activityFormSchema }

export const activityFilterSchema = z.object({
  partner: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()).catch(undefined),
  group: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()).catch(undefined),
  event: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()).catch(undefined),
  type: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()).catch(undefined),
  channel: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()).catch(undefined),
  state: z.preprocess(emptyToUndefined, z.enum(activityStates).optional()).catch(undefined),
  from: z.preprocess(emptyToUndefined, z.string().regex(isoDate).optional()).catch(undefined),
  to: z.preprocess(emptyToUndefined, z.string().regex(isoDate).optional()).catch(undefined),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  archived: z.preprocess(emptyToUndefined, z.literal('1').optional()).catch(undefined),
})
export type ActivityFilter = z.infer<typeof activityFilterSchema>

const validatedCount = sql<number>`(select count(*) from actions fa where fa.activity_id = ${plannedActivities.id} and fa.status = 'validated' and fa.archived_at is null)`
const submittedCount = sql<number>`(select count(*) from actions fa where fa.activity_id = ${plannedActivities.id} and fa.status = 'submitted' and fa.archived_at is null)`

/** done: a validated action fulfils it; awaiting validation: only submitted ones; overdue: due date passed with neither. */
function stateExpression(today: string) {
  return sql<ActivityState>`case when ${validatedCount} > 0 then 'done' when ${submittedCount} > 0 then 'awaiting_validation' when ${plannedActivities.dueDate} < ${today} then 'overdue' else 'planned' end`
}

function activityWhere(f: ActivityFilter, today: string): SQL | undefined {
  const where: SQL[] = [
    f.archived ? isNotNull(plannedActivities.archivedAt) : isNull(plannedActivities.archivedAt),
  ]
  if (f.partner) where.push(eq(plannedActivities.partnerId, f.partner))
  if (f.group) where.push(eq(plannedActivities.groupId, f.group))
  if (f.event) where.push(eq(plannedActivities.eventId, f.event))
  if (f.type) where.push(eq(plannedActivities.typeId, f.type))
  if (f.channel) where.push(eq(plannedActivities.channelId, f.channel))
  if (f.from) where.push(gte(plannedActivities.dueDate, f.from))
  if (f.to) where.push(lte(plannedActivities.dueDate, f.to))
  if (f.q)
    where.push(
      sql`lower(${plannedActivities.title}) like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
    )
  if (f.state) where.push(sql`${stateExpression(today)} = ${f.state}`)
  return and(...where)
}

/** Activities with their partner, type, channel, group and event names, and their state on `today`. */
function selectActivities(today: string) {
  return db
    .select({
      id: plannedActivities.id,
      title: plannedActivities.title,
      description: plannedActivities.description,
      dueDate: plannedActivities.dueDate,
      phase: plannedActivities.phase,
      partnerId: plannedActivities.partnerId,
      partnerName: partners.name,
      typeId: plannedActivities.typeId,
      typeName: actionTypes.name,
      typeKey: actionTypes.key,
      channelId: plannedActivities.channelId,
      channelName: channels.name,
      channelKey: channels.key,
      groupId: plannedActivities.groupId,
      groupName: stakeholderGroups.name,
      eventId: plannedActivities.eventId,
      eventTitle: events.title,
      archivedAt: plannedActivities.archivedAt,
      validated: validatedCount,
      submitted: submittedCount,
      state: stateExpression(today),
    })
    .from(plannedActivities)
    .leftJoin(partners, eq(partners.id, plannedActivities.partnerId))
    .leftJoin(actionTypes, eq(actionTypes.id, plannedActivities.typeId))
    .leftJoin(channels, eq(channels.id, plannedActivities.channelId))
    .leftJoin(stakeholderGroups, eq(stakeholderGroups.id, plannedActivities.groupId))
    .leftJoin(events, eq(events.id, plannedActivities.eventId))
}

/** The work plan, by due date, each activity with its state and the number of actions fulfilling it. */
export function listActivities(
  filter: ActivityFilter,
  page: { limit: number; offset: number },
  today = new Date().toISOString().slice(0, 10),
) {
  const where = activityWhere(filter, today)
  const rows = selectActivities(today)
    .where(where)
    .orderBy(asc(plannedActivities.dueDate), asc(plannedActivities.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(plannedActivities)
    .where(where)
    .get()!.n
  return { rows, total }
}

/** One activity with its names and state. */
export function activityWithState(id: number, today = new Date().toISOString().slice(0, 10)) {
  return selectActivities(today).where(eq(plannedActivities.id, id)).get() ?? null
}

export function getActivity(id: number) {
  return db.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get() ?? null
}

/** The actions logged against an activity (any status but drafts), newest first. */
export function activityActions(id: number) {
  return db
    .select({
      id: actions.id,
      title: actions.title,
      date: actions.date,
      status: actions.status,
      partnerName: partners.name,
    })
    .from(actions)
    .leftJoin(partners, eq(partners.id, actions.partnerId))
    .where(and(eq(actions.activityId, id), isNull(actions.archivedAt), sql`${actions.status} <> 'draft'`))
    .orderBy(desc(actions.date))
    .all()
}

function activityRow(input: ActivityForm) {
  return {
    title: input.title,
    description: input.description ?? null,
    partnerId: input.partnerId ?? null,
    dueDate: input.dueDate,
    typeId: input.typeId ?? null,
    channelId: input.channelId ?? null,
    groupId: input.groupId ?? null,
    eventId: input.eventId ?? null,
    phase: input.eventId ? (input.phase ?? null) : null,
  }
}

export function createActivity(tx: Tx, input: ActivityForm, userId: number) {
  const row = activityRow(input)
  const id = tx.insert(plannedActivities).values(row).returning({ id: plannedActivities.id }).get().id
  recordAudit(tx, {
    userId,
    entity: 'planned_activity',
    entityId: id,
    action: 'create',
    after: row,
    summary: row.title,
  })
  return id
}

export function updateActivity(tx: Tx, id: number, input: ActivityForm, userId: number) {
  const before = tx.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get()
  if (!before) return false
  const row = activityRow(input)
  tx.update(plannedActivities)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(plannedActivities.id, id))
    .run()
  recordUpdate(tx, { userId, entity: 'planned_activity', entityId: id, summary: row.title }, before, row)
  return true
}

export function setActivityArchived(tx: Tx, id: number, archived: boolean, userId: number) {
  const before = tx.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get()
  if (!before) return false
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(plannedActivities)
    .set({ archivedAt, updatedAt: new Date().toISOString() })
    .where(eq(plannedActivities.id, id))
    .run()
  recordArchive(
    tx,
    { userId, entity: 'planned_activity', entityId: id, summary: before.title },
    before.archivedAt,
    archivedAt,
  )
  return true
}

/** Options for the activity select of the action form: open activities first, by due date. */
export function activityOptions(partnerId?: number | null) {
  return db
    .select({
      id: plannedActivities.id,
      title: plannedActivities.title,
      dueDate: plannedActivities.dueDate,
      partnerId: plannedActivities.partnerId,
    })
    .from(plannedActivities)
    .where(
      and(
        isNull(plannedActivities.archivedAt),
        partnerId ? eq(plannedActivities.partnerId, partnerId) : undefined,
      ),
    )
    .orderBy(asc(plannedActivities.dueDate))
    .all()
}

/** The lists the plan forms choose from. */
export function planFormOptions() {
  const live = <T extends { archivedAt: unknown }>(t: T) => isNull(t.archivedAt as never)
  return {
    partners: db
      .select({ value: partners.id, label: partners.name })
      .from(partners)
      .where(live(partners))
      .orderBy(partners.name)
      .all(),
    themes: db
      .select({ value: themes.id, label: themes.name })
      .from(themes)
      .where(live(themes))
      .orderBy(themes.name)
      .all(),
    groups: db
      .select({ value: stakeholderGroups.id, label: stakeholderGroups.name })
      .from(stakeholderGroups)
      .where(live(stakeholderGroups))
      .orderBy(stakeholderGroups.name)
      .all(),
    types: db
      .select({ value: actionTypes.id, label: actionTypes.name, key: actionTypes.key })
      .from(actionTypes)
      .where(live(actionTypes))
      .orderBy(actionTypes.sortOrder)
      .all(),
    channels: db
      .select({ value: channels.id, label: channels.name, key: channels.key })
      .from(channels)
      .where(live(channels))
      .orderBy(channels.sortOrder)
      .all(),
    events: db
      .select({ value: events.id, label: events.title, startDate: events.startDate })
      .from(events)
      .where(live(events))
      .orderBy(desc(events.startDate))
      .all(),
  }
}
