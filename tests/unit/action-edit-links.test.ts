import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, channels, events, materials, plannedActivities, stakeholders, themes } from '#db/schema'
import {
  ActionForbiddenError,
  type ActionInput,
  createAction,
  logInteraction,
  setActionStatus,
  updateAction,
  withInferredDetails,
} from '~/models/actions/index.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { typeId } from '../setup/records'

const row = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!

/** Ids whose text order is not their numeric order (9 < 45 < 299, but "299" < "45" < "9"). */
let s: [number, number, number]
let t: [number, number, number]

beforeAll(() => {
  const stakeholderIds = db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .all()
    .map((r) => r.id)
  s = [9, 45, 299].map((id) => stakeholderIds.find((x) => x === id)!) as [number, number, number]
  while (db.select({ id: themes.id }).from(themes).all().length < 12)
    db.insert(themes)
      .values({ name: `Temat ${Math.random()}` })
      .run()
  t = [2, 7, 10] as [number, number, number]
})

const base = (over: Partial<ActionInput> = {}): ActionInput => ({
  partnerId: demo.partner().partnerId!,
  typeId: typeId('press'),
  date: '2026-05-05',
  title: 'Artykuł w Dzienniku Łódzkim',
  ...over,
})

describe('links, sorted as numbers', () => {
  it('audits the created links in numeric order', () => {
    const id = db.transaction((tx) =>
      createAction(
        tx,
        base({
          stakeholderIds: [s[2], s[0], s[1]],
          themeIds: [t[2], t[0], t[1]],
          languages: ['pl', 'el', 'cs'],
        }),
        demo.partner(),
      ),
    )
    expect(lastAudit('action', id).after).toMatchObject({
      languages: ['cs', 'el', 'pl'],
      stakeholderIds: [9, 45, 299],
      themeIds: [2, 7, 10],
    })
  })

  it('audits an edit of the links before and after in numeric order, and sees no change in a reordering', () => {
    const id = db.transaction((tx) =>
      createAction(
        tx,
        base({ stakeholderIds: [s[1], s[2], s[0]], themeIds: [t[1], t[2], t[0]], languages: ['pl', 'el'] }),
        demo.partner(),
      ),
    )
    const reordered = base({
      stakeholderIds: [s[2], s[1], s[0]],
      themeIds: [t[2], t[1], t[0]],
      languages: ['el', 'pl'],
    })
    expect(db.transaction((tx) => updateAction(tx, id, reordered, demo.partner()))).toBe(false)
    const edited = base({ stakeholderIds: [s[2]], themeIds: [t[0]], languages: ['el'] })
    expect(db.transaction((tx) => updateAction(tx, id, edited, demo.partner()))).toBe(true)
    expect(lastAudit('action', id)).toMatchObject({
      action: 'update',
      before: { languages: ['el', 'pl'], stakeholderIds: [9, 45, 299], themeIds: [2, 7, 10] },
      after: { languages: ['el'], stakeholderIds: [299], themeIds: [2] },
    })
  })
})

describe('updateAction: every edited field stored', () => {
  it('stores figures, links to records and a trimmed link', () => {
    const id = db.transaction((tx) => createAction(tx, base(), demo.partner()))
    const eventId = db
      .insert(events)
      .values({ kind: 'conference', title: 'Konferencja', startDate: '2026-05-01' })
      .returning()
      .get().id
    const activityId = db
      .insert(plannedActivities)
      .values({ title: 'Plan', dueDate: '2026-05-31' })
      .returning()
      .get().id
    const materialId = db
      .insert(materials)
      .values({ title: 'Ulotka', kind: 'brochure', language: 'pl' })
      .returning()
      .get().id
    const edit = base({
      evidenceUrl: ' https://dzienniklodzki.pl/artykul ',
      participants: 5,
      onlineReach: 1500,
      engagements: 75,
      eventId,
      activityId,
      materialId,
    })
    expect(db.transaction((tx) => updateAction(tx, id, edit, demo.partner()))).toBe(true)
    const values = {
      evidenceUrl: 'https://dzienniklodzki.pl/artykul',
      participants: 5,
      onlineReach: 1500,
      engagements: 75,
      eventId,
      activityId,
      materialId,
    }
    expect(row(id)).toMatchObject(values)
    expect(lastAudit('action', id).after).toEqual(values)
  })

  it('refuses a partner a validated action, and another partner’s action moved to its own', () => {
    const partner = demo.partner()
    const id = db.transaction((tx) => createAction(tx, base(), partner))
    db.transaction((tx) => setActionStatus(tx, id, 'validated', demo.comms()))
    expect(() => db.transaction((tx) => updateAction(tx, id, base({ title: 'Zmiana' }), partner))).toThrow(
      ActionForbiddenError,
    )
    const theirs = db.transaction((tx) =>
      createAction(tx, base({ partnerId: demo.partner2().partnerId! }), demo.partner2()),
    )
    expect(() => db.transaction((tx) => updateAction(tx, theirs, base(), partner))).toThrow(
      ActionForbiddenError,
    )
    expect(row(theirs).partnerId).toBe(demo.partner2().partnerId)
    const mine = db.transaction((tx) => createAction(tx, base(), partner))
    expect(() =>
      db.transaction((tx) =>
        updateAction(tx, mine, base({ partnerId: demo.partner2().partnerId! }), partner),
      ),
    ).toThrow('cannot move the action to this partner')
  })
})

describe('messages and unknown types', () => {
  it('says why an interaction is refused to a user without a partner', () => {
    const nobody = { id: demo.viewer().id, role: 'partner' as const, partnerId: null }
    const stakeholderId = s[0]
    expect(() =>
      db.transaction((tx) =>
        logInteraction(tx, { stakeholderId, kind: 'meeting', date: '2026-04-02', title: 'x' }, nobody),
      ),
    ).toThrow('an interaction is logged for the user’s own partner')
  })

  it('infers nothing from a type that does not exist', () => {
    const website = db.select().from(channels).where(eq(channels.key, 'website')).get()!.id
    const inferred = withInferredDetails(base({ typeId: 987_654, evidenceUrl: 'https://gazeta.pl/a' }))
    expect(inferred).toMatchObject({ typeId: 987_654, channelId: website, stakeholderIds: [] })
  })
})
