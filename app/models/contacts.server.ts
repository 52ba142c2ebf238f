import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
import { db } from '#db/client'
import { actions, actionStakeholders, auditLog, contacts, partners, stakeholders, users } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit.server'

import type { ContactInput } from './stakeholder-schemas'

export type Contact = typeof contacts.$inferSelect

export { type ContactInput, contactInputSchema } from './stakeholder-schemas'

export const emailKeyOf = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : null)

function columnsFrom(input: ContactInput) {
  return {
    name: input.name,
    position: input.position ?? null,
    email: input.email ?? null,
    emailKey: emailKeyOf(input.email),
    phone: input.phone ?? null,
    languages: [...new Set(input.languages)],
    lawfulBasis: input.lawfulBasis,
    basisObtainedAt: input.basisObtainedAt ?? null,
    basisSource: input.basisSource ?? null,
    doNotContact: input.doNotContact,
    notes: input.notes ?? null,
  }
}

function auditable(row: Contact) {
  const { emailKey: _e, createdAt: _c, updatedAt: _u, ...rest } = row
  return rest
}

export function createContact(
  tx: Tx,
  stakeholderId: number | null,
  input: ContactInput,
  userId: number | null,
): number {
  const row = tx
    .insert(contacts)
    .values({ ...columnsFrom(input), stakeholderId })
    .returning()
    .get()
  recordAudit(tx, {
    userId,
    entity: 'contact',
    entityId: row.id,
    action: 'create',
    after: auditable(row),
    summary: row.name,
  })
  return row.id
}

export function updateContact(tx: Tx, id: number, input: ContactInput, userId: number | null): boolean {
  const before = tx.select().from(contacts).where(eq(contacts.id, id)).get()
  if (!before) throw new Error(`Contact ${id} not found`)
  if (before.erasedAt) throw new Error('An erased contact cannot be edited')
  const after = tx
    .update(contacts)
    .set({ ...columnsFrom(input), updatedAt: new Date().toISOString() })
    .where(eq(contacts.id, id))
    .returning()
    .get()
  return recordUpdate(
    tx,
    { userId, entity: 'contact', entityId: id, summary: after.name },
    auditable(before),
    auditable(after),
  )
}

export function setContactArchived(tx: Tx, id: number, archived: boolean, userId: number | null) {
  const row = tx.select().from(contacts).where(eq(contacts.id, id)).get()
  if (!row || !!row.archivedAt === archived) return false
  const at = archived ? new Date().toISOString() : null
  tx.update(contacts)
    .set({ archivedAt: at, updatedAt: new Date().toISOString() })
    .where(eq(contacts.id, id))
    .run()
  recordArchive(
    tx,
    { userId, entity: 'contact', entityId: id, summary: row.erasedAt ? undefined : row.name },
    row.archivedAt,
    at,
  )
  return true
}

export const ERASED_NAME = 'Erased contact'
const personalFields = ['name', 'position', 'email', 'phone', 'notes', 'basisSource', 'languages'] as const

/**
 * An erasure request (GDPR art. 17): the personal fields are blanked, the row stays so actions
 * and history still point at "an erased contact". The audit row names which fields were erased,
 * never their values; earlier audit rows of this contact lose their personal values too.
 */
export function eraseContact(tx: Tx, id: number, userId: number | null) {
  const row = tx.select().from(contacts).where(eq(contacts.id, id)).get()
  if (!row || row.erasedAt) return false
  const at = new Date().toISOString()
  tx.update(contacts)
    .set({
      name: ERASED_NAME,
      position: null,
      email: null,
      emailKey: null,
      phone: null,
      notes: null,
      basisSource: null,
      languages: [],
      erasedAt: at,
      updatedAt: at,
    })
    .where(eq(contacts.id, id))
    .run()
  // Personal values copied into earlier audit rows are erased as well, keeping what happened and when.
  const history = tx
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, id)))
    .all()
  const scrub = (values: Record<string, unknown> | null) => {
    if (!values) return values
    const out: Record<string, unknown> = { ...values }
    for (const f of personalFields) if (f in out) out[f] = '[erased]'
    return out
  }
  for (const h of history)
    tx.update(auditLog)
      .set({ before: scrub(h.before), after: scrub(h.after), summary: ERASED_NAME })
      .where(eq(auditLog.id, h.id))
      .run()
  recordAudit(tx, {
    userId,
    entity: 'contact',
    entityId: id,
    action: 'erase',
    before: { erasedFields: [...personalFields] },
    after: { name: ERASED_NAME, erasedAt: at },
    summary: ERASED_NAME,
  })
  return true
}

export function getContact(id: number) {
  return (
    db
      .select({
        contact: contacts,
        stakeholderName: stakeholders.name,
        stakeholderOwnerPartnerId: stakeholders.ownerPartnerId,
      })
      .from(contacts)
      .leftJoin(stakeholders, eq(stakeholders.id, contacts.stakeholderId))
      .where(eq(contacts.id, id))
      .get() ?? null
  )
}

export function listContacts(stakeholderId: number, { includeArchived = false } = {}) {
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.stakeholderId, stakeholderId),
        includeArchived ? undefined : isNull(contacts.archivedAt),
      ),
    )
    .orderBy(asc(sql`${contacts.erasedAt} is not null`), asc(contacts.name))
    .all()
}

/**
 * An access request (GDPR art. 15): everything held on one person: the contact record, the
 * organisation it belongs to, the history of changes to it, and the actions that reached its
 * organisation (what the project did that may have involved them).
 */
export function contactAccessExport(id: number) {
  const found = getContact(id)
  if (!found) return null
  const { emailKey: _e, ...contact } = found.contact
  const history = db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      by: users.name,
      summary: auditLog.summary,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id))
    .all()
  const organisationActions = found.contact.stakeholderId
    ? db
        .select({ date: actions.date, title: actions.title, partner: partners.name, status: actions.status })
        .from(actionStakeholders)
        .innerJoin(actions, eq(actions.id, actionStakeholders.actionId))
        .innerJoin(partners, eq(partners.id, actions.partnerId))
        .where(
          and(
            eq(actionStakeholders.stakeholderId, found.contact.stakeholderId),
            or(eq(actions.status, 'validated'), eq(actions.status, 'submitted')),
            isNull(actions.archivedAt),
          ),
        )
        .orderBy(desc(actions.date))
        .limit(1000)
        .all()
    : []
  return {
    exportedAt: new Date().toISOString(),
    contact,
    organisation: found.contact.stakeholderId
      ? { id: found.contact.stakeholderId, name: found.stakeholderName }
      : null,
    history,
    organisationActions,
  }
}
export type ContactAccessExport = NonNullable<ReturnType<typeof contactAccessExport>>
