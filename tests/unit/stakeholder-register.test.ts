import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, partners, project, stakeholderCategories, stakeholders, themes } from '#db/schema'
import {
  createCategory,
  createStakeholder,
  exportStakeholders,
  getStakeholder,
  invalidReferences,
  listCategories,
  mergeStakeholders,
  moveCategory,
  parseStakeholderFilter,
  requireEditableStakeholder,
  searchStakeholders,
  setCategoryArchived,
  stakeholderEditPolicy,
  stakeholderFormOptions,
  stakeholderInputSchema,
  updateCategory,
  usedCountries,
} from '~/models/stakeholders/index.server'
import { ForbiddenError } from '~/utils/permissions'
import { createUserSession } from '~/utils/session.server'

import { demo } from '../setup/actors'

const categoryRows = () =>
  db
    .select()
    .from(stakeholderCategories)
    .orderBy(asc(stakeholderCategories.sortOrder), asc(stakeholderCategories.id))
    .all()
const categoryAudit = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'stakeholder_category'), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id)
    .all()
const partnerId = (name: string) => db.select().from(partners).where(eq(partners.name, name)).get()!.id
const firstCategory = () => categoryRows()[0]!.id

function addStakeholder(over: Record<string, unknown> = {}) {
  const input = stakeholderInputSchema.parse({
    name: 'Regionální agentura',
    categoryId: firstCategory(),
    ...over,
  })
  return db.transaction((tx) => createStakeholder(tx, input, demo.comms()))
}

describe('categories', () => {
  it('only an administrator adds, renames, moves and archives a category', () => {
    const id = firstCategory()
    for (const who of [demo.comms(), demo.partner(), demo.viewer()]) {
      expect(() =>
        db.transaction((tx) => createCategory(tx, { name: 'Nowa', isFundedProject: false }, who)),
      ).toThrow(ForbiddenError)
      expect(() =>
        db.transaction((tx) => updateCategory(tx, id, { name: 'Nowa', isFundedProject: false }, who)),
      ).toThrow(ForbiddenError)
      expect(() => db.transaction((tx) => moveCategory(tx, id, 1, who))).toThrow(ForbiddenError)
      expect(() => db.transaction((tx) => setCategoryArchived(tx, id, true, who))).toThrow(ForbiddenError)
    }
    expect(categoryAudit(id)).toEqual([])
  })

  it('adds a category at the end of the list and audits it', () => {
    const admin = demo.admin()
    const lastOrder = categoryRows().at(-1)!.sortOrder
    const id = db.transaction((tx) =>
      createCategory(tx, { name: 'Fundacje i stowarzyszenia', isFundedProject: true }, admin),
    )
    const row = categoryRows().at(-1)!
    expect(row).toMatchObject({ id, name: 'Fundacje i stowarzyszenia', isFundedProject: true })
    expect(row.sortOrder).toBe(lastOrder + 10)
    expect(categoryAudit(id)).toEqual([
      expect.objectContaining({
        userId: admin.id,
        action: 'create',
        summary: 'Fundacje i stowarzyszenia',
        after: expect.objectContaining({ id, name: 'Fundacje i stowarzyszenia', isFundedProject: true }),
      }),
    ])
  })

  it('renames with an audit of the change only; an unknown id changes nothing', () => {
    const admin = demo.admin()
    const id = db.transaction((tx) =>
      createCategory(tx, { name: 'Κοινότητες', isFundedProject: false }, admin),
    )
    expect(
      db.transaction((tx) => updateCategory(tx, id, { name: 'Κοινότητες', isFundedProject: false }, admin)),
    ).toBe(false)
    expect(
      db.transaction((tx) =>
        updateCategory(tx, id, { name: 'Τοπικές κοινότητες', isFundedProject: true }, admin),
      ),
    ).toBe(true)
    expect(categoryAudit(id).at(-1)).toMatchObject({
      action: 'update',
      summary: 'Τοπικές κοινότητες',
      before: { name: 'Κοινότητες', isFundedProject: false },
      after: { name: 'Τοπικές κοινότητες', isFundedProject: true },
    })
    expect(
      db.transaction((tx) => updateCategory(tx, 987_654, { name: 'x', isFundedProject: false }, admin)),
    ).toBe(false)
  })

  it('moves a category up or down one place, renumbering by tens, never past either end', () => {
    const admin = demo.admin()
    const order = () => categoryRows().map((c) => c.id)
    const before = order()
    const [first, second] = before
    const last = before.at(-1)!
    expect(db.transaction((tx) => moveCategory(tx, first!, -1, admin))).toBe(false)
    expect(db.transaction((tx) => moveCategory(tx, last, 1, admin))).toBe(false)
    expect(db.transaction((tx) => moveCategory(tx, 987_654, 1, admin))).toBe(false)
    expect(order()).toEqual(before)
    expect(db.transaction((tx) => moveCategory(tx, first!, 1, admin))).toBe(true)
    expect(order()).toEqual([second, first, ...before.slice(2)])
    expect(categoryRows().map((c) => c.sortOrder)).toEqual(before.map((_, i) => (i + 1) * 10))
    expect(categoryAudit(first!).at(-1)).toMatchObject({
      action: 'update',
      before: { position: 1 },
      after: { position: 2 },
    })
    expect(db.transaction((tx) => moveCategory(tx, first!, -1, admin))).toBe(true)
    expect(order()).toEqual(before)
    expect(db.transaction((tx) => moveCategory(tx, last, -1, admin))).toBe(true)
    expect(order().slice(-2)).toEqual([last, before.at(-2)])
  })

  it('archives and restores once each, and the list leaves archived ones out unless asked', () => {
    const admin = demo.admin()
    const id = db.transaction((tx) =>
      createCategory(tx, { name: 'Archivable', isFundedProject: false }, admin),
    )
    expect(db.transaction((tx) => setCategoryArchived(tx, id, false, admin))).toBe(false)
    expect(db.transaction((tx) => setCategoryArchived(tx, id, true, admin))).toBe(true)
    expect(db.transaction((tx) => setCategoryArchived(tx, id, true, admin))).toBe(false)
    expect(listCategories().map((c) => c.id)).not.toContain(id)
    expect(listCategories({ includeArchived: true }).map((c) => c.id)).toContain(id)
    expect(listCategories({ includeArchived: true }).map((c) => c.id)).toEqual(
      categoryRows().map((c) => c.id),
    )
    expect(db.transaction((tx) => setCategoryArchived(tx, id, false, admin))).toBe(true)
    expect(listCategories().map((c) => c.id)).toContain(id)
    expect(categoryAudit(id).map((a) => [a.action, a.summary, a.after])).toEqual([
      ['create', 'Archivable', expect.anything()],
      ['archive', 'Archivable', { archivedAt: expect.any(String) }],
      ['restore', 'Archivable', { archivedAt: null }],
    ])
    expect(db.transaction((tx) => setCategoryArchived(tx, 987_654, true, admin))).toBe(false)
  })
})

