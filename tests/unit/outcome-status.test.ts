import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { outcomes, type OutcomeStatus } from '#db/schema'
import {
  createOutcome,
  OutcomeForbiddenError,
  outcomeFormSchema,
  OutcomeStatusError,
  setOutcomeArchived,
  setOutcomeStatus,
  updateOutcome,
} from '~/models/outcomes/index.server'
import type { Actor } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { lastAudit as lastAuditOf } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * The outcome review workflow as a table: every status to every status a reviewer can ask for,
 * for every kind of actor, and the move back to pending that only the partner's own edit makes.
 * The expectations are written out here, not read from the code under test.
 */

type Who = 'admin' | 'comms' | 'owner' | 'otherPartner' | 'viewer'
const actors: Record<Who, () => Actor> = {
  admin: demo.admin,
  comms: demo.comms,
  owner: demo.partner,
  otherPartner: demo.partner2,
  viewer: demo.viewer,
}
const statuses: OutcomeStatus[] = ['pending', 'returned', 'verified']
const decisions = ['verified', 'returned'] as const

/** The moves a reviewer (outcome:verify: admin, comms) may make, from → to. */
const allowed: Record<OutcomeStatus, OutcomeStatus[]> = {
  pending: ['verified', 'returned'],
  returned: ['verified'],
  verified: ['returned'],
}
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const form = (title = 'Łódź adopts the Donostia-San Sebastián guide') =>
  outcomeFormSchema.parse({ type: 'practice_adopted', date: '2026-03-12', title })
const row = (id: number) => db.select().from(outcomes).where(eq(outcomes.id, id)).get()!
const lastAudit = (id: number) => lastAuditOf('outcome', id)

function outcomeIn(status: OutcomeStatus): number {
  const id = tx((t) => createOutcome(t, form(), actors.owner()))
  db.update(outcomes)
    .set({
      status,
      returnComment: status === 'returned' ? 'Earlier' : null,
      verifiedAt: status === 'verified' ? '2026-01-02T03:04:05.000Z' : null,
      verifiedBy: status === 'verified' ? actors.comms().id : null,
      updatedAt: '2001-01-01T00:00:00.000Z',
    })
    .where(eq(outcomes.id, id))
    .run()
  return id
}

type Result = 'moves' | 'forbidden' | 'conflict'
const cases: [OutcomeStatus, (typeof decisions)[number], Who, Result][] = []
for (const from of statuses)
  for (const to of decisions)
    for (const who of Object.keys(actors) as Who[])
      cases.push([
        from,
        to,
        who,
        who !== 'admin' && who !== 'comms' ? 'forbidden' : allowed[from].includes(to) ? 'moves' : 'conflict',
      ])

describe('outcome status transitions (setOutcomeStatus), every from × to × actor', () => {
  it('covers all 3 × 2 pairs for 5 actors', () => expect(cases).toHaveLength(30))

  it.each(cases)('%s → %s as %s: %s', (from, to, who, result) => {
    const id = outcomeIn(from)
    const before = row(id)
    const auditBefore = lastAudit(id).id
    const actor = actors[who]()
    const run = () => tx((t) => setOutcomeStatus(t, id, to, actor, '  Brak uchwały rady  '))
    if (result === 'moves') {
      run()
      const after = row(id)
      const patch = {
        status: to,
        returnComment: to === 'returned' ? 'Brak uchwały rady' : null,
        verifiedAt: to === 'verified' ? after.verifiedAt : null,
        verifiedBy: to === 'verified' ? actor.id : null,
      }
      expect(after).toMatchObject(patch)
      if (to === 'verified') expect(after.verifiedAt).toMatch(ISO)
      expect(after.updatedAt).toMatch(ISO)
      expect(after.updatedAt).not.toBe(before.updatedAt)
      if (to === 'verified') expect(after.updatedAt).toBe(after.verifiedAt)
      expect(lastAudit(id)).toMatchObject({
        entity: 'outcome',
        entityId: id,
        action: 'status',
        userId: actor.id,
        before: {
          status: from,
          returnComment: before.returnComment,
          verifiedAt: before.verifiedAt,
          verifiedBy: before.verifiedBy,
        },
        after: patch,
        summary: `${from} → ${to}`,
      })
      return
    }
    if (result === 'conflict') {
      expect(run).toThrow(new OutcomeStatusError(from, to))
      expect(run).toThrow(`cannot go from ${from} to ${to}`)
    } else expect(run).toThrow(OutcomeForbiddenError)
    expect(row(id)).toEqual(before)
    expect(lastAudit(id).id).toBe(auditBefore)
  })

  it('a return needs a comment; an archived or missing outcome takes no decision', () => {
    const id = outcomeIn('pending')
    for (const comment of [undefined, null, '   '])
      expect(() => tx((t) => setOutcomeStatus(t, id, 'returned', actors.comms(), comment))).toThrow(
        'a returned outcome needs a comment',
      )
    expect(row(id).status).toBe('pending')
    tx((t) => setOutcomeStatus(t, id, 'verified', actors.comms(), 'ignored'))
    expect(row(id).returnComment).toBeNull()
    const archived = outcomeIn('pending')
    tx((t) => setOutcomeArchived(t, archived, true, actors.owner()))
    expect(() => tx((t) => setOutcomeStatus(t, archived, 'verified', actors.admin()))).toThrow('not found')
    expect(() => tx((t) => setOutcomeStatus(t, 999_999, 'verified', actors.admin()))).toThrow(
      OutcomeForbiddenError,
    )
  })
})

