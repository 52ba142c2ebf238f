import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, contacts, duplicateDismissals, partners, stakeholders } from '#db/schema'
import { createContact } from '~/models/contacts/index.server'
import { memberKeyOf } from '~/models/stakeholders/dismissals.server'
import {
  archiveStakeholder,
  createStakeholder,
  DismissalError,
  dismissDuplicateGroup,
  duplicateCandidates,
  findDuplicateGroups,
  listDuplicateDismissals,
  MergeError,
  mergeStakeholders,
  stakeholderInputSchema,
  undoDuplicateDismissal,
  updateStakeholder,
} from '~/models/stakeholders/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'
import { categoryId } from '../setup/records'

/*
 * Merging, duplicate proposals and partial edits at their edges: what each audit row holds, which
 * error a refused merge gives (the duplicates page shows it), how groups are ordered and capped.
 */

const create = (over: Record<string, unknown>) =>
  tx((t) =>
    createStakeholder(
      t,
      stakeholderInputSchema.parse({ name: 'Organizacja', categoryId: categoryId('ngo'), ...over }),
      demo.comms(),
    ),
  )
const row = (id: number) => db.select().from(stakeholders).where(eq(stakeholders.id, id)).get()!
const auditOf = (id: number, action: (typeof auditLog.$inferSelect)['action']) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'stakeholder'), eq(auditLog.entityId, id), eq(auditLog.action, action)))
    .all()

describe('merging', () => {
  it('audits both records with what changed, what moved and who merged into whom', () => {
    const survivor = create({ name: 'Dimos Patreon', acronym: 'ΔΠ', city: 'Πάτρα' })
    const loser = create({ name: 'Δήμος Πατρέων', city: 'Patra', scale: 'local' })
    const moved = tx((t) =>
      mergeStakeholders(
        t,
        { survivorId: survivor, loserId: loser, picks: { name: 'loser', acronym: 'loser', scale: 'loser' } },
        demo.comms(),
      ),
    )
    // The loser had no acronym: picking its empty value clears the survivor's (a choice like any other).
    expect(row(survivor)).toMatchObject({
      name: 'Δήμος Πατρέων',
      acronym: null,
      city: 'Πάτρα',
      scale: 'local',
    })
    const summary = `Δήμος Πατρέων (#${loser}) → Dimos Patreon (#${survivor})`
    const [onSurvivor] = auditOf(survivor, 'merge')
    expect(onSurvivor).toMatchObject({
      userId: demo.comms().id,
      summary,
      before: { name: 'Dimos Patreon', acronym: 'ΔΠ', scale: null },
      after: {
        name: 'Δήμος Πατρέων',
        acronym: null,
        scale: 'local',
        mergedFromId: loser,
        mergedFromName: 'Δήμος Πατρέων',
        moved,
      },
    })
    expect(Object.keys(onSurvivor!.before!).sort()).toEqual(['acronym', 'name', 'scale'])
    const [onLoser] = auditOf(loser, 'merge')
    const archivedAt = row(loser).archivedAt
    expect(archivedAt).not.toBeNull()
    expect(onLoser).toMatchObject({
      userId: demo.comms().id,
      summary,
      before: { archivedAt: null, mergedIntoId: null },
      after: { archivedAt, mergedIntoId: survivor, moved },
    })
  })

  it('writes an empty before when nothing of the survivor changes', () => {
    const survivor = create({ name: 'Comune di Bologna' })
    const loser = create({ name: 'Bologna City' })
    tx((t) => mergeStakeholders(t, { survivorId: survivor, loserId: loser, picks: {} }, demo.comms()))
    const [onSurvivor] = auditOf(survivor, 'merge')
    expect(onSurvivor!.before).toEqual({})
    expect(onSurvivor!.after).toEqual({
      mergedFromId: loser,
      mergedFromName: 'Bologna City',
      moved: { contacts: 0, actions: 0, scores: 0 },
    })
  })

  it('refuses with the reason the duplicates page shows, changing nothing', () => {
    const a = create({ name: 'Magistrát města Plzně' })
    const b = create({ name: 'Plzeň' })
    const archived = create({ name: 'Plzeň (old)' })
    tx((t) => archiveStakeholder(t, archived, demo.comms()))
    const merge =
      (survivorId: number, loserId: number, who = demo.comms()) =>
      () =>
        tx((t) => mergeStakeholders(t, { survivorId, loserId, picks: {} }, who))
    expect(merge(a, a)).toThrow(new MergeError('sameRecord'))
    expect(merge(a, 999_999)).toThrow(new MergeError('notFound'))
    expect(merge(999_999, a)).toThrow(new MergeError('notFound'))
    expect(merge(a, archived)).toThrow(new MergeError('archivedRecord'))
    expect(merge(archived, a)).toThrow(new MergeError('archivedRecord'))
    for (const who of [demo.partner(), demo.viewer()])
      expect(merge(a, b, who)).toThrow(new ForbiddenError('may not merge stakeholders'))
    expect(row(b)).toMatchObject({ archivedAt: null, mergedIntoId: null })
    expect(auditOf(a, 'merge')).toEqual([])
  })
})

