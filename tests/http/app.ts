import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'

import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll } from 'vitest'

import { createHttpApp, keepConnectionsOpen } from '../../app/server/http.server'
import { buildPaths } from '../../app/server/paths.server'
import { DEMO_PASSWORD } from '../../db/seed/core'

export type DemoUser = 'admin' | 'comms' | 'partner' | 'partner2' | 'viewer'

export type TestApp = {
  url: string
  /** fetch against the app; `as` signs in as a demo account first (cookies are cached per account). */
  fetch: (path: string, init?: RequestInit & { as?: DemoUser }) => Promise<Response>
  /** A form POST with the app's own Origin, as a browser would send it. */
  post: (
    path: string,
    form: Record<string, string | string[]> | FormData,
    init?: RequestInit & { as?: DemoUser },
  ) => Promise<Response>
  cookieFor: (user: DemoUser) => Promise<string>
}

/**
 * Serves the production build over real HTTP on a free loopback port, in this test process (so
 * msw sees the server's outbound fetches), against this test file's own database copy.
 */
export function useTestApp(options: { trustProxy?: boolean } = {}): TestApp {
  let server: ReturnType<ReturnType<typeof createHttpApp>['listen']>
  let url = ''
  const cookies = new Map<DemoUser, string>()

  beforeAll(async () => {
    const paths = buildPaths()
    const build = (await import(/* @vite-ignore */ pathToFileURL(paths.serverBuild).href)) as ServerBuild
    const app = createHttpApp({ build, publicDir: paths.publicDir, trustProxy: options.trustProxy })
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve())
    })
    // As scripts/serve.ts does: a long synchronous step (a 20,000-row import in this process)
    // must not let the 5 s default close a pooled connection under the next request.
    keepConnectionsOpen(server)
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Kept-alive connections of this process's fetch would hold the close for 65 s.
        server.closeAllConnections()
      }),
  )

  async function cookieFor(user: DemoUser) {
    const cached = cookies.get(user)
    if (cached) return cached
    const response = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: `${user}@demo.ripple`, password: DEMO_PASSWORD }),
    })
    const setCookie = response.headers.get('set-cookie')
    if (response.status !== 302 || !setCookie)
      throw new Error(`Could not sign in as ${user}: ${response.status}`)
    const cookie = setCookie.split(';')[0]
    cookies.set(user, cookie)
    return cookie
  }

  async function appFetch(path: string, init: RequestInit & { as?: DemoUser } = {}) {
    const { as, ...rest } = init
    const headers = new Headers(rest.headers)
    if (as) headers.set('Cookie', await cookieFor(as))
    return fetch(`${url}${path}`, { redirect: 'manual', ...rest, headers })
  }

  async function post(
    path: string,
    form: Record<string, string | string[]> | FormData,
    init: RequestInit & { as?: DemoUser } = {},
  ) {
    let body: URLSearchParams | FormData
    if (form instanceof FormData) body = form
    else {
      body = new URLSearchParams()
      for (const [k, v] of Object.entries(form))
        for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
    }
    const headers = new Headers(init.headers)
    if (!headers.has('Origin')) headers.set('Origin', url)
    return appFetch(path, { ...init, method: 'POST', body, headers })
  }

  return {
    get url() {
      return url
    },
    fetch: appFetch,
    post,
    cookieFor,
  }
}
