import { and, eq, gte, isNotNull, isNull, lte, ne } from 'drizzle-orm'

import { db } from '#db/client'
import { actionEvidence, actions } from '#db/schema'

import { parseBlueskyUrl } from './bluesky.server'
import { refreshEvidence } from './commands.server'
import { parseMastodonUrl } from './mastodon.server'
import { countersDue, oldestDateStillRead } from './schedule'

/** Posts whose counters can be read: Mastodon statuses and Bluesky posts. */
export function hasPublicCounters(url: string): boolean {
  return !!(parseMastodonUrl(url) ?? parseBlueskyUrl(url))
}

/**
 * The actions whose post counters are due on `now` (see schedule.ts): not archived, dated within
 * the last three months, linking a Mastodon or Bluesky post, not read recently enough. The oldest
 * reads come first.
 */
export function dueEvidence(now: Date): number[] {
  const today = now.toISOString().slice(0, 10)
  const rows = db
    .select({
      id: actions.id,
      date: actions.date,
      url: actions.evidenceUrl,
      readUrl: actionEvidence.url,
      readAt: actionEvidence.fetchedAt,
    })
    .from(actions)
    .leftJoin(actionEvidence, eq(actionEvidence.actionId, actions.id))
    .where(
      and(
        isNull(actions.archivedAt),
        isNotNull(actions.evidenceUrl),
        ne(actions.evidenceUrl, ''),
        gte(actions.date, oldestDateStillRead(now)),
        lte(actions.date, today),
      ),
    )
    .all()
  return rows
    .map((r) => ({ ...r, url: r.url!.trim(), readAt: r.readUrl === r.url?.trim() ? r.readAt : null }))
    .filter((r) => hasPublicCounters(r.url) && countersDue(r.date, r.readAt, now))
    .sort((a, b) => (a.readAt ?? '').localeCompare(b.readAt ?? '') || a.id - b.id)
    .map((r) => r.id)
}

export type DueRefreshSummary = { due: number; read: number; failed: number }

/**
 * The daily job `evidence-refresh`: re-reads the public counters of the Mastodon and Bluesky posts
 * that are due, four at a time, at most `limit` per run (the rest wait for the next day). Each
 * read stores its outcome and, when counters came back, when they were read.
 */
export async function refreshDueEvidence(
  now: Date,
  { limit = 1000, concurrency = 4 } = {},
): Promise<DueRefreshSummary> {
  const ids = dueEvidence(now).slice(0, limit)
  let next = 0
  const worker = async () => {
    while (next < ids.length) await refreshEvidence(ids[next++])
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
  let read = 0
  for (const id of ids) {
    const stored = db
      .select({ status: actionEvidence.status })
      .from(actionEvidence)
      .where(eq(actionEvidence.actionId, id))
      .get()
    if (stored?.status === 'ok') read++
  }
  return { due: ids.length, read, failed: ids.length - read }
}
