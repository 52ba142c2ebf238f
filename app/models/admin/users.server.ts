import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { db } from '#db/client'
import { partners, type Role, roles, users } from '#db/schema'

export type UserFilter = { q?: string; role?: Role; partner?: number; status?: 'active' | 'inactive' | 'all' }

const userFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  partner: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(['active', 'inactive', 'all']).default('active').catch('active'),
})

/** The user list's filters from the URL; unknown or malformed values are ignored rather than failing the page. */
export function userFilterFromUrl(url: URL) {
  return userFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')))
}

/** Never selects the password hash. */
const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  partnerId: users.partnerId,
  partnerName: partners.name,
  locale: users.locale,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
}

export function listUsers(filter: UserFilter, page: { limit: number; offset: number }) {
  const where: SQL[] = []
  if (filter.q) {
    // LIKE ignores ASCII case; wildcards typed by the user are matched literally.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(sql`(${users.name} like ${pattern} escape '\\' or ${users.email} like ${pattern} escape '\\')`)
  }
  if (filter.role) where.push(eq(users.role, filter.role))
  if (filter.partner) where.push(eq(users.partnerId, filter.partner))
  const status = filter.status ?? 'active'
  if (status === 'active') where.push(isNull(users.deactivatedAt))
  if (status === 'inactive') where.push(isNotNull(users.deactivatedAt))
  const condition = where.length ? and(...where) : undefined
  const rows = db
    .select(userColumns)
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(condition)
    .orderBy(asc(users.name), asc(users.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(condition)
    .get()!.n
  return { rows, total }
}

export function getUser(id: number) {
  return (
    db
      .select(userColumns)
      .from(users)
      .leftJoin(partners, eq(partners.id, users.partnerId))
      .where(eq(users.id, id))
      .get() ?? null
  )
}

/** Users for filter selects (the audit page's "who"). */
export function userChoices() {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(asc(users.name))
    .all()
}
