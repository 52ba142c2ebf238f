import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, actionTypes, auditLog, channels, events, notifications, partners, users } from '#db/schema'

import { useTestApp } from './app'

const app = useTestApp()

const typeId = (key: string) =>
  String(db.select({ id: actionTypes.id }).from(actionTypes).where(eq(actionTypes.key, key)).get()!.id)
const channelId = (key: string) =>
  String(db.select({ id: channels.id }).from(channels).where(eq(channels.key, key)).get()!.id)
const partnerId = (name: string) =>
  db.select({ id: partners.id }).from(partners).where(eq(partners.name, name)).get()!.id
const userId = (email: string) =>
  db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id

/** An <input type="radio"> of this name and value that is checked, whatever the attribute order. */
const checkedRadio = (name: string, value: string) =>
  new RegExp(
    `<input(?=[^>]*type="radio")(?=[^>]*name="${name}")(?=[^>]*value="${value}")(?=[^>]*checked)[^>]*>`,
  )

/** Logs an action as a demo user through the quick form and returns its id. */
async function logAction(
  as: 'partner' | 'partner2' | 'comms',
  fields: Record<string, string | string[]> = {},
) {
  const response = await app.post(
    '/actions/new',
    {
      typeId: typeId('social_post'),
      date: '2026-11-20',
      title: `Posted about the project ${Math.random()}`,
      ...fields,
    },
    { as },
  )
  expect(response.status).toBe(302)
  const id = Number(response.headers.get('location')!.match(/\/actions\/(\d+)/)![1])
  expect(id).toBeGreaterThan(0)
  return id
}

