import { and, eq, isNull, ne } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, contacts, partners, project, stakeholderCategories, stakeholders } from '#db/schema'
import { listStakeholders, parseStakeholderFilter } from '~/models/stakeholders/index.server'

import { useTestApp } from './app'

const app = useTestApp()

const partnerId = (name: string) => db.select().from(partners).where(eq(partners.name, name)).get()!.id
const ownedBy = (name: string) =>
  db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.ownerPartnerId, partnerId(name)), isNull(stakeholders.archivedAt)))
    .orderBy(stakeholders.id)
    .get()!
const university = () =>
  db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'university')).get()!.id

function editForm(s: typeof stakeholders.$inferSelect, changes: Record<string, string | string[]> = {}) {
  return {
    intent: 'save',
    name: s.name,
    acronym: s.acronym ?? '',
    categoryId: String(s.categoryId),
    country: s.country ?? '',
    city: s.city ?? '',
    website: s.website ?? '',
    stage: s.stage,
    ownerPartnerId: s.ownerPartnerId ? String(s.ownerPartnerId) : '',
    ...changes,
  }
}

describe('the stakeholder register over HTTP', () => {
  it('lets every signed-in role read and search it, ignoring accents and case', async () => {
    const response = await app.fetch('/stakeholders?q=universite%20de%20lyon', { as: 'viewer' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Université de Lyon')
    expect(html).not.toContain('Universidad de Deusto')
  })

  it('exports exactly the filtered list as CSV with a BOM', async () => {
    const response = await app.fetch('/stakeholders.csv?country=FR&stage=engaged', { as: 'partner' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/csv/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trim().split('\r\n')
    expect(lines[0]).toMatch(/^ID,Name,Acronym,Category/)
    const expected = listStakeholders(
      parseStakeholderFilter(new URLSearchParams('country=FR&stage=engaged')),
      { limit: 1000, offset: 0 },
    )
    expect(expected.total).toBeGreaterThan(0)
    expect(lines.length - 1).toBe(expected.total)
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]))
    expect(ids.sort((a, b) => a - b)).toEqual(expected.rows.map((r) => r.id).sort((a, b) => a - b))
    for (const line of lines.slice(1)) expect(line).toContain('Engaged')
  })

  it('lets a partner edit a stakeholder its partner owns', async () => {
    const own = ownedBy('San Sebastián')
    const response = await app.post(
      `/stakeholders/${own.id}/edit`,
      editForm(own, { city: 'Donostia', stage: 'collaborating' }),
      { as: 'partner' },
    )
    expect(response.status).toBe(302)
    const after = db.select().from(stakeholders).where(eq(stakeholders.id, own.id)).get()!
    expect(after.city).toBe('Donostia')
    expect(after.stage).toBe('collaborating')
    expect(after.searchText).toContain('donostia')
    const audit = db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, 'stakeholder'), eq(auditLog.entityId, own.id), eq(auditLog.action, 'update')),
      )
      .all()
    expect(audit.at(-1)?.after).toMatchObject({ city: 'Donostia', stage: 'collaborating' })
  })

  it('refuses a partner every write on a stakeholder another partner owns (403)', async () => {
    const other = ownedBy('Barcelona')
    expect((await app.fetch(`/stakeholders/${other.id}/edit`, { as: 'partner' })).status).toBe(403)
    expect(
      (
        await app.post(`/stakeholders/${other.id}/edit`, editForm(other, { name: 'Hijacked' }), {
          as: 'partner',
        })
      ).status,
    ).toBe(403)
    expect(
      (await app.post(`/stakeholders/${other.id}/edit`, { intent: 'archive' }, { as: 'partner' })).status,
    ).toBe(403)
    expect(
      (
        await app.post(
          `/stakeholders/${other.id}/contacts/new`,
          { name: 'X', lawfulBasis: 'consent' },
          { as: 'partner' },
        )
      ).status,
    ).toBe(403)
    expect(db.select().from(stakeholders).where(eq(stakeholders.id, other.id)).get()!.name).toBe(other.name)
    const theirContact = db
      .select({ id: contacts.id })
      .from(contacts)
      .innerJoin(stakeholders, eq(stakeholders.id, contacts.stakeholderId))
      .where(eq(stakeholders.ownerPartnerId, partnerId('Barcelona')))
      .get()!
    expect(
      (
        await app.post(
          `/contacts/${theirContact.id}`,
          { intent: 'save', name: 'Hijacked', lawfulBasis: 'consent' },
          { as: 'partner' },
        )
      ).status,
    ).toBe(403)
    // ... while Barcelona's own partner may.
    expect(
      (
        await app.post(`/stakeholders/${other.id}/edit`, editForm(other, { acronym: 'BCN' }), {
          as: 'partner2',
        })
      ).status,
    ).toBe(302)
  })

  it('a partner cannot hand its stakeholder to another partner, and adds new ones for itself', async () => {
    const own = ownedBy('San Sebastián')
    await app.post(
      `/stakeholders/${own.id}/edit`,
      editForm(own, { ownerPartnerId: String(partnerId('Barcelona')) }),
      { as: 'partner' },
    )
    expect(db.select().from(stakeholders).where(eq(stakeholders.id, own.id)).get()!.ownerPartnerId).toBe(
      partnerId('San Sebastián'),
    )
    const created = await app.post(
      '/stakeholders/new',
      {
        name: 'Orkestra – Basque Institute of Competitiveness',
        categoryId: String(university()),
        ownerPartnerId: String(partnerId('Porto')),
        stage: 'identified',
      },
      { as: 'partner' },
    )
    expect(created.status).toBe(302)
    const id = Number(created.headers.get('location')!.split('/').pop())
    expect(db.select().from(stakeholders).where(eq(stakeholders.id, id)).get()!.ownerPartnerId).toBe(
      partnerId('San Sebastián'),
    )
  })

  it('refuses the viewer every write (403)', async () => {
    const any = ownedBy('Porto')
    const writes: [string, Record<string, string>][] = [
      ['/stakeholders/new', { name: 'Nope', categoryId: String(university()) }],
      [`/stakeholders/${any.id}/edit`, editForm(any, { name: 'Nope' })],
      [`/stakeholders/${any.id}/edit`, { intent: 'archive' }],
      [`/stakeholders/${any.id}/contacts/new`, { name: 'Nope', lawfulBasis: 'consent' }],
      [
        '/stakeholders/duplicates',
        { intent: 'merge', survivorId: String(any.id), loserId: String(ownedBy('Lyon').id) },
      ],
      ['/admin/categories', { intent: 'create', name: 'Nope' }],
    ]
    const contact = db.select().from(contacts).where(isNull(contacts.erasedAt)).get()!
    writes.push([`/contacts/${contact.id}`, { intent: 'save', name: 'Nope', lawfulBasis: 'consent' }])
    writes.push([`/contacts/${contact.id}`, { intent: 'archive' }])
    writes.push([`/contacts/${contact.id}`, { intent: 'erase', confirm: 'ERASE' }])
    for (const [path, form] of writes) {
      const response = await app.post(path, form, { as: 'viewer' })
      expect(response.status, path).toBe(403)
    }
    expect((await app.fetch('/stakeholders/new', { as: 'viewer' })).status).toBe(403)
    expect(db.select().from(stakeholders).where(eq(stakeholders.name, 'Nope')).all()).toHaveLength(0)
  })

  it('follows the project edit policy: any_partner and none', async () => {
    const other = ownedBy('Lyon')
    db.update(project).set({ stakeholderEditPolicy: 'any_partner' }).where(eq(project.id, 1)).run()
    expect(
      (
        await app.post(`/stakeholders/${other.id}/edit`, editForm(other, { city: 'Lyon 7e' }), {
          as: 'partner',
        })
      ).status,
    ).toBe(302)
    db.update(project).set({ stakeholderEditPolicy: 'none' }).where(eq(project.id, 1)).run()
    const own = ownedBy('San Sebastián')
    expect(
      (await app.post(`/stakeholders/${own.id}/edit`, editForm(own, { city: 'Nope' }), { as: 'partner' }))
        .status,
    ).toBe(403)
    expect(
      (
        await app.post(
          '/stakeholders/new',
          { name: 'Nope', categoryId: String(university()) },
          { as: 'partner' },
        )
      ).status,
    ).toBe(403)
    // The communications lead is never limited by the policy.
    expect(
      (
        await app.post(`/stakeholders/${own.id}/edit`, editForm(own, { city: 'Hondarribia' }), {
          as: 'comms',
        })
      ).status,
    ).toBe(302)
    db.update(project).set({ stakeholderEditPolicy: 'owner' }).where(eq(project.id, 1)).run()
  })

  it('shows each validation problem next to its field and keeps what was typed', async () => {
    const response = await app.post(
      '/stakeholders/new',
      { name: '', website: 'not a website', city: 'Bilbao', categoryId: '' },
      { as: 'comms' },
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('This field is required.')
    expect(html).toContain('Enter a full web address')
    expect(html).toContain('value="Bilbao"')
  })

  it('archives and restores, hiding archived records from the default list', async () => {
    const s = db
      .select()
      .from(stakeholders)
      .where(and(isNull(stakeholders.archivedAt), ne(stakeholders.name, '')))
      .orderBy(stakeholders.id)
      .get()!
    expect(
      (await app.post(`/stakeholders/${s.id}/edit`, { intent: 'archive' }, { as: 'comms' })).status,
    ).toBe(302)
    const hidden = await (
      await app.fetch(`/stakeholders?q=${encodeURIComponent(s.name)}`, { as: 'comms' })
    ).text()
    expect(hidden).not.toContain(`/stakeholders/${s.id}"`)
    const shown = await (
      await app.fetch(`/stakeholders?archived=1&q=${encodeURIComponent(s.name)}`, { as: 'comms' })
    ).text()
    expect(shown).toContain(`/stakeholders/${s.id}"`)
    expect(
      (await app.post(`/stakeholders/${s.id}/edit`, { intent: 'restore' }, { as: 'comms' })).status,
    ).toBe(302)
    expect(db.select().from(stakeholders).where(eq(stakeholders.id, s.id)).get()!.archivedAt).toBeNull()
  })

  it('shows the detail page with contacts, priority and timeline to a viewer', async () => {
    const s = db.select().from(stakeholders).where(eq(stakeholders.name, 'Universidad de Deusto')).get()!
    const response = await app.fetch(`/stakeholders/${s.id}`, { as: 'viewer' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Itziar Larrañaga')
    expect(html).toContain('Timeline')
    expect(html).toContain('Created by')
    expect((await app.fetch('/stakeholders/999999', { as: 'viewer' })).status).toBe(404)
  })
})

describe('contacts, GDPR, duplicates and categories over HTTP', () => {
  it('lets the owner partner add a contact, validating it next to its fields', async () => {
    const own = ownedBy('San Sebastián')
    const bad = await app.post(
      `/stakeholders/${own.id}/contacts/new`,
      { name: 'Amaia Urdangarin', email: 'not-an-email', lawfulBasis: 'consent' },
      { as: 'partner' },
    )
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('Enter an e-mail address')
    expect(html).toContain('value="Amaia Urdangarin"')
    const ok = await app.post(
      `/stakeholders/${own.id}/contacts/new`,
      {
        name: 'Amaia Urdangarin',
        email: 'amaia@example.eus',
        lawfulBasis: 'consent',
        basisObtainedAt: '2026-02-03',
        basisSource: 'Partner meeting',
        languages: ['eu', 'es'],
      },
      { as: 'partner' },
    )
    expect(ok.status).toBe(302)
    const contact = db.select().from(contacts).where(eq(contacts.email, 'amaia@example.eus')).get()!
    expect(contact).toMatchObject({
      stakeholderId: own.id,
      lawfulBasis: 'consent',
      basisObtainedAt: '2026-02-03',
      doNotContact: false,
    })
  })

  it('exports a contact for an access request (JSON and CSV) and erases it, for the communications lead only', async () => {
    const contact = db.select().from(contacts).where(eq(contacts.name, 'Itziar Larrañaga')).get()!
    expect((await app.fetch(`/contacts/${contact.id}/export.json`, { as: 'partner' })).status).toBe(403)
    expect(
      (await app.post(`/contacts/${contact.id}`, { intent: 'erase', confirm: 'ERASE' }, { as: 'partner' }))
        .status,
    ).toBe(403)
    expect(
      (await app.post(`/contacts/${contact.id}`, { intent: 'erase', confirm: 'ERASE' }, { as: 'viewer' }))
        .status,
    ).toBe(403)

    const jsonResponse = await app.fetch(`/contacts/${contact.id}/export.json`, { as: 'comms' })
    expect(jsonResponse.status).toBe(200)
    const data = await jsonResponse.json()
    expect(data.contact).toMatchObject({
      name: 'Itziar Larrañaga',
      email: contact.email,
      lawfulBasis: 'legitimate_interest',
    })
    expect(data.history[0].action).toBe('create')
    const csv = await app.fetch(`/contacts/${contact.id}/export.csv`, { as: 'comms' })
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain('Itziar Larrañaga')

    expect(
      (await app.post(`/contacts/${contact.id}`, { intent: 'erase', confirm: 'erase' }, { as: 'comms' }))
        .status,
    ).toBe(400)
    expect(
      (await app.post(`/contacts/${contact.id}`, { intent: 'erase', confirm: 'ERASE' }, { as: 'comms' }))
        .status,
    ).toBe(302)
    const erased = db.select().from(contacts).where(eq(contacts.id, contact.id)).get()!
    expect(erased.name).toBe('Erased contact')
    expect(erased.email).toBeNull()
    const page = await (await app.fetch(`/stakeholders/${contact.stakeholderId}`, { as: 'viewer' })).text()
    expect(page).not.toContain('Itziar')
    expect(page).toContain('Erased contact')
  })

  it('lists likely duplicates and merges two over HTTP', async () => {
    expect((await app.fetch('/stakeholders/duplicates', { as: 'partner' })).status).toBe(403)
    const page = await app.fetch('/stakeholders/duplicates', { as: 'comms' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('eurocities.eu')
    const [survivor, loser] = db
      .select()
      .from(stakeholders)
      .where(eq(stakeholders.webDomain, 'eurocities.eu'))
      .orderBy(stakeholders.id)
      .all()
    const compare = await app.fetch(`/stakeholders/duplicates?a=${survivor.id}&b=${loser.id}`, {
      as: 'comms',
    })
    expect(compare.status).toBe(200)
    const merged = await app.post(
      '/stakeholders/duplicates',
      { intent: 'merge', survivorId: String(survivor.id), loserId: String(loser.id), pick_city: 'loser' },
      { as: 'comms' },
    )
    expect(merged.status).toBe(302)
    expect(merged.headers.get('location')).toBe(`/stakeholders/${survivor.id}`)
    expect(db.select().from(stakeholders).where(eq(stakeholders.id, loser.id)).get()!.mergedIntoId).toBe(
      survivor.id,
    )
    expect(db.select().from(stakeholders).where(eq(stakeholders.id, survivor.id)).get()!.city).toBe(
      loser.city,
    )
    const again = await app.post(
      '/stakeholders/duplicates',
      { intent: 'merge', survivorId: String(survivor.id), loserId: String(loser.id) },
      { as: 'comms' },
    )
    expect(again.status).toBe(400)
  })

  it('lets the administrator add, rename, reorder and archive categories; custom ones show their name', async () => {
    expect((await app.fetch('/admin/categories', { as: 'comms' })).status).toBe(403)
    expect(
      (await app.post('/admin/categories', { intent: 'create', name: '' }, { as: 'admin' })).status,
    ).toBe(400)
    expect(
      (
        await app.post(
          '/admin/categories',
          { intent: 'create', name: 'Foundation', isFundedProject: 'on' },
          { as: 'admin' },
        )
      ).status,
    ).toBe(302)
    const custom = db
      .select()
      .from(stakeholderCategories)
      .where(eq(stakeholderCategories.name, 'Foundation'))
      .get()!
    expect(custom).toMatchObject({ key: null, isFundedProject: true })
    await app.post(
      '/admin/categories',
      { intent: 'update', id: String(custom.id), name: 'Private foundation' },
      { as: 'admin' },
    )
    expect(
      db.select().from(stakeholderCategories).where(eq(stakeholderCategories.id, custom.id)).get()!,
    ).toMatchObject({ name: 'Private foundation', isFundedProject: false })
    const before = db
      .select()
      .from(stakeholderCategories)
      .orderBy(stakeholderCategories.sortOrder)
      .all()
      .map((c) => c.id)
    await app.post('/admin/categories', { intent: 'up', id: String(custom.id) }, { as: 'admin' })
    const after = db
      .select()
      .from(stakeholderCategories)
      .orderBy(stakeholderCategories.sortOrder)
      .all()
      .map((c) => c.id)
    expect(after.indexOf(custom.id)).toBe(before.indexOf(custom.id) - 1)
    await app.post('/admin/categories', { intent: 'archive', id: String(custom.id) }, { as: 'admin' })
    expect(
      db.select().from(stakeholderCategories).where(eq(stakeholderCategories.id, custom.id)).get()!
        .archivedAt,
    ).not.toBeNull()
    // A renamed built-in category shows its new name instead of the translation of its key.
    const uni = university()
    await app.post(
      '/admin/categories',
      { intent: 'update', id: String(uni), name: 'Universities and research centres' },
      { as: 'admin' },
    )
    expect(await (await app.fetch(`/stakeholders?category=${uni}`, { as: 'viewer' })).text()).toContain(
      'Universities and research centres',
    )
    // An archived category is no longer offered for new stakeholders.
    const refused = await app.post(
      '/stakeholders/new',
      { name: 'Fundación X', categoryId: String(custom.id) },
      { as: 'comms' },
    )
    expect(refused.status).toBe(400)
  })
})
