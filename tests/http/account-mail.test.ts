import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { notificationKinds } from '#db/schema/mail'
import { unsubscribeUrl } from '~/models/mail/index.server'

import { DEMO_PASSWORD } from '../../db/seed/core'
import { type DemoUser, useTestApp } from './app'

/*
 * Issue 15 points 1-3 over HTTP: /account (language, password, notification switches) for every
 * role, the signed /unsubscribe link without signing in, and the administrator's /admin/outbox and
 * /admin/jobs.
 */

const app = useTestApp()
const everyone = ['admin', 'comms', 'partner', 'partner2', 'viewer'] satisfies DemoUser[]

const userOf = (as: DemoUser) =>
  sqlite().prepare('select id, locale from users where email = ?').get(`${as}@demo.ripple`) as {
    id: number
    locale: string
  }
const optedOut = (userId: number) =>
  (
    sqlite().prepare('select kind from mail_opt_outs where user_id = ? order by kind').all(userId) as {
      kind: string
    }[]
  ).map((r) => r.kind)

async function signIn(email: string, password: string) {
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: app.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  })
  return response.status
}

describe('/account for every role', () => {
  it('shows each role its own address, language, password form and notification switches', async () => {
    for (const as of everyone) {
      const response = await app.fetch('/account', { as })
      expect(response.status, as).toBe(200)
      const html = await response.text()
      expect(html).toContain(`${as}@demo.ripple`)
      expect(html).toContain('name="locale"')
      expect(html).toContain('name="current"')
      for (const kind of notificationKinds) expect(html, `${as} ${kind}`).toContain(`name="${kind}"`)
    }
  })

  it('changes the own language (and the cookie), and back', async () => {
    for (const as of everyone) {
      const response = await app.post('/account', { intent: 'locale', locale: 'es' }, { as })
      expect(response.status, as).toBe(200)
      // The language cookie (its value is encoded) follows the choice for the signed-out pages.
      expect(response.headers.get('set-cookie'), as).toMatch(/^ripple_lng=/)
      expect(userOf(as).locale, as).toBe('es')
      expect(await (await app.fetch('/account', { as })).text()).toContain('lang="es"')
      expect((await app.post('/account', { intent: 'locale', locale: 'en' }, { as })).status).toBe(200)
      expect(userOf(as).locale, as).toBe('en')
    }
  })

  it('changes the own password after checking the current one, and keeps the session in use', async () => {
    const next = 'Zażółć gęślą jaźń — Ωμέγα 2026'
    for (const as of everyone) {
      const wrong = await app.post(
        '/account',
        { intent: 'password', current: 'not-my-password', password: next },
        { as },
      )
      expect(wrong.status, as).toBe(400)
      const changed = await app.post(
        '/account',
        { intent: 'password', current: DEMO_PASSWORD, password: next },
        { as },
      )
      expect(changed.status, as).toBe(200)
      expect(await signIn(`${as}@demo.ripple`, next), as).toBe(302)
      expect(await signIn(`${as}@demo.ripple`, DEMO_PASSWORD), as).not.toBe(302)
      // The session that changed it still works.
      expect((await app.fetch('/account', { as })).status, as).toBe(200)
      const back = await app.post(
        '/account',
        { intent: 'password', current: next, password: DEMO_PASSWORD },
        { as },
      )
      expect(back.status, as).toBe(200)
    }
  })

  it('switches each kind of message on and off for the own account only', async () => {
    for (const as of everyone) {
      const me = userOf(as).id
      const response = await app.post(
        '/account',
        { intent: 'notifications', reminder: 'on', 'monthly-reach': 'on' },
        { as },
      )
      expect(response.status, as).toBe(200)
      expect(optedOut(me), as).toEqual(
        notificationKinds.filter((k) => k !== 'reminder' && k !== 'monthly-reach').sort(),
      )
      const all = Object.fromEntries(notificationKinds.map((k) => [k, 'on']))
      expect((await app.post('/account', { intent: 'notifications', ...all }, { as })).status).toBe(200)
      expect(optedOut(me), as).toEqual([])
    }
  })

  it('gives hostile input a 400 with the error next to the field, never a 500', async () => {
    const cases: Record<string, string>[] = [
      { intent: 'locale', locale: 'xx' },
      { intent: 'locale', locale: '<script>alert(1)</script>' },
      { intent: 'locale' },
      { intent: 'password', current: DEMO_PASSWORD, password: 'short' },
      { intent: 'password', current: DEMO_PASSWORD, password: 'ę'.repeat(5000) },
      { intent: 'password', current: 'x'.repeat(5000), password: 'long-enough-Ελληνικά' },
      { intent: 'password' },
      { intent: 'nonsense' },
      {},
    ]
    for (const form of cases) {
      const response = await app.post('/account', form, { as: 'partner' })
      expect(response.status, JSON.stringify(form).slice(0, 80)).toBe(400)
    }
    const short = await app.post(
      '/account',
      { intent: 'password', current: DEMO_PASSWORD, password: 'short' },
      { as: 'viewer' },
    )
    expect(await short.text()).toContain('at least')
    // A notifications form with strange values switches nothing on that was not ticked.
    const odd = await app.post(
      '/account',
      { intent: 'notifications', reminder: '1; drop table users', 'event-no-plan': ['on', 'on'] },
      { as: 'partner2' },
    )
    expect(odd.status).toBe(200)
    expect(optedOut(userOf('partner2').id)).not.toContain('event-no-plan')
    expect(optedOut(userOf('partner2').id)).toContain('reminder')
    expect(userOf('partner').locale).toBe('en')
  })
})

