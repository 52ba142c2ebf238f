import { eq } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionEvidence, actions, actionTypes, users } from '#db/schema'
import { mockServer } from '#tests/mocks/index'
import { demoMastodon } from '#tests/mocks/mastodon'

import { useTestApp } from './app'

const app = useTestApp()
const today = new Date().toISOString().slice(0, 10)

function partnerOf(email: string) {
  return db.select({ partnerId: users.partnerId }).from(users).where(eq(users.email, email)).get()!.partnerId!
}

function makeAction({
  evidenceUrl,
  status = 'submitted',
  partner = 'partner@demo.ripple',
}: {
  evidenceUrl: string
  status?: 'submitted' | 'validated'
  partner?: string
}) {
  const typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  return db
    .insert(actions)
    .values({
      partnerId: partnerOf(partner),
      typeId,
      date: today,
      month: today.slice(0, 7),
      title: 'Evidence over HTTP',
      evidenceUrl,
      status,
    })
    .returning({ id: actions.id })
    .get().id
}

const evidenceOf = (id: number) =>
  db.select().from(actionEvidence).where(eq(actionEvidence.actionId, id)).get()
const engagementsOf = (id: number) =>
  db.select({ e: actions.engagements }).from(actions).where(eq(actions.id, id)).get()!.e

