import { and, eq, gte, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actionEvidence, actions } from '#db/schema'

export type EvidenceRecord = typeof actionEvidence.$inferSelect

export function getEvidence(actionId: number): EvidenceRecord | null {
  return db.select().from(actionEvidence).where(eq(actionEvidence.actionId, actionId)).get() ?? null
}

export type StaleOptions = { olderThanHours?: number; withinDays?: number }

/** Recent (dated within `withinDays`), not archived, with a link never read, read before `olderThanHours` ago, or read for an older link. */
export function staleEvidenceWhere({ olderThanHours = 24, withinDays = 30 }: StaleOptions) {
  const since = new Date(Date.now() - withinDays * 86_400_000).toISOString().slice(0, 10)
  const staleBefore = new Date(Date.now() - olderThanHours * 3_600_000).toISOString()
  return and(
    gte(actions.date, since),
    isNotNull(actions.evidenceUrl),
    ne(actions.evidenceUrl, ''),
    isNull(actions.archivedAt),
    or(
      isNull(actionEvidence.actionId),
      isNull(actionEvidence.fetchedAt),
      lt(actionEvidence.fetchedAt, staleBefore),
      ne(actionEvidence.url, actions.evidenceUrl),
    ),
  )
}

/** How many actions refreshStaleEvidence would pick with these options (without its limit). */
export function countStaleEvidence(options: StaleOptions = {}): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .leftJoin(actionEvidence, eq(actionEvidence.actionId, actions.id))
    .where(staleEvidenceWhere(options))
    .get()!.n
}

/** What deciding who may re-read an action's evidence needs: null when missing or archived. */
export function evidenceTarget(actionId: number) {
  const found = db
    .select({
      id: actions.id,
      partnerId: actions.partnerId,
      status: actions.status,
      archivedAt: actions.archivedAt,
    })
    .from(actions)
    .where(eq(actions.id, actionId))
    .get()
  return found && !found.archivedAt ? found : null
}
