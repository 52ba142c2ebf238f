import { and, desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db, type Tx } from '#db/client'
import { actionTypes, auditLog, outcomes, type OutcomeStatus, stakeholders } from '#db/schema'
import { createAction, logInteraction, updateAction } from '~/models/actions/index.server'
import { createContact } from '~/models/contacts/index.server'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import { notificationSettings, setNotificationSettings } from '~/models/mail/index.server'
import {
  addIndicatorValue,
  archiveIndicatorValue,
  createIndicator,
  createOutcome,
  indicatorFormSchema,
  indicatorValueSchema,
  outcomeFormSchema,
  OutcomeStatusError,
  setOutcomeArchived,
  setOutcomeStatus,
  updateIndicator,
  updateOutcome,
} from '~/models/outcomes/index.server'
import {
  addRegistration,
  consultationFormSchema,
  decideProposal,
  linkRegistrant,
  proposeRegistrant,
  registrationFormSchema,
  removeRegistration,
  satisfactionFormSchema,
  saveConsultation,
  saveSatisfaction,
  setAttendance,
} from '~/models/people/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { auditCount } from '../setup/audit'

/*
 * The commands tests/unit/command-policy.test.ts does not list (outcomes, result indicators, an
 * event's people, logging and editing actions, one's own notification settings), each run once as a role that may and once as each role that may not. A refusal
 * throws ForbiddenError and writes nothing (no audit row, no record: the transaction rolls back).
 * Then the outcome status table, from each status to each, and the audit rows it writes.
 */

type Role = keyof typeof demo
type Audit = { entity: string; action: string; before: unknown; after: unknown }
type Case = {
  command: string
  allowed: Role
  refused: Role[]
  run: (actor: Actor) => unknown
  /** The audit row the allowed run writes (read when the case runs: the fixtures exist by then). */
  audit: () => Audit
}

const tx = <T>(fn: (t: Tx) => T) => db.transaction(fn)

let hostedEvent: number
let stakeholderId: number
let contactId: number
let indicatorId: number
let typeId: number

beforeAll(() => {
  const partner = demo.partner()
  hostedEvent = tx((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind: 'consultation',
        title: 'Konsultacje społeczne — Łódź',
        startDate: '2026-10-01',
        online: 'on',
        hostPartnerId: String(partner.partnerId),
      }),
      demo.comms(),
    ),
  )
  stakeholderId = db.select({ id: stakeholders.id }).from(stakeholders).limit(1).get()!.id
  contactId = tx((t) =>
    createContact(
      t,
      stakeholderId,
      { name: 'Ioana Păunescu', languages: [], lawfulBasis: 'legitimate_interest', doNotContact: false },
      demo.comms(),
    ),
  )
  indicatorId = tx((t) => createIndicator(t, indicator(), demo.comms()))
  typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
})

/** An action of the San Sebastián partner. */
const actionInput = (title = 'Spotkanie z Gminą Miasta Gdańsk') => ({
  partnerId: demo.partner().partnerId!,
  typeId,
  date: '2026-05-04',
  title,
})

const outcomeForm = (extra: Record<string, unknown> = {}) =>
  outcomeFormSchema.parse({
    type: 'practice_adopted',
    date: '2026-05-04',
    title: 'Δήμος Κατερίνης adopts the participatory budgeting guide',
    stakeholderIds: [],
    actionIds: [],
    eventIds: [],
    ...extra,
  })
let codes = 0
const indicator = () =>
  indicatorFormSchema.parse({
    code: `KPI-T${++codes}`,
    name: 'Organizacje zaangażowane',
    definition: 'Organisations that took part in a consultation',
    unit: 'organisations',
    method: 'entered',
    counts: 'organisations',
  })
const value = () => indicatorValueSchema.parse({ date: '2026-06-30', value: '12', note: 'Zápis z jednání' })
const registrant = (name = 'Jiří Dvořák') => registrationFormSchema.parse({ name, email: '' })

