import { parse } from 'csv-parse/sync'
import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, actionTypes, channels, notifications, partners, stakeholders, users } from '#db/schema'
import { type ActionFilter, actionWhere } from '~/models/actions/index.server'

import { useTestApp } from './app'

const app = useTestApp()

const partnerId = (name: string) =>
  db.select({ id: partners.id }).from(partners).where(eq(partners.name, name)).get()!.id
const userId = (email: string) =>
  db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
const count = (filter: ActionFilter) =>
  db.select({ id: actions.id }).from(actions).where(actionWhere(filter)).all().length

async function csvRows(path: string, as: 'comms' | 'partner' = 'comms') {
  const response = await app.fetch(path, { as })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/text\/csv/)
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parse(new TextDecoder().decode(bytes), { columns: true, bom: true }) as Record<string, string>[]
}

describe('the actions list and its CSV', () => {
  it('lists the seeded actions, filters by the URL, and exports exactly the filtered list', async () => {
    const barcelona = partnerId('Barcelona')
    const filter = `partner=${barcelona}&status=validated&from=2026-01-01&to=2026-06-30`
    const expected = count({ partner: barcelona, status: 'validated', from: '2026-01-01', to: '2026-06-30' })
    expect(expected).toBeGreaterThan(3)
    const html = await (await app.fetch(`/actions?${filter}`, { as: 'viewer' })).text()
    expect(html).toContain(`of ${expected}`)
    const rows = await csvRows(`/actions.csv?${filter}`)
    expect(rows).toHaveLength(expected)
    expect(new Set(rows.map((r) => r.Partner))).toEqual(new Set(['Barcelona']))
    expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(['Validated']))
    expect(rows.every((r) => r.Date >= '2026-01-01' && r.Date <= '2026-06-30')).toBe(true)
    // Newest first, like the list.
    expect(rows.map((r) => r.Date)).toEqual([...rows.map((r) => r.Date)].sort().reverse())
  })

  it('filters by language, type and channel and shows type names in the reader’s language', async () => {
    const social = db
      .select({ id: actionTypes.id })
      .from(actionTypes)
      .where(eq(actionTypes.key, 'social_post'))
      .get()!.id
    const mastodon = db.select({ id: channels.id }).from(channels).where(eq(channels.key, 'mastodon')).get()!
      .id
    const rows = await csvRows(`/actions.csv?type=${social}&channel=${mastodon}&language=es`)
    expect(rows.length).toBe(count({ type: social, channel: mastodon, language: 'es' }))
    for (const r of rows) {
      expect(r.Type).toBe('Social media post')
      expect(r.Channel).toBe('Mastodon')
      expect(r.Languages.split(', ')).toContain('es')
    }
  })

  it('"my actions" is the partner’s own partner (or what the user logged); the empty state says what to do', async () => {
    const html = await (await app.fetch('/actions?mine=1', { as: 'partner' })).text()
    const own = db
      .select({ id: actions.id })
      .from(actions)
      .where(
        actionWhere(
          { mine: '1' },
          { id: userId('partner@demo.ripple'), partnerId: partnerId('San Sebastián') },
        ),
      )
      .all().length
    expect(html).toContain(`of ${own}`)
    const rows = await csvRows('/actions.csv?mine=1', 'partner')
    expect(rows).toHaveLength(own)
    expect(new Set(rows.map((r) => r.Partner))).toEqual(new Set(['San Sebastián']))

    const empty = await (await app.fetch('/actions?mine=1', { as: 'viewer' })).text()
    expect(empty).toContain('You have not logged any actions yet')
    const none = await (await app.fetch('/actions?q=zzzz-nothing-like-this', { as: 'viewer' })).text()
    expect(none).toContain('No actions match these filters')
  })

  it('searches titles without accents and ignores malformed parameters', async () => {
    const rows = await csvRows('/actions.csv?q=presentacion')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => /presentaci[oó]n/i.test(r.Title))).toBe(true)
    const response = await app.fetch('/actions?from=2026-02-30&status=nope&page=-3', { as: 'viewer' })
    expect(response.status).toBe(200)
  })

  it('filters by stakeholder reached', async () => {
    const reached = db
      .select({ id: stakeholders.id })
      .from(stakeholders)
      .where(isNull(stakeholders.archivedAt))
      .all()
    const id = reached.map((s) => s.id).find((sid) => count({ stakeholder: sid }) > 0)!
    const rows = await csvRows(`/actions.csv?stakeholder=${id}`)
    expect(rows).toHaveLength(count({ stakeholder: id }))
  })
})

