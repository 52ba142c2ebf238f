import { and, asc, eq, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  actionEvidence,
  actionLanguages,
  actions,
  actionStakeholders,
  actionThemes,
  actionTypes,
  channels,
  events,
  materials,
  partners,
  plannedActivities,
  stakeholders,
  themes,
  users,
} from '#db/schema'

/** One action with everything its detail page and edit form need. */
export function getAction(id: number) {
  const row = db
    .select({
      action: actions,
      partnerName: partners.name,
      typeKey: actionTypes.key,
      typeName: actionTypes.name,
      channelKey: channels.key,
      channelName: channels.name,
      createdByName: users.name,
      eventTitle: events.title,
      activityTitle: plannedActivities.title,
      materialTitle: materials.title,
    })
    .from(actions)
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .innerJoin(actionTypes, eq(actionTypes.id, actions.typeId))
    .leftJoin(channels, eq(channels.id, actions.channelId))
    .leftJoin(users, eq(users.id, actions.createdBy))
    .leftJoin(events, eq(events.id, actions.eventId))
    .leftJoin(plannedActivities, eq(plannedActivities.id, actions.activityId))
    .leftJoin(materials, eq(materials.id, actions.materialId))
    .where(eq(actions.id, id))
    .get()
  if (!row) return null
  const languages = db
    .select({ language: actionLanguages.language })
    .from(actionLanguages)
    .where(eq(actionLanguages.actionId, id))
    .all()
    .map((r) => r.language)
    .sort()
  const reached = db
    .select({ id: stakeholders.id, name: stakeholders.name, archivedAt: stakeholders.archivedAt })
    .from(actionStakeholders)
    .innerJoin(stakeholders, eq(stakeholders.id, actionStakeholders.stakeholderId))
    .where(eq(actionStakeholders.actionId, id))
    .orderBy(stakeholders.name)
    .all()
  const actionThemeRows = db
    .select({ id: themes.id, name: themes.name })
    .from(actionThemes)
    .innerJoin(themes, eq(themes.id, actionThemes.themeId))
    .where(eq(actionThemes.actionId, id))
    .orderBy(themes.name)
    .all()
  const validatedByName = row.action.validatedBy
    ? (db.select({ name: users.name }).from(users).where(eq(users.id, row.action.validatedBy)).get()?.name ??
      null)
    : null
  const evidence = db.select().from(actionEvidence).where(eq(actionEvidence.actionId, id)).get() ?? null
  const { action, ...names } = row
  return {
    ...action,
    ...names,
    languages,
    stakeholders: reached,
    themes: actionThemeRows,
    validatedByName,
    evidence,
  }
}

/** Submitted actions, oldest submission first: what the communications lead works through. */
export function reviewQueue(limit = 50) {
  const where = and(eq(actions.status, 'submitted'), isNull(actions.archivedAt))
  const rows = db
    .select({ id: actions.id })
    .from(actions)
    .where(where)
    .orderBy(asc(actions.submittedAt), asc(actions.id))
    .limit(limit)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .where(where)
    .get()!.n
  return { items: rows.map((r) => getAction(r.id)!), total }
}
