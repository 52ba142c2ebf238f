import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'

import type { ServerBuild } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionEvidence, actions } from '#db/schema'
import { mockServer } from '#tests/mocks/index'

import { createHttpApp } from '../../app/server/http.server'
import { buildPaths } from '../../app/server/paths.server'
import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name.toLowerCase(), values)
  }
  return map
}

const firstActionId = () => db.select({ id: actions.id }).from(actions).limit(1).get()!.id

describe('Content-Security-Policy on every HTML page', () => {
  const pages: [string, () => string, DemoUser | undefined][] = [
    ['login', () => '/login', undefined],
    ['home', () => '/', 'viewer'],
    ['a list', () => '/stakeholders', 'comms'],
    ['a detail', () => `/actions/${firstActionId()}`, 'partner'],
    ['a form', () => '/stakeholders/new', 'admin'],
    ['an error page', () => '/no-such-page', 'viewer'],
  ]

  it.each(pages)(
    '%s: a fresh nonce that every script carries, no unsafe-inline script',
    async (_name, path, as) => {
      const response = await app.fetch(path(), { as })
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      const csp = directives(response.headers.get('content-security-policy'))
      const scriptSrc = csp.get('script-src') ?? []
      expect(scriptSrc).toContain("'self'")
      expect(scriptSrc.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/)
      const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(
        scriptSrc.find((v) => v.startsWith("'nonce-")) ?? '',
      )?.[1]
      expect(nonce, 'script-src has a nonce').toBeTruthy()
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'self'"])
      expect(csp.get('form-action')).toEqual(["'self'"])
      expect(csp.get('frame-ancestors')).toEqual(["'none'"])
      expect(csp.get('img-src')).toEqual(["'self'", 'data:'])
      expect(csp.get('default-src')).toEqual(["'self'"])

      const html = await response.text()
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
      // No inline event handler attribute anywhere (they cannot carry a nonce).
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i)

      // Another request, another nonce.
      const again = directives((await app.fetch(path(), { as })).headers.get('content-security-policy'))
      expect(again.get('script-src')).not.toEqual(scriptSrc)
    },
  )

  it('sends no Strict-Transport-Security over plain http', async () => {
    const response = await app.fetch('/login')
    expect(response.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('Strict-Transport-Security over https', () => {
  // A server behind a TLS-terminating proxy: the request's protocol is https as Remix sees it.
  let server: ReturnType<ReturnType<typeof createHttpApp>['listen']>
  let url = ''
  beforeAll(async () => {
    const paths = buildPaths()
    const build = (await import(/* @vite-ignore */ pathToFileURL(paths.serverBuild).href)) as ServerBuild
    server = createHttpApp({ build, publicDir: paths.publicDir, trustProxy: true }).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('is sent on pages and data answers when the request came over https', async () => {
    const headers = { 'X-Forwarded-Proto': 'https' }
    const page = await fetch(`${url}/login`, { headers })
    expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
    expect(page.headers.get('content-security-policy')).toContain("'nonce-")
    const data = await fetch(`${url}/login?_data=root`, { headers })
    expect(data.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
  })
})

describe('evidence preview images come through Ripple', () => {
  const remote = 'https://www.ripple-demo.eu/images/preview.png'
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

  function withPreviewImage(imageUrl: string) {
    const id = firstActionId()
    db.delete(actionEvidence).where(eq(actionEvidence.actionId, id)).run()
    db.insert(actionEvidence)
      .values({
        actionId: id,
        url: 'https://www.ripple-demo.eu/news/x',
        status: 'ok',
        title: 'A post',
        imageUrl,
      })
      .run()
    return id
  }

  it('shows the image from /actions/:id/evidence/image, never from the remote site', async () => {
    const id = withPreviewImage(remote)
    mockServer.use(
      http.get(remote, () => new HttpResponse(png, { headers: { 'Content-Type': 'image/png' } })),
    )
    const html = await (await app.fetch(`/actions/${id}`, { as: 'viewer' })).text()
    expect(html).toContain(`src="/actions/${id}/evidence/image"`)
    expect(html).not.toMatch(/<img[^>]*ripple-demo\.eu/)
    const image = await app.fetch(`/actions/${id}/evidence/image`, { as: 'viewer' })
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png)
  })

  it('refuses what is not a raster image, and needs a signed-in reader', async () => {
    const id = withPreviewImage(remote)
    mockServer.use(
      http.get(
        remote,
        () => new HttpResponse('<svg onload="alert(1)"/>', { headers: { 'Content-Type': 'image/svg+xml' } }),
      ),
    )
    const svg = await app.fetch(`/actions/${id}/evidence/image`, { as: 'viewer' })
    expect(svg.status).toBe(502)
    expect(svg.headers.get('content-type')).toMatch(/^text\/plain/)
    const anonymous = await app.fetch(`/actions/${id}/evidence/image`)
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)
  })
})
