/**
 * Bluesky post counters: https://bsky.app/profile/<handle-or-did>/post/<rkey> -> (handle ->
 * com.atproto.identity.resolveHandle) -> app.bsky.feed.getPosts on the public AppView.
 */
import { z } from 'zod'

import type { PostMetrics } from '#db/schema'

import { absoluteHttpUrl, cleanText, type LinkPreview } from './open-graph.server'
import { EvidenceFetchError, fetchJson } from './safe-fetch.server'

export const BLUESKY_API = 'https://public.api.bsky.app'
const BLUESKY_WEB_HOSTS = new Set(['bsky.app', 'www.bsky.app'])

export type BlueskyPostRef = { actor: string; rkey: string }

const HANDLE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i
const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2000}$/
const RKEY = /^[A-Za-z0-9._~:-]{1,512}$/

/** The author (handle or DID) and record key of a Bluesky post URL, or null. */
export function parseBlueskyUrl(input: string | URL): BlueskyPostRef | null {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || !BLUESKY_WEB_HOSTS.has(url.hostname)) return null
  const match = /^\/profile\/([^/]+)\/post\/([^/]+)\/?$/.exec(url.pathname)
  if (!match) return null
  const actor = decodeURIComponent(match[1])
  const rkey = decodeURIComponent(match[2])
  if (!(DID.test(actor) || HANDLE.test(actor)) || !RKEY.test(rkey)) return null
  return { actor, rkey }
}

const count = z.number().int().nonnegative()

const resolveHandleSchema = z.object({ did: z.string().regex(DID) })

const imageEmbed = z.object({ images: z.array(z.object({ thumb: z.string() })).min(1) })
const externalEmbed = z.object({ external: z.object({ thumb: z.string() }) })

const getPostsSchema = z.object({
  posts: z.array(
    z.object({
      uri: z.string(),
      author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().nullish() }),
      record: z.object({ text: z.string().nullish() }).passthrough(),
      embed: z.unknown().optional(),
      replyCount: count.default(0),
      repostCount: count.default(0),
      likeCount: count.default(0),
      quoteCount: count.default(0),
    }),
  ),
})

function embedImage(embed: unknown): string | null {
  const images = imageEmbed.safeParse(embed)
  if (images.success) return images.data.images[0].thumb
  const external = externalEmbed.safeParse(embed)
  if (external.success) return external.data.external.thumb
  // A quote post with media nests the media one level down.
  const media = z.object({ media: z.unknown() }).safeParse(embed)
  return media.success ? embedImage(media.data.media) : null
}

export async function resolveBlueskyDid(actor: string): Promise<string> {
  if (actor.startsWith('did:')) return actor
  const query = new URLSearchParams({ handle: actor.toLowerCase() })
  const { did } = await fetchJson(
    `${BLUESKY_API}/xrpc/com.atproto.identity.resolveHandle?${query}`,
    resolveHandleSchema,
  )
  return did
}

export async function readBlueskyPost(
  ref: BlueskyPostRef,
): Promise<{ preview: LinkPreview; metrics: PostMetrics }> {
  const did = await resolveBlueskyDid(ref.actor)
  const query = new URLSearchParams({ uris: `at://${did}/app.bsky.feed.post/${ref.rkey}` })
  const { posts } = await fetchJson(`${BLUESKY_API}/xrpc/app.bsky.feed.getPosts?${query}`, getPostsSchema)
  const post = posts[0]
  // getPosts leaves out deleted or hidden posts instead of failing.
  if (!post) throw new EvidenceFetchError('not_found')
  const name = post.author.displayName?.trim() || post.author.handle
  return {
    preview: {
      title: cleanText(`${name} (@${post.author.handle})`, 300),
      description: cleanText(post.record.text, 1000),
      imageUrl: absoluteHttpUrl(embedImage(post.embed), BLUESKY_API),
      siteName: 'Bluesky',
    },
    metrics: {
      source: 'bluesky',
      replies: post.replyCount,
      reposts: post.repostCount,
      likes: post.likeCount,
      quotes: post.quoteCount,
    },
  }
}
