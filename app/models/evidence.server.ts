/**
 * Evidence enrichment: what the server reads from an action's evidence link (an Open Graph
 * preview, or a Mastodon / Bluesky post with its counters), stored in action_evidence. Reading
 * never blocks saving an action: failures are stored with a reason code and shown with a
 * "Try again" button. See docs/decisions/006-outbound-fetch.md.
 */
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actionEvidence, actions, type PostMetrics } from '#db/schema'
import { recordUpdate } from '~/models/audit/index.server'

import { parseBlueskyUrl, readBlueskyPost } from './evidence/bluesky.server'
import { parseMastodonUrl, readMastodonStatus } from './evidence/mastodon.server'
import { type LinkPreview, readOpenGraph } from './evidence/open-graph.server'
import { EvidenceFetchError, type FetchFailureReason } from './evidence/safe-fetch.server'

export {
  EvidenceFetchError,
  type HostResolver,
  isPublicAddress,
  setHostResolver,
} from './evidence/safe-fetch.server'
export type { FetchFailureReason, LinkPreview }

export type EvidenceRecord = typeof actionEvidence.$inferSelect

export type EvidenceResult =
  | { ok: true; kind: 'page' | 'mastodon' | 'bluesky'; preview: LinkPreview; metrics: PostMetrics | null }
  | { ok: false; reason: FetchFailureReason | 'internal_error' }

/**
 * Fetches and parses one evidence link; no database. A Mastodon or Bluesky post is read through
 * its public API (preview and counters from the one answer); any other link is read as a web page.
 */
export async function readEvidence(url: string): Promise<EvidenceResult> {
  try {
    const bluesky = parseBlueskyUrl(url)
    if (bluesky) return { ok: true, kind: 'bluesky', ...(await readBlueskyPost(bluesky)) }
    const mastodon = parseMastodonUrl(url)
    if (mastodon) return { ok: true, kind: 'mastodon', ...(await readMastodonStatus(mastodon)) }
    return { ok: true, kind: 'page', preview: await readOpenGraph(url), metrics: null }
  } catch (error) {
    if (error instanceof EvidenceFetchError) return { ok: false, reason: error.reason }
    // A bug of ours, not a problem of the link: say so in the log, and store a plain reason.
    console.error(`readEvidence(${url}) failed unexpectedly`, error)
    return { ok: false, reason: 'internal_error' }
  }
}

/** Replies + reposts + likes + quotes: what a post's counters add to an action's engagements. */
export function metricsTotal(metrics: PostMetrics | null | undefined): number | null {
  if (!metrics) return null
  return (metrics.replies ?? 0) + (metrics.reposts ?? 0) + (metrics.likes ?? 0) + (metrics.quotes ?? 0)
}

/**
 * Whether fresh counters may overwrite the action's engagements: when the user left the figure
 * empty, or when it still equals the total the previous counters gave (so it came from them).
 * A figure the user typed is never overwritten.
 */
export function engagementsFollowMetrics(
  current: number | null,
  previousMetrics: PostMetrics | null | undefined,
): boolean {
  if (current === null) return true
  const previous = metricsTotal(previousMetrics)
  return previous !== null && previous === current
}

export function getEvidence(actionId: number): EvidenceRecord | null {
  return db.select().from(actionEvidence).where(eq(actionEvidence.actionId, actionId)).get() ?? null
}

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

export type StaleRefreshSummary = { checked: number; ok: number; failed: number }

export type StaleOptions = { olderThanHours?: number; withinDays?: number }

/** Recent (dated within `withinDays`), not archived, with a link never read, read before `olderThanHours` ago, or read for an older link. */
function staleEvidenceWhere({ olderThanHours = 24, withinDays = 30 }: StaleOptions) {
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
