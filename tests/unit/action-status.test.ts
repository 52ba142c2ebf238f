import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, type ActionStatus, actionStatuses, actionTypes } from '#db/schema'
import {
  ActionForbiddenError,
  ActionStatusError,
  archiveAction,
  createAction,
  setActionStatus,
} from '~/models/actions/index.server'
import type { Actor } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { lastAudit as lastAuditOf } from '../setup/audit'

/*
 * The action review workflow as a table: every status to every status, for every kind of actor.
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

/** The moves the workflow allows, from → to. Every other pair (and staying put) is refused. */
const allowed: Record<ActionStatus, ActionStatus[]> = {
  draft: ['submitted'],
  submitted: ['validated', 'returned', 'draft'],
  returned: ['submitted', 'validated'],
  validated: ['returned'],
}

/**
 * May this actor ask for this move at all? Validating and returning need action:validate (admin,
 * comms); submitting or taking back to draft needs the right to edit the action: admin and comms
 * always, its own partner unless it is validated, nobody else.
 */
function mayAsk(who: Who, from: ActionStatus, to: ActionStatus): boolean {
  if (who === 'admin' || who === 'comms') return true
  if (who !== 'owner') return false
  if (to === 'validated' || to === 'returned') return false
  return from !== 'validated'
}

type Outcome = 'moves' | 'forbidden' | 'conflict'
const cases: [ActionStatus, ActionStatus, Who, Outcome][] = []
for (const from of actionStatuses)
  for (const to of actionStatuses)
    for (const who of Object.keys(actors) as Who[])
      cases.push([
        from,
        to,
        who,
        !mayAsk(who, from, to) ? 'forbidden' : allowed[from].includes(to) ? 'moves' : 'conflict',
      ])

function actionIn(status: ActionStatus): number {
  const owner = actors.owner()
  const typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  const id = db.transaction((tx) =>
    createAction(tx, { partnerId: owner.partnerId!, typeId, date: '2026-05-04', title: 'Workflow' }, owner),
  )
  db.update(actions)
    .set({ status, returnComment: status === 'returned' ? 'Earlier' : null })
    .where(eq(actions.id, id))
    .run()
  return id
}

const lastAudit = (id: number) => lastAuditOf('action', id)

describe('action status transitions (setActionStatus), every from × to × actor', () => {
  it('covers all 4 × 4 pairs for 5 actors', () => expect(cases).toHaveLength(80))

  it.each(cases)('%s → %s as %s: %s', (from, to, who, outcome) => {
    const id = actionIn(from)
    const before = db.select().from(actions).where(eq(actions.id, id)).get()!
    const auditBefore = lastAudit(id).id
    const actor = actors[who]()
    const run = () =>
      db.transaction((tx) =>
        setActionStatus(tx, id, to, actor, to === 'returned' ? 'Please add the link' : null),
      )
    if (outcome === 'moves') {
      run()
      const after = db.select().from(actions).where(eq(actions.id, id)).get()!
      expect(after.status).toBe(to)
      expect(after.validatedBy).toBe(to === 'validated' ? actor.id : null)
      expect(after.returnComment).toBe(
        to === 'returned' ? 'Please add the link' : to === 'validated' ? null : before.returnComment,
      )
      const audit = lastAudit(id)
      expect(audit).toMatchObject({
        entity: 'action',
        entityId: id,
        action: 'status',
        userId: actor.id,
        summary: `${from} → ${to}`,
      })
      expect(audit.before).toMatchObject({ status: from })
      expect(audit.after).toMatchObject({ status: to, validatedBy: after.validatedBy })
      return
    }
    expect(run).toThrow(outcome === 'forbidden' ? ActionForbiddenError : ActionStatusError)
    expect(db.select().from(actions).where(eq(actions.id, id)).get()).toEqual(before)
    expect(lastAudit(id).id).toBe(auditBefore)
  })

  it('an archived action takes no status change, from anyone', () => {
    const id = actionIn('submitted')
    db.transaction((tx) => archiveAction(tx, id, actors.comms()))
    expect(() => db.transaction((tx) => setActionStatus(tx, id, 'validated', actors.admin()))).toThrow(
      ActionForbiddenError,
    )
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.status).toBe('submitted')
  })
})

describe('archiveAction, as each actor', () => {
  it.each<[Who, ActionStatus, boolean]>([
    ['admin', 'validated', true],
    ['comms', 'submitted', true],
    ['owner', 'submitted', true],
    ['owner', 'draft', true],
    ['owner', 'validated', false],
    ['otherPartner', 'submitted', false],
    ['viewer', 'submitted', false],
  ])('as %s, a %s action: archived = %s', (who, status, archives) => {
    const id = actionIn(status)
    const actor = actors[who]()
    const run = () => db.transaction((tx) => archiveAction(tx, id, actor))
    if (!archives) {
      expect(run).toThrow(ActionForbiddenError)
      expect(db.select().from(actions).where(eq(actions.id, id)).get()!.archivedAt).toBeNull()
      return
    }
    run()
    const archivedAt = db.select().from(actions).where(eq(actions.id, id)).get()!.archivedAt
    expect(archivedAt).not.toBeNull()
    expect(lastAudit(id)).toMatchObject({
      entity: 'action',
      entityId: id,
      action: 'archive',
      userId: actor.id,
      before: { archivedAt: null },
      after: { archivedAt },
    })
  })
})

describe('what a status change stamps on the action', () => {
  const row = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!

  it('returning keeps the trimmed comment and refuses a blank one, leaving the action as it was', () => {
    const id = actionIn('submitted')
    const before = row(id)
    expect(() => db.transaction((tx) => setActionStatus(tx, id, 'returned', actors.comms(), '   '))).toThrow(
      'a returned action needs a comment',
    )
    expect(row(id)).toEqual(before)
    db.transaction((tx) => setActionStatus(tx, id, 'returned', actors.comms(), '  Dodaj link, prosimy  '))
    expect(row(id)).toMatchObject({ status: 'returned', returnComment: 'Dodaj link, prosimy' })
  })

  it('submitting stamps submittedAt; validating stamps validatedAt and who, and clears the comment', () => {
    const id = actionIn('returned')
    db.transaction((tx) => setActionStatus(tx, id, 'submitted', actors.owner()))
    const submitted = row(id)
    expect(submitted.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(submitted).toMatchObject({ status: 'submitted', validatedAt: null, validatedBy: null })
    db.transaction((tx) => setActionStatus(tx, id, 'validated', actors.comms()))
    const validated = row(id)
    expect(validated.validatedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(validated).toMatchObject({
      status: 'validated',
      validatedBy: actors.comms().id,
      returnComment: null,
      submittedAt: submitted.submittedAt,
    })
  })
})
