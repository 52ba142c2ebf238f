import { eq } from 'drizzle-orm'

import { sqlite, type Tx } from '#db/client'
import { eventRegistrations } from '#db/schema'
import {
  addRegistration,
  assertCanManageRegistrations,
  proposeRegistrant,
  type RegistrationInput,
  setAttendance,
  updateRegistration,
} from '~/models/people/index.server'
import { type Actor } from '~/utils/permissions'
import { nameKey } from '~/utils/text'

import { type Cell, firstOf } from './parse.server'
import { emailPattern, type ImportAdapter, type ReadRow, stakeholderLookups } from './pipeline.server'

/*
 * A list of an event's registrants through the importer (issue 16, point 3). Each row is a
 * registrant: a name, an e-mail (which finds them again: a registrant of the event with the same
 * e-mail is updated, not added twice), an organisation, consent (yes or no: always recorded) and
 * attendance. As on the registrations page, a registrant whose e-mail is a contact's is linked to
 * it; one whose organisation is a stakeholder of the register is proposed as a new contact of it
 * (the communications lead accepts or declines).
 */

export type RegistrationCandidate = {
  input: RegistrationInput
  /** null when the file says nothing about attendance (an update then keeps what was marked). */
  attended: boolean | null
}

const yes = new Set(
  [
    'yes',
    'y',
    'true',
    '1',
    'x',
    'si',
    's',
    'oui',
    'ja',
    'j',
    'tak',
    't',
    'ναι',
    'da',
    'ano',
    'bai',
    'igen',
    'sim',
  ].map(nameKey),
)
const no = new Set(
  ['no', 'n', 'false', '0', 'non', 'nein', 'nie', 'όχι', 'ne', 'nu', 'ez', 'nem', 'nao'].map(nameKey),
)

/** "Tak", "Ναι", "sí", "✓" -> true; "nie", "όχι", "ez" -> false; blank -> null; anything else -> undefined. */
export function readYesNo(value: string): boolean | null | undefined {
  const v = value.trim()
  if (!v) return null
  if (/^[✓✔☑]$/u.test(v)) return true
  const key = nameKey(v)
  if (yes.has(key)) return true
  if (no.has(key)) return false
  return undefined
}

type Issues = ReadRow<RegistrationCandidate>['problems']

function readRegistrationRow(
  get: (field: string) => Cell,
  context: { fileName: string; today: string },
): ReadRow<RegistrationCandidate> {
  const problems: Issues = []
  const text = (f: string) => firstOf(get(f)).replace(/\s+/g, ' ').trim()
  const name = text('name')
  const email = text('email').replace(/^mailto:/i, '')
  const label = name || email
  if (!name) problems.push({ reason: 'problems.missingName' })
  if (name.length > 200) problems.push({ reason: 'problems.tooLong', params: { field: 'name', max: 200 } })
  if (email && (!emailPattern.test(email) || email.length > 254))
    problems.push({ reason: 'problems.badEmail', params: { value: email } })
  const consentValue = text('consent')
  const consent = readYesNo(consentValue)
  if (consent === null) problems.push({ reason: 'problems.consentMissing' })
  else if (consent === undefined)
    problems.push({ reason: 'problems.yesNo', params: { field: 'consent', value: consentValue } })
  const attendedValue = text('attended')
  const attended = readYesNo(attendedValue)
  if (attended === undefined)
    problems.push({ reason: 'problems.yesNo', params: { field: 'attended', value: attendedValue } })
  if (problems.length) return { label, candidate: null, problems, warnings: [] }
  const organisation = text('organisation').slice(0, 300)
  return {
    label,
    candidate: {
      input: {
        name,
        email: email || undefined,
        organisation: organisation || undefined,
        consent: consent === true,
        consentAt: consent ? context.today : undefined,
        consentWording: consent ? `import: ${context.fileName}`.slice(0, 2000) : undefined,
      },
      attended: attended ?? null,
    },
    problems,
    warnings: [],
  }
}

/**
 * The registrants of one event, written through the people area's commands (each checks that
 * the actor manages the event's registrations, and audits).
 */
export function registrationAdapter({
  actor,
  event,
  fileName,
}: {
  actor: Actor
  event: { id: number; hostPartnerId: number | null }
  fileName: string
}): ImportAdapter<RegistrationCandidate> {
  assertCanManageRegistrations(actor, event)
  const byEmail = sqlite().prepare<[number, string], { id: number; name: string }>(
    'select id, name from event_registrations where event_id = ? and email_key = ? and erased_at is null order by id limit 1',
  )
  const stakeholderByName = stakeholderLookups().byName
  const context = { fileName, today: new Date().toISOString().slice(0, 10) }
  const linked = (tx: Tx, id: number) =>
    !!tx
      .select({ contactId: eventRegistrations.contactId })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.id, id))
      .get()?.contactId
  return {
    kind: 'registrations',
    readRow: (get) => readRegistrationRow(get, context),
    keys: (c) => (c.input.email ? [{ match: 'email', value: c.input.email.trim().toLowerCase() }] : []),
    findExisting(key) {
      const row = byEmail.get(event.id, key.value)
      return row ? { id: row.id, label: row.name } : null
    },
    create(tx, c) {
      const id = addRegistration(tx, event.id, c.input, actor)
      if (c.attended) setAttendance(tx, event.id, [id], [id], actor)
      const organisation = c.input.organisation
        ? stakeholderByName.get(nameKey(c.input.organisation))
        : undefined
      if (organisation && !linked(tx, id)) proposeRegistrant(tx, event.id, id, organisation.id, actor)
      return id
    },
    update(tx, id, c) {
      updateRegistration(tx, event.id, id, { ...c.input, attended: c.attended ?? undefined }, actor)
    },
  }
}
