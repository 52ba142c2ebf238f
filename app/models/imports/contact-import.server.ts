import { type Tx } from '#db/client'
import { db, sqlite } from '#db/client'
import type { LawfulBasis } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import {
  type ContactInput,
  createContact,
  emailKeyOf,
  getContact,
  updateContact,
} from '~/models/contacts/index.server'
import { nameKey } from '~/utils/text'

import type { ColumnMapping } from './fields'
import { cleanMapping, guessMapping } from './mapping.server'
import { type Cell, firstOf, parseUpload } from './parse.server'
import {
  type Decision,
  emailPattern,
  type ImportAdapter,
  type ImportReport,
  planRows,
  type ReadRow,
  stakeholderLookups,
  type WriteMode,
  writeRows,
} from './pipeline.server'
import { assertSize } from './upload-limit.server'
import { readLanguageList, type ValueChoices, valueChoices } from './values.server'

export type ContactCandidate = {
  input: ContactInput
  stakeholderId: number | null
  given: (keyof ContactInput)[]
}

const phonePattern = /^[+()\d][\d\s().\-/]*$/

type Issues = ReadRow<ContactCandidate>['problems']
type Get = (field: string) => Cell
type ContactContext = { fileName: string; lawfulBasis: LawfulBasis; today: string; values: ValueChoices }

/** The stakeholder of a contact: by organisation name, then by the e-mail's domain and its parents. */
function stakeholderFinder(stakeholderId: number | null | undefined) {
  const { byName, byDomain } = stakeholderLookups()
  return (organisation: string, email: string | undefined): number | null => {
    if (stakeholderId) return stakeholderId
    if (organisation) {
      const hit = byName.get(nameKey(organisation))
      if (hit) return hit.id
    }
    let domain = email?.split('@')[1]?.toLowerCase()
    while (domain && domain.includes('.')) {
      const hit = byDomain.get(domain)
      if (hit) return hit.id
      domain = domain.slice(domain.indexOf('.') + 1)
      if (!domain.includes('.')) break
    }
    return null
  }
}

/** The optional fields (phone, position, notes, languages): what is given is recorded in `given`. */
function readOptional(
  get: Get,
  text: (f: string) => string,
  input: ContactInput,
  warnings: Issues,
  values: ValueChoices,
) {
  const given: (keyof ContactInput)[] = []
  const phone = text('phone')
  if (phone) {
    if (phonePattern.test(phone) && phone.length <= 40) {
      input.phone = phone
      given.push('phone')
    } else warnings.push({ reason: 'problems.phoneIgnored', params: { value: phone } })
  }
  const position = text('position').replace(/^"(.*)"$/, '$1')
  if (position) {
    input.position = position.slice(0, 200)
    given.push('position')
  }
  const notes = firstOf(get('notes'))
  if (notes) {
    input.notes = notes.slice(0, 5000)
    given.push('notes')
  }
  input.languages.push(...readLanguageList(values, get('languages'), warnings))
  if (input.languages.length) given.push('languages')
  return given
}

function readContactRow(
  get: Get,
  context: ContactContext,
  stakeholderFor: ReturnType<typeof stakeholderFinder>,
): ReadRow<ContactCandidate> {
  const problems: Issues = []
  const warnings: Issues = []
  const text = (f: string) => firstOf(get(f)).replace(/\s+/g, ' ')
  const email = text('email').replace(/^mailto:/i, '')
  const joined = [text('firstName'), text('lastName')].filter(Boolean).join(' ')
  const name = text('name') || joined || email
  const label = name || email
  if (!name) problems.push({ reason: 'problems.missingName' })
  if (email && !emailPattern.test(email))
    problems.push({ reason: 'problems.badEmail', params: { value: email } })
  if (name.length > 200) problems.push({ reason: 'problems.tooLong', params: { field: 'name', max: 200 } })
  const given: (keyof ContactInput)[] = ['name']
  const input: ContactInput = {
    name,
    languages: [],
    lawfulBasis: context.lawfulBasis,
    basisObtainedAt: context.today,
    basisSource: `import: ${context.fileName}`.slice(0, 500),
    doNotContact: false,
  }
  if (email) {
    input.email = email
    given.push('email')
  }
  given.push(...readOptional(get, text, input, warnings, context.values))
  if (problems.length) return { label, candidate: null, problems, warnings }
  const organisation = text('organisation')
  const stakeholder = stakeholderFor(organisation, input.email)
  if (!stakeholder)
    warnings.push({
      reason: organisation ? 'problems.organisationNotFound' : 'problems.noStakeholder',
      params: { value: organisation },
    })
  return { label, candidate: { input, stakeholderId: stakeholder, given }, problems, warnings }
}