describe('the quick form over HTTP', () => {
  it('saves with only type, date and title, for the partner’s own partner, submitted and audited', async () => {
    const id = await logAction('partner', {
      title: 'Presented at the Donostia innovation forum',
      channelId: channelId('in_person'),
      languages: ['es', 'eu'],
    })
    const row = db.select().from(actions).where(eq(actions.id, id)).get()!
    expect(row).toMatchObject({
      partnerId: partnerId('San Sebastián'),
      status: 'submitted',
      month: '2026-11',
      createdBy: userId('partner@demo.ripple'),
    })
    expect(row.submittedAt).toBeTruthy()
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, id)))
      .all()
    expect(audit.map((a) => a.action)).toEqual(['create'])
    // The form remembers type, channel and languages for next time.
    const memory = db
      .select({ m: users.actionFormMemory })
      .from(users)
      .where(eq(users.id, userId('partner@demo.ripple')))
      .get()!.m
    expect(memory).toEqual({
      typeId: Number(typeId('social_post')),
      channelId: Number(channelId('in_person')),
      languages: ['es', 'eu'],
    })
    const again = await (await app.fetch('/actions/new', { as: 'partner' })).text()
    // The last type is the chosen button; the channel is left to the link, the type or the memory.
    expect(again).toMatch(checkedRadio('typeId', typeId('social_post')))
    expect(again).not.toMatch(new RegExp(`<option value="${channelId('in_person')}" selected`))
    expect(again).toMatch(/value="eu"[^>]*checked|checked[^>]*value="eu"/)
  })

  it('comes back with the error next to a negative count and an impossible date, keeping every other value', async () => {
    const response = await app.post(
      '/actions/new',
      {
        typeId: typeId('presentation'),
        date: '2026-02-30',
        title: 'Talk at the Bologna urban forum',
        participants: '-5',
        onlineReach: '1200',
        evidenceUrl: 'https://example.org/slides',
        description: 'Slides in Italian',
        languages: 'it',
      },
      { as: 'partner' },
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/id="[^"]*-error"[^>]*>.*?Enter a real date/s)
    expect(html).toContain('This number cannot be negative.')
    expect(html).toContain('value="Talk at the Bologna urban forum"')
    expect(html).toContain('value="1200"')
    expect(html).toContain('value="-5"')
    expect(html).toContain('value="2026-02-30"')
    expect(html).toContain('value="https://example.org/slides"')
    expect(html).toContain('Slides in Italian')
    expect(html).toMatch(/value="it"[^>]*checked|checked[^>]*value="it"/)
    // The date error sits next to the date field (aria-describedby points at it).
    const dateInput = html.match(/<input[^>]*name="date"[^>]*>/)![0]
    const errorId = dateInput.match(/aria-describedby="([^"]+)"/)![1]
    expect(html).toMatch(new RegExp(`id="${errorId}"[^>]*>(<li>)?Enter a real date`))
  })

  it('refuses a non-http evidence link', async () => {
    const response = await app.post(
      '/actions/new',
      { typeId: typeId('press'), date: '2026-11-02', title: 'Article', evidenceUrl: 'javascript:alert(1)' },
      { as: 'partner' },
    )
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('starting with http:// or https://')
  })

  it('takes the channel from a bare link, adding https://, when the channel is left empty', async () => {
    const cases: [string, string, string, string][] = [
      [
        'social_post',
        'linkedin.com/posts/gdansk-miasto_miasta-w-dialogu-1',
        'linkedin',
        'https://linkedin.com/posts/gdansk-miasto_miasta-w-dialogu-1',
      ],
      ['social_post', 'www.instagram.com/p/Cxyz/', 'instagram', 'https://www.instagram.com/p/Cxyz/'],
      [
        'social_post',
        'https://mastodon.eus/@donostia/111222333',
        'mastodon',
        'https://mastodon.eus/@donostia/111222333',
      ],
      [
        'press',
        'https://www.diariovasco.com/san-sebastian/ciudades-dialogo.html',
        'print_press',
        'https://www.diariovasco.com/san-sebastian/ciudades-dialogo.html',
      ],
    ]
    for (const [type, link, channel, stored] of cases) {
      const id = await logAction('partner', {
        typeId: typeId(type),
        evidenceUrl: link,
        title: 'Ciudades en diálogo: Ελληνικά, čeština, română, euskara',
      })
      const row = db.select().from(actions).where(eq(actions.id, id)).get()!
      expect([row.evidenceUrl, String(row.channelId)]).toEqual([stored, channelId(channel)])
    }
    // A channel the partner chose wins over the link.
    const chosen = await logAction('partner', {
      evidenceUrl: 'https://x.com/Donostia/status/1',
      channelId: channelId('linkedin'),
    })
    expect(String(db.select().from(actions).where(eq(actions.id, chosen)).get()!.channelId)).toBe(
      channelId('linkedin'),
    )
    // A talk without a link is in person; the same type again without a link keeps the remembered channel.
    const talk = await logAction('partner', { typeId: typeId('presentation') })
    expect(String(db.select().from(actions).where(eq(actions.id, talk)).get()!.channelId)).toBe(
      channelId('in_person'),
    )
    await logAction('partner', { evidenceUrl: 'https://bsky.app/profile/donostia.eus/post/3k' })
    const again = await logAction('partner', {})
    expect(String(db.select().from(actions).where(eq(actions.id, again)).get()!.channelId)).toBe(
      channelId('bluesky'),
    )
  })

  it('"save and log another like this" comes back pre-filled, without title, figures or link', async () => {
    const response = await app.post(
      '/actions/new',
      {
        typeId: typeId('presentation'),
        date: '2026-10-15',
        title: 'Forum talk',
        channelId: channelId('in_person'),
        participants: '80',
        languages: ['es'],
        intent: 'another',
      },
      { as: 'partner' },
    )
    expect(response.status).toBe(302)
    const location = response.headers.get('location')!
    expect(location).toMatch(/^\/actions\/new\?like=\d+$/)
    const html = await (await app.fetch(location, { as: 'partner' })).text()
    expect(html).toContain('Saved “Forum talk”')
    expect(html).toContain('value="2026-10-15"')
    expect(html).not.toContain('value="Forum talk"')
    expect(html).not.toContain('value="80"')
    expect(html).toMatch(checkedRadio('typeId', typeId('presentation')))
    expect(html).toMatch(new RegExp(`<option value="${channelId('in_person')}" selected`))
  })

  it('presets the event when linked from one', async () => {
    const event = db.select({ id: events.id }).from(events).limit(1).get()!.id
    const html = await (await app.fetch(`/actions/new?eventId=${event}`, { as: 'partner' })).text()
    const select = html.match(/<select[^>]*name="eventId"[^>]*>.*?<\/select>/s)![0]
    expect(select).toMatch(new RegExp(`<option value="${event}" selected`))
  })

  it('keeps a partner to its own partner; comms chooses', async () => {
    const refused = await app.post(
      '/actions/new',
      { typeId: typeId('press'), date: '2026-11-02', title: 'x', partnerId: String(partnerId('Porto')) },
      { as: 'partner' },
    )
    expect(refused.status).toBe(403)
    const id = await logAction('comms', { partnerId: String(partnerId('Porto')) })
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.partnerId).toBe(partnerId('Porto'))
  })

  it('does not let a viewer log an action', async () => {
    expect((await app.fetch('/actions/new', { as: 'viewer' })).status).toBe(403)
    const response = await app.post(
      '/actions/new',
      { typeId: typeId('press'), date: '2026-11-02', title: 'x' },
      { as: 'viewer' },
    )
    expect(response.status).toBe(403)
  })
})

