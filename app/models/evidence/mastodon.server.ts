/**
 * Mastodon status counters: https://<instance>/@user/<id> (or /@user@other.host/<id>, or
 * /users/user/statuses/<id>) -> GET https://<instance>/api/v1/statuses/<id>, a public endpoint.
 */
import { z } from 'zod'

import type { PostMetrics } from '#db/schema'

import { absoluteHttpUrl, cleanText, htmlToText, type LinkPreview } from './open-graph.server'
import { fetchJson } from './safe-fetch.server'

export type MastodonStatusRef = { origin: string; instance: string; id: string }

const ACCOUNT = '[A-Za-z0-9_.-]+(?:@[A-Za-z0-9.-]+)?'
const STATUS_PATHS = [
  new RegExp(`^/@${ACCOUNT}/(\\d{1,20})/?$`),
  /^\/users\/[A-Za-z0-9_.-]+\/statuses\/(\d{1,20})\/?$/,
]

/** The instance and status id of a Mastodon status URL, or null when the URL does not look like one. */
export function parseMastodonUrl(input: string | URL): MastodonStatusRef | null {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  for (const pattern of STATUS_PATHS) {
    const match = pattern.exec(url.pathname)
    if (match) return { origin: url.origin, instance: url.host, id: match[1] }
  }
  return null
}

const count = z.number().int().nonnegative()

const statusSchema = z.object({
  id: z.string(),
  content: z.string().nullish(),
  spoiler_text: z.string().nullish(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
  /** Mastodon 4.4+ counts quote posts; older instances leave it out. */
  quotes_count: count.optional(),
  account: z.object({ acct: z.string(), display_name: z.string().nullish() }),
  media_attachments: z
    .array(z.object({ type: z.string(), preview_url: z.string().nullish() }))
    .nullish()
    .transform((v) => v ?? []),
  card: z.object({ title: z.string().nullish(), image: z.string().nullish() }).nullish(),
})

export async function readMastodonStatus(
  ref: MastodonStatusRef,
): Promise<{ preview: LinkPreview; metrics: PostMetrics }> {
  const status = await fetchJson(`${ref.origin}/api/v1/statuses/${ref.id}`, statusSchema)
  const name = status.account.display_name?.trim() || status.account.acct
  const image =
    status.media_attachments.find((m) => m.type === 'image' || m.type === 'gifv')?.preview_url ??
    status.card?.image
  const text = status.spoiler_text?.trim() ? status.spoiler_text : htmlToText(status.content ?? '')
  return {
    preview: {
      title: cleanText(`${name} (@${status.account.acct})`, 300),
      description: cleanText(text, 1000),
      imageUrl: absoluteHttpUrl(image, ref.origin),
      siteName: cleanText(`Mastodon · ${ref.instance}`, 200),
    },
    metrics: {
      source: 'mastodon',
      replies: status.replies_count,
      reposts: status.reblogs_count,
      likes: status.favourites_count,
      ...(status.quotes_count !== undefined ? { quotes: status.quotes_count } : {}),
    },
  }
}
