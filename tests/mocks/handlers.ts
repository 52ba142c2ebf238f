import type { RequestHandler } from 'msw'

/** Each outside service adds its handlers in its own file (e.g. tests/mocks/mastodon.ts) and lists them here. */
export const handlers: RequestHandler[] = []