/** An existing contact with the given fields of the row written over it. */
function mergedContact(existing: NonNullable<ReturnType<typeof getContact>>['contact'], c: ContactCandidate) {
  const merged: ContactInput = {
    name: existing.name,
    position: existing.position ?? undefined,
    email: existing.email ?? undefined,
    phone: existing.phone ?? undefined,
    languages: existing.languages,
    lawfulBasis: existing.lawfulBasis,
    basisObtainedAt: existing.basisObtainedAt ?? undefined,
    basisSource: existing.basisSource ?? undefined,
    doNotContact: existing.doNotContact,
    notes: existing.notes ?? undefined,
  }
  for (const field of c.given) (merged as Record<string, unknown>)[field] = c.input[field]
  return merged
}

/**
 * Contacts from address books (vCard, Thunderbird/Outlook CSV): a person needs a name or at least
 * an e-mail; the stakeholder is found by the organisation's name or the e-mail's domain (the
 * stakeholder's web domain, or its parent domain: "dept.uni-lyon.fr" -> "uni-lyon.fr").
 */
export function contactAdapter({
  userId,
  fileName,
  stakeholderId,
  lawfulBasis = 'legitimate_interest',
  values = valueChoices(null),
}: {
  userId: number
  fileName: string
  stakeholderId?: number | null
  lawfulBasis?: LawfulBasis
  values?: ValueChoices
}): ImportAdapter<ContactCandidate> {
  const stakeholderFor = stakeholderFinder(stakeholderId)
  const byEmail = sqlite().prepare<[string], { id: number; name: string }>(
    'select id, name from contacts where email_key = ? and erased_at is null and archived_at is null order by id limit 1',
  )
  const context: ContactContext = {
    fileName,
    lawfulBasis,
    today: new Date().toISOString().slice(0, 10),
    values,
  }
  return {
    kind: 'contacts',
    readRow: (get) => readContactRow(get, context, stakeholderFor),
    keys(c) {
      const key = emailKeyOf(c.input.email)
      return key ? [{ match: 'email', value: key }] : []
    },
    findExisting(key) {
      const row = byEmail.get(key.value)
      return row ? { id: row.id, label: row.name } : null
    },
    create(tx: Tx, c) {
      return createContact(tx, c.stakeholderId, c.input, userId)
    },
    update(tx: Tx, id, c) {
      const existing = getContact(id)?.contact
      if (!existing || existing.erasedAt) return
      updateContact(tx, id, mergedContact(existing, c), userId)
    },
  }
}

/** Parse, map (guessed unless given), dedupe and write contacts in one transaction, without the pages. */
export function importContactsFromBuffer(args: {
  buffer: Uint8Array
  fileName: string
  userId: number
  mapping?: ColumnMapping
  decisions?: Record<string, Decision>
  mode?: WriteMode
}): ImportReport {
  const started = performance.now()
  assertSize(args.buffer)
  const parsed = parseUpload({ buffer: args.buffer, fileName: args.fileName })
  const mapping = cleanMapping('contacts', parsed.headers, args.mapping ?? guessMapping('contacts', parsed))
  const adapter = contactAdapter({ userId: args.userId, fileName: args.fileName })
  const rows = planRows(adapter, parsed, mapping, { decisions: args.decisions })
  return writeRows(adapter, rows, {
    tx: (fn) => db.transaction((tx) => fn(tx)),
    mode: args.mode ?? 'valid',
    fileName: args.fileName,
    started,
    onAfterWrite: (tx, report) =>
      recordAudit(tx, {
        userId: args.userId,
        entity: 'import',
        entityId: null,
        action: 'import',
        after: {
          kind: 'contacts',
          fileName: args.fileName,
          created: report.created.length,
          updated: report.updated.length,
          skipped: report.skipped.length,
          rejected: report.rejected.length,
        },
        summary: `${args.fileName}: ${report.created.length} contacts created`,
      }),
  })
}
