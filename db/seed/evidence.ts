import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'

import type * as schema from '../schema'
import { actionEvidence, actions, partners, type PostMetrics } from '../schema'
import type { Random } from './random'

type DB = BetterSQLite3Database<typeof schema>

const siteNames: Record<string, string> = {
  'www.linkedin.com': 'LinkedIn',
  'www.youtube.com': 'YouTube',
  'bsky.app': 'Bluesky',
  'mastodon.social': 'Mastodon',
}

/** Sites that refuse to be read without signing in: their links fail the way they really do. */
const closedSites: Record<string, string> = {
  'www.instagram.com': 'http_403',
  'www.facebook.com': 'http_403',
  'x.com': 'http_403',
}

/** Splits an engagement figure into post counters that add up to it (likes first, as on real posts). */
function splitEngagements(total: number, random: Random, source: PostMetrics['source']): PostMetrics {
  const replies = Math.floor(total * 0.08)
  const reposts = Math.floor(total * (0.15 + random.next() * 0.1))
  // Mastodon has no quotes: its counters leave the field out, as the reader does.
  const quotes = source === 'bluesky' ? Math.floor(total * 0.03) : 0
  return {
    source,
    replies,
    reposts,
    likes: total - replies - reposts - quotes,
    ...(source === 'bluesky' ? { quotes } : {}),
  }
}

/**
 * What the evidence reader would have found for the demo actions' links, so an action page shows
 * a preview, post counters or an honest failure instead of "not read yet" everywhere. Runs after
 * seedActions; no network.
 */
export function seedEvidence(db: DB, random: Random) {
  const rows = db
    .select({
      id: actions.id,
      url: actions.evidenceUrl,
      title: actions.title,
      description: actions.description,
      engagements: actions.engagements,
      date: actions.date,
      partner: partners.name,
    })
    .from(actions)
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .where(and(isNotNull(actions.evidenceUrl), isNull(actions.archivedAt)))
    .all()
  const values: (typeof actionEvidence.$inferInsert)[] = []
  for (const row of rows) {
    let host: string
    try {
      host = new URL(row.url!).hostname
    } catch {
      continue
    }
    // A handful stay unread, as links logged in the last days would be.
    if (random.chance(0.05)) continue
    const fetchedAt = `${row.date}T${String(random.int(9, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`
    if (closedSites[host]) {
      values.push({ actionId: row.id, url: row.url!, status: 'failed', error: closedSites[host], fetchedAt })
      continue
    }
    const source = host === 'bsky.app' ? 'bluesky' : host === 'mastodon.social' ? 'mastodon' : null
    const siteName = siteNames[host] ?? (source ? null : host.replace(/^www\./, ''))
    values.push({
      actionId: row.id,
      url: row.url!,
      status: 'ok',
      title: source ? `${row.partner} (${source === 'bluesky' ? 'Bluesky' : 'Mastodon'})` : row.title,
      description: source ? row.title : (row.description ?? `${row.partner} · Cities in Dialogue`),
      siteName: siteName ?? (source === 'bluesky' ? 'Bluesky' : 'Mastodon'),
      metrics: source && row.engagements ? splitEngagements(row.engagements, random, source) : null,
      fetchedAt,
    })
  }
  for (let i = 0; i < values.length; i += 200)
    db.insert(actionEvidence)
      .values(values.slice(i, i + 200))
      .run()
}