describe('duplicate proposals', () => {
  it('orders groups by size, then by key, caps each reason at the limit and counts them all', () => {
    for (const name of [
      'Asociația Zeta',
      'Asociația Zeta',
      'Asociatia Alfa',
      'Asociația Alfa',
      'Asociatia Alfa',
    ])
      create({ name })
    const all = findDuplicateGroups({ limit: 100_000 })
    const names = all.groups.filter((g) => g.reason === 'name')
    const alfa = names.findIndex((g) => g.key === 'asociatia alfa')
    const zeta = names.findIndex((g) => g.key === 'asociatia zeta')
    expect(names[alfa]!.ids).toHaveLength(3)
    expect(names[alfa]!.ids).toEqual([...names[alfa]!.ids].sort((x, y) => x - y))
    for (let i = 1; i < names.length; i++) {
      const [p, q] = [names[i - 1]!, names[i]!]
      expect(
        p.ids.length > q.ids.length || (p.ids.length === q.ids.length && p.key.localeCompare(q.key) < 0),
      ).toBe(true)
    }
    expect(alfa).toBeLessThan(zeta)
    expect(all.totals).toEqual({
      name: names.length,
      domain: all.groups.filter((g) => g.reason === 'domain').length,
      email: all.groups.filter((g) => g.reason === 'email').length,
    })
    const capped = findDuplicateGroups({ limit: 1 })
    expect(capped.totals).toEqual(all.totals)
    expect(capped.groups.map((g) => g.reason)).toEqual(['name', 'domain', 'email'])
    expect(capped.groups[0]).toEqual(names[0])
    expect(findDuplicateGroups().groups.filter((g) => g.reason === 'name')).toEqual(names.slice(0, 100))
  })

  it('a dismissal remembers its members sorted and once each, and the list names them', () => {
    expect(memberKeyOf([12, 3, 12, 100])).toBe('3,12,100')
    const one = create({ name: 'Udalbatza Bat' })
    const two = create({ name: 'Udalbatza Bat' })
    const group = findDuplicateGroups({ limit: 100_000 }).groups.find((g) => g.key === 'udalbatza bat')!
    const id = tx((t) => dismissDuplicateGroup(t, { ...group, ids: [two, one, two] }, group, demo.comms()))
    const listed = listDuplicateDismissals().find((d) => d.id === id)!
    expect(listed).toMatchObject({ reason: 'name', key: 'udalbatza bat', userName: expect.any(String) })
    expect(listed.members).toEqual([
      { id: Math.min(one, two), name: 'Udalbatza Bat' },
      { id: Math.max(one, two), name: 'Udalbatza Bat' },
    ])
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'duplicate_dismissal'), eq(auditLog.entityId, id)))
      .all()
    expect(audit).toMatchObject([
      {
        action: 'create',
        userId: demo.comms().id,
        summary: 'udalbatza bat',
        after: { reason: 'name', key: 'udalbatza bat', ids: `${Math.min(one, two)},${Math.max(one, two)}` },
      },
    ])
  })
})

