import { and, eq, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { notifications, project } from '#db/schema'

export function getProject() {
  return db.select().from(project).where(eq(project.id, 1)).get() ?? null
}

export function projectSummary() {
  const p = db
    .select({ name: project.name, workingLanguages: project.workingLanguages })
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