/** A fresh pending outcome of the San Sebastián partner, inside the case's transaction. */
const outcomeIn = (t: Tx, status: OutcomeStatus = 'pending') => {
  const id = createOutcome(t, outcomeForm(), demo.partner())
  if (status !== 'pending') setOutcomeStatus(t, id, status, demo.comms(), 'Add the council decision')
  return id
}
const registrationIn = (t: Tx) => addRegistration(t, hostedEvent, registrant(), demo.comms())
const proposedIn = (t: Tx) => {
  const id = registrationIn(t)
  proposeRegistrant(t, hostedEvent, id, stakeholderId, demo.comms())
  return id
}

const cases: Case[] = [
  {
    command: 'createAction (for the partner’s own partner)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => createAction(t, actionInput(), a)),
    audit: () => ({
      entity: 'action',
      action: 'create',
      before: null,
      after: { title: 'Spotkanie z Gminą Miasta Gdańsk', status: 'submitted' },
    }),
  },
  {
    command: 'updateAction (the partner’s own)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => updateAction(t, createAction(t, actionInput(), demo.partner()), actionInput('Edited'), a)),
    audit: () => ({
      entity: 'action',
      action: 'update',
      before: { title: 'Spotkanie z Gminą Miasta Gdańsk' },
      after: { title: 'Edited' },
    }),
  },
  {
    command: 'logInteraction (for the user’s own partner)',
    allowed: 'partner2',
    refused: ['viewer'],
    run: (a) =>
      tx((t) =>
        logInteraction(t, { stakeholderId, kind: 'call', date: '2026-05-05', title: 'Rozmowa z radą' }, a),
      ),
    audit: () => ({
      entity: 'action',
      action: 'create',
      before: null,
      after: { title: 'Rozmowa z radą', date: '2026-05-05' },
    }),
  },
  {
    command: 'setNotificationSettings (one’s own only)',
    allowed: 'partner',
    refused: ['comms', 'admin', 'partner2'],
    run: (a) => {
      const id = demo.partner().id
      return tx((t) => setNotificationSettings(t, a, id, { reminder: !notificationSettings(id).reminder }))
    },
    audit: () => ({
      entity: 'user',
      action: 'update',
      before: { 'mail:reminder': expect.any(Boolean) },
      after: { 'mail:reminder': expect.any(Boolean) },
    }),
  },
  {
    command: 'createOutcome',
    allowed: 'partner',
    refused: ['viewer'],
    run: (a) => tx((t) => createOutcome(t, outcomeForm(), a)),
    audit: () => ({
      entity: 'outcome',
      action: 'create',
      before: null,
      after: { status: 'pending', type: 'practice_adopted' },
    }),
  },
  {
    command: 'updateOutcome (its partner’s, pending)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => updateOutcome(t, outcomeIn(t), outcomeForm({ title: 'Edited' }), a)),
    audit: () => ({
      entity: 'outcome',
      action: 'update',
      before: { title: 'Δήμος Κατερίνης adopts the participatory budgeting guide' },
      after: { title: 'Edited' },
    }),
  },
  {
    command: 'updateOutcome (verified)',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) => tx((t) => updateOutcome(t, outcomeIn(t, 'verified'), outcomeForm({ title: 'Edited' }), a)),
    audit: () => ({
      entity: 'outcome',
      action: 'update',
      before: { title: 'Δήμος Κατερίνης adopts the participatory budgeting guide' },
      after: { title: 'Edited' },
    }),
  },
  {
    command: 'setOutcomeStatus (verify)',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) => tx((t) => setOutcomeStatus(t, outcomeIn(t), 'verified', a)),
    audit: () => ({
      entity: 'outcome',
      action: 'status',
      before: { status: 'pending' },
      after: { status: 'verified', verifiedBy: demo.comms().id },
    }),
  },
  {
    command: 'setOutcomeStatus (return)',
    allowed: 'admin',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => setOutcomeStatus(t, outcomeIn(t), 'returned', a, 'Which council session?')),
    audit: () => ({
      entity: 'outcome',
      action: 'status',
      before: { status: 'pending' },
      after: { status: 'returned', returnComment: 'Which council session?' },
    }),
  },
  {
    command: 'setOutcomeArchived',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => setOutcomeArchived(t, outcomeIn(t), true, a)),
    audit: () => ({
      entity: 'outcome',
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: expect.any(String) },
    }),
  },
  {
    command: 'createIndicator',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => createIndicator(t, indicator(), a)),
    audit: () => ({
      entity: 'result_indicator',
      action: 'create',
      before: null,
      after: { name: 'Organizacje zaangażowane', method: 'entered' },
    }),
  },
  {
    command: 'updateIndicator',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => updateIndicator(t, indicatorId, indicator(), a)),
    audit: () => ({
      entity: 'result_indicator',
      action: 'update',
      before: { code: expect.stringMatching(/^KPI-T/) },
      after: { code: expect.stringMatching(/^KPI-T/) },
    }),
  },
  {
    command: 'addIndicatorValue',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => addIndicatorValue(t, indicatorId, value(), a)),
    audit: () => ({
      entity: 'result_indicator_value',
      action: 'create',
      before: null,
      after: { value: 12, note: 'Zápis z jednání' },
    }),
  },
  {
    command: 'archiveIndicatorValue',
    allowed: 'admin',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) =>
        archiveIndicatorValue(t, indicatorId, addIndicatorValue(t, indicatorId, value(), demo.comms())!, a),
      ),
    audit: () => ({
      entity: 'result_indicator_value',
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: expect.any(String) },
    }),
  },
  {
    command: 'addRegistration (the partner’s own event)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => addRegistration(t, hostedEvent, registrant('Αλέξανδρος Παπαδόπουλος'), a)),
    audit: () => ({
      entity: 'event',
      action: 'update',
      before: null,
      after: { registrationAdded: { consent: false, linked: false } },
    }),
  },
  {
    command: 'setAttendance',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        const id = registrationIn(t)
        return setAttendance(t, hostedEvent, [id], [id], a)
      }),
    audit: () => ({ entity: 'event', action: 'update', before: null, after: { attendance: { absent: [] } } }),
  },
  {
    command: 'linkRegistrant',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => linkRegistrant(t, hostedEvent, registrationIn(t), contactId, a)),
    audit: () => ({
      entity: 'event',
      action: 'update',
      before: null,
      after: { registrantLinked: { contactId } },
    }),
  },
  {
    command: 'proposeRegistrant',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => proposeRegistrant(t, hostedEvent, registrationIn(t), stakeholderId, a)),
    audit: () => ({
      entity: 'event',
      action: 'update',
      before: null,
      after: { registrantProposed: { stakeholderId } },
    }),
  },
  {
    command: 'decideProposal',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => decideProposal(t, hostedEvent, proposedIn(t), true, a)),
    audit: () => ({
      entity: 'event',
      action: 'update',
      before: null,
      after: { proposalAccepted: { contactId: expect.any(Number) } },
    }),
  },
  {
    command: 'removeRegistration',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => removeRegistration(t, hostedEvent, registrationIn(t), a)),
    audit: () => ({
      entity: 'event',
      action: 'update',
      before: null,
      after: { registrationRemoved: { id: expect.any(Number) } },
    }),
  },
  {
    command: 'saveConsultation',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) =>
        saveConsultation(
          t,
          hostedEvent,
          consultationFormSchema.parse({ participantIds: [String(stakeholderId)], conclusions: 'Ezagutza' }),
          a,
        ),
      ),
    audit: () => ({
      entity: 'event',
      action: 'update',
      before: null,
      after: { consultation: { participantIds: [stakeholderId], conclusions: 'Ezagutza' } },
    }),
  },
  {
    command: 'saveSatisfaction',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) =>
        saveSatisfaction(
          t,
          hostedEvent,
          satisfactionFormSchema.parse({ satisfactionResponses: '14', satisfactionAverage: '4,2' }),
          a,
        ),
      ),
    audit: () => ({
      entity: 'event',
      action: 'update',
      before: null,
      after: { satisfaction: { satisfactionResponses: 14, satisfactionAverage: 4.2 } },
    }),
  },
]

