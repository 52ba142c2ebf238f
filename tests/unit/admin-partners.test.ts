import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { partners, stakeholderCategories, users } from '#db/schema'
import {
  addCategory,
  archiveCategory,
  categoriesWithCounts,
  categoryExists,
  createPartner,
  editCategory,
  getPartner,
  listPartners,
  moveCategoryBy,
  partnerChoices,
  setPartnerArchived,
  updatePartner,
} from '~/models/admin/index.server'
import type { PartnerInput } from '~/models/admin/schemas'

import { demo } from '../setup/actors'
import { auditCount, expectRefused, lastAudit } from '../setup/audit'
import { insertStakeholder } from '../setup/records'

const lodz: PartnerInput = {
  name: 'Urząd Miasta Łodzi',
  country: 'PL',
  city: 'Łódź',
  role: 'partner',
  website: 'https://uml.lodz.pl',
  linkedin: 'https://www.linkedin.com/company/lodz',
  mastodon: '',
}
const lodzValues = {
  name: 'Urząd Miasta Łodzi',
  country: 'PL',
  city: 'Łódź',
  role: 'partner',
  website: 'https://uml.lodz.pl',
  socialAccounts: { linkedin: 'https://www.linkedin.com/company/lodz' },
}

function addUser(email: string, partnerId: number, deactivatedAt: string | null = null) {
  db.insert(users)
    .values({ email, name: email, passwordHash: 'x', role: 'partner', partnerId, deactivatedAt })
    .run()
}

describe('partners: create and edit with their audit rows', () => {
  it('creates a partner, keeping only the filled social accounts, and audits the values', () => {
    const id = createPartner(lodz, demo.admin())
    expect(getPartner(id)).toMatchObject({ id, ...lodzValues, archivedAt: null })
    const audit = lastAudit('partner', id)
    expect(audit).toMatchObject({ entity: 'partner', action: 'create', summary: 'Urząd Miasta Łodzi' })
    expect(audit.before).toBeNull()
    expect(audit.after).toEqual(lodzValues)
  })

  it('stores an empty city and website as null', () => {
    const id = createPartner(
      { name: 'Gasteizko Udala', country: 'ES', city: '', role: 'lead', website: '' },
      demo.admin(),
    )
    expect(getPartner(id)).toMatchObject({ city: null, website: null, socialAccounts: {}, role: 'lead' })
  })

  it('updates a partner and audits only the changed fields', () => {
    const id = createPartner(lodz, demo.admin())
    const changed = { ...lodz, name: 'Θεσσαλονίκη', country: 'GR', city: 'Θεσσαλονίκη', linkedin: '' }
    expect(updatePartner(id, changed, demo.admin())).toBe(true)
    expect(getPartner(id)).toMatchObject({ name: 'Θεσσαλονίκη', country: 'GR', socialAccounts: {} })
    const audit = lastAudit('partner', id)
    expect(audit).toMatchObject({ entity: 'partner', action: 'update', summary: 'Θεσσαλονίκη' })
    expect(audit.before).toEqual({
      name: 'Urząd Miasta Łodzi',
      country: 'PL',
      city: 'Łódź',
      socialAccounts: { linkedin: 'https://www.linkedin.com/company/lodz' },
    })
    expect(audit.after).toEqual({
      name: 'Θεσσαλονίκη',
      country: 'GR',
      city: 'Θεσσαλονίκη',
      socialAccounts: {},
    })
  })

  it('answers false for a partner that does not exist, writing nothing', () => {
    const audits = auditCount()
    expect(updatePartner(999_999, lodz, demo.admin())).toBe(false)
    expect(getPartner(999_999)).toBeNull()
    expect(auditCount()).toBe(audits)
  })

  it('refuses every partner command to a non-administrator', () => {
    const id = createPartner(lodz, demo.admin())
    for (const actor of [demo.comms(), demo.partner(), demo.viewer()]) {
      expectRefused(actor, (by) => createPartner(lodz, by))
      expectRefused(actor, (by) => updatePartner(id, lodz, by))
      expectRefused(actor, (by) => setPartnerArchived(id, true, by))
    }
  })
})

