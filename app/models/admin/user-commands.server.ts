import { eq, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { type Role, users } from '#db/schema'
import { recordAudit, recordUpdate } from '~/models/audit/index.server'
import { hashPassword } from '~/utils/auth.server'
import type { Actor } from '~/utils/permissions'
import { roleActsForOnePartner } from '~/utils/permissions'
import { endSessionsOf } from '~/utils/session.server'

import { getPartner } from './partners.server'
import { mayChangeRole, mayDeactivate } from './policy'
import { assertAdministrator, fail, now, ok, type Result } from './shared.server'

/** User accounts: create, edit, reset the password, deactivate. Every change is audited. */
export type UserInput = { name: string; role: Role; partnerId?: number; locale: 'en' | 'es' }

function auditedUser(u: {
  email: string
  name: string
  role: Role
  partnerId: number | null
  locale: string
  deactivatedAt: string | null
}) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    partnerId: u.partnerId,
    locale: u.locale,
    deactivatedAt: u.deactivatedAt,
  }
}

function partnerIsUsable(partnerId: number | undefined, currentId?: number | null) {
  if (!partnerId) return true
  const p = getPartner(partnerId)
  return !!p && (!p.archivedAt || p.id === currentId)
}

/** Creates an account; the e-mail is stored lower-cased and must be free in any letter case. */
export function createUser(
  input: UserInput & { email: string; password: string },
  acting: Actor,
): Promise<Result<number>> {
  // Checked before anything is awaited, so a refusal throws at once (routes: orForbidden).
  return insertUser(input, assertAdministrator(acting))
}

async function insertUser(
  input: UserInput & { email: string; password: string },
  actorId: number,
): Promise<Result<number>> {
  const email = input.email.trim().toLowerCase()
  if (
    db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .get()
  )
    return fail('email', 'common:errors.duplicateEmail')
  if (!partnerIsUsable(input.partnerId)) return fail('partnerId', 'common:errors.choose')
  const passwordHash = await hashPassword(input.password)
  // Checked again inside the transaction: another admin may have taken the address while we hashed.
  return db.transaction((tx) => {
    if (
      tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email))
        .get()
    )
      return fail('email', 'common:errors.duplicateEmail')
    const values = {
      email,
      name: input.name,
      role: input.role,
      partnerId: roleActsForOnePartner(input.role) ? (input.partnerId ?? null) : null,
      locale: input.locale,
    }
    const row = tx
      .insert(users)
      .values({ ...values, passwordHash })
      .returning()
      .get()
    recordAudit(tx, {
      userId: actorId,
      entity: 'user',
      entityId: row.id,
      action: 'create',
      after: auditedUser(row),
      summary: email,
    })
    return ok(row.id)
  })
}

export function updateUser(id: number, input: UserInput, acting: Actor): Result<number> {
  const actorId = assertAdministrator(acting)
  const before = db.select().from(users).where(eq(users.id, id)).get()
  if (!before) return fail('name', 'admin:errors.notFound')
  if (!mayChangeRole(actorId, id, before.role, input.role))
    return fail('role', 'admin:users.errors.selfDemote')
  if (!partnerIsUsable(input.partnerId, before.partnerId)) return fail('partnerId', 'common:errors.choose')
  const values = {
    name: input.name,
    role: input.role,
    partnerId: roleActsForOnePartner(input.role) ? (input.partnerId ?? null) : null,
    locale: input.locale,
  }
  db.transaction((tx) => {
    tx.update(users)
      .set({ ...values, updatedAt: now() })
      .where(eq(users.id, id))
      .run()
    recordUpdate(
      tx,
      { userId: actorId, entity: 'user', entityId: id, summary: before.email },
      auditedUser(before),
      { ...auditedUser(before), ...values },
    )
  })
  return ok(id)
}

export function resetPassword(id: number, password: string, acting: Actor): Promise<boolean> {
  return writePassword(id, password, assertAdministrator(acting))
}

async function writePassword(id: number, password: string, actorId: number): Promise<boolean> {
  const before = db.select({ email: users.email }).from(users).where(eq(users.id, id)).get()
  if (!before) return false
  const passwordHash = await hashPassword(password)
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: now() }).where(eq(users.id, id)).run()
    // The hash is never written to the audit log: only that the password changed.
    recordAudit(tx, {
      userId: actorId,
      entity: 'user',
      entityId: id,
      action: 'update',
      after: { password: '••••' },
      summary: `${before.email}: password reset`,
    })
  })
  // As deactivation does: a session opened with the old password (a stolen cookie too) ends now.
  endSessionsOf(id)
  return true
}

/** Deactivating also ends every session of that user; an administrator cannot deactivate themselves. */
export function setUserActive(id: number, active: boolean, acting: Actor): Result<number> {
  const actorId = assertAdministrator(acting)
  if (!active && !mayDeactivate(actorId, id)) return fail('intent', 'admin:users.errors.selfDeactivate')
  const result = db.transaction((tx) => {
    const row = tx
      .select({ email: users.email, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.id, id))
      .get()
    if (!row) return fail('intent', 'admin:errors.notFound')
    if (!row.deactivatedAt === active) return ok(id)
    const deactivatedAt = active ? null : now()
    tx.update(users).set({ deactivatedAt, updatedAt: now() }).where(eq(users.id, id)).run()
    recordAudit(tx, {
      userId: actorId,
      entity: 'user',
      entityId: id,
      action: 'status',
      before: { deactivatedAt: row.deactivatedAt },
      after: { deactivatedAt },
      summary: `${row.email}: ${active ? 'reactivated' : 'deactivated'}`,
    })
    return ok(id)
  })
  if (result.ok && !active) endSessionsOf(id)
  return result
}