/** What an edit does to the status: its partner's edit proposes a returned outcome again. */
const edits: [OutcomeStatus, Who, OutcomeStatus | 'forbidden'][] = [
  ['pending', 'owner', 'pending'],
  ['returned', 'owner', 'pending'],
  ['verified', 'owner', 'forbidden'],
  ['pending', 'comms', 'pending'],
  ['returned', 'comms', 'returned'],
  ['verified', 'comms', 'verified'],
  ['returned', 'admin', 'returned'],
  ['pending', 'otherPartner', 'forbidden'],
  ['returned', 'viewer', 'forbidden'],
]

describe('the move back to pending (updateOutcome)', () => {
  it.each(edits)('a %s outcome edited by %s: %s', (from, who, result) => {
    const id = outcomeIn(from)
    const before = row(id)
    const run = () =>
      tx((t) => updateOutcome(t, id, form('Łódź adopts it, Gasteizko Udala too'), actors[who]()))
    if (result === 'forbidden') {
      expect(run).toThrow(OutcomeForbiddenError)
      expect(row(id)).toEqual(before)
      return
    }
    expect(run()).toBe(true)
    expect(row(id)).toMatchObject({ status: result, title: 'Łódź adopts it, Gasteizko Udala too' })
    const audit = lastAudit(id)
    expect(audit.action).toBe('update')
    expect(audit.after).toMatchObject(
      result === from ? { title: 'Łódź adopts it, Gasteizko Udala too' } : { status: 'pending' },
    )
    if (result === from) expect(audit.after).not.toHaveProperty('status')
  })

  it('an outcome that does not exist is not updated', () => {
    expect(tx((t) => updateOutcome(t, 999_999, form(), actors.comms()))).toBe(false)
  })
})

describe('setOutcomeArchived', () => {
  it('archives and restores once each, audited; a verified outcome is its reviewer’s to archive', () => {
    const id = outcomeIn('pending')
    expect(tx((t) => setOutcomeArchived(t, 999_999, true, actors.owner()))).toBe(false)
    expect(tx((t) => setOutcomeArchived(t, id, true, actors.owner()))).toBe(true)
    const archivedAt = row(id).archivedAt
    expect(archivedAt).toMatch(ISO)
    const audit = lastAudit(id)
    expect(audit).toMatchObject({ action: 'archive', before: { archivedAt: null }, after: { archivedAt } })
    expect(audit.summary).toBe('Łódź adopts the Donostia-San Sebastián guide')
    // Archiving again changes nothing and writes no audit.
    expect(tx((t) => setOutcomeArchived(t, id, true, actors.owner()))).toBe(true)
    expect(row(id).archivedAt).toBe(archivedAt)
    expect(lastAudit(id).id).toBe(audit.id)
    expect(tx((t) => setOutcomeArchived(t, id, false, actors.owner()))).toBe(true)
    expect(row(id).archivedAt).toBeNull()
    expect(lastAudit(id)).toMatchObject({
      action: 'restore',
      before: { archivedAt },
      after: { archivedAt: null },
    })
    const verified = outcomeIn('verified')
    expect(() => tx((t) => setOutcomeArchived(t, verified, true, actors.owner()))).toThrow(
      OutcomeForbiddenError,
    )
    expect(() => tx((t) => setOutcomeArchived(t, id, true, actors.otherPartner()))).toThrow(
      OutcomeForbiddenError,
    )
    expect(tx((t) => setOutcomeArchived(t, verified, true, actors.comms()))).toBe(true)
  })
})
