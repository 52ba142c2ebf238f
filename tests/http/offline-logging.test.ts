import { randomUUID } from 'node:crypto'

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, actionTypes } from '#db/schema'

import { useTestApp } from './app'

const app = useTestApp()

const typeId = () =>
  String(
    db.select({ id: actionTypes.id }).from(actionTypes).where(eq(actionTypes.key, 'social_post')).get()!.id,
  )
const withKey = (clientKey: string) => db.select().from(actions).where(eq(actions.clientKey, clientKey)).all()
const savedId = (location: string | null) => Number(location?.match(/^\/actions\/(\d+)\?saved=1$/)?.[1])

function form(clientKey: string, title: string) {
  return { typeId: typeId(), date: '2026-11-20', title, clientKey }
}

describe('logging offline: the key made on the phone', () => {
  it('renders a fresh clientKey (a UUID) in the new action form, also for a browser without JavaScript', async () => {
    const keys = await Promise.all(
      [1, 2].map(async () => {
        const html = await (await app.fetch('/actions/new', { as: 'partner' })).text()
        return html.match(/<input type="hidden" name="clientKey" value="([^"]+)"/)?.[1]
      }),
    )
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(keys[1]).not.toBe(keys[0])
  })

  it('logs one action when the same clientKey is posted twice, answering both with it', async () => {
    const clientKey = randomUUID()
    const title = 'Wystąpienie na forum miejskim w Gdańsku — Παρουσίαση στην Αθήνα'
    const first = await app.post('/actions/new', form(clientKey, title), { as: 'partner' })
    const again = await app.post('/actions/new', form(clientKey, title), { as: 'partner' })
    expect(first.status).toBe(302)
    expect(again.status).toBe(302)
    const id = savedId(first.headers.get('location'))
    expect(id).toBeGreaterThan(0)
    expect(again.headers.get('location')).toBe(first.headers.get('location'))
    expect(withKey(clientKey).map((r) => [r.id, r.title])).toEqual([[id, title]])
  })

  it('takes the queue’s resend (multipart, Remix data request) exactly once too', async () => {
    const clientKey = randomUUID()
    const send = () => {
      const body = new FormData()
      for (const [name, value] of Object.entries(form(clientKey, 'Prezentace v Brně; Prezentare la Cluj')))
        body.append(name, value)
      body.append('intent', 'submit')
      return app.post('/actions/new?_data=routes%2Factions.new', body, { as: 'partner' })
    }
    const [one, two] = [await send(), await send()]
    expect(one.status).toBe(204)
    expect(two.status).toBe(204)
    const to = one.headers.get('x-remix-redirect')
    expect(to).toMatch(/^\/actions\/\d+\?saved=1$/)
    expect(two.headers.get('x-remix-redirect')).toBe(to)
    expect(withKey(clientKey)).toHaveLength(1)
  })

  it('keeps one user’s key apart from another’s', async () => {
    const clientKey = randomUUID()
    const mine = await app.post('/actions/new', form(clientKey, 'Hitzaldia Donostian'), { as: 'partner' })
    const theirs = await app.post('/actions/new', form(clientKey, 'Xerrada a Barcelona'), { as: 'partner2' })
    expect(savedId(theirs.headers.get('location'))).not.toBe(savedId(mine.headers.get('location')))
    expect(withKey(clientKey)).toHaveLength(2)
  })

  it('refuses a clientKey that is not a UUID with 400 and a plain message, saving nothing', async () => {
    for (const bad of ['not-a-key', 'x'.repeat(10_000), `${randomUUID()}' OR 1=1 --`]) {
      const response = await app.post('/actions/new', form(bad, 'Hostile key'), { as: 'partner' })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('This form could not be read. Reload the page and save again.')
      expect(withKey(bad)).toHaveLength(0)
    }
  })
})

describe('installable app: manifest, icons, service worker', () => {
  it('serves the web app manifest without a session, with its icons', async () => {
    const response = await app.fetch('/manifest.webmanifest')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/)
    const manifest = await response.json()
    expect(manifest).toMatchObject({
      name: 'Ripple',
      short_name: 'Ripple',
      start_url: '/',
      display: 'standalone',
    })
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/)
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[]
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ])
    for (const icon of icons) {
      const png = await app.fetch(icon.src)
      expect(png.headers.get('content-type')).toBe('image/png')
      const bytes = new Uint8Array(await png.arrayBuffer())
      const size = Number(icon.sizes.split('x')[0])
      // PNG header, then the IHDR width and height (big-endian).
      expect([...bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47])
      const view = new DataView(bytes.buffer)
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([size, size])
    }
    const es = await (
      await app.fetch('/manifest.webmanifest', { headers: { 'Accept-Language': 'es' } })
    ).json()
    expect(es.description).toMatch(/sin conexión/)
  })

  it('serves the service worker at the root and names it, with the manifest, in the page and its policy', async () => {
    const sw = await app.fetch('/sw.js')
    expect(sw.status).toBe(200)
    expect(sw.headers.get('content-type')).toMatch(/javascript/)
    expect(await sw.text()).toContain("addEventListener('fetch'")
    const page = await app.fetch('/actions/new', { as: 'partner' })
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toContain("worker-src 'self'")
    expect(csp).toContain("manifest-src 'self'")
    const nonce = csp.match(/'nonce-([^']+)'/)![1]
    const html = await page.text()
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"/>')
    expect(html).toMatch(
      new RegExp(`<script nonce="${nonce.replace(/[+/]/g, '\\$&')}">[^<]*register\\('/sw.js'\\)`),
    )
  })
})
