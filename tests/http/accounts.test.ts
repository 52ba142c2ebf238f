import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { db } from '#db/client'
import { users } from '#db/schema'

import { type DemoUser, useTestApp } from './app'

// A real SMTP server in this process, started before the app reads SMTP_URL and APP_URL.
const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import('../setup/smtp')
  const server = await startSmtpServer()
  process.env.SMTP_URL = server.url
  process.env.APP_URL = 'https://ripple.example.eu'
  return server
})
afterAll(() => smtp.close())

const app = useTestApp()

const seen = new Map<string, number>()

/**
 * The path of the link in the next message to `to` (its origin is APP_URL, not this test server).
 * The app delivers in the background, in its own build's copy of the mail queue: wait for it.
 */
async function linkTo(to: string, path: 'invitation' | 'reset-password') {
  const forTo = () => smtp.messages.filter((m) => m.envelope.to.includes(to))
  const before = seen.get(to) ?? 0
  for (let i = 0; i < 200 && forTo().length <= before; i++) await new Promise((r) => setTimeout(r, 50))
  const message = forTo()[before]
  expect(message, `nothing arrived for ${to}`).toBeTruthy()
  seen.set(to, before + 1)
  const match = new RegExp(`https://ripple\\.example\\.eu(/${path}/[A-Za-z0-9_-]+)`).exec(message.text ?? '')
  expect(match).not.toBeNull()
  return match![1]
}

const inviteForm = (email: string) => ({
  intent: 'invite',
  email,
  name: 'Radka Nováková',
  role: 'viewer',
  partnerId: '',
  locale: 'en',
  password: '',
})

describe('invitations over HTTP', () => {
  it('only an administrator may invite, from /admin/users/new or again from the user page', async () => {
    for (const as of ['comms', 'partner', 'partner2', 'viewer'] satisfies DemoUser[]) {
      expect((await app.post('/admin/users/new', inviteForm(`${as}-x@brno.example.cz`), { as })).status).toBe(
        403,
      )
      expect((await app.post('/admin/users/1/invite', {}, { as })).status).toBe(403)
    }
    const email = 'radka.novakova@brno.example.cz'
    const invited = await app.post('/admin/users/new', inviteForm(email), { as: 'admin' })
    expect(invited.status).toBe(302)
    expect(invited.headers.get('location')).toMatch(/^\/admin\/users\/\d+\?saved=invited$/)
    const list = await (await app.fetch('/admin/users?q=brno', { as: 'admin' })).text()
    expect(list).toMatch(/"invitationExpiresAt":"\d{4}-/)
    expect(list).toContain('>Invited, not yet accepted<')

    const first = await linkTo(email, 'invitation')
    const id = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
    expect((await app.post(`/admin/users/${id}/invite`, {}, { as: 'admin' })).status).toBe(302)
    const second = await linkTo(email, 'invitation')
    expect(second).not.toBe(first)
    // Re-inviting made the first link stop working.
    expect((await app.fetch(first)).status).toBe(404)

    // Signed out: the link opens a page, the password signs the user in, and the link is used up.
    expect((await app.fetch(second)).status).toBe(200)
    const accepted = await app.post(second, { password: 'Brno-je-krásné-2026' })
    expect(accepted.status).toBe(302)
    expect(accepted.headers.get('location')).toBe('/')
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]
    expect((await app.fetch('/', { headers: { Cookie: cookie } })).status).toBe(200)
    const again = await app.fetch(second)
    expect(again.status).toBe(410)
    const page = await again.text()
    expect(page).toContain('This link has already been used')
    expect(page).toContain('href="/forgot-password"')
    const after = await (await app.fetch('/admin/users?q=brno', { as: 'admin' })).text()
    expect(after).toContain('"invitationExpiresAt":null')
    expect(after).not.toContain('>Invited, not yet accepted<')
  }, 90_000)

  it('keeps the existing "create with a password" form working and says what is wrong next to the field', async () => {
    const missing = await app.post('/admin/users/new', { ...inviteForm('bad'), name: '' }, { as: 'admin' })
    expect(missing.status).toBe(400)
    const created = await app.post(
      '/admin/users/new',
      { ...inviteForm('ioana@cluj.example.ro'), intent: '', password: 'Cluj-Napoca-2026' },
      { as: 'admin' },
    )
    expect(created.headers.get('location')).toMatch(/saved=created$/)
  })
})

describe('forgot and reset password over HTTP (signed out)', () => {
  it('answers a known and an unknown address the same, and the link resets the password and ends sessions', async () => {
    expect((await app.fetch('/login')).status).toBe(200)
    expect(await (await app.fetch('/login')).text()).toContain('href="/forgot-password"')
    expect((await app.fetch('/forgot-password')).status).toBe(200)
    const unknown = await app.post('/forgot-password', { email: 'ninguem@lisboa.example.pt' })
    const known = await app.post('/forgot-password', { email: 'partner2@demo.ripple' })
    expect(unknown.status).toBe(200)
    expect(known.status).toBe(200)
    const sent = 'If an account uses this address'
    expect(await unknown.text()).toContain(sent)
    expect(await known.text()).toContain(sent)

    const stolen = await app.cookieFor('partner2')
    const link = await linkTo('partner2@demo.ripple', 'reset-password')
    expect((await app.fetch(link)).status).toBe(200)
    const short = await app.post(link, { password: 'short' })
    expect(short.status).toBe(400)
    const reset = await app.post(link, { password: 'Θεσσαλονίκη-2026' })
    expect(reset.status).toBe(302)
    expect(reset.headers.get('location')).toBe('/login?reset=1')
    expect((await app.fetch('/', { headers: { Cookie: stolen } })).headers.get('location')).toBe('/login')
    const signIn = await app.post('/login', { email: 'partner2@demo.ripple', password: 'Θεσσαλονίκη-2026' })
    expect(signIn.status).toBe(302)
    expect((await app.post(link, { password: 'another-one-2026' })).status).toBe(410)
  })

  it('gives hostile input a 4xx, never a 500', async () => {
    for (const path of ['/reset-password/x', `/reset-password/${'a'.repeat(3000)}`, '/invitation/%00%ff'])
      expect([400, 404]).toContain((await app.fetch(path)).status)
    expect((await app.post('/reset-password/nope', { password: 'long-enough-password' })).status).toBe(404)
    expect((await app.post('/forgot-password', { email: 'not an address' })).status).toBe(400)
    expect((await app.post('/forgot-password', { email: ['a@b.eu', 'c@d.eu'] })).status).toBe(400)
  })

  it('throttles the form per address', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push((await app.post('/forgot-password', { email: 'miren@gasteiz.example.eus' })).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
  })
})
