import { and, eq, isNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { partners, project, stakeholders } from '#db/schema'
import { createContact } from '~/models/contacts/index.server'

import { demo } from '../setup/actors'
import { type DemoUser, useTestApp } from './app'
import { buildRoutes } from './manifest'

/*
 * Issue 12, point 8: loaders send each role only the personal data its pages show. The contact's
 * GDPR record (languages, notes, lawful basis, when and where it was obtained) goes to who may edit
 * the contact and to the GDPR handler; every other reader gets the card the stakeholder page shows
 * (name, position, e-mail, phone, flags). The e-mail key and timestamps go to nobody.
 */

const app = useTestApp()

const CARD = [
  'id',
  'stakeholderId',
  'name',
  'position',
  'email',
  'phone',
  'doNotContact',
  'archivedAt',
  'erasedAt',
]
const RECORD_ONLY = ['languages', 'lawfulBasis', 'basisObtainedAt', 'basisSource', 'notes']
const NEVER = ['emailKey', 'createdAt', 'updatedAt']

let stakeholderId = 0
let contactId = 0
const routeIds = { contact: '', stakeholder: '' }

beforeAll(async () => {
  const ids = (await buildRoutes()).map((r) => r.id)
  routeIds.contact = ids.find((id) => id === 'routes/contacts.$id')!
  routeIds.stakeholder = ids.find((id) => id === 'routes/stakeholders.$id')!
  expect(routeIds).toEqual({ contact: 'routes/contacts.$id', stakeholder: 'routes/stakeholders.$id' })
  // The demo's edit policy: a partner edits the stakeholders its partner owns.
  expect(db.select().from(project).get()!.stakeholderEditPolicy).toBe('owner')
  const sanSebastian = db.select().from(partners).where(eq(partners.name, 'San Sebastián')).get()!.id
  stakeholderId = db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.ownerPartnerId, sanSebastian), isNull(stakeholders.archivedAt)))
    .orderBy(stakeholders.id)
    .get()!.id
  contactId = db.transaction((tx) =>
    createContact(
      tx,
      stakeholderId,
      {
        name: 'Garazi Etxeberria',
        position: 'Head of Innovation',
        email: 'Garazi.Etxeberria@example.eus',
        phone: '+34 943 000 111',
        languages: ['eu', 'es'],
        lawfulBasis: 'consent',
        basisObtainedAt: '2026-01-15',
        basisSource: 'Signed form at the policy clinic',
        doNotContact: false,
        notes: 'Prefers calls in the morning; daughter at the school',
      },
      demo.comms(),
    ),
  )
})

async function data(path: string, routeId: string, as: DemoUser) {
  const response = await app.fetch(`${path}?_data=${encodeURIComponent(routeId)}`, { as })
  expect(response.status, `${path} as ${as}`).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

const keysOf = (value: unknown) => Object.keys(value as Record<string, unknown>).sort()

describe('personal data in loader data, per role', () => {
  const contactPage: [DemoUser, 'record' | 'card'][] = [
    ['admin', 'record'],
    ['comms', 'record'],
    ['partner', 'record'],
    ['partner2', 'card'],
    ['viewer', 'card'],
  ]

  it.each(contactPage)('/contacts/:id sends %s the %s', async (as, view) => {
    const body = await data(`/contacts/${contactId}`, routeIds.contact, as)
    const contact = body.contact as Record<string, unknown>
    const expected = view === 'record' ? [...CARD, ...RECORD_ONLY] : CARD
    expect(keysOf(contact)).toEqual([...expected].sort())
    for (const key of NEVER) expect(contact).not.toHaveProperty(key)
    expect(contact).toMatchObject({ name: 'Garazi Etxeberria', email: 'Garazi.Etxeberria@example.eus' })
    const text = JSON.stringify(body)
    if (view === 'card') {
      expect(text).not.toContain('Prefers calls')
      expect(text).not.toContain('Signed form')
      expect(text).not.toContain('consent')
      expect(text).not.toContain('garazi.etxeberria@example.eus')
    } else {
      expect(contact).toMatchObject({
        notes: 'Prefers calls in the morning; daughter at the school',
        lawfulBasis: 'consent',
        basisSource: 'Signed form at the policy clinic',
      })
    }
  })

  it.each(['admin', 'comms', 'partner', 'partner2', 'viewer'] as DemoUser[])(
    '/stakeholders/:id sends %s only the contacts cards',
    async (as) => {
      const body = await data(`/stakeholders/${stakeholderId}`, routeIds.stakeholder, as)
      const list = body.contacts as Record<string, unknown>[]
      const contact = list.find((c) => c.id === contactId)!
      expect(contact).toMatchObject({ name: 'Garazi Etxeberria', phone: '+34 943 000 111' })
      for (const c of list) expect(keysOf(c)).toEqual([...CARD].sort())
      const text = JSON.stringify(body)
      expect(text).not.toContain('Prefers calls')
      expect(text).not.toContain('Signed form')
      expect(text).not.toContain('garazi.etxeberria@example.eus')
    },
  )

  it('keeps the access exports to the GDPR handler', async () => {
    for (const as of ['partner', 'partner2', 'viewer'] as DemoUser[])
      for (const ext of ['json', 'csv'])
        expect(
          (await app.fetch(`/contacts/${contactId}/export.${ext}`, { as })).status,
          `${ext} as ${as}`,
        ).toBe(403)
    const exported = await (await app.fetch(`/contacts/${contactId}/export.json`, { as: 'comms' })).json()
    expect(exported.contact.notes).toContain('Prefers calls')
    expect(exported.contact).not.toHaveProperty('emailKey')
  })

  it('shows a reader the card on the contact page, not the GDPR record', async () => {
    const html = await (await app.fetch(`/contacts/${contactId}`, { as: 'viewer' })).text()
    expect(html).toContain('Head of Innovation')
    expect(html).not.toContain('Signed form')
    const own = await (await app.fetch(`/contacts/${contactId}`, { as: 'partner' })).text()
    expect(own).toContain('Signed form')
  })
})