describe('partners: archive, restore and the lists', () => {
  it('archives and restores a partner once each, with audit rows naming the archivedAt', () => {
    const id = createPartner({ ...lodz, name: 'Târgu Mureș' }, demo.admin())
    expect(setPartnerArchived(id, true, demo.admin())).toBe(true)
    const archivedAt = getPartner(id)!.archivedAt
    expect(archivedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    const archive = lastAudit('partner', id)
    expect(archive).toMatchObject({ entity: 'partner', action: 'archive', summary: 'Târgu Mureș' })
    expect(archive.before).toEqual({ archivedAt: null })
    expect(archive.after).toEqual({ archivedAt })
    const audits = auditCount()
    expect(setPartnerArchived(id, true, demo.admin())).toBe(true)
    expect(auditCount()).toBe(audits)
    expect(getPartner(id)!.archivedAt).toBe(archivedAt)
    expect(setPartnerArchived(id, false, demo.admin())).toBe(true)
    expect(getPartner(id)!.archivedAt).toBeNull()
    const restore = lastAudit('partner', id)
    expect(restore).toMatchObject({ action: 'restore', before: { archivedAt }, after: { archivedAt: null } })
    expect(setPartnerArchived(id, false, demo.admin())).toBe(true)
    expect(auditCount()).toBe(audits + 1)
  })

  it('answers false when archiving a partner that does not exist', () => {
    const audits = auditCount()
    expect(setPartnerArchived(999_999, true, demo.admin())).toBe(false)
    expect(auditCount()).toBe(audits)
  })

  it('lists partners by name with their active users, archived ones only when asked', () => {
    const a = createPartner({ ...lodz, name: 'Čeněk Šťastný s.r.o.', country: 'CZ' }, demo.admin())
    const b = createPartner({ ...lodz, name: 'Čeněk Archiv' }, demo.admin())
    addUser('cenek@brno.cz', a)
    addUser('stary@brno.cz', a, '2025-01-01T00:00:00.000Z')
    setPartnerArchived(b, true, demo.admin())
    const active = listPartners({ includeArchived: false })
    expect(active.find((p) => p.id === a)).toEqual({
      id: a,
      name: 'Čeněk Šťastný s.r.o.',
      country: 'CZ',
      city: 'Łódź',
      role: 'partner',
      website: 'https://uml.lodz.pl',
      socialAccounts: { linkedin: 'https://www.linkedin.com/company/lodz' },
      archivedAt: null,
      users: 1,
    })
    expect(active.map((p) => p.id)).not.toContain(b)
    const names = active.map((p) => p.name)
    expect(names).toEqual([...names].sort())
    const all = listPartners({ includeArchived: true })
    expect(all.find((p) => p.id === b)).toMatchObject({ users: 0, name: 'Čeněk Archiv' })
    expect(all).toHaveLength(active.length + 1)
  })

  it('offers active partners as choices, plus the current one even if archived', () => {
    const kept = createPartner({ ...lodz, name: 'Donostiako Udala' }, demo.admin())
    const gone = createPartner({ ...lodz, name: 'Gasteizko Udala (old)' }, demo.admin())
    setPartnerArchived(gone, true, demo.admin())
    const plain = partnerChoices()
    expect(plain.find((p) => p.id === kept)).toEqual({ id: kept, name: 'Donostiako Udala', archivedAt: null })
    expect(plain.map((p) => p.id)).not.toContain(gone)
    const withCurrent = partnerChoices(gone)
    expect(withCurrent.filter((p) => p.id !== gone)).toEqual(plain)
    expect(withCurrent).toHaveLength(plain.length + 1)
    const row = db.select().from(partners).where(eq(partners.id, gone)).get()!
    expect(withCurrent.find((p) => p.id === gone)).toEqual({
      id: gone,
      name: row.name,
      archivedAt: row.archivedAt,
    })
  })
})

const categoryRow = (id: number) =>
  db.select().from(stakeholderCategories).where(eq(stakeholderCategories.id, id)).get()!

describe('stakeholder categories through the administration', () => {
  it('adds and edits a category, answering its id and whether it changed', () => {
    const id = addCategory({ name: 'Organizacje pozarządowe', isFundedProject: false }, demo.admin())
    expect(categoryRow(id)).toMatchObject({ name: 'Organizacje pozarządowe', isFundedProject: false })
    expect(lastAudit('stakeholder_category', id).action).toBe('create')
    expect(editCategory(id, { name: 'Projekty UE', isFundedProject: true }, demo.admin())).toBe(true)
    expect(categoryRow(id)).toMatchObject({ name: 'Projekty UE', isFundedProject: true })
    const audit = lastAudit('stakeholder_category', id)
    expect(audit).toMatchObject({ action: 'update', summary: 'Projekty UE' })
    expect(audit.before).toEqual({ name: 'Organizacje pozarządowe', isFundedProject: false })
    expect(audit.after).toEqual({ name: 'Projekty UE', isFundedProject: true })
    expect(editCategory(999_999, { name: 'X', isFundedProject: false }, demo.admin())).toBe(false)
  })

  it('moves a category down and back up, and refuses to move past the end', () => {
    const id = addCategory({ name: 'Σύλλογοι', isFundedProject: false }, demo.admin())
    expect(moveCategoryBy(id, 1, demo.admin())).toBe(false)
    expect(moveCategoryBy(id, -1, demo.admin())).toBe(true)
    expect(lastAudit('stakeholder_category', id)).toMatchObject({ action: 'update' })
    expect(moveCategoryBy(id, 1, demo.admin())).toBe(true)
  })

  it('archives and restores a category, answering false when nothing changes', () => {
    const id = addCategory({ name: 'Spolky', isFundedProject: false }, demo.admin())
    expect(archiveCategory(id, true, demo.admin())).toBe(true)
    expect(lastAudit('stakeholder_category', id)).toMatchObject({ action: 'archive', summary: 'Spolky' })
    expect(archiveCategory(id, true, demo.admin())).toBe(false)
    expect(archiveCategory(id, false, demo.admin())).toBe(true)
    expect(categoryRow(id).archivedAt).toBeNull()
  })

  it('counts the active stakeholders of every category, archived categories included', () => {
    const busy = addCategory({ name: 'Asociații din Târgu Mureș', isFundedProject: false }, demo.admin())
    const empty = addCategory({ name: 'Elkarteak', isFundedProject: false }, demo.admin())
    insertStakeholder('Asociația Mureș 1', { categoryId: busy })
    insertStakeholder('Asociația Mureș 2', { categoryId: busy })
    insertStakeholder('Asociația veche', { categoryId: busy, archivedAt: '2025-01-01T00:00:00.000Z' })
    archiveCategory(empty, true, demo.admin())
    const list = categoriesWithCounts()
    expect(list.find((c) => c.id === busy)).toEqual({ ...categoryRow(busy), count: 2 })
    expect(list.find((c) => c.id === empty)).toEqual({ ...categoryRow(empty), count: 0 })
    expect(list.map((c) => c.id)).toEqual(
      db
        .select({ id: stakeholderCategories.id })
        .from(stakeholderCategories)
        .orderBy(stakeholderCategories.sortOrder, stakeholderCategories.id)
        .all()
        .map((c) => c.id),
    )
  })

  it('knows whether a category exists, archived or not', () => {
    const id = addCategory({ name: 'Kluby sportowe', isFundedProject: false }, demo.admin())
    archiveCategory(id, true, demo.admin())
    expect(categoryExists(id)).toBe(true)
    const other = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).get()!.id
    expect(categoryExists(other)).toBe(true)
    expect(categoryExists(999_999)).toBe(false)
  })

  it('refuses the category commands to a non-administrator', () => {
    const id = addCategory({ name: 'Instituce', isFundedProject: false }, demo.admin())
    for (const actor of [demo.comms(), demo.partner(), demo.viewer()]) {
      expectRefused(actor, (by) => addCategory({ name: 'Instituce 2', isFundedProject: false }, by))
      expectRefused(actor, (by) => editCategory(id, { name: 'Instituce 3', isFundedProject: false }, by))
      expectRefused(actor, (by) => moveCategoryBy(id, -1, by))
      expectRefused(actor, (by) => archiveCategory(id, true, by))
    }
  })
})