describe('the stakeholder picker', () => {
  it('answers JSON search for readers, and searches without JavaScript by posting the form back with everything kept', async () => {
    const name = db
      .select({ name: stakeholders.name })
      .from(stakeholders)
      .where(isNull(stakeholders.archivedAt))
      .limit(1)
      .get()!.name
    const word = name.split(/\s+/).find((w) => w.length >= 4) ?? name
    const api = await app.fetch(`/api/stakeholders/search?q=${encodeURIComponent(word)}`, { as: 'partner' })
    expect(api.status).toBe(200)
    const { results } = (await api.json()) as { results: { id: number; name: string }[] }
    expect(results.some((r) => r.name === name)).toBe(true)
    expect((await app.fetch('/api/stakeholders/search?q=abc')).status).toBe(302)

    const form = await app.post(
      '/actions/new',
      { title: 'Half-typed title', participants: '40', intent: 'searchStakeholders', stakeholderQuery: word },
      { as: 'partner' },
    )
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('value="Half-typed title"')
    expect(html).toContain('value="40"')
    expect(html).toContain(name.replace(/&/g, '&amp;').replace(/'/g, '&#x27;'))
    // Not a save: no error messages yet, and nothing written.
    expect(html).not.toContain('aria-invalid="true"')
    expect(db.select().from(actions).where(eq(actions.title, 'Half-typed title')).all()).toHaveLength(0)
  })
})

describe('inbox', () => {
  it('shows the seeded returned action to partner@demo.ripple with the unread count, and marks it read', async () => {
    const partner = userId('partner@demo.ripple')
    const unread = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, partner), isNull(notifications.readAt)))
      .all()
    expect(unread.length).toBeGreaterThan(0)
    const home = await (await app.fetch('/', { as: 'partner' })).text()
    expect(home).toMatch(new RegExp(`Inbox<span[^>]*>${unread.length}</span>`))
    const inbox = await (await app.fetch('/inbox', { as: 'partner' })).text()
    expect(inbox).toContain('was returned')
    expect((await app.post('/inbox', { id: String(unread[0].id) }, { as: 'partner' })).status).toBe(302)
    expect(
      db.select().from(notifications).where(eq(notifications.id, unread[0].id)).get()!.readAt,
    ).toBeTruthy()
    // Someone else's notification cannot be marked read by another user.
    expect((await app.post('/inbox', { id: 'all' }, { as: 'partner2' })).status).toBe(302)
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, partner), isNull(notifications.readAt)))
        .all().length,
    ).toBe(unread.length - 1)
  })
})

describe('administering types and channels', () => {
  it('lets the administrator add, rename, reorder and archive; nobody else', async () => {
    expect((await app.fetch('/admin/types', { as: 'comms' })).status).toBe(403)
    expect(
      (await app.post('/admin/channels', { intent: 'add', name: 'Telegram' }, { as: 'partner' })).status,
    ).toBe(403)

    expect(
      (await app.post('/admin/channels', { intent: 'add', name: 'Telegram' }, { as: 'admin' })).status,
    ).toBe(302)
    const telegram = db.select().from(channels).where(eq(channels.name, 'Telegram')).get()!
    const duplicate = await app.post('/admin/channels', { intent: 'add', name: 'telegram' }, { as: 'admin' })
    expect(duplicate.status).toBe(400)
    expect(await duplicate.text()).toContain('Another entry already has this name.')

    expect(
      (await app.post('/admin/channels', { intent: 'up', id: String(telegram.id) }, { as: 'admin' })).status,
    ).toBe(302)
    const page = await (await app.fetch('/admin/channels', { as: 'admin' })).text()
    expect(page.indexOf('Telegram')).toBeLessThan(page.lastIndexOf('>Other<'))

    const social = db.select().from(actionTypes).where(eq(actionTypes.key, 'social_post')).get()!
    expect(
      (
        await app.post(
          '/admin/types',
          { intent: 'rename', id: String(social.id), name: 'Social network post' },
          { as: 'admin' },
        )
      ).status,
    ).toBe(302)
    const form = await (await app.fetch('/actions/new', { as: 'partner' })).text()
    expect(form).toContain('Social network post')

    expect(
      (await app.post('/admin/channels', { intent: 'archive', id: String(telegram.id) }, { as: 'admin' }))
        .status,
    ).toBe(302)
    const after = await (await app.fetch('/actions/new', { as: 'partner' })).text()
    expect(after).not.toContain('Telegram')
  })
})