describe('every outcome, indicator and event-people command checks its actor', () => {
  it.each(cases)('$command runs as $allowed and audits it', async ({ allowed, run, audit }) => {
    const actor = demo[allowed]()
    await run(actor)
    const last = db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()
    expect(last).toMatchObject({ userId: actor.id, ...audit() })
  })

  it.each(cases.flatMap((c) => c.refused.map((role) => ({ ...c, role }))))(
    '$command is refused to $role and writes nothing',
    async ({ role, run }) => {
      const audits = auditCount()
      await expect(Promise.resolve().then(() => run(demo[role]()))).rejects.toThrow(ForbiddenError)
      expect(auditCount()).toBe(audits)
    },
  )
})

const lastAudit = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'outcome'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get()!
const outcome = (id: number) => db.select().from(outcomes).where(eq(outcomes.id, id)).get()!

describe('outcome statuses, from each to each', () => {
  // setOutcomeStatus (the comms lead's verify and return): every pair, allowed or refused.
  const table: [OutcomeStatus, 'verified' | 'returned', boolean][] = [
    ['pending', 'verified', true],
    ['pending', 'returned', true],
    ['returned', 'verified', true],
    ['returned', 'returned', false],
    ['verified', 'returned', true],
    ['verified', 'verified', false],
  ]

  it.each(table)('%s -> %s: allowed %s', (from, to, allowed) => {
    const id = tx((t) => outcomeIn(t, from))
    const before = outcome(id)
    const auditBefore = lastAudit(id).id
    const change = () => tx((t) => setOutcomeStatus(t, id, to, demo.comms(), 'Needs the signed minutes'))
    if (!allowed) {
      expect(change).toThrow(OutcomeStatusError)
      expect(outcome(id)).toEqual(before)
      expect(lastAudit(id).id).toBe(auditBefore)
      return
    }
    change()
    const after = outcome(id)
    expect(after.status).toBe(to)
    expect(after.returnComment).toBe(to === 'returned' ? 'Needs the signed minutes' : null)
    expect(after.verifiedBy).toBe(to === 'verified' ? demo.comms().id : null)
    expect(lastAudit(id)).toMatchObject({
      entity: 'outcome',
      entityId: id,
      action: 'status',
      userId: demo.comms().id,
      before: { status: from, returnComment: before.returnComment, verifiedBy: before.verifiedBy },
      after: {
        status: to,
        returnComment: after.returnComment,
        verifiedAt: after.verifiedAt,
        verifiedBy: after.verifiedBy,
      },
      summary: `${from} → ${to}`,
    })
  })

  it('returned -> pending only by its partner editing it; the audit names the status change', () => {
    const id = tx((t) => outcomeIn(t, 'returned'))
    tx((t) => updateOutcome(t, id, outcomeForm({ title: 'Now with the council decision' }), demo.partner()))
    expect(outcome(id).status).toBe('pending')
    expect(lastAudit(id)).toMatchObject({
      action: 'update',
      before: { status: 'returned', title: 'Δήμος Κατερίνης adopts the participatory budgeting guide' },
      after: { status: 'pending', title: 'Now with the council decision' },
    })
  })

  it('an edit by the comms lead leaves a returned outcome returned', () => {
    const id = tx((t) => outcomeIn(t, 'returned'))
    tx((t) => updateOutcome(t, id, outcomeForm({ title: 'Tidied by comms' }), demo.comms()))
    expect(outcome(id).status).toBe('returned')
    expect(lastAudit(id).after).not.toHaveProperty('status')
  })

  it('a verified outcome is closed to its partner: edit and archive refused, the record unchanged', () => {
    const id = tx((t) => outcomeIn(t, 'verified'))
    const before = outcome(id)
    expect(() => tx((t) => updateOutcome(t, id, outcomeForm({ title: 'Sneaky' }), demo.partner()))).toThrow(
      ForbiddenError,
    )
    expect(() => tx((t) => setOutcomeArchived(t, id, true, demo.partner()))).toThrow(ForbiddenError)
    expect(outcome(id)).toEqual(before)
  })

  it('an archived outcome cannot change status; archiving writes its before and after', () => {
    const id = tx((t) => outcomeIn(t))
    tx((t) => setOutcomeArchived(t, id, true, demo.partner()))
    const archived = outcome(id)
    expect(lastAudit(id)).toMatchObject({
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: archived.archivedAt },
    })
    expect(() => tx((t) => setOutcomeStatus(t, id, 'verified', demo.comms()))).toThrow(ForbiddenError)
    expect(outcome(id)).toEqual(archived)
  })
})
