import { describe, expect, it } from 'vitest'

import { useTestApp } from './app'

const app = useTestApp()

describe('sign-in over HTTP', () => {
  it('sends an anonymous visitor to /login, keeping where they were going', async () => {
    const response = await app.fetch('/stakeholders?country=ES')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fstakeholders%3Fcountry%3DES')
  })

  it('serves /login and /healthz without a session', async () => {
    expect((await app.fetch('/login')).status).toBe(200)
    const health = await app.fetch('/healthz')
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } })
  })

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const known = await app.post('/login', { email: 'viewer@demo.ripple', password: 'wrong-password' })
    const unknown = await app.post('/login', { email: 'nobody@demo.ripple', password: 'wrong-password' })
    expect(known.status).toBe(401)
    expect(unknown.status).toBe(401)
    // Every page has its own Content-Security-Policy nonce.
    const strip = (html: string) =>
      html.replace(/(nobody|viewer)@demo\.ripple/g, 'E-MAIL').replace(/nonce="[^"]*"/g, 'nonce')
    expect(strip(await known.text())).toBe(strip(await unknown.text()))
  })

  it('signs in with a new httpOnly, SameSite=Lax session cookie and refuses an open redirect', async () => {
    const response = await app.post('/login', {
      email: 'comms@demo.ripple',
      password: 'ripple-demo',
      redirectTo: 'https://evil.example/',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/')
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const again = await app.post('/login', { email: 'comms@demo.ripple', password: 'ripple-demo' })
    expect(again.headers.get('set-cookie')!.split(';')[0]).not.toBe(cookie.split(';')[0])
  })

  it('throttles after 10 failures in a minute for one e-mail', async () => {
    for (let i = 0; i < 10; i++)
      await app.post('/login', { email: 'partner2@demo.ripple', password: `guess-${i}` })
    const blocked = await app.post('/login', { email: 'partner2@demo.ripple', password: 'ripple-demo' })
    expect(blocked.status).toBe(429)
  })

  it('refuses a POST from another origin', async () => {
    const response = await app.post(
      '/login',
      { email: 'admin@demo.ripple', password: 'ripple-demo' },
      { headers: { Origin: 'https://evil.example' } },
    )
    expect(response.status).toBe(403)
  })

  it('ends the session on logout', async () => {
    const cookie = await app.cookieFor('viewer')
    expect((await app.fetch('/', { headers: { Cookie: cookie } })).status).toBe(200)
    await app.post('/logout', {}, { headers: { Cookie: cookie } })
    expect((await app.fetch('/', { headers: { Cookie: cookie } })).status).toBe(302)
  })
})
