/**
 * Evidence enrichment: what the server reads from an action's evidence link, stored in
 * action_evidence. Reading never blocks saving an action: failures are stored with a reason code
 * and shown with a "Try again" button. See docs/decisions/006-outbound-fetch.md.
 */
import { asc, desc, eq, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actionEvidence, actions } from '#db/schema'
import { recordUpdate } from '~/models/audit/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { canRefreshEvidence } from '../actions/policy'
import { evidenceTarget, getEvidence, staleEvidenceWhere, type StaleOptions } from './queries.server'
import { engagementsFollowMetrics, type EvidenceResult, metricsTotal, readEvidence } from './read.server'

const now = () => new Date().toISOString()

/**
 * Reads the action's evidence link and stores the outcome. Never throws: an unexpected error is
 * logged and stored as 'internal_error'. An action without a link loses its stored evidence
 * (it is a cache of the link, not a record of its own).
 */
export async function refreshEvidence(actionId: number): Promise<void> {
  try {
    const action = db
      .select({ id: actions.id, evidenceUrl: actions.evidenceUrl })
      .from(actions)
      .where(eq(actions.id, actionId))
      .get()
    if (!action) return
    const url = action.evidenceUrl?.trim()
    if (!url) {
      db.delete(actionEvidence).where(eq(actionEvidence.actionId, actionId)).run()
      return
    }

    // Mark it pending so a page loaded meanwhile says "reading…" and a changed link shows no stale preview.
    const existing = getEvidence(actionId)
    if (!existing || existing.url !== url) {
      const pending = {
        url,
        status: 'pending' as const,
        title: null,
        description: null,
        imageUrl: null,
        siteName: null,
        metrics: null,
        error: null,
        fetchedAt: null,
        countersReadAt: null,
      }
      db.insert(actionEvidence)
        .values({ actionId, ...pending })
        .onConflictDoUpdate({ target: actionEvidence.actionId, set: pending })
        .run()
    }

    const result = await readEvidence(url)
    storeEvidence(actionId, url, result)
  } catch (error) {
    console.error(`refreshEvidence(${actionId}) failed`, error)
    try {
      db.update(actionEvidence)
        .set({ status: 'failed', error: 'internal_error', fetchedAt: now() })
        .where(eq(actionEvidence.actionId, actionId))
        .run()
    } catch {
      // Nothing more to do: the action itself is saved and the page offers "Try again".
    }
  }
}

function storeEvidence(actionId: number, url: string, result: EvidenceResult) {
  db.transaction((tx) => {
    const action = tx
      .select({ evidenceUrl: actions.evidenceUrl, engagements: actions.engagements })
      .from(actions)
      .where(eq(actions.id, actionId))
      .get()
    // The link was changed while we were reading: that newer refresh stores its own outcome.
    if (!action || action.evidenceUrl?.trim() !== url) return
    const previous = tx.select().from(actionEvidence).where(eq(actionEvidence.actionId, actionId)).get()
    const fetchedAt = now()

    if (!result.ok) {
      // A failed refresh keeps what an earlier read of the same link found; the failure is what the page shows.
      const keep = previous && previous.url === url
      const values = {
        url,
        status: 'failed' as const,
        error: result.reason,
        fetchedAt,
        title: keep ? previous.title : null,
        description: keep ? previous.description : null,
        imageUrl: keep ? previous.imageUrl : null,
        siteName: keep ? previous.siteName : null,
        metrics: keep ? previous.metrics : null,
        countersReadAt: keep ? previous.countersReadAt : null,
      }
      tx.insert(actionEvidence)
        .values({ actionId, ...values })
        .onConflictDoUpdate({ target: actionEvidence.actionId, set: values })
        .run()
      return
    }

    const values = {
      url,
      status: 'ok' as const,
      error: null,
      fetchedAt,
      ...result.preview,
      metrics: result.metrics,
      countersReadAt: result.metrics ? fetchedAt : null,
    }
    tx.insert(actionEvidence)
      .values({ actionId, ...values })
      .onConflictDoUpdate({ target: actionEvidence.actionId, set: values })
      .run()

    const total = metricsTotal(result.metrics)
    if (total === null || total === action.engagements) return
    if (!engagementsFollowMetrics(action.engagements, previous?.metrics)) return
    tx.update(actions).set({ engagements: total, updatedAt: fetchedAt }).where(eq(actions.id, actionId)).run()
    recordUpdate(
      tx,
      {
        userId: null,
        entity: 'action',
        entityId: actionId,
        summary: `engagements from ${result.metrics!.source} counters`,
      },
      { engagements: action.engagements },
      { engagements: total },
    )
  })
}

/**
 * Re-reads an action's evidence at a user's request: whoever may edit the action, and whoever
 * validates actions. Null when the action is missing or archived; throws ForbiddenError (before
 * anything is read) when the actor may not.
 */
export function refreshActionEvidence(actor: Actor, actionId: number): Promise<void> | null {
  const found = evidenceTarget(actionId)
  if (!found) return null
  if (!canRefreshEvidence(actor, found)) throw new ForbiddenError('may not refresh this evidence')
  return refreshEvidence(found.id)
}

export type StaleRefreshSummary = { checked: number; ok: number; failed: number }

/**
 * Re-reads the evidence of recent actions whose evidence is stale (see staleEvidenceWhere).
 * Bounded by `limit` (at most 200): never-read links first, then the oldest reads, newest
 * actions first; `concurrency` at a time.
 */
export async function refreshStaleEvidence({
  olderThanHours = 24,
  limit = 20,
  withinDays = 30,
  concurrency = 4,
}: StaleOptions & { limit?: number; concurrency?: number } = {}): Promise<StaleRefreshSummary> {
  const bounded = Math.max(1, Math.min(200, Math.floor(limit)))
  const rows = db
    .select({ id: actions.id })
    .from(actions)
    .leftJoin(actionEvidence, eq(actionEvidence.actionId, actions.id))
    .where(staleEvidenceWhere({ olderThanHours, withinDays }))
    .orderBy(
      sql`${actionEvidence.fetchedAt} IS NOT NULL`,
      asc(actionEvidence.fetchedAt),
      desc(actions.date),
      desc(actions.id),
    )
    .limit(bounded)
    .all()

  const ids = rows.map((r) => r.id)
  let next = 0
  const worker = async () => {
    while (next < ids.length) await refreshEvidence(ids[next++])
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))

  const outcome = ids.length
    ? db
        .select({ status: actionEvidence.status, n: sql<number>`count(*)` })
        .from(actionEvidence)
        .where(
          sql`${actionEvidence.actionId} IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        )
        .groupBy(actionEvidence.status)
        .all()
    : []
  const countOf = (status: string) => outcome.find((o) => o.status === status)?.n ?? 0
  return { checked: ids.length, ok: countOf('ok'), failed: countOf('failed') }
}
