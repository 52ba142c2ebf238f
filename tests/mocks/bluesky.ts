import { http, HttpResponse } from 'msw'

export const BLUESKY_API = 'https://public.api.bsky.app'

/** Bluesky posts the demo seed and browser tests link to; the public AppView answers with their counters. */
export const demoBluesky = {
  handle: 'ripple-demo.bsky.social',
  did: 'did:plc:ripple2demo4cities7dialog',
  launch: {
    url: 'https://bsky.app/profile/ripple-demo.bsky.social/post/3lbq2demo2x2a',
    rkey: '3lbq2demo2x2a',
  },
  clinic: {
    url: 'https://bsky.app/profile/did:plc:ripple2demo4cities7dialog/post/3lcdemo7clin2',
    rkey: '3lcdemo7clin2',
  },
} as const

/** One app.bsky.feed.getPosts post view; override what a test needs. */
export function blueskyPost(overrides: Record<string, unknown> = {}) {
  return {
    uri: `at://${demoBluesky.did}/app.bsky.feed.post/${demoBluesky.launch.rkey}`,
    cid: 'bafyreidemo',
    author: { did: demoBluesky.did, handle: demoBluesky.handle, displayName: 'Cities in Dialogue' },
    record: {
      $type: 'app.bsky.feed.post',
      text: 'Eight cities, one conversation: our project starts today.',
      createdAt: '2026-03-02T10:00:00.000Z',
    },
    replyCount: 2,
    repostCount: 7,
    likeCount: 31,
    quoteCount: 1,
    indexedAt: '2026-03-02T10:00:01.000Z',
    ...overrides,
  }
}

const posts: Record<string, ReturnType<typeof blueskyPost>> = {
  [demoBluesky.launch.rkey]: blueskyPost(),
  [demoBluesky.clinic.rkey]: blueskyPost({
    uri: `at://${demoBluesky.did}/app.bsky.feed.post/${demoBluesky.clinic.rkey}`,
    record: {
      $type: 'app.bsky.feed.post',
      text: 'Policy clinic on participatory budgeting.',
      createdAt: '2026-04-10T09:00:00.000Z',
    },
    replyCount: 0,
    repostCount: 3,
    likeCount: 12,
    quoteCount: 0,
  }),
}

function hash(text: string) {
  let h = 0
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return h
}

/** A made-up DID for any other *.bsky.social handle, so the links the demo seed generates resolve. */
const handles = new Map<string, string>()
function didFor(handle: string) {
  const did = `did:plc:demo${hash(handle).toString(36)}`
  handles.set(did, handle)
  return did
}

/**
 * The public AppView: the demo posts above, and for any other *.bsky.social handle a made-up post
 * with stable counters, unless its record key contains "deleted" (getPosts then leaves it out,
 * as Bluesky does). Handles on other domains do not resolve (400).
 */
export const blueskyHandlers = [
  http.get(`${BLUESKY_API}/xrpc/com.atproto.identity.resolveHandle`, ({ request }) => {
    const handle = new URL(request.url).searchParams.get('handle') ?? ''
    if (handle === demoBluesky.handle) return HttpResponse.json({ did: demoBluesky.did })
    if (handle.endsWith('.bsky.social')) return HttpResponse.json({ did: didFor(handle) })
    return HttpResponse.json(
      { error: 'InvalidRequest', message: 'Unable to resolve handle' },
      { status: 400 },
    )
  }),
  http.get(`${BLUESKY_API}/xrpc/app.bsky.feed.getPosts`, ({ request }) => {
    const found = new URL(request.url).searchParams
      .getAll('uris')
      .map((uri) => /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri))
      .flatMap((m) => {
        if (!m) return []
        const [, did, rkey] = m
        if (did === demoBluesky.did && posts[rkey]) return [posts[rkey]]
        if (rkey.includes('deleted') || !did.startsWith('did:plc:demo')) return []
        const h = hash(rkey)
        return [
          blueskyPost({
            uri: m[0],
            author: {
              did,
              handle: handles.get(did) ?? 'partner-city.bsky.social',
              displayName: 'Partner city',
            },
            record: {
              $type: 'app.bsky.feed.post',
              text: 'News from our city in the Cities in Dialogue project.',
              createdAt: '2026-03-02T10:00:00.000Z',
            },
            replyCount: h % 5,
            repostCount: (h >>> 3) % 20,
            likeCount: (h >>> 8) % 70,
            quoteCount: (h >>> 13) % 3,
          }),
        ]
      })
    return HttpResponse.json({ posts: found })
  }),
]