describe('duplicate candidates side by side', () => {
  it('gives each named record with its owner and its live contacts counted', () => {
    const owner = db.select().from(partners).get()!
    const a = create({
      name: 'Obec Lhota',
      city: 'Lhota',
      country: 'cz',
      website: 'lhota.cz',
      ownerPartnerId: String(owner.id),
    })
    const b = create({ name: 'Obec Lhota' })
    const contact = (name: string) =>
      tx((t) =>
        createContact(
          t,
          a,
          { name, languages: [], lawfulBasis: 'legitimate_interest', doNotContact: false },
          demo.comms(),
        ),
      )
    contact('Jana Nováková')
    const archived = contact('Petr Novák')
    db.update(contacts).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(contacts.id, archived)).run()
    const found = duplicateCandidates([b, a]).sort((x, y) => x.id - y.id)
    expect(found).toEqual([
      {
        id: a,
        name: 'Obec Lhota',
        acronym: null,
        city: 'Lhota',
        country: 'CZ',
        webDomain: 'lhota.cz',
        ownerName: owner.name,
        contacts: 1,
      },
      {
        id: b,
        name: 'Obec Lhota',
        acronym: null,
        city: null,
        country: null,
        webDomain: null,
        ownerName: null,
        contacts: 0,
      },
    ])
    expect(duplicateCandidates([])).toEqual([])
  })
})

describe('duplicate dismissals', () => {
  it('refuses a group gone or changed with the reason the page shows, and anyone without the merge right', () => {
    const a = create({ name: 'Spolek Přátel Brna' })
    const b = create({ name: 'Spolek Přátel Brna' })
    const group = { reason: 'name', key: 'spolek pratel brna', ids: [a, b] }
    const dismiss =
      (shown: typeof group, current: typeof group | undefined, who = demo.comms()) =>
      () =>
        tx((t) => dismissDuplicateGroup(t, shown, current, who))
    expect(dismiss(group, undefined)).toThrow(new DismissalError('notFound'))
    expect(dismiss({ ...group, ids: [a] }, group)).toThrow(new DismissalError('changed'))
    try {
      dismiss(group, undefined)()
    } catch (error) {
      expect((error as Error).name).toBe('DismissalError')
    }
    for (const who of [demo.partner(), demo.viewer()]) {
      expect(dismiss(group, group, who)).toThrow(new ForbiddenError('may not dismiss duplicates'))
      expect(() => tx((t) => undoDuplicateDismissal(t, 1, who))).toThrow(
        new ForbiddenError('may not dismiss duplicates'),
      )
    }
    expect(
      db.select().from(duplicateDismissals).where(eq(duplicateDismissals.groupKey, group.key)).all(),
    ).toEqual([])
  })

  it('audits an undo with the dismissal it removed, and lists a member that no longer exists by its number', () => {
    const a = create({ name: 'Kauno miesto savivaldybė' })
    const b = create({ name: 'Kauno miesto savivaldybe' })
    const group = { reason: 'name', key: 'kauno miesto savivaldybe', ids: [a, b] }
    const id = tx((t) => dismissDuplicateGroup(t, group, group, demo.comms()))
    expect(tx((t) => undoDuplicateDismissal(t, id, demo.comms()))).toBe(true)
    const audit = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'duplicate_dismissal'),
          eq(auditLog.entityId, id),
          eq(auditLog.action, 'restore'),
        ),
      )
      .all()
    expect(audit).toMatchObject([
      {
        userId: demo.comms().id,
        summary: group.key,
        before: { reason: 'name', key: group.key, ids: `${a},${b}` },
      },
    ])
    const ghost = db
      .insert(duplicateDismissals)
      .values({ reason: 'domain', groupKey: 'example.eu', memberKey: `${a},999999` })
      .returning()
      .get()
    expect(listDuplicateDismissals().find((d) => d.id === ghost.id)!.members).toEqual([
      { id: a, name: 'Kauno miesto savivaldybė' },
      { id: 999_999, name: '#999999' },
    ])
  })
})

describe('partial edits', () => {
  it('an edit of one field keeps every other field, the owner included', () => {
    const owner = db.select().from(partners).get()!.id
    const id = create({
      name: 'Primăria Cluj-Napoca',
      programme: 'URBACT IV',
      period: '2023-2027',
      scale: 'regional',
      website: 'https://primariaclujnapoca.ro',
      description: 'Orașul de comori',
      ownerPartnerId: String(owner),
    })
    const before = row(id)
    expect(tx((t) => updateStakeholder(t, id, { city: 'Cluj-Napoca' }, demo.comms()))).toBe(true)
    const { updatedAt: _u, city: _c, searchText: _s, ...kept } = before
    expect(row(id)).toMatchObject({ ...kept, city: 'Cluj-Napoca', ownerPartnerId: owner })
  })

  it('refuses to edit a record that does not exist, naming it', () => {
    expect(() => tx((t) => updateStakeholder(t, 999_999, { city: 'Gdynia' }, demo.comms()))).toThrow(
      'Stakeholder 999999 not found',
    )
  })
})
