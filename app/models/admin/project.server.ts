import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { notifications, project, themes } from '#db/schema'
import { recordAudit, recordUpdate } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { assertAdministrator, fail, now, ok, type Result, setArchived } from './shared.server'

/** The project's settings (one row) and its themes. */
export function getProject() {
  return db.select().from(project).where(eq(project.id, 1)).get() ?? null
}

/** The project's name, languages and switches, for every page (the root loader) and the forms. */
export function projectSummary() {
  const p = db
    .select({
      name: project.name,
      workingLanguages: project.workingLanguages,
      /** The navigation shows the partner league's entry only while it is on. */
      leagueEnabled: project.leagueEnabled,
    })
    .from(project)
    .where(eq(project.id, 1))
    .get()
  return p ?? null
}

export function unreadCount(userId: number): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get()!.n
}

export type ProjectInput = {
  name: string
  acronym?: string
  description?: string
  startDate: string
  endDate: string
  workingLanguages: string[]
  stakeholderEditPolicy: (typeof project.$inferSelect)['stakeholderEditPolicy']
  reportingPeriods: { label: string; start: string; end: string }[]
}

function projectValues(p: typeof project.$inferSelect) {
  return {
    name: p.name,
    acronym: p.acronym,
    description: p.description,
    startDate: p.startDate,
    endDate: p.endDate,
    workingLanguages: p.workingLanguages,
    stakeholderEditPolicy: p.stakeholderEditPolicy,
    reportingPeriods: p.reportingPeriods,
  }
}

export function updateProjectSettings(input: ProjectInput, acting: Actor) {
  const userId = assertAdministrator(acting)
  db.transaction((tx) => {
    const before = tx.select().from(project).where(eq(project.id, 1)).get()
    if (!before) throw new Error('The project row is missing; seed or migrate the database first.')
    const values = {
      name: input.name,
      acronym: input.acronym || null,
      description: input.description || null,
      startDate: input.startDate,
      endDate: input.endDate,
      workingLanguages: [...new Set(input.workingLanguages)],
      stakeholderEditPolicy: input.stakeholderEditPolicy,
      reportingPeriods: input.reportingPeriods,
    }
    tx.update(project)
      .set({ ...values, updatedAt: now() })
      .where(eq(project.id, 1))
      .run()
    recordUpdate(
      tx,
      { userId, entity: 'project', entityId: 1, summary: 'project settings' },
      projectValues(before),
      values,
    )
  })
}

export function listThemes() {
  return db
    .select({ id: themes.id, name: themes.name, archivedAt: themes.archivedAt })
    .from(themes)
    .orderBy(asc(themes.archivedAt), asc(themes.name))
    .all()
}

/**
 * Whether another theme has this name, case and accents aside ("ΚΥΚΛΙΚΗ ΟΙΚΟΝΟΜΙΑ" is "Κυκλική
 * οικονομία"): fold_text (db/client.ts) folds every alphabet, where SQLite's lower() folds A-Z only.
 */
function themeNameTaken(name: string, exceptId?: number) {
  const where = [sql`fold_text(${themes.name}) = fold_text(${name})`]
  if (exceptId) where.push(ne(themes.id, exceptId))
  return !!db
    .select({ id: themes.id })
    .from(themes)
    .where(and(...where))
    .get()
}

export function addTheme(name: string, acting: Actor): Result<number> {
  const userId = assertAdministrator(acting)
  if (themeNameTaken(name)) return fail('name', 'admin:themes.errors.duplicate')
  const id = db.transaction((tx) => {
    const row = tx.insert(themes).values({ name }).returning().get()
    recordAudit(tx, {
      userId,
      entity: 'theme',
      entityId: row.id,
      action: 'create',
      after: { name },
      summary: name,
    })
    return row.id
  })
  return ok(id)
}

export function renameTheme(id: number, name: string, acting: Actor): Result<number> {
  const userId = assertAdministrator(acting)
  const before = db.select().from(themes).where(eq(themes.id, id)).get()
  if (!before) return fail('name', 'admin:errors.notFound')
  if (themeNameTaken(name, id)) return fail('name', 'admin:themes.errors.duplicate')
  db.transaction((tx) => {
    tx.update(themes).set({ name, updatedAt: now() }).where(eq(themes.id, id)).run()
    recordUpdate(
      tx,
      { userId, entity: 'theme', entityId: id, summary: name },
      { name: before.name },
      { name },
    )
  })
  return ok(id)
}

export function setThemeArchived(id: number, archived: boolean, acting: Actor): boolean {
  const userId = assertAdministrator(acting)
  return setArchived(themes, 'theme', id, archived, userId)
}
