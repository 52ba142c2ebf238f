import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { actions, actionTypes, stakeholders } from '#db/schema'

import { type DemoUser, useTestApp } from './app'

/** "Log from where you are": the buttons on stakeholder, event and activity pages, and the presets they carry. */
const app = useTestApp()

const NEW_DATA = `_data=${encodeURIComponent('routes/actions.new')}`

type Defaults = Record<string, unknown>

async function presets(query: string, as: DemoUser = 'partner'): Promise<Defaults> {
  const response = await app.fetch(`/actions/new?${query}&${NEW_DATA}`, { as })
  expect(response.status, query).toBe(200)
  return ((await response.json()) as { defaults: Defaults }).defaults
}

const one = <T>(query: string, ...params: unknown[]) =>
  sqlite()
    .prepare(query)
    .get(...params) as T

/** A live stakeholder, renamed so the page shows text beyond ASCII. */
function liveStakeholder(name: string) {
  const { id } = one<{ id: number }>('select min(id) as id from stakeholders where archived_at is null')
  db.update(stakeholders).set({ name }).where(eq(stakeholders.id, id)).run()
  return id
}

function archivedStakeholder() {
  const { id } = one<{ id: number }>('select max(id) as id from stakeholders where archived_at is null')
  sqlite().prepare(`update stakeholders set archived_at = '2026-11-01T00:00:00.000Z' where id = ?`).run(id)
  return id
}

const liveEvent = () => one<{ id: number }>('select min(id) as id from events where archived_at is null').id

function archivedEvent() {
  const { id } = one<{ id: number }>('select max(id) as id from events where archived_at is null')
  sqlite().prepare(`update events set archived_at = '2026-11-01T00:00:00.000Z' where id = ?`).run(id)
  return id
}

/** A live work-plan activity of an event, with a type and a channel. */
const eventActivity = () =>
  one<{ id: number; eventId: number; typeId: number; channelId: number; partnerId: number }>(
    `select pa.id, pa.event_id as eventId, pa.type_id as typeId, pa.channel_id as channelId, pa.partner_id as partnerId
       from planned_activities pa join events e on e.id = pa.event_id
      where pa.archived_at is null and e.archived_at is null and pa.type_id is not null and pa.channel_id is not null
      order by pa.id limit 1`,
  )