describe('who may change an action', () => {
  it('partner2 cannot edit, submit or validate an action of partner’s partner', async () => {
    const id = await logAction('partner', { intent: 'draft' })
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.status).toBe('draft')
    expect((await app.fetch(`/actions/${id}/edit`, { as: 'partner2' })).status).toBe(403)
    const edit = await app.post(
      `/actions/${id}/edit`,
      { typeId: typeId('press'), date: '2026-11-02', title: 'Hijacked' },
      { as: 'partner2' },
    )
    expect(edit.status).toBe(403)
    expect((await app.post(`/actions/${id}`, { intent: 'submit' }, { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/actions/${id}`, { intent: 'validate' }, { as: 'partner2' })).status).toBe(403)
    expect(
      (await app.post('/actions/review', { intent: 'validate', id: String(id) }, { as: 'partner2' })).status,
    ).toBe(403)
    expect(db.select().from(actions).where(eq(actions.id, id)).get()).toMatchObject({
      status: 'draft',
      title: expect.not.stringMatching('Hijacked'),
    })
  })

  it('a partner cannot validate at all, not even its own action', async () => {
    const id = await logAction('partner')
    expect((await app.post(`/actions/${id}`, { intent: 'validate' }, { as: 'partner' })).status).toBe(403)
    expect(
      (await app.post('/actions/review', { intent: 'validate', id: String(id) }, { as: 'partner' })).status,
    ).toBe(403)
    expect((await app.fetch('/actions/review', { as: 'partner' })).status).toBe(403)
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.status).toBe('submitted')
  })

  it('return → inbox → edit and re-submit → validate; then the partner can no longer edit it', async () => {
    const id = await logAction('partner', { title: 'LinkedIn post on the policy clinic' })
    const returned = await app.post(
      '/actions/review',
      { intent: 'return', id: String(id), comment: 'Please add the link to the post.' },
      { as: 'comms' },
    )
    expect(returned.status).toBe(302)
    expect(db.select().from(actions).where(eq(actions.id, id)).get()).toMatchObject({
      status: 'returned',
      returnComment: 'Please add the link to the post.',
    })
    const note = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.actionId, id), eq(notifications.userId, userId('partner@demo.ripple'))))
      .get()
    expect(note).toMatchObject({ kind: 'action_returned', readAt: null })
    const inbox = await (await app.fetch('/inbox', { as: 'partner' })).text()
    expect(inbox).toContain('LinkedIn post on the policy clinic')
    expect(inbox).toContain('Please add the link to the post.')

    const resubmit = await app.post(
      `/actions/${id}/edit`,
      {
        typeId: typeId('social_post'),
        date: '2026-11-20',
        title: 'LinkedIn post on the policy clinic',
        channelId: channelId('linkedin'),
        intent: 'submit',
      },
      { as: 'partner' },
    )
    expect(resubmit.status).toBe(302)
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.status).toBe('submitted')

    expect((await app.post(`/actions/${id}`, { intent: 'validate' }, { as: 'comms' })).status).toBe(302)
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.status).toBe('validated')
    const statusAudit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, id), eq(auditLog.action, 'status')))
      .all()
    expect(statusAudit.map((a) => [a.before?.status, a.after?.status])).toEqual([
      ['submitted', 'returned'],
      ['returned', 'submitted'],
      ['submitted', 'validated'],
    ])
    expect((await app.fetch(`/actions/${id}/edit`, { as: 'partner' })).status).toBe(403)
    expect(
      (
        await app.post(
          `/actions/${id}/edit`,
          { typeId: typeId('press'), date: '2026-11-02', title: 'Changed' },
          { as: 'partner' },
        )
      ).status,
    ).toBe(403)
    // The communications lead still can.
    expect((await app.fetch(`/actions/${id}/edit`, { as: 'comms' })).status).toBe(200)
  })
})