describe('/unsubscribe: the signed link, without signing in', () => {
  const query = (as: DemoUser, kind: (typeof notificationKinds)[number]) =>
    new URL(unsubscribeUrl(userOf(as).id, kind)).search

  it('a valid link asks, then switches that kind off for that user only', async () => {
    const q = query('partner', 'activity-overdue')
    const others = optedOut(userOf('partner2').id)
    const page = await app.fetch(`/unsubscribe${q}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Stop receiving')
    expect(optedOut(userOf('partner').id)).not.toContain('activity-overdue')
    const params = new URLSearchParams(q)
    const done = await app.post('/unsubscribe', {
      u: params.get('u')!,
      k: params.get('k')!,
      s: params.get('s')!,
    })
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('you will no longer receive')
    expect(optedOut(userOf('partner').id)).toEqual(['activity-overdue'])
    expect(optedOut(userOf('partner2').id)).toEqual(others)
  })

  it('a mail program’s one-click POST to the link switches the kind off', async () => {
    const response = await app.post(`/unsubscribe${query('viewer', 'monthly-reach')}`, {
      'List-Unsubscribe': 'One-Click',
    })
    expect(response.status).toBe(200)
    expect(optedOut(userOf('viewer').id)).toContain('monthly-reach')
  })

  it('a tampered or truncated link gets 400 with a plain message and switches nothing', async () => {
    const params = new URLSearchParams(query('comms', 'validation-summary'))
    const u = params.get('u')!
    const s = params.get('s')!
    const other = String(userOf('viewer').id)
    const flip = (c: string) => (c === 'A' ? 'B' : 'A')
    const bad = [
      `u=${u}&k=validation-summary&s=${s.slice(0, -1)}${flip(s.at(-1)!)}`,
      `u=${u}&k=validation-summary&s=${s.slice(0, 10)}`,
      `u=${u}&k=validation-summary`,
      `u=${other}&k=validation-summary&s=${s}`,
      `u=${u}&k=reminder&s=${s}`,
      `u=${u}&k=password-reset&s=${s}`,
      `u=-1&k=validation-summary&s=${s}`,
      `u=${'9'.repeat(400)}&k=validation-summary&s=${s}`,
      `u=${u}&k=%E2%80%AE%3Cscript%3E&s=${encodeURIComponent('Ωmega')}`,
      '',
    ]
    for (const q of bad) {
      const response = await app.fetch(`/unsubscribe?${q}`)
      expect(response.status, q).toBe(400)
      expect(await response.text(), q).toContain('This unsubscribe link is incomplete or has been changed')
      const posted = await app.post(`/unsubscribe?${q}`, Object.fromEntries(new URLSearchParams(q)))
      expect(posted.status, q).toBe(400)
    }
    expect(optedOut(userOf('comms').id)).toEqual([])
    expect(optedOut(userOf('viewer').id)).not.toContain('validation-summary')
  })
})

describe('/admin/outbox and /admin/jobs', () => {
  it('the administrator reads both (an unknown or empty job name is refused); every other role gets 403', async () => {
    const outbox = await app.fetch('/admin/outbox', { as: 'admin' })
    expect(outbox.status).toBe(200)
    expect(await outbox.text()).toContain('Outbox')
    const jobs = await app.fetch('/admin/jobs', { as: 'admin' })
    expect(jobs.status).toBe(200)
    const html = await jobs.text()
    const job = /name="job" value="([^"]+)"/.exec(html)?.[1]
    expect(job).toBeTruthy()
    expect((await app.post('/admin/jobs', { job: 'no-such-job' }, { as: 'admin' })).status).toBe(404)
    expect((await app.post('/admin/jobs', { job: '' }, { as: 'admin' })).status).toBe(400)
    for (const as of ['comms', 'partner', 'partner2', 'viewer'] satisfies DemoUser[]) {
      expect((await app.fetch('/admin/outbox', { as })).status, as).toBe(403)
      expect((await app.fetch('/admin/outbox/x.eml', { as })).status, as).toBe(403)
      expect((await app.fetch('/admin/jobs', { as })).status, as).toBe(403)
      expect((await app.post('/admin/jobs', { job: job! }, { as })).status, as).toBe(403)
    }
  })
})
