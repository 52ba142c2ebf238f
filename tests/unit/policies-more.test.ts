import { describe, expect, it } from 'vitest'

import { assertCanReadActorMap, canReadActorMap } from '~/models/actors/policy'
import { contactViewFor } from '~/models/contacts/policy'
import { assertIdea, canJoinIdea } from '~/models/ideas/policy'
import { canManageJobs } from '~/models/jobs/policy'
import { canChangeOwnAccount, canReadOutbox } from '~/models/mail/policy'
import {
  canChooseOutcomePartner,
  canEditIndicators,
  canEditOutcome,
  canProposeOutcomes,
  canReadOutcomes,
  OutcomeForbiddenError,
  OutcomeStatusError,
} from '~/models/outcomes/policy'
import {
  assertCanAcceptProposedContacts,
  assertCanManageRegistrations,
  assertCanRecordEventResults,
} from '~/models/people/policy'
import { canEditValueReport, canReadValueReport, ReportForbiddenError } from '~/models/reports/policy'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

/*
 * The policy modules added after tests/unit/policies.test.ts was written (jobs, mail, outcomes,
 * people, ideas' joining), each role against each rule. Found by mutation testing (MUTATION.md).
 */
type Role = keyof typeof demo
const roles: Role[] = ['admin', 'comms', 'partner', 'partner2', 'viewer']
const only = (allowed: Role[]) => roles.map((role) => [role, allowed.includes(role)] as const)

describe('administrators only: jobs and the outbox', () => {
  it.each(only(['admin']))('%s: %s', (role, allowed) => {
    expect(canManageJobs(demo[role]())).toBe(allowed)
    expect(canReadOutbox(demo[role]())).toBe(allowed)
  })

  it('nobody signed in: no', () => {
    expect(canManageJobs(null)).toBe(false)
    expect(canReadOutbox(undefined)).toBe(false)
  })
})

describe('one’s own account', () => {
  it('only the user changes their own settings', () => {
    const partner = demo.partner()
    expect(canChangeOwnAccount(partner, partner.id)).toBe(true)
    expect(canChangeOwnAccount(demo.admin(), partner.id)).toBe(false)
    expect(canChangeOwnAccount(null, partner.id)).toBe(false)
  })
})

describe('outcomes', () => {
  it.each(only(['admin', 'comms', 'partner', 'partner2', 'viewer']))(
    '%s reads the register: %s',
    (role, allowed) => {
      expect(canReadOutcomes(demo[role]())).toBe(allowed)
    },
  )

  it.each(only(['admin', 'comms', 'partner', 'partner2']))('%s proposes outcomes: %s', (role, allowed) => {
    expect(canProposeOutcomes(demo[role]())).toBe(allowed)
  })

  it.each(only(['admin', 'comms']))('%s chooses the partner: %s', (role, allowed) => {
    expect(canChooseOutcomePartner(demo[role]())).toBe(allowed)
  })

  it.each(only(['admin', 'comms']))('%s edits indicators: %s', (role, allowed) => {
    expect(canEditIndicators(demo[role]())).toBe(allowed)
  })

  it('a partner user without a partner proposes nothing; nobody signed in neither', () => {
    expect(canProposeOutcomes({ ...demo.partner(), partnerId: null })).toBe(false)
    expect(canProposeOutcomes(null)).toBe(false)
  })

  it('edit: its partner until verified or archived, the verifier always', () => {
    const own = demo.partner().partnerId!
    const pending = { partnerId: own, status: 'pending' as const, archivedAt: null }
    const verified = { ...pending, status: 'verified' as const }
    const archived = { ...pending, archivedAt: '2026-06-01T00:00:00.000Z' }
    expect(canEditOutcome(demo.partner(), pending)).toBe(true)
    expect(canEditOutcome(demo.partner2(), pending)).toBe(false)
    expect(canEditOutcome(demo.viewer(), pending)).toBe(false)
    expect(canEditOutcome(demo.partner(), verified)).toBe(false)
    expect(canEditOutcome(demo.comms(), verified)).toBe(true)
    expect(canEditOutcome(demo.partner(), archived)).toBe(false)
    expect(canEditOutcome(demo.comms(), archived)).toBe(true)
  })

  it('its errors say what happened', () => {
    const forbidden = new OutcomeForbiddenError()
    expect(forbidden).toBeInstanceOf(ForbiddenError)
    expect(forbidden).toMatchObject({ name: 'OutcomeForbiddenError', message: 'forbidden' })
    expect(new OutcomeForbiddenError('another partner').message).toBe('another partner')
    expect(new OutcomeStatusError('verified', 'verified')).toMatchObject({
      name: 'OutcomeStatusError',
      message: 'cannot go from verified to verified',
      from: 'verified',
      to: 'verified',
    })
  })
})