describe('the quick form’s presets', () => {
  it('chooses the stakeholder linked from its page, and shows it ticked', async () => {
    const id = liveStakeholder('Gdańska Fundacja Innowacji Społecznej – Łódź')
    expect((await presets(`stakeholderId=${id}`)).stakeholderIds).toEqual([id])
    const html = await (await app.fetch(`/actions/new?stakeholderId=${id}`, { as: 'partner' })).text()
    expect(html).toContain('Gdańska Fundacja Innowacji Społecznej – Łódź')
    expect(html).toMatch(new RegExp(`value="${id}"[^>]*checked|checked[^>]*value="${id}"`))
  })

  it('ignores a stakeholder, event or activity that is archived or does not exist, never failing', async () => {
    const archived = archivedStakeholder()
    const gone = archivedEvent()
    for (const query of [
      `stakeholderId=${archived}`,
      'stakeholderId=987654321',
      `eventId=${gone}`,
      'eventId=987654321',
      'activityId=987654321',
    ]) {
      const defaults = await presets(query)
      expect(defaults.stakeholderIds, query).toBeUndefined()
      expect(defaults.eventId, query).toBeUndefined()
      expect(defaults.activityId, query).toBeUndefined()
    }
  })

  it('answers 200 to hostile values, dropping them', async () => {
    for (const value of [
      'abc',
      '-3',
      '0',
      '1.5',
      '1e400',
      '99999999999999999999',
      '%00',
      "1' or 1=1",
      'Ζωή',
    ]) {
      const query = `stakeholderId=${encodeURIComponent(value)}&eventId=${encodeURIComponent(value)}&activityId=${encodeURIComponent(value)}&like=${encodeURIComponent(value)}`
      const defaults = await presets(query)
      expect(defaults.stakeholderIds, value).toBeUndefined()
      expect(defaults.eventId, value).toBeUndefined()
      const page = await app.fetch(`/actions/new?${query}`, { as: 'partner' })
      expect(page.status, value).toBe(200)
    }
  })

  it('chooses the event linked from its page', async () => {
    const id = liveEvent()
    expect((await presets(`eventId=${id}`)).eventId).toBe(id)
    const html = await (await app.fetch(`/actions/new?eventId=${id}`, { as: 'partner' })).text()
    const select = html.match(/<select[^>]*name="eventId"[^>]*>.*?<\/select>/s)![0]
    expect(select).toMatch(new RegExp(`<option value="${id}" selected`))
  })

  it('chooses the activity linked from its page, with its event, type and channel; comms gets its partner', async () => {
    const a = eventActivity()
    const defaults = await presets(`activityId=${a.id}`)
    expect(defaults).toMatchObject({
      activityId: a.id,
      eventId: a.eventId,
      typeId: a.typeId,
      channelId: a.channelId,
    })
    // A partner logs for its own partner, whoever planned the activity.
    expect(defaults.partnerId).toBe(
      one<{ partnerId: number }>(
        `select partner_id as partnerId from users where email = 'partner@demo.ripple'`,
      ).partnerId,
    )
    expect((await presets(`activityId=${a.id}`, 'comms')).partnerId).toBe(a.partnerId)
    // An archived type is not preset (the form could not show it).
    db.update(actionTypes)
      .set({ archivedAt: '2026-11-01T00:00:00.000Z' })
      .where(eq(actionTypes.id, a.typeId))
      .run()
    expect((await presets(`activityId=${a.id}`)).typeId).not.toBe(a.typeId)
    db.update(actionTypes).set({ archivedAt: null }).where(eq(actionTypes.id, a.typeId)).run()
  })

  it('"save and log another like this" keeps the event, the activity and the stakeholder', async () => {
    const a = eventActivity()
    const stakeholderId = liveStakeholder('Bilboko Berrikuntza Elkartea')
    const response = await app.post(
      '/actions/new',
      {
        typeId: String(a.typeId),
        date: '2026-11-20',
        title: 'Hitzaldia Donostiako berrikuntza foroan',
        eventId: String(a.eventId),
        activityId: String(a.id),
        stakeholderIds: String(stakeholderId),
        intent: 'another',
      },
      { as: 'partner' },
    )
    expect(response.status).toBe(302)
    const location = response.headers.get('location')!
    expect(location).toMatch(/^\/actions\/new\?like=\d+$/)
    const defaults = await presets(location.split('?')[1]!)
    expect(defaults).toMatchObject({ eventId: a.eventId, activityId: a.id, stakeholderIds: [stakeholderId] })
    expect(defaults.title).toBeUndefined()
    const saved = db
      .select()
      .from(actions)
      .where(eq(actions.id, Number(location.split('=')[1])))
      .get()!
    expect(saved).toMatchObject({
      eventId: a.eventId,
      activityId: a.id,
      title: 'Hitzaldia Donostiako berrikuntza foroan',
    })
  })
})

describe('the "Log an action" buttons', () => {
  const pages = () => {
    const stakeholderId = liveStakeholder('Πανεπιστήμιο Θεσσαλίας')
    const eventId = liveEvent()
    const activityId = eventActivity().id
    return [
      { page: `/stakeholders/${stakeholderId}`, link: `/actions/new?stakeholderId=${stakeholderId}` },
      { page: `/events/${eventId}`, link: `/actions/new?eventId=${eventId}` },
      { page: `/plan/workplan/${activityId}`, link: `/actions/new?activityId=${activityId}` },
    ]
  }

  it('show on stakeholder, event and activity pages to those who may log actions, and only to them', async () => {
    for (const { page, link } of pages()) {
      for (const as of ['admin', 'comms', 'partner', 'partner2'] as const) {
        const html = await (await app.fetch(page, { as })).text()
        expect(html, `${page} as ${as}`).toContain(`href="${link}"`)
      }
      const response = await app.fetch(page, { as: 'viewer' })
      expect(response.status).toBe(200)
      expect(await response.text(), `${page} as viewer`).not.toContain('/actions/new?')
      // The link the button carries opens the form, with the record chosen.
      expect((await app.fetch(link, { as: 'partner' })).status).toBe(200)
      expect((await app.fetch(link, { as: 'viewer' })).status).toBe(403)
    }
  })

  it('does not show on an archived stakeholder or event', async () => {
    const stakeholderId = archivedStakeholder()
    const eventId = archivedEvent()
    const stakeholderPage = await (
      await app.fetch(`/stakeholders/${stakeholderId}`, { as: 'partner' })
    ).text()
    expect(stakeholderPage).not.toContain('/actions/new?stakeholderId=')
    const eventPage = await (await app.fetch(`/events/${eventId}`, { as: 'partner' })).text()
    expect(eventPage).not.toContain('/actions/new?eventId=')
  })
})