describe('reading one stakeholder', () => {
  it('getStakeholder gives the record with category, owner, themes by name, priority and merge target', () => {
    const [themeA, themeB] = db.select().from(themes).orderBy(themes.name).limit(2).all()
    const owner = partnerId('Barcelona')
    const id = addStakeholder({
      name: 'Ajuntament de Girona',
      ownerPartnerId: owner,
      themeIds: [themeB!.id, themeA!.id],
    })
    const category = categoryRows()[0]!
    const found = getStakeholder(id)!
    expect(found).toMatchObject({
      id,
      name: 'Ajuntament de Girona',
      categoryKey: category.key,
      categoryName: category.name,
      categoryIsFundedProject: category.isFundedProject,
      ownerName: 'Barcelona',
      mergedIntoName: null,
      themes: [
        { id: themeA!.id, name: themeA!.name },
        { id: themeB!.id, name: themeB!.name },
      ],
      themeIds: [themeA!.id, themeB!.id],
      priority: null,
    })
    const survivor = addStakeholder({ name: 'Ajuntament de Girona (main)' })
    db.transaction((tx) =>
      mergeStakeholders(tx, { survivorId: survivor, loserId: id, picks: {} }, demo.comms()),
    )
    expect(getStakeholder(id)!.mergedIntoName).toBe('Ajuntament de Girona (main)')
    expect(getStakeholder(987_654)).toBeNull()
  })

  it('requireEditableStakeholder answers 404 for a bad or unknown id and 403 for who may not edit', async () => {
    const own = addStakeholder({ ownerPartnerId: demo.partner().partnerId })
    const other = addStakeholder({ ownerPartnerId: partnerId('Barcelona') })
    const request = async (userId: number) => {
      const setCookie = await createUserSession(new Request('http://ripple.test/'), userId)
      return new Request('http://ripple.test/', { headers: { Cookie: setCookie.split(';')[0]! } })
    }
    const status = async (userId: number, id: string) => {
      try {
        await requireEditableStakeholder(await request(userId), id)
        return 200
      } catch (thrown) {
        if (thrown instanceof Response) return thrown.status
        throw thrown
      }
    }
    const partner = demo.partner().id
    expect(await status(partner, String(own))).toBe(200)
    expect(await status(partner, String(other))).toBe(403)
    expect(await status(demo.viewer().id, String(own))).toBe(403)
    expect(await status(demo.comms().id, String(other))).toBe(200)
    for (const bad of ['abc', '0', '-3', '1.5', '987654'])
      expect(await status(demo.comms().id, bad), bad).toBe(404)
    const { user, stakeholder } = await requireEditableStakeholder(await request(partner), String(own))
    expect(user.id).toBe(partner)
    expect(stakeholder.id).toBe(own)
  })
})