describe('an event’s people', () => {
  const hosted = () => ({ hostPartnerId: demo.partner().partnerId })

  it('registrations: the host partner and the comms lead; the refusal says why', () => {
    expect(() => assertCanManageRegistrations(demo.partner(), hosted())).not.toThrow()
    expect(() => assertCanManageRegistrations(demo.comms(), hosted())).not.toThrow()
    expect(() => assertCanManageRegistrations(demo.partner2(), hosted())).toThrow(
      new ForbiddenError('may not manage these registrations'),
    )
  })

  it('accepting proposed contacts: the comms lead only', () => {
    expect(() => assertCanAcceptProposedContacts(demo.comms())).not.toThrow()
    expect(() => assertCanAcceptProposedContacts(demo.partner())).toThrow(
      new ForbiddenError('missing registration:accept'),
    )
  })

  it('results of the event: whoever edits it', () => {
    expect(() => assertCanRecordEventResults(demo.partner(), hosted())).not.toThrow()
    expect(() => assertCanRecordEventResults(demo.viewer(), hosted())).toThrow(
      new ForbiddenError('may not record results of this event'),
    )
  })
})

describe('ideas: joining a working group', () => {
  it.each([
    ['open', true],
    ['adopted', true],
    ['closed', false],
    ['withdrawn', false],
  ] as const)('of a %s proposal: %s', (status, allowed) => {
    expect(canJoinIdea(demo.partner2(), { authorId: demo.partner().id, status })).toBe(allowed)
  })

  it('a refusal names what was refused', () => {
    expect(() => assertIdea(false, 'join')).toThrow(new ForbiddenError('may not join this proposal'))
    expect(() => assertIdea(true, 'join')).not.toThrow()
  })
})

describe('the actor map: every role reads it', () => {
  it.each(only(roles))('%s: %s', (role, allowed) => {
    expect(canReadActorMap(demo[role]())).toBe(allowed)
    expect(() => assertCanReadActorMap(demo[role]())).not.toThrow()
  })

  it('nobody signed in: no, and the refusal names the permission', () => {
    expect(canReadActorMap(null)).toBe(false)
    expect(() => assertCanReadActorMap(undefined)).toThrow(new ForbiddenError('missing actor:read'))
  })
})

describe('the value report', () => {
  it.each(only(['admin', 'comms', 'viewer']))('%s reads it: %s', (role, allowed) => {
    expect(canReadValueReport(demo[role]())).toBe(allowed)
  })

  it.each(only(['admin', 'comms']))('%s edits it: %s', (role, allowed) => {
    expect(canEditValueReport(demo[role]())).toBe(allowed)
  })

  it('nobody signed in: neither; its refusal is a ForbiddenError that says so', () => {
    expect(canReadValueReport(null)).toBe(false)
    expect(canEditValueReport(undefined)).toBe(false)
    expect(new ReportForbiddenError()).toBeInstanceOf(ForbiddenError)
    expect(new ReportForbiddenError()).toMatchObject({ name: 'ReportForbiddenError', message: 'forbidden' })
    expect(new ReportForbiddenError('not this period').message).toBe('not this period')
  })
})

describe('a contact’s page: the whole record or the card', () => {
  it('the record for who may edit the contact or handles personal data; the card for everyone else', () => {
    const own = { stakeholderOwnerPartnerId: demo.partner().partnerId }
    expect(contactViewFor(demo.comms(), own, 'owner')).toBe('record')
    expect(contactViewFor(demo.admin(), own, 'none')).toBe('record')
    expect(contactViewFor(demo.partner(), own, 'owner')).toBe('record')
    expect(contactViewFor(demo.partner2(), own, 'owner')).toBe('card')
    expect(contactViewFor(demo.partner2(), own, 'any_partner')).toBe('record')
    expect(contactViewFor(demo.partner(), own, 'none')).toBe('card')
    expect(contactViewFor(demo.viewer(), own, 'any_partner')).toBe('card')
  })
})
