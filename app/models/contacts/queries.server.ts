import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, actionStakeholders, auditLog, contacts, partners, stakeholders, users } from '#db/schema'
import { stakeholderEditPolicy } from '~/models/stakeholders/queries/options.server'
import type { Actor } from '~/utils/permissions'
import { textSearchCondition } from '~/utils/text-search.server'

import { canEditContact, canHandleGdpr, contactViewFor } from './policy'

type ContactRow = typeof contacts.$inferSelect
type Viewer = Pick<Actor, 'role' | 'partnerId'>

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

/** What every reader of a stakeholder sees of its contacts (the stakeholder page's list). */
function cardOf(c: ContactRow) {
  return {
    id: c.id,
    stakeholderId: c.stakeholderId,
    name: c.name,
    position: c.position,
    email: c.email,
    phone: c.phone,
    doNotContact: c.doNotContact,
    archivedAt: c.archivedAt,
    erasedAt: c.erasedAt,
  }
}

/** The whole record, for its editors and GDPR requests (never the e-mail key or timestamps). */
function recordOf(c: ContactRow) {
  return {
    ...cardOf(c),
    languages: c.languages,
    lawfulBasis: c.lawfulBasis,
    basisObtainedAt: c.basisObtainedAt,
    basisSource: c.basisSource,
    notes: c.notes,
  }
}

/**
 * One contact as this user may see it (`contactViewFor`): the record for its editors and the
 * GDPR handler, the card for every other reader; with what the user may do to it. Null when the
 * contact does not exist.
 */
export function contactForActor(id: number, actor: Viewer) {
  const found = getContact(id)
  if (!found) return null
  const owner = { stakeholderOwnerPartnerId: found.stakeholderOwnerPartnerId ?? null }
  const policy = stakeholderEditPolicy()
  const rights = { canEdit: canEditContact(actor, owner, policy), canGdpr: canHandleGdpr(actor) }
  const base = { stakeholderName: found.stakeholderName, ...rights }
  return contactViewFor(actor, owner, policy) === 'record'
    ? { ...base, view: 'record' as const, contact: recordOf(found.contact) }
    : { ...base, view: 'card' as const, contact: cardOf(found.contact) }
}

/** A stakeholder's contacts as its page lists them (cards), archived ones only for their editors. */
export function contactsOfStakeholder(
  stakeholder: { id: number; ownerPartnerId: number | null },
  actor: Viewer,
) {
  const includeArchived = canEditContact(
    actor,
    { stakeholderOwnerPartnerId: stakeholder.ownerPartnerId },
    stakeholderEditPolicy(),
  )
  return listContacts(stakeholder.id, { includeArchived }).map(cardOf)
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
  const history = contactHistory(id)
  const organisationActions = found.contact.stakeholderId ? actionsReaching(found.contact.stakeholderId) : []
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

/** The audit trail of one contact, oldest first. */
function contactHistory(id: number) {
  return db
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
}

/** The actions that reached an organisation (submitted or validated), newest first. */
function actionsReaching(stakeholderId: number) {
  return db
    .select({ date: actions.date, title: actions.title, partner: partners.name, status: actions.status })
    .from(actionStakeholders)
    .innerJoin(actions, eq(actions.id, actionStakeholders.actionId))
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .where(
      and(
        eq(actionStakeholders.stakeholderId, stakeholderId),
        or(eq(actions.status, 'validated'), eq(actions.status, 'submitted')),
        isNull(actions.archivedAt),
      ),
    )
    .orderBy(desc(actions.date))
    .limit(1000)
    .all()
}

export type PersonMatch = {
  id: number
  name: string
  email: string | null
  position: string | null
  stakeholderId: number | null
  stakeholderName: string | null
}

/**
 * People whose name or e-mail holds every word of the search, ignoring case and accents as the
 * register's search does ("lukasz", "giorgos", "stefan" find Łukasz, Γιώργος, Ștefan); erased and
 * archived contacts are never found. The first `limit` by name, and whether there are more.
 */
export function searchContacts(q: string, limit = 20): { rows: PersonMatch[]; more: boolean } {
  const search = textSearchCondition(q, {
    id: contacts.id,
    text: contacts.searchText,
    index: 'contact_search',
  })
  if (!search) return { rows: [], more: false }
  const rows = db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      position: contacts.position,
      stakeholderId: contacts.stakeholderId,
      stakeholderName: stakeholders.name,
    })
    .from(contacts)
    .leftJoin(stakeholders, eq(stakeholders.id, contacts.stakeholderId))
    .where(and(isNull(contacts.erasedAt), isNull(contacts.archivedAt), search))
    .orderBy(sql`${contacts.name} collate nocase`, asc(contacts.id))
    .limit(limit + 1)
    .all()
  return { rows: rows.slice(0, limit), more: rows.length > limit }
}
