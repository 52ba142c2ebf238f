import { setupServer } from 'msw/node'

import { setHostResolver } from '~/models/evidence/safe-fetch.server'

import { fakeHostResolver } from './dns'
import { handlers } from './handlers'

/**
 * One msw server for every outbound HTTP call (Open Graph pages, Mastodon, Bluesky). Tests and
 * `MOCKS=true` runs use it; an unhandled outbound request is an error.
 */
export const mockServer = setupServer(...handlers)

// The evidence fetch resolves hosts before fetching: mocked hosts get fake public addresses (tests/mocks/dns.ts).
setHostResolver(fakeHostResolver())

export function startMockServer() {
  mockServer.listen({
    onUnhandledRequest(request, print) {
      const url = new URL(request.url)
      // The app's own server on loopback is not "outside".
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return
      print.error()
    },
  })
  return mockServer
}
