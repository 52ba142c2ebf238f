import { randomUUID } from 'node:crypto'

import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, actionTypes, auditLog, partners } from '#db/schema'
import {
  ActionForbiddenError,
  type ActionInput,
  createAction,
  isClientKey,
} from '~/models/actions/index.server'

import { actorFor } from '../setup/actors'

const actor = actorFor
const typeId = () => db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
const rowsWithKey = (clientKey: string) =>
  db.select().from(actions).where(eq(actions.clientKey, clientKey)).all()
const creations = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, id), eq(auditLog.action, 'create')))
    .all()

function input(partnerId: number, over: Partial<ActionInput> = {}): ActionInput {
  return {
    partnerId,
    typeId: typeId(),
    date: '2026-11-20',
    title: 'Prezentacja projektu na forum w Gdańsku: Ελληνικά, čeština, română, euskara',
    ...over,
  }
}

describe('logging exactly once with a key made on the phone', () => {
  it('answers a repeated key from the same user with the action it logged, writing nothing new', () => {
    const partner = actor('partner@demo.ripple')
    const clientKey = randomUUID()
    const first = db.transaction((tx) => createAction(tx, input(partner.partnerId!, { clientKey }), partner))
    // The resend differs (a retyped title): the first one stands, as the phone was told it was saved.
    const again = db.transaction((tx) =>
      createAction(tx, input(partner.partnerId!, { clientKey, title: 'Retyped' }), partner),
    )
    expect(again).toBe(first)
    const rows = rowsWithKey(clientKey)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: first, createdBy: partner.id, title: input(1).title })
    expect(creations(first)).toHaveLength(1)
  })

  it('has the database refuse a second row with the same user and key, whoever writes it', () => {
    const partner = actor('partner@demo.ripple')
    const clientKey = randomUUID()
    const id = db.transaction((tx) => createAction(tx, input(partner.partnerId!, { clientKey }), partner))
    const row = db.select().from(actions).where(eq(actions.id, id)).get()!
    const { id: _id, ...copy } = row
    expect(() => db.insert(actions).values(copy).run()).toThrow(/UNIQUE constraint failed/)
    // Without a key, rows never clash.
    expect(() =>
      db
        .insert(actions)
        .values({ ...copy, clientKey: null })
        .run(),
    ).not.toThrow()
    expect(() =>
      db
        .insert(actions)
        .values({ ...copy, clientKey: null })
        .run(),
    ).not.toThrow()
  })

  it('keeps keys apart per user: another user’s same key logs its own action', () => {
    const comms = actor('comms@demo.ripple')
    const partner = actor('partner@demo.ripple')
    const clientKey = randomUUID()
    const mine = db.transaction((tx) => createAction(tx, input(partner.partnerId!, { clientKey }), partner))
    const theirs = db.transaction((tx) => createAction(tx, input(partner.partnerId!, { clientKey }), comms))
    expect(theirs).not.toBe(mine)
    expect(
      rowsWithKey(clientKey)
        .map((r) => r.createdBy)
        .sort(),
    ).toEqual([partner.id, comms.id].sort())
  })

  it('logs every action without a key (import, older forms) as a new one', () => {
    const comms = actor('comms@demo.ripple')
    const partnerId = db.select({ id: partners.id }).from(partners).limit(1).get()!.id
    const one = db.transaction((tx) => createAction(tx, input(partnerId, { clientKey: null }), comms))
    const two = db.transaction((tx) => createAction(tx, input(partnerId), comms))
    expect(two).not.toBe(one)
    expect(db.select().from(actions).where(eq(actions.id, one)).get()!.clientKey).toBeNull()
  })

  it('still asks the policy first: a known key does not open another partner’s action', () => {
    const partner = actor('partner@demo.ripple')
    const partner2 = actor('partner2@demo.ripple')
    const clientKey = randomUUID()
    db.transaction((tx) => createAction(tx, input(partner.partnerId!, { clientKey }), partner))
    expect(() =>
      db.transaction((tx) => createAction(tx, input(partner.partnerId!, { clientKey }), partner2)),
    ).toThrow(ActionForbiddenError)
    expect(rowsWithKey(clientKey)).toHaveLength(1)
  })

  it('refuses a key that is not a UUID', () => {
    const partner = actor('partner@demo.ripple')
    expect(() =>
      db.transaction((tx) =>
        createAction(tx, input(partner.partnerId!, { clientKey: 'x'.repeat(5000) }), partner),
      ),
    ).toThrow(/UUID/)
    expect(isClientKey(randomUUID())).toBe(true)
    expect(isClientKey('0f7c2a3e-9d1b-4c5a-8e6f-1a2b3c4d5e6')).toBe(false)
    expect(isClientKey(`${randomUUID()}\n`)).toBe(false)
  })
})