describe('POST /actions/:id/evidence', () => {
  it('lets the partner refresh its own action: counters stored, engagements filled', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    const response = await app.post(`/actions/${id}/evidence`, {}, { as: 'partner' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`/actions/${id}`)
    expect(evidenceOf(id)).toMatchObject({ status: 'ok', metrics: { source: 'mastodon', likes: 40 } })
    expect(engagementsOf(id)).toBe(55)
    const html = await (await app.fetch(`/actions/${id}`, { as: 'partner' })).text()
    expect(html).toContain('data-evidence-status="ok"')
    expect(html).toContain('Cities in Dialogue (@ripple_demo)')
    expect(html).toMatch(/Likes<\/dt><dd[^>]*>40<\/dd>/)
    expect(html).toMatch(/Total engagements<\/dt><dd[^>]*>55<\/dd>/)
    expect(html).toContain('Read on ')
    expect(html).toContain('Refresh counters')
  })

  it('shows a preview image only over https, lazily and with alt text', async () => {
    const secure = makeAction({ evidenceUrl: 'https://www.ripple-demo.eu/a' })
    const plain = makeAction({ evidenceUrl: 'https://www.ripple-demo.eu/b' })
    const row = {
      status: 'ok' as const,
      title: 'A page',
      siteName: 'Ripple demo',
      fetchedAt: new Date().toISOString(),
    }
    db.insert(actionEvidence)
      .values({
        actionId: secure,
        url: 'https://www.ripple-demo.eu/a',
        imageUrl: 'https://www.ripple-demo.eu/a.jpg',
        ...row,
      })
      .run()
    db.insert(actionEvidence)
      .values({
        actionId: plain,
        url: 'https://www.ripple-demo.eu/b',
        imageUrl: 'http://www.ripple-demo.eu/b.jpg',
        ...row,
      })
      .run()
    const secureHtml = await (await app.fetch(`/actions/${secure}`, { as: 'viewer' })).text()
    // Through Ripple (decision 019): the page loads no image from another site.
    expect(secureHtml).toContain(
      `<img src="/actions/${secure}/evidence/image" alt="Image from the linked page: A page" loading="lazy"`,
    )
    // A viewer may not refresh: no button.
    expect(secureHtml).not.toContain(`action="/actions/${secure}/evidence"`)
    const plainHtml = await (await app.fetch(`/actions/${plain}`, { as: 'viewer' })).text()
    expect(plainHtml).toContain('A page')
    expect(plainHtml).not.toMatch(/<img[^>]*(b\.jpg|evidence\/image)/)
  })

  it('refuses another partner, a viewer, and the owner once validated', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    expect((await app.post(`/actions/${id}/evidence`, {}, { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/actions/${id}/evidence`, {}, { as: 'viewer' })).status).toBe(403)
    const validated = makeAction({ evidenceUrl: demoMastodon.launch.url, status: 'validated' })
    expect((await app.post(`/actions/${validated}/evidence`, {}, { as: 'partner' })).status).toBe(403)
    expect(evidenceOf(id)).toBeUndefined()
    expect(evidenceOf(validated)).toBeUndefined()
  })

  it('lets the communications lead refresh any action', async () => {
    const id = makeAction({
      evidenceUrl: demoMastodon.workshop.url,
      status: 'validated',
      partner: 'partner2@demo.ripple',
    })
    expect((await app.post(`/actions/${id}/evidence`, {}, { as: 'comms' })).status).toBe(302)
    expect(evidenceOf(id)).toMatchObject({ status: 'ok', metrics: { likes: 9 } })
  })

  it('stores a failure without touching the action, and the page says why with a Try again button', async () => {
    mockServer.use(
      http.get('https://mastodon.social/api/v1/statuses/:id', () =>
        HttpResponse.json({ error: 'Record not found' }, { status: 404 }),
      ),
    )
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    expect((await app.post(`/actions/${id}/evidence`, {}, { as: 'partner' })).status).toBe(302)
    expect(evidenceOf(id)).toMatchObject({ status: 'failed', error: 'http_404' })
    expect(engagementsOf(id)).toBeNull()
    const page = await app.fetch(`/actions/${id}`, { as: 'partner' })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Could not read metrics: the page or post was not found (error 404)')
    expect(html).toContain(`action="/actions/${id}/evidence"`)
    expect(html).toContain('Try again')
  })

  it('answers 404 for an unknown action', async () => {
    expect((await app.post('/actions/99999999/evidence', {}, { as: 'comms' })).status).toBe(404)
  })
})

describe('POST /actions/evidence/refresh', () => {
  it('refreshes stale recent evidence for the communications lead and reports back', async () => {
    const id = makeAction({ evidenceUrl: demoMastodon.launch.url })
    const response = await app.post(
      '/actions/evidence/refresh',
      { redirectTo: '/actions/review?x=1' },
      { as: 'comms' },
    )
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('location')!, app.url)
    expect(location.pathname).toBe('/actions/review')
    expect(location.searchParams.get('x')).toBe('1')
    expect(location.searchParams.get('evidenceRefresh')).toMatch(/^\d+\.\d+\.\d+$/)
    expect(evidenceOf(id)).toMatchObject({ status: 'ok' })
  })

  it('never redirects off-site and is refused to partners', async () => {
    const offsite = await app.post(
      '/actions/evidence/refresh',
      { redirectTo: '//evil.example/' },
      { as: 'comms' },
    )
    expect(offsite.headers.get('location')).toMatch(
      /^\/actions\/evidence\/refresh\?evidenceRefresh=\d+\.\d+\.\d+$/,
    )
    expect((await app.post('/actions/evidence/refresh', {}, { as: 'partner' })).status).toBe(403)
    expect((await app.fetch('/actions/evidence/refresh', { as: 'partner' })).status).toBe(403)
  })

  it('has a page that says how many links are due and reports the last run', async () => {
    makeAction({ evidenceUrl: demoMastodon.workshop.url })
    const page = await app.fetch('/actions/evidence/refresh', { as: 'comms' })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toMatch(/\d+ recent links? (is|are) due for a refresh/)
    expect(html).toContain('Refresh counters of recent actions')
    const after = await (
      await app.fetch('/actions/evidence/refresh?evidenceRefresh=3.2.1', { as: 'comms' })
    ).text()
    expect(after).toContain('Checked 3 links: 2 read, 1 could not be read.')
    expect(after).toContain('name="redirectTo" value="/actions/evidence/refresh"')
  })
})
