import { and, desc, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, actionStakeholders, actionTypes, channels, partners, stakeholders } from '#db/schema'

import { useTestApp } from './app'

const app = useTestApp()

const someStakeholder = () =>
  db.select().from(stakeholders).where(isNull(stakeholders.archivedAt)).orderBy(stakeholders.id).get()!

const lastActionWith = (stakeholderId: number) =>
  db
    .select({
      id: actions.id,
      title: actions.title,
      date: actions.date,
      status: actions.status,
      description: actions.description,
      partner: partners.name,
      type: actionTypes.key,
      channel: channels.key,
    })
    .from(actionStakeholders)
    .innerJoin(actions, eq(actions.id, actionStakeholders.actionId))
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .innerJoin(actionTypes, eq(actionTypes.id, actions.typeId))
    .leftJoin(channels, eq(channels.id, actions.channelId))
    .where(and(eq(actionStakeholders.stakeholderId, stakeholderId)))
    .orderBy(desc(actions.id))
    .get()

describe('recording an interaction on a stakeholder page', () => {
  it('logs a meeting as an action of the partner with that stakeholder, on the timeline', async () => {
    const s = someStakeholder()
    const page = await app.fetch(`/stakeholders/${s.id}`, { as: 'partner' })
    expect(await page.text()).toContain('Record an interaction')
    const response = await app.post(
      `/stakeholders/${s.id}`,
      { intent: 'interaction', kind: 'meeting', date: '2026-11-12', note: 'Spotkanie w Gdańsku: żółć, łódź' },
      { as: 'partner' },
    )
    expect([302, 303]).toContain(response.status)
    const logged = lastActionWith(s.id)!
    expect(logged).toMatchObject({
      title: `Meeting with ${s.name}`,
      date: '2026-11-12',
      status: 'submitted',
      partner: 'San Sebastián',
      type: 'bilateral_meeting',
      channel: 'in_person',
      description: 'Spotkanie w Gdańsku: żółć, łódź',
    })
    const after = await (await app.fetch(`/stakeholders/${s.id}`, { as: 'comms' })).text()
    expect(after).toContain(`Meeting with ${s.name}`)
  })

  it('maps a call and an e-mail, and answers bad input with a 400 and words next to the field', async () => {
    const s = someStakeholder()
    await app.post(
      `/stakeholders/${s.id}`,
      { intent: 'interaction', kind: 'email', date: '2026-11-13' },
      { as: 'partner2' },
    )
    expect(lastActionWith(s.id)).toMatchObject({
      type: 'other',
      partner: 'Barcelona',
      title: `E-mail to ${s.name}`,
    })
    const bad = await app.post(
      `/stakeholders/${s.id}`,
      { intent: 'interaction', kind: 'telepathy', date: '2026-02-30' },
      { as: 'partner' },
    )
    expect(bad.status).toBe(400)
    const future = await app.post(
      `/stakeholders/${s.id}`,
      { intent: 'interaction', kind: 'call', date: '2999-01-01' },
      { as: 'partner' },
    )
    expect(future.status).toBe(400)
    expect(await future.text()).toContain('The date cannot be in the future.')
  })

  it('refuses a viewer, and a missing stakeholder is a 404', async () => {
    const s = someStakeholder()
    const viewer = await app.post(
      `/stakeholders/${s.id}`,
      { intent: 'interaction', kind: 'call', date: '2026-11-01' },
      { as: 'viewer' },
    )
    expect(viewer.status).toBe(403)
    const missing = await app.post(
      '/stakeholders/99999999',
      { intent: 'interaction', kind: 'call', date: '2026-11-01' },
      { as: 'partner' },
    )
    expect(missing.status).toBe(404)
  })
})
