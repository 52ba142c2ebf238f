import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, auditLog, events, stakeholders } from '#db/schema'
import {
  createOutcome,
  listOutcomes,
  outcomeDetail,
  outcomeFilterSchema,
  outcomeFormSchema,
  outcomesFedBy,
  OutcomeStatusError,
  setOutcomeStatus,
  updateOutcome,
} from '~/models/outcomes/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

let actionId: number
let eventId: number
let stakeholderIds: number[]

beforeAll(() => {
  const partner = demo.partner()
  actionId = db
    .select({ id: actions.id })
    .from(actions)
    .where(eq(actions.partnerId, partner.partnerId!))
    .limit(1)
    .get()!.id
  eventId = db.select({ id: events.id }).from(events).limit(1).get()!.id
  stakeholderIds = db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .limit(2)
    .all()
    .map((s) => s.id)
})

const form = (extra: Record<string, unknown> = {}) =>
  outcomeFormSchema.parse({
    type: 'practice_adopted',
    date: '2026-03-12',
    title: 'Gdańsk adopts the Tampere participatory budgeting guide — Łódź and Κατερίνη follow',
    description: 'Rada Miasta przyjęła wytyczne; Δήμος Κατερίνης joined. Udaljenost nije problem.',
    evidenceUrl: 'https://example.org/uchwała',
    stakeholderIds: stakeholderIds.map(String),
    actionIds: [String(actionId)],
    eventIds: [String(eventId)],
    ...extra,
  })

describe('outcomes register', () => {
  it('a partner proposes an outcome of its own partner: pending, linked both ways, audited', () => {
    const partner = demo.partner()
    const id = tx((t) => createOutcome(t, form(), partner))
    const detail = outcomeDetail(id)!
    expect(detail.status).toBe('pending')
    expect(detail.partnerId).toBe(partner.partnerId)
    expect(detail.title).toContain('Κατερίνη')
    expect(detail.actions.map((a) => a.id)).toEqual([actionId])
    expect(detail.events.map((e) => e.id)).toEqual([eventId])
    expect(detail.stakeholders).toHaveLength(2)
    expect(outcomesFedBy({ actionId }).map((o) => o.id)).toContain(id)
    expect(outcomesFedBy({ eventId }).map((o) => o.id)).toContain(id)
    const audit = db.select().from(auditLog).where(eq(auditLog.entityId, id)).all()
    expect(audit.some((a) => a.entity === 'outcome' && a.action === 'create')).toBe(true)
  })

  it('refuses another partner, viewers, and a partner naming someone else as partner', () => {
    const id = tx((t) => createOutcome(t, form(), demo.partner()))
    expect(() => tx((t) => updateOutcome(t, id, form(), demo.partner2()))).toThrow(ForbiddenError)
    expect(() => tx((t) => createOutcome(t, form(), demo.viewer()))).toThrow(ForbiddenError)
    const other = String(demo.partner2().partnerId)
    expect(() => tx((t) => createOutcome(t, form({ partnerId: other }), demo.partner()))).toThrow(
      ForbiddenError,
    )
    expect(() => tx((t) => setOutcomeStatus(t, id, 'verified', demo.partner()))).toThrow(ForbiddenError)
  })

  it('the comms lead verifies or returns with a comment; a returned outcome edited by its partner is pending again', () => {
    const partner = demo.partner()
    const id = tx((t) => createOutcome(t, form(), partner))
    expect(() => tx((t) => setOutcomeStatus(t, id, 'returned', demo.comms(), ' '))).toThrow()
    tx((t) => setOutcomeStatus(t, id, 'returned', demo.comms(), 'Add the council decision, please'))
    expect(outcomeDetail(id)!.returnComment).toBe('Add the council decision, please')
    tx((t) => updateOutcome(t, id, form({ title: 'Now with the decision' }), partner))
    expect(outcomeDetail(id)!.status).toBe('pending')
    tx((t) => setOutcomeStatus(t, id, 'verified', demo.comms()))
    const verified = outcomeDetail(id)!
    expect(verified.status).toBe('verified')
    expect(verified.verifiedByName).toBeTruthy()
    // Verified: its partner no longer edits it; verifying twice is a conflict.
    expect(() => tx((t) => updateOutcome(t, id, form(), partner))).toThrow(ForbiddenError)
    expect(() => tx((t) => setOutcomeStatus(t, id, 'verified', demo.comms()))).toThrow(OutcomeStatusError)
  })

  it('filters by type, status, partner and period; the link ids that do not exist are field errors', () => {
    const partner = demo.partner()
    const id = tx((t) => createOutcome(t, form({ type: 'funding', date: '2025-01-05' }), partner))
    const match = (q: Record<string, string>) =>
      listOutcomes(outcomeFilterSchema.parse(q), { limit: 500, offset: 0 }).rows.map((r) => r.id)
    expect(match({ type: 'funding', from: '2025-01', to: '2025-01' })).toContain(id)
    expect(match({ type: 'funding', from: '2025-02' })).not.toContain(id)
    expect(match({ status: 'verified', type: 'funding', from: '2025-01', to: '2025-01' })).not.toContain(id)
    expect(match({ partner: String(demo.partner2().partnerId), type: 'funding' })).not.toContain(id)
    expect(() => tx((t) => createOutcome(t, form({ actionIds: ['99999999'] }), partner))).toThrow(
      /invalid references/,
    )
  })
})
