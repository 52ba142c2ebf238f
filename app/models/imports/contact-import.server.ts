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
import { createStakeholder, type StakeholderInput } from '~/models/stakeholders/index.server'
import { type Actor, assertCan } from '~/utils/permissions'
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
  /** A row (a vCard) with an organisation and no person: it becomes a stakeholder of that name. */
  organisationOnly?: string
}

// A phone number, with an extension kept ("+49 30 1234567 ext. 89", "... x89", "...;ext=89").
const phonePattern = /^[+()\d][\d\s().\-/]*(\s*(ext\.?|x|#|extension|poste|durchwahl)\s*\d{1,6})?$/i

const emptyStakeholder: Omit<StakeholderInput, 'name' | 'categoryId'> = {
  themeIds: [],
  languages: [],
  stage: 'identified',
}

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
    .replace(/^tel:/i, '')
    .replace(/\s*;\s*ext=(\d+)/i, ' ext. $1')
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
  const organisation = text('organisation')
  if (!name && organisation) return organisationRow(organisation)
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
  const stakeholder = stakeholderFor(organisation, input.email)
  // "No stakeholder has this e-mail's domain" only means something when there is an e-mail.
  if (!stakeholder && (organisation || input.email))
    warnings.push({
      reason: organisation ? 'problems.organisationNotFound' : 'problems.noStakeholder',
      params: { value: organisation },
    })
  return { label, candidate: { input, stakeholderId: stakeholder, given }, problems, warnings }
}

/** A card with ORG and no name (nor e-mail) is an organisation: a stakeholder, not a person. */
function organisationRow(organisation: string): ReadRow<ContactCandidate> {
  const name = organisation.slice(0, 300)
  return {
    label: name,
    candidate: {
      input: { name, languages: [], lawfulBasis: 'legitimate_interest', doNotContact: false },
      stakeholderId: null,
      given: [],
      organisationOnly: name,
    },
    problems: [],
    warnings: [],
  }
}

/** The category of stakeholders made from organisation cards: "Other", or the first one. */
function organisationCategory(): number | null {
  const rows = sqlite()
    .prepare<[], { id: number; key: string | null }>(
      'select id, key from stakeholder_categories where archived_at is null order by sort_order, id',
    )
    .all()
  return (rows.find((r) => r.key === 'other') ?? rows[0])?.id ?? null
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
  actor,
  fileName,
  stakeholderId,
  lawfulBasis = 'legitimate_interest',
  values = valueChoices(null),
}: {
  /** The user importing (the job's user), who needs stakeholder:import. */
  actor: Actor
  fileName: string
  stakeholderId?: number | null
  lawfulBasis?: LawfulBasis
  values?: ValueChoices
}): ImportAdapter<ContactCandidate> {
  assertCan(actor, 'stakeholder:import')
  const stakeholderFor = stakeholderFinder(stakeholderId)
  const stakeholderByName = stakeholderLookups().byName
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
      if (c.organisationOnly) return [{ match: 'name', value: nameKey(c.organisationOnly) }]
      const key = emailKeyOf(c.input.email)
      return key ? [{ match: 'email', value: key }] : []
    },
    findExisting(key) {
      const row = key.match === 'name' ? stakeholderByName.get(key.value) : byEmail.get(key.value)
      return row ? { id: row.id, label: row.name } : null
    },
    create(tx: Tx, c) {
      if (c.organisationOnly) {
        const categoryId = organisationCategory()
        if (!categoryId) throw new Error('no stakeholder category to file an organisation under')
        return createStakeholder(tx, { ...emptyStakeholder, name: c.organisationOnly, categoryId }, actor)
      }
      return createContact(tx, c.stakeholderId, c.input, actor)
    },
    update(tx: Tx, id, c) {
      if (c.organisationOnly) return // the stakeholder is there already; a card has nothing to add
      const existing = getContact(id)?.contact
      if (!existing || existing.erasedAt) return
      updateContact(tx, id, mergedContact(existing, c), actor)
    },
  }
}

/** Parse, map (guessed unless given), dedupe and write contacts in one transaction, without the pages. */
export function importContactsFromBuffer(args: {
  buffer: Uint8Array
  fileName: string
  actor: Actor
  mapping?: ColumnMapping
  decisions?: Record<string, Decision>
  mode?: WriteMode
}): ImportReport {
  const started = performance.now()
  assertSize(args.buffer)
  const parsed = parseUpload({ buffer: args.buffer, fileName: args.fileName })
  const mapping = cleanMapping('contacts', parsed.headers, args.mapping ?? guessMapping('contacts', parsed))
  const adapter = contactAdapter({ actor: args.actor, fileName: args.fileName })
  const rows = planRows(adapter, parsed, mapping, { decisions: args.decisions })
  return writeRows(adapter, rows, {
    tx: (fn) => db.transaction((tx) => fn(tx)),
    mode: args.mode ?? 'valid',
    fileName: args.fileName,
    started,
    onAfterWrite: (tx, report) =>
      recordAudit(tx, {
        userId: args.actor.id,
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
