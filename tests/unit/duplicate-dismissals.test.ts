import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, stakeholderCategories, stakeholders } from '#db/schema'
import {
  createStakeholder,
  DismissalError,
  dismissDuplicateGroup,
  findDuplicateGroups,
  listDuplicateDismissals,
  undoDuplicateDismissal,
} from '~/models/stakeholders/index.server'
import { stakeholderInputSchema } from '~/models/stakeholders/schemas'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/* Issue 17 point 7: a proposed duplicate group can be dismissed as "not duplicates", and undone. */

const nameGroup = (key: string) =>
  findDuplicateGroups({ limit: 100_000 }).groups.find((g) => g.reason === 'name' && g.key === key)
const ngo = () =>
  db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'ngo')).get()!.id
const make = (name: string) =>
  tx((t) => createStakeholder(t, stakeholderInputSchema.parse({ name, categoryId: ngo() }), demo.comms()))

function twins(name: string) {
  make(name)
  make(name)
  const key = db
    .select({ key: stakeholders.nameKey })
    .from(stakeholders)
    .where(eq(stakeholders.name, name))
    .get()!.key
  return { key, group: nameGroup(key)! }
}

describe('duplicates that are not', () => {
  it('leaves a dismissed group out while its members are the same, lists it, and undoes it', () => {
    const { key, group } = twins('Fundacja Wspólna Przestrzeń')
    expect(group.ids).toHaveLength(2)
    const before = findDuplicateGroups({ limit: 100_000 }).totals.name
    const id = tx((t) => dismissDuplicateGroup(t, group, group, demo.comms()))
    expect(nameGroup(key)).toBeUndefined()
    expect(findDuplicateGroups({ limit: 100_000 }).totals.name).toBe(before - 1)
    const listed = listDuplicateDismissals().find((d) => d.id === id)!
    expect(listed).toMatchObject({ reason: 'name', key })
    expect(listed.members.map((m) => m.name)).toEqual([
      'Fundacja Wspólna Przestrzeń',
      'Fundacja Wspólna Przestrzeń',
    ])
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'duplicate_dismissal'), eq(auditLog.entityId, id)))
      .all()
    expect(audit.map((a) => a.action)).toEqual(['create'])
    expect(tx((t) => undoDuplicateDismissal(t, id, demo.comms()))).toBe(true)
    expect(nameGroup(key)?.ids).toEqual(group.ids)
    expect(listDuplicateDismissals().some((d) => d.id === id)).toBe(false)
    expect(tx((t) => undoDuplicateDismissal(t, id, demo.comms()))).toBe(false)
  })

  it('proposes the group again when a member joins it', () => {
    const { key, group } = twins('Ελληνικό Κέντρο Πολιτισμού')
    tx((t) => dismissDuplicateGroup(t, group, group, demo.comms()))
    expect(nameGroup(key)).toBeUndefined()
    make('Ελληνικό Κέντρο Πολιτισμού')
    expect(nameGroup(key)?.ids).toHaveLength(3)
  })

  it('refuses a group that changed since it was shown, and anyone without the merge right', () => {
    const { group } = twins('Nadace Občanská Společnost')
    const shown = { ...group, ids: [group.ids[0], 999_999] }
    expect(() => tx((t) => dismissDuplicateGroup(t, shown, group, demo.comms()))).toThrow(DismissalError)
    expect(() => tx((t) => dismissDuplicateGroup(t, group, undefined, demo.comms()))).toThrow(DismissalError)
    for (const who of [demo.partner(), demo.viewer()]) {
      expect(() => tx((t) => dismissDuplicateGroup(t, group, group, who))).toThrow(ForbiddenError)
      expect(() => tx((t) => undoDuplicateDismissal(t, 1, who))).toThrow(ForbiddenError)
    }
  })
})
