import { http, HttpResponse } from 'msw'

/** Mastodon statuses the demo seed and browser tests link to; the API answers with their counters. */
export const demoMastodon = {
  launch: { url: 'https://mastodon.social/@ripple_demo/113456789012345678', id: '113456789012345678' },
  workshop: { url: 'https://mastodon.social/@ripple_demo/113456789012345999', id: '113456789012345999' },
} as const

/** A Mastodon API status with the fields we read; override what a test needs. */
export function mastodonStatus(overrides: Record<string, unknown> = {}) {
  return {
    id: demoMastodon.launch.id,
    created_at: '2026-03-02T10:00:00.000Z',
    url: demoMastodon.launch.url,
    content:
      '<p>Our city joined <a href="https://mastodon.social/tags/CitiesInDialogue">#CitiesInDialogue</a>!</p><p>Kick-off today.</p>',
    spoiler_text: '',
    replies_count: 3,
    reblogs_count: 12,
    favourites_count: 40,
    account: { id: '1', username: 'ripple_demo', acct: 'ripple_demo', display_name: 'Cities in Dialogue' },
    media_attachments: [],
    card: null,
    ...overrides,
  }
}

const statuses: Record<string, ReturnType<typeof mastodonStatus>> = {
  [demoMastodon.launch.id]: mastodonStatus(),
  [demoMastodon.workshop.id]: mastodonStatus({
    id: demoMastodon.workshop.id,
    url: demoMastodon.workshop.url,
    content: '<p>Workshop on open data with the partner cities.</p>',
    replies_count: 1,
    reblogs_count: 4,
    favourites_count: 9,
  }),
}

/** Small stable counters from a status id, so every seeded link shows plausible figures. */
function countersFor(id: string) {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return { replies_count: h % 7, reblogs_count: (h >>> 3) % 25, favourites_count: (h >>> 8) % 90 }
}

/**
 * mastodon.social answers the demo statuses above, and any other real-looking status id (15 or
 * more digits, as Mastodon's are) with a made-up status, for the links the demo seed generates.
 * Shorter ids are "deleted" (404).
 */
export const mastodonHandlers = [
  http.get('https://mastodon.social/api/v1/statuses/:id', ({ params }) => {
    const id = String(params.id)
    const status =
      statuses[id] ??
      (/^\d{15,}$/.test(id)
        ? mastodonStatus({
            id,
            url: null,
            content: '<p>News from our city in the Cities in Dialogue project.</p>',
            ...countersFor(id),
          })
        : null)
    return status
      ? HttpResponse.json(status)
      : HttpResponse.json({ error: 'Record not found' }, { status: 404 })
  }),
]