describe('register helpers', () => {
  it('searchStakeholders finds by the register’s search, by name key, up to the limit', () => {
    const ids = ['Město Brno – odbor A', 'Město Brno – odbor B', 'Město Brno – odbor C'].map((name) =>
      addStakeholder({ name, city: 'Brno', country: 'CZ' }),
    )
    expect(searchStakeholders('mesto brno odbor')).toEqual([
      { id: ids[0], name: 'Město Brno – odbor A', city: 'Brno', country: 'CZ' },
      { id: ids[1], name: 'Město Brno – odbor B', city: 'Brno', country: 'CZ' },
      { id: ids[2], name: 'Město Brno – odbor C', city: 'Brno', country: 'CZ' },
    ])
    expect(searchStakeholders('mesto brno odbor', 2).map((s) => s.id)).toEqual(ids.slice(0, 2))
    expect(searchStakeholders('   ')).toEqual([])
  })

  it('usedCountries lists each country in use once, alphabetically', () => {
    addStakeholder({ name: 'Eusko Jaurlaritza', country: 'ES' })
    addStakeholder({ name: 'Σύνδεσμος Δήμων', country: 'GR' })
    const countries = usedCountries()
    expect(countries).toEqual([...new Set(countries)].sort())
    expect(countries).toEqual(expect.arrayContaining(['ES', 'GR']))
    expect(countries).not.toContain(null)
  })

  it('stakeholderFormOptions lists live partners and themes by name, every category and the working languages', () => {
    const options = stakeholderFormOptions()
    const byName = (a: { name: string }, b: { name: string }) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    expect(options.partners.length).toBeGreaterThan(1)
    expect(options.partners).toEqual([...options.partners].sort(byName))
    expect(options.themes.length).toBeGreaterThan(1)
    expect(options.themes).toEqual([...options.themes].sort(byName))
    expect(options.categories.map((c) => c.id)).toEqual(
      listCategories({ includeArchived: true }).map((c) => c.id),
    )
    const languages = db.select({ l: project.workingLanguages }).from(project).get()!.l
    expect(options.workingLanguages).toEqual(languages)
    expect(options.workingLanguages.length).toBeGreaterThan(0)
  })

  it('stakeholderEditPolicy reads the project’s policy, through a transaction too', () => {
    const policy = db.select({ p: project.stakeholderEditPolicy }).from(project).get()!.p
    expect(stakeholderEditPolicy()).toBe(policy)
    db.transaction((tx) => {
      tx.update(project).set({ stakeholderEditPolicy: 'none' }).where(eq(project.id, 1)).run()
      expect(stakeholderEditPolicy(tx)).toBe('none')
      tx.update(project).set({ stakeholderEditPolicy: policy }).where(eq(project.id, 1)).run()
    })
  })

  it('invalidReferences names each field whose id does not exist or whose category was archived', () => {
    const admin = demo.admin()
    const comms = demo.comms()
    const archived = db.transaction((tx) =>
      createCategory(tx, { name: 'Old', isFundedProject: false }, admin),
    )
    db.transaction((tx) => setCategoryArchived(tx, archived, true, admin))
    const theme = db.select().from(themes).get()!.id
    const live = firstCategory()
    expect(
      invalidReferences(
        { categoryId: live, ownerPartnerId: partnerId('Barcelona'), themeIds: [theme] },
        comms,
      ),
    ).toBe(null)
    expect(
      invalidReferences({ categoryId: 987_654, ownerPartnerId: 987_654, themeIds: [987_654] }, comms),
    ).toEqual({
      categoryId: ['common:errors.choose'],
      ownerPartnerId: ['common:errors.choose'],
      themeIds: ['common:errors.choose'],
    })
    expect(invalidReferences({ categoryId: archived }, comms)).toEqual({
      categoryId: ['common:errors.choose'],
    })
    // Editing a record that already points at the archived category keeps it valid.
    expect(invalidReferences({ categoryId: archived }, comms, { categoryId: archived })).toBeNull()
    // A partner's chosen owner is replaced by the command, not checked.
    expect(invalidReferences({ ownerPartnerId: 987_654 }, demo.partner())).toBeNull()
    expect(invalidReferences({}, comms)).toBeNull()
  })
})

describe('exportStakeholders', () => {
  it('adds programme, period, description, languages and theme names to each register row', () => {
    const [themeA, themeB] = db.select().from(themes).orderBy(themes.name).limit(2).all()
    const id = addStakeholder({
      name: 'Export Ūdensvada Ltd',
      description: 'Ūdens apgāde',
      languages: ['lv', 'en'],
      themeIds: [themeA!.id, themeB!.id],
    })
    const plain = addStakeholder({ name: 'Export Plain Ltd' })
    const rows = exportStakeholders(parseStakeholderFilter(new URLSearchParams('q=export ltd')))
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([id, plain])
    const row = rows.find((r) => r.id === id)!
    expect(row).toMatchObject({
      name: 'Export Ūdensvada Ltd',
      description: 'Ūdens apgāde',
      languages: ['lv', 'en'],
      programme: null,
      period: null,
    })
    expect([...row.themes].sort()).toEqual([themeA!.name, themeB!.name].sort())
    expect(rows.find((r) => r.id === plain)).toMatchObject({ themes: [], languages: [], description: null })
    const stored = db.select().from(stakeholders).where(eq(stakeholders.id, id)).get()!
    expect(row.languages).toEqual(stored.languages)
  })
})
