import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  auditLog,
  partners,
  project,
  stakeholderCategories,
  stakeholders,
  stakeholderThemes,
  themes,
} from '#db/schema'
import {
  archiveStakeholder,
  createStakeholder,
  restoreStakeholder,
  searchTextFor,
  stakeholderInputSchema,
  updateStakeholder,
  writeStakeholderFields,
} from '~/models/stakeholders/index.server'
import type { Actor } from '~/utils/permissions'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

const partnerId = (name: string) => db.select().from(partners).where(eq(partners.name, name)).get()!.id
const categories = () => db.select().from(stakeholderCategories).orderBy(asc(stakeholderCategories.id)).all()
const themeIds = () =>
  db
    .select()
    .from(themes)
    .orderBy(asc(themes.id))
    .limit(3)
    .all()
    .map((t) => t.id)
const row = (id: number) => db.select().from(stakeholders).where(eq(stakeholders.id, id)).get()!
const trail = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'stakeholder'), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id)
    .all()
const themesOf = (id: number) =>
  db
    .select({ t: stakeholderThemes.themeId })
    .from(stakeholderThemes)
    .where(eq(stakeholderThemes.stakeholderId, id))
    .all()
    .map((r) => r.t)
    .sort((a, b) => a - b)

const input = (over: Record<string, unknown> = {}) =>
  stakeholderInputSchema.parse({
    name: 'Agenția de Dezvoltare Nord-Vest',
    categoryId: categories()[0]!.id,
    ...over,
  })
const create = (over: Record<string, unknown> = {}, by: Actor = demo.comms()) =>
  db.transaction((tx) => createStakeholder(tx, input(over), by))

function withPolicy<T>(policy: 'owner' | 'any_partner' | 'none', run: () => T): T {
  const before = db.select({ p: project.stakeholderEditPolicy }).from(project).get()!.p
  db.update(project).set({ stakeholderEditPolicy: policy }).where(eq(project.id, 1)).run()
  try {
    return run()
  } finally {
    db.update(project).set({ stakeholderEditPolicy: before }).where(eq(project.id, 1)).run()
  }
}

describe('createStakeholder', () => {
  it('stores the derived keys and audits the record without them, themes sorted', () => {
    const [t1, t2, t3] = themeIds()
    const id = create({
      acronym: 'ADR NV',
      city: 'Cluj-Napoca',
      website: 'https://www.nord-vest.ro/proiecte',
      languages: ['ro', 'hu', 'ro'],
      themeIds: [t3, t1, t2],
      ownerPartnerId: partnerId('Barcelona'),
    })
    const stored = row(id)
    expect(stored).toMatchObject({
      name: 'Agenția de Dezvoltare Nord-Vest',
      acronym: 'ADR NV',
      webDomain: 'nord-vest.ro',
      languages: ['ro', 'hu'],
      ownerPartnerId: partnerId('Barcelona'),
      createdBy: demo.comms().id,
      stage: 'identified',
      searchText: searchTextFor({
        name: 'Agenția de Dezvoltare Nord-Vest',
        acronym: 'ADR NV',
        city: 'Cluj-Napoca',
        webDomain: 'nord-vest.ro',
      }),
    })
    expect(stored.searchText).toBe('agentia de dezvoltare nord-vest adr nv cluj-napoca nord-vest.ro')
    expect(themesOf(id)).toEqual([t1, t2, t3].sort((a, b) => a! - b!))
    const [audit] = trail(id)
    expect(audit).toMatchObject({
      action: 'create',
      userId: demo.comms().id,
      summary: stored.name,
      before: null,
    })
    const { searchText: _s, nameKey: _n, lastContactOn: _l, createdAt: _c, updatedAt: _u, ...rest } = stored
    expect(audit!.after).toEqual({ ...rest, themeIds: [t1, t2, t3].sort((a, b) => a! - b!) })
  })

  it('audits the themes as stored when the input repeats one', () => {
    const [t1, t2] = themeIds()
    const id = create({ themeIds: [t2, t1, t2] })
    const sorted = [t1, t2].sort((a, b) => a! - b!)
    expect(themesOf(id)).toEqual(sorted)
    expect(trail(id)[0]!.after).toMatchObject({ themeIds: sorted })
    db.transaction((tx) => updateStakeholder(tx, id, { themeIds: [t1!, t1!] }, demo.comms()))
    expect(trail(id).at(-1)).toMatchObject({ before: { themeIds: sorted }, after: { themeIds: [t1] } })
  })

  it('a partner adds stakeholders owned by its own partner; a viewer never; no partner adds under "none"', () => {
    const partner = demo.partner()
    const id = create({ ownerPartnerId: partnerId('Barcelona') }, partner)
    expect(row(id).ownerPartnerId).toBe(partner.partnerId)
    expect(() => create({}, demo.viewer())).toThrow(ForbiddenError)
    withPolicy('none', () => expect(() => create({}, partner)).toThrow(ForbiddenError))
    withPolicy('none', () => expect(create({}, demo.comms())).toBeGreaterThan(0))
  })
})

