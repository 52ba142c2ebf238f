import { and, desc, eq, isNull } from 'drizzle-orm'

import { db } from '#db/client'
import { events, materials, partners, plannedActivities, themes, users } from '#db/schema'
import { projectSummary } from '~/models/admin/index.server'

import { labelledEntries, listEntries } from '../list-entries.server'

// What the forms offer.

/** Options for the quick form and the list filters (only what exists; archived left out). */
export function formOptions() {
  const activePartners = db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(isNull(partners.archivedAt))
    .orderBy(partners.name)
    .all()
  const activeThemes = db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(isNull(themes.archivedAt))
    .orderBy(themes.name)
    .all()
  const eventRows = db
    .select({ id: events.id, title: events.title, startDate: events.startDate })
    .from(events)
    .where(isNull(events.archivedAt))
    .orderBy(desc(events.startDate))
    .limit(200)
    .all()
  const activityRows = db
    .select({
      id: plannedActivities.id,
      title: plannedActivities.title,
      dueDate: plannedActivities.dueDate,
      partnerId: plannedActivities.partnerId,
    })
    .from(plannedActivities)
    .where(isNull(plannedActivities.archivedAt))
    .orderBy(desc(plannedActivities.dueDate))
    .limit(300)
    .all()
  const materialRows = db
    .select({ id: materials.id, title: materials.title, language: materials.language })
    .from(materials)
    // A partner's upload is offered once the communications lead approved it.
    .where(and(isNull(materials.archivedAt), eq(materials.status, 'approved')))
    .orderBy(materials.title)
    .limit(300)
    .all()
  return {
    types: listEntries('types'),
    channels: listEntries('channels'),
    partners: activePartners,
    themes: activeThemes,
    events: eventRows,
    activities: activityRows,
    materials: materialRows,
  }
}

/** What every render of the quick form needs: the lists to choose from, labelled. */
export function quickFormOptions() {
  return {
    ...formOptions(),
    types: labelledEntries('types'),
    channels: labelledEntries('channels'),
    languages: projectSummary()?.workingLanguages ?? ['en'],
  }
}

/** The type, channel and languages the user chose last (see rememberFormChoices). */
export function formMemory(userId: number) {
  return db.select({ m: users.actionFormMemory }).from(users).where(eq(users.id, userId)).get()?.m ?? {}
}
