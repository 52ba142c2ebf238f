import { eq, sql } from 'drizzle-orm'

import { db, sqlite, type Tx } from '#db/client'
import { contacts, stakeholders } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { eraseRegistrantsOf } from '~/models/people/index.server'
import { stakeholderEditPolicy } from '~/models/stakeholders/queries/options.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { ERASED_NAME, personalFields, scrubCopies } from './erasure.server'
import { canEditContact, canHandleGdpr } from './policy'
import type { ContactInput } from './schemas'
import { contactSearchText } from './search-text'

/*
 * The contacts' writes. Each takes the acting user (`Actor`: the signed-in user, the user who
 * started an import job, the seed's demo account) and checks their rights itself
 * (ForbiddenError). Call inside a transaction.
 */

type Contact = typeof contacts.$inferSelect

export const emailKeyOf = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : null)

function columnsFrom(input: ContactInput) {
  return {
    name: input.name,
    position: input.position ?? null,
    email: input.email ?? null,
    emailKey: emailKeyOf(input.email),
    searchText: contactSearchText(input),
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
  const { emailKey: _e, searchText: _s, createdAt: _c, updatedAt: _u, ...rest } = row
  return rest
}

/** Throws ForbiddenError unless the actor may edit the contacts of this stakeholder. */
function assertMayEdit(tx: Tx, by: Actor, stakeholderId: number | null) {
  const owner = stakeholderId
    ? tx
        .select({ ownerPartnerId: stakeholders.ownerPartnerId })
        .from(stakeholders)
        .where(eq(stakeholders.id, stakeholderId))
        .get()
    : undefined
  const contact = { stakeholderOwnerPartnerId: owner?.ownerPartnerId ?? null }
  if (!canEditContact(by, contact, stakeholderEditPolicy(tx)))
    throw new ForbiddenError('may not edit the contacts of this stakeholder')
}

export function createContact(tx: Tx, stakeholderId: number | null, input: ContactInput, by: Actor): number {
  assertMayEdit(tx, by, stakeholderId)
  const row = tx
    .insert(contacts)
    .values({ ...columnsFrom(input), stakeholderId })
    .returning()
    .get()
  recordAudit(tx, {
    userId: by.id,
    entity: 'contact',
    entityId: row.id,
    action: 'create',
    after: auditable(row),
    summary: row.name,
  })
  return row.id
}

export function updateContact(tx: Tx, id: number, input: ContactInput, by: Actor): boolean {
  const before = tx.select().from(contacts).where(eq(contacts.id, id)).get()
  if (!before) throw new Error(`Contact ${id} not found`)
  assertMayEdit(tx, by, before.stakeholderId)
  if (before.erasedAt) throw new Error('An erased contact cannot be edited')
  const after = tx
    .update(contacts)
    .set({ ...columnsFrom(input), updatedAt: new Date().toISOString() })
    .where(eq(contacts.id, id))
    .returning()
    .get()
  return recordUpdate(
    tx,
    { userId: by.id, entity: 'contact', entityId: id, summary: after.name },
    auditable(before),
    auditable(after),
  )
}

export function setContactArchived(tx: Tx, id: number, archived: boolean, by: Actor) {
  const row = tx.select().from(contacts).where(eq(contacts.id, id)).get()
  if (!row) return false
  assertMayEdit(tx, by, row.stakeholderId)
  if (!!row.archivedAt === archived) return false
  const at = archived ? new Date().toISOString() : null
  tx.update(contacts)
    .set({ archivedAt: at, updatedAt: new Date().toISOString() })
    .where(eq(contacts.id, id))
    .run()
  recordArchive(
    tx,
    { userId: by.id, entity: 'contact', entityId: id, summary: row.erasedAt ? undefined : row.name },
    row.archivedAt,
    at,
  )
  return true
}

/**
 * An erasure request (GDPR art. 17): the personal fields are blanked, the row stays so actions
 * and history still point at "an erased contact". The audit row names which fields were erased,
 * never their values; every copy Ripple made (earlier audit rows, import jobs and their reports,
 * notifications: erasure.server.ts) loses the person too. A person needs `contact:gdpr`.
 */
export function eraseContact(tx: Tx, id: number, by: Actor) {
  if (!canHandleGdpr(by)) throw new ForbiddenError('may not erase contacts')
  const row = tx.select().from(contacts).where(eq(contacts.id, id)).get()
  if (!row || row.erasedAt) return false
  scrubCopies(tx, row)
  // Their event registrations too (by link or by e-mail): decision 021, registrants.
  eraseRegistrantsOf(tx, row)
  const at = new Date().toISOString()
  tx.update(contacts)
    .set({
      name: ERASED_NAME,
      position: null,
      email: null,
      emailKey: null,
      searchText: '',
      phone: null,
      notes: null,
      basisSource: null,
      languages: [],
      erasedAt: at,
      updatedAt: at,
    })
    .where(eq(contacts.id, id))
    .run()
  // The search index's older segments still hold the person's trigrams: merge them away now.
  tx.run(sql`insert into contact_search(contact_search) values ('optimize')`)
  recordAudit(tx, {
    userId: by.id,
    entity: 'contact',
    entityId: id,
    action: 'erase',
    before: { erasedFields: [...personalFields] },
    after: { name: ERASED_NAME, erasedAt: at },
    summary: ERASED_NAME,
  })
  return true
}

/**
 * The erasure as one transaction, then the write-ahead log written back into the database and
 * emptied: the database runs with `secure_delete`, so the erased values are overwritten in the
 * file itself, and no earlier copy of a changed page is left in the -wal file.
 */
export function eraseContactNow(id: number, by: Actor) {
  const erased = db.transaction((tx) => eraseContact(tx, id, by))
  if (erased) sqlite().pragma('wal_checkpoint(TRUNCATE)')
  return erased
}
