import type { RequestHandler } from 'msw'

import { blueskyHandlers } from './bluesky'
import { mastodonHandlers } from './mastodon'
import { openGraphHandlers } from './opengraph'

/** Each outside service adds its handlers in its own file (e.g. tests/mocks/mastodon.ts) and lists them here. */
export const handlers: RequestHandler[] = [...openGraphHandlers, ...mastodonHandlers, ...blueskyHandlers]
