import { asc, eq, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { partners, type SocialAccounts, users } from '#db/schema'
import { recordAudit, recordUpdate } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { type PartnerInput, socialKinds } from './schemas'
import { assertAdministrator, now, setArchived } from './shared.server'

export function listPartners({ includeArchived }: { includeArchived: boolean }) {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      country: partners.country,
      city: partners.city,
      role: partners.role,
      website: partners.website,
      socialAccounts: partners.socialAccounts,
      archivedAt: partners.archivedAt,
      // The outer row's id spelled out: a bare "id" inside the subquery would be the user's own.
      users: sql<number>`(select count(*) from ${users} where ${users.partnerId} = ${partners}.${sql.identifier(partners.id.name)} and ${users.deactivatedAt} is null)`,
    })
    .from(partners)
    .where(includeArchived ? undefined : isNull(partners.archivedAt))
    .orderBy(asc(partners.name))
    .all()
}

/** Partners a user account may be bound to (active ones, plus the current one even if archived). */
export function partnerChoices(currentId?: number | null) {
  return db
    .select({ id: partners.id, name: partners.name, archivedAt: partners.archivedAt })
    .from(partners)
    .where(
      currentId
        ? sql`${partners.archivedAt} is null or ${partners.id} = ${currentId}`
        : isNull(partners.archivedAt),
    )
    .orderBy(asc(partners.name))
    .all()
}

export function getPartner(id: number) {
  return db.select().from(partners).where(eq(partners.id, id)).get() ?? null
}

function partnerValues(input: PartnerInput) {
  const socialAccounts: SocialAccounts = {}
  for (const kind of socialKinds) if (input[kind]) socialAccounts[kind] = input[kind]
  return {
    name: input.name,
    country: input.country,
    city: input.city || null,
    role: input.role,
    website: input.website || null,
    socialAccounts,
  }
}

export function createPartner(input: PartnerInput, acting: Actor): number {
  const userId = assertAdministrator(acting)
  const values = partnerValues(input)
  return db.transaction((tx) => {
    const row = tx.insert(partners).values(values).returning().get()
    recordAudit(tx, {
      userId,
      entity: 'partner',
      entityId: row.id,
      action: 'create',
      after: values,
      summary: values.name,
    })
    return row.id
  })
}

export function updatePartner(id: number, input: PartnerInput, acting: Actor): boolean {
  const userId = assertAdministrator(acting)
  const values = partnerValues(input)
  return db.transaction((tx) => {
    const before = tx.select().from(partners).where(eq(partners.id, id)).get()
    if (!before) return false
    tx.update(partners)
      .set({ ...values, updatedAt: now() })
      .where(eq(partners.id, id))
      .run()
    recordUpdate(tx, { userId, entity: 'partner', entityId: id, summary: values.name }, before, values)
    return true
  })
}

export function setPartnerArchived(id: number, archived: boolean, acting: Actor): boolean {
  const userId = assertAdministrator(acting)
  return setArchived(partners, 'partner', id, archived, userId)
}