describe('updateStakeholder', () => {
  it('changes only the given fields, clears an optional one given as undefined, never a required one', () => {
    const [t1, t2] = themeIds()
    const id = create({ acronym: 'ADR', city: 'Cluj', country: 'RO', themeIds: [t1], languages: ['ro'] })
    const changed = db.transaction((tx) =>
      updateStakeholder(
        tx,
        id,
        { city: 'Oradea', acronym: undefined, name: undefined, languages: undefined, themeIds: [t2!, t1!] },
        demo.comms(),
      ),
    )
    expect(changed).toBe(true)
    expect(row(id)).toMatchObject({
      name: 'Agenția de Dezvoltare Nord-Vest',
      acronym: null,
      city: 'Oradea',
      country: 'RO',
      languages: ['ro'],
    })
    expect(row(id).searchText).toBe('agentia de dezvoltare nord-vest oradea')
    expect(themesOf(id)).toEqual([t1, t2].sort((a, b) => a! - b!))
    expect(trail(id)[1]).toMatchObject({
      action: 'update',
      summary: 'Agenția de Dezvoltare Nord-Vest',
      before: { acronym: 'ADR', city: 'Cluj', themeIds: [t1] },
      after: { acronym: null, city: 'Oradea', themeIds: [t1, t2].sort((a, b) => a! - b!) },
    })
    // Themes left out stay.
    db.transaction((tx) => updateStakeholder(tx, id, { city: 'Bihor' }, demo.comms()))
    expect(themesOf(id)).toEqual([t1, t2].sort((a, b) => a! - b!))
    expect(db.transaction((tx) => updateStakeholder(tx, id, { city: 'Bihor' }, demo.comms()))).toBe(false)
    expect(trail(id)).toHaveLength(3)
  })

  it('names a stage change in the summary', () => {
    const id = create()
    db.transaction((tx) => updateStakeholder(tx, id, { stage: 'engaged' }, demo.comms()))
    expect(trail(id).at(-1)).toMatchObject({
      summary: 'stage: identified → engaged',
      before: { stage: 'identified' },
      after: { stage: 'engaged' },
    })
  })

  it('only the communications lead hands a stakeholder to another partner; a partner’s owner is kept', () => {
    const partner = demo.partner()
    const id = create({ ownerPartnerId: partner.partnerId })
    db.transaction((tx) =>
      updateStakeholder(tx, id, { ownerPartnerId: partnerId('Barcelona'), city: 'Zalău' }, partner),
    )
    expect(row(id)).toMatchObject({ ownerPartnerId: partner.partnerId, city: 'Zalău' })
    db.transaction((tx) =>
      updateStakeholder(tx, id, { ownerPartnerId: partnerId('Barcelona') }, demo.comms()),
    )
    expect(row(id).ownerPartnerId).toBe(partnerId('Barcelona'))
    expect(() => db.transaction((tx) => updateStakeholder(tx, id, { city: 'x' }, partner))).toThrow(
      ForbiddenError,
    )
    expect(() => db.transaction((tx) => updateStakeholder(tx, id, { city: 'x' }, demo.viewer()))).toThrow(
      ForbiddenError,
    )
    withPolicy('any_partner', () =>
      expect(db.transaction((tx) => updateStakeholder(tx, id, { city: 'Baia Mare' }, partner))).toBe(true),
    )
    expect(row(id).ownerPartnerId).toBe(partnerId('Barcelona'))
    expect(() => db.transaction((tx) => updateStakeholder(tx, 987_654, { city: 'x' }, demo.comms()))).toThrow(
      'Stakeholder 987654 not found',
    )
    expect(() => db.transaction((tx) => writeStakeholderFields(tx, 987_654, {}))).toThrow(
      'Stakeholder 987654 not found',
    )
  })
})

describe('archive and restore', () => {
  it('archives once and restores once (clearing a merge), audited, for editors only', () => {
    const partner = demo.partner()
    const id = create({ ownerPartnerId: partner.partnerId })
    expect(() => db.transaction((tx) => archiveStakeholder(tx, id, demo.partner2()))).toThrow(ForbiddenError)
    expect(() => db.transaction((tx) => archiveStakeholder(tx, id, demo.viewer()))).toThrow(ForbiddenError)
    expect(db.transaction((tx) => restoreStakeholder(tx, id, demo.comms()))).toBe(false)
    expect(db.transaction((tx) => archiveStakeholder(tx, id, partner))).toBe(true)
    const archivedAt = row(id).archivedAt
    expect(archivedAt).not.toBeNull()
    expect(row(id).updatedAt).toBe(archivedAt)
    expect(db.transaction((tx) => archiveStakeholder(tx, id, partner))).toBe(false)
    expect(() => db.transaction((tx) => restoreStakeholder(tx, id, demo.partner2()))).toThrow(ForbiddenError)
    const survivor = create()
    db.update(stakeholders).set({ mergedIntoId: survivor }).where(eq(stakeholders.id, id)).run()
    expect(db.transaction((tx) => restoreStakeholder(tx, id, partner))).toBe(true)
    expect(row(id)).toMatchObject({ archivedAt: null, mergedIntoId: null })
    expect(trail(id).slice(1)).toEqual([
      expect.objectContaining({
        userId: partner.id,
        action: 'archive',
        summary: 'Agenția de Dezvoltare Nord-Vest',
        before: { archivedAt: null },
        after: { archivedAt },
      }),
      expect.objectContaining({
        userId: partner.id,
        action: 'restore',
        summary: 'Agenția de Dezvoltare Nord-Vest',
        before: { archivedAt, mergedIntoId: survivor },
        after: { archivedAt: null, mergedIntoId: null },
      }),
    ])
    expect(db.transaction((tx) => archiveStakeholder(tx, 987_654, demo.comms()))).toBe(false)
    expect(db.transaction((tx) => restoreStakeholder(tx, 987_654, demo.comms()))).toBe(false)
  })
})
