import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { notifications, partners, users } from '#db/schema'
import { listNotifications, markRead, notifyActionReturned } from '~/models/actions/index.server'

import { demo } from '../setup/actors'
import { insertAction } from '../setup/records'

let partnerId: number
let active: number
let deactivated: number
let commsOfPartner: number
let otherPartnerUser: number
let actionId: number

const user = (
  name: string,
  role: 'partner' | 'comms',
  partner: number,
  deactivatedAt: string | null = null,
) =>
  db
    .insert(users)
    .values({
      email: `${name}@ripple.test`,
      name,
      passwordHash: 'x',
      role,
      partnerId: partner,
      deactivatedAt,
    })
    .returning()
    .get().id
const inbox = (userId: number) =>
  db
    .select({ kind: notifications.kind, actionId: notifications.actionId, message: notifications.message })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .all()

beforeAll(() => {
  partnerId = db.insert(partners).values({ name: 'Târgu Mureș', country: 'RO' }).returning().get().id
  const other = db.insert(partners).values({ name: 'Łódź', country: 'PL' }).returning().get().id
  active = user('ana', 'partner', partnerId)
  deactivated = user('ion', 'partner', partnerId, '2026-01-01T00:00:00.000Z')
  commsOfPartner = user('maria', 'comms', partnerId)
  otherPartnerUser = user('jan', 'partner', other)
  actionId = insertAction({ partnerId, date: '2026-03-01', title: 'Prezentare', status: 'returned' })
})

describe('notifyActionReturned', () => {
  it('tells the active partner users and the creator, never the deactivated, another partner’s or the reviewer', () => {
    const sent = db.transaction((tx) =>
      notifyActionReturned(tx, {
        actionId,
        partnerId,
        createdBy: commsOfPartner,
        comment: 'Lipsește linkul',
        by: demo.admin().id,
      }),
    )
    expect(sent).toBe(2)
    const note = { kind: 'action_returned', actionId, message: 'Lipsește linkul' }
    expect(inbox(active)).toEqual([note])
    expect(inbox(commsOfPartner)).toEqual([note])
    expect(inbox(deactivated)).toEqual([])
    expect(inbox(otherPartnerUser)).toEqual([])
  })

  it('without a creator tells the partner users only; the reviewer is left out even as one of them', () => {
    const before = inbox(commsOfPartner).length
    expect(
      db.transaction((tx) =>
        notifyActionReturned(tx, { actionId, partnerId, createdBy: null, comment: 'Bez autora', by: 1 }),
      ),
    ).toBe(1)
    expect(inbox(commsOfPartner)).toHaveLength(before)
    expect(inbox(active).at(-1)!.message).toBe('Bez autora')
    const activeBefore = inbox(active).length
    expect(
      db.transaction((tx) =>
        notifyActionReturned(tx, {
          actionId,
          partnerId,
          createdBy: commsOfPartner,
          comment: 'Sam',
          by: active,
        }),
      ),
    ).toBe(1)
    expect(inbox(active)).toHaveLength(activeBefore)
    expect(inbox(commsOfPartner).at(-1)!.message).toBe('Sam')
  })
})

describe('listNotifications and markRead', () => {
  it('pages a user’s notifications unread first, newest first, with the action’s title and status', () => {
    const reader = user('eleni', 'partner', partnerId)
    const add = (message: string, withAction = true) =>
      db
        .insert(notifications)
        .values({ userId: reader, kind: 'action_returned', actionId: withAction ? actionId : null, message })
        .returning()
        .get().id
    const n1 = add('Pierwsza')
    const n2 = add('Druga', false)
    const n3 = add('Trzecia')
    const n4 = add('Czwarta')
    expect(markRead(reader, n3)).toBe(1)
    const page = listNotifications(reader, { limit: 10, offset: 0 })
    expect(page.total).toBe(4)
    expect(page.rows.map((r) => r.id)).toEqual([n4, n2, n1, n3])
    expect(page.rows[0]).toEqual({
      id: n4,
      kind: 'action_returned',
      actionId,
      actionTitle: 'Prezentare',
      actionStatus: 'returned',
      message: 'Czwarta',
      readAt: null,
      createdAt: expect.any(String),
    })
    expect(page.rows[1]).toMatchObject({ actionId: null, actionTitle: null, actionStatus: null })
    expect(page.rows[3]!.readAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const second = listNotifications(reader, { limit: 2, offset: 2 })
    expect(second.rows.map((r) => r.id)).toEqual([n1, n3])
    expect(second.total).toBe(4)
    expect(listNotifications(987_654, { limit: 10, offset: 0 })).toEqual({ rows: [], total: 0 })
  })

  it('marks only the user’s own notifications, each once; "all" marks every unread one', () => {
    const reader = user('nikos', 'partner', partnerId)
    const mine = db
      .insert(notifications)
      .values([
        { userId: reader, kind: 'action_returned', message: 'α' },
        { userId: reader, kind: 'action_returned', message: 'β' },
        { userId: reader, kind: 'action_returned', message: 'γ' },
      ])
      .returning()
      .all()
      .map((n) => n.id)
    expect(markRead(active, mine[0]!)).toBe(0)
    expect(markRead(reader, mine[0]!)).toBe(1)
    const readAt = db.select().from(notifications).where(eq(notifications.id, mine[0]!)).get()!.readAt
    expect(markRead(reader, mine[0]!)).toBe(0)
    const activeUnread = listNotifications(active, { limit: 100, offset: 0 }).rows.filter(
      (r) => !r.readAt,
    ).length
    expect(markRead(reader, 'all')).toBe(2)
    expect(markRead(reader, 'all')).toBe(0)
    // The one read before keeps its time; the other user's stay unread.
    expect(db.select().from(notifications).where(eq(notifications.id, mine[0]!)).get()!.readAt).toBe(readAt)
    expect(listNotifications(active, { limit: 100, offset: 0 }).rows.filter((r) => !r.readAt)).toHaveLength(
      activeUnread,
    )
  })
})
