/**
 * Reading an evidence link (no database): an Open Graph preview, or a Mastodon / Bluesky post
 * with its counters. See docs/decisions/006-outbound-fetch.md.
 */
import type { PostMetrics } from '#db/schema'

import { parseBlueskyUrl, readBlueskyPost } from './bluesky.server'
import { parseMastodonUrl, readMastodonStatus } from './mastodon.server'
import { type LinkPreview, readOpenGraph } from './open-graph.server'
import { EvidenceFetchError, type FetchFailureReason } from './safe-fetch.server'

export type { FetchFailureReason, LinkPreview }

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
