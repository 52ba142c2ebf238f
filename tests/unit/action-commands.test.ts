import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actionLanguages,
  actions,
  actionTypes,
  auditLog,
  channels,
  notifications,
  stakeholderCategories,
  stakeholders,
  themes,
  users,
} from '#db/schema'
import {
  ActionForbiddenError,
  actionIdByClientKey,
  type ActionInput,
  archiveAction,
  assertInput,
  createAction,
  listNotifications,
  logInteraction,
  markRead,
  notifyActionReturned,
  referenceErrors,
  rememberFormChoices,
  updateAction,
  withInferredDetails,
} from '~/models/actions/index.server'
import { createStakeholder, stakeholderInputSchema } from '~/models/stakeholders/index.server'

import { demo } from '../setup/actors'
import { channelId, typeId } from '../setup/records'

const actionRow = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!
const trail = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id)
    .all()

const base = (over: Partial<ActionInput> = {}): ActionInput => ({
  partnerId: demo.partner().partnerId!,
  typeId: typeId('presentation'),
  date: '2026-03-14',
  title: 'Prezentacja w Urzędzie Miasta Łodzi',
  ...over,
})
const log = (over: Partial<ActionInput> = {}, by = demo.partner()) =>
  db.transaction((tx) => createAction(tx, base(over), by))

describe('assertInput', () => {
  it('refuses what the form would have refused', () => {
    const ok = base({ participants: 0, onlineReach: 12, engagements: null, evidenceUrl: 'https://lodz.pl/a' })
    expect(() => assertInput(ok)).not.toThrow()
    expect(() => assertInput(base({ date: '2026-02-30' }))).toThrow('invalid date: 2026-02-30')
    expect(() => assertInput(base({ participants: -1 }))).toThrow(
      'figures must be whole numbers, never negative',
    )
    expect(() => assertInput(base({ onlineReach: 1.5 }))).toThrow('figures must be whole numbers')
    expect(() => assertInput(base({ engagements: -3 }))).toThrow('figures must be whole numbers')
    expect(() => assertInput(base({ evidenceUrl: 'javascript:alert(1)' }))).toThrow(
      'evidence link must be http(s)',
    )
    expect(() => assertInput(base({ title: '   ' }))).toThrow('title is required')
    expect(() => assertInput(base({ clientKey: 'not-a-uuid' }))).toThrow('client key must be a UUID')
    expect(() => assertInput(base({ clientKey: '' }))).not.toThrow()
  })
})

describe('createAction', () => {
  it('stores trimmed text, empty optional text as null, lower-case unique languages, and audits the links', () => {
    const id = log({
      title: '  Spotkanie z Gminą  ',
      description: '   ',
      languages: ['PL', 'pl', 'en'],
    })
    expect(actionRow(id)).toMatchObject({
      title: 'Spotkanie z Gminą',
      description: null,
      evidenceUrl: null,
      month: '2026-03',
      status: 'submitted',
      createdBy: demo.partner().id,
    })
    expect(
      db
        .select({ l: actionLanguages.language })
        .from(actionLanguages)
        .where(eq(actionLanguages.actionId, id))
        .all()
        .map((r) => r.l)
        .sort(),
    ).toEqual(['en', 'pl'])
    expect(trail(id)[0]).toMatchObject({
      action: 'create',
      summary: 'Spotkanie z Gminą',
      after: expect.objectContaining({ languages: ['en', 'pl'], stakeholderIds: [], themeIds: [] }),
    })
  })

  it('logs a submission key once per user: a resend returns the same action and writes nothing', () => {
    const key = crypto.randomUUID()
    const first = log({ clientKey: key })
    expect(actionIdByClientKey(db, demo.partner().id, key)).toBe(first)
    expect(actionIdByClientKey(db, demo.comms().id, key)).toBeNull()
    const audits = trail(first).length
    expect(log({ clientKey: key, title: 'Resent' })).toBe(first)
    expect(actionRow(first).title).toBe('Prezentacja w Urzędzie Miasta Łodzi')
    expect(trail(first)).toHaveLength(audits)
    // Another user's same key is another action.
    const other = log({ clientKey: key }, demo.comms())
    expect(other).not.toBe(first)
    expect(actionRow(log({ clientKey: '' })).clientKey).toBeNull()
  })
})

describe('updateAction', () => {
  it('audits changed links; a partner may not move the action to another partner', () => {
    const [theme] = db.select().from(themes).limit(1).all()
    const id = log({ languages: ['pl'] })
    const changed = db.transaction((tx) =>
      updateAction(tx, id, { ...base(), languages: ['pl', 'EN'], themeIds: [theme!.id] }, demo.partner()),
    )
    expect(changed).toBe(true)
    expect(trail(id).at(-1)).toMatchObject({
      action: 'update',
      before: { languages: ['pl'], themeIds: [] },
      after: { languages: ['en', 'pl'], themeIds: [theme!.id] },
    })
    expect(() =>
      db.transaction((tx) =>
        updateAction(tx, id, { ...base(), partnerId: demo.partner2().partnerId! }, demo.partner()),
      ),
    ).toThrow(ActionForbiddenError)
    expect(() => db.transaction((tx) => updateAction(tx, id, base(), demo.partner2()))).toThrow(
      ActionForbiddenError,
    )
    expect(() => db.transaction((tx) => updateAction(tx, 987_654, base(), demo.comms()))).toThrow('not found')
  })

  it('submit sends a draft on with the edit; a submitted action is not submitted again', () => {
    const draft = log({ status: 'draft' })
    expect(db.transaction((tx) => updateAction(tx, draft, { ...base(), submit: true }, demo.partner()))).toBe(
      true,
    )
    expect(actionRow(draft).status).toBe('submitted')
    expect(trail(draft).at(-1)).toMatchObject({ action: 'status', summary: 'draft → submitted' })
    const audits = trail(draft).length
    expect(db.transaction((tx) => updateAction(tx, draft, { ...base(), submit: true }, demo.partner()))).toBe(
      false,
    )
    expect(trail(draft)).toHaveLength(audits)
  })
})

describe('archiveAction', () => {
  it('archives for whoever may edit it, audited; refuses others and an archived action', () => {
    const id = log()
    for (const who of [demo.viewer(), demo.partner2()])
      expect(() => db.transaction((tx) => archiveAction(tx, id, who))).toThrow(ActionForbiddenError)
    expect(actionRow(id).archivedAt).toBeNull()
    db.transaction((tx) => archiveAction(tx, id, demo.partner()))
    const { archivedAt } = actionRow(id)
    expect(archivedAt).not.toBeNull()
    expect(trail(id).at(-1)).toMatchObject({
      userId: demo.partner().id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt },
      summary: 'Prezentacja w Urzędzie Miasta Łodzi',
    })
    expect(() => db.transaction((tx) => archiveAction(tx, id, demo.comms()))).toThrow('not found')
  })
})

describe('logInteraction', () => {
  it('logs a meeting, a call or an e-mail with one stakeholder for the user’s own partner', () => {
    const [stakeholder] = db.select({ id: stakeholders.id }).from(stakeholders).limit(1).all()
    const interaction = (kind: 'meeting' | 'call' | 'email') =>
      db.transaction((tx) =>
        logInteraction(
          tx,
          {
            stakeholderId: stakeholder!.id,
            kind,
            date: '2026-04-02',
            title: `Kontakt ${kind}`,
            note: 'Notatka',
          },
          demo.partner(),
        ),
      )
    const meeting = actionRow(interaction('meeting'))
    expect(meeting).toMatchObject({
      partnerId: demo.partner().partnerId,
      typeId: typeId('bilateral_meeting'),
      channelId: channelId('in_person'),
      title: 'Kontakt meeting',
      description: 'Notatka',
      status: 'submitted',
    })
    expect(actionRow(interaction('call'))).toMatchObject({
      typeId: typeId('bilateral_meeting'),
      channelId: channelId('other'),
    })
    expect(actionRow(interaction('email'))).toMatchObject({
      typeId: typeId('other'),
      channelId: channelId('other'),
    })
    expect(() =>
      db.transaction((tx) =>
        logInteraction(
          tx,
          { stakeholderId: stakeholder!.id, kind: 'call', date: '2026-04-02', title: 'x' },
          demo.admin(),
        ),
      ),
    ).toThrow(ActionForbiddenError)
  })

  it('falls back to the "other" type and no channel when the mapped ones are archived', () => {
    const [stakeholder] = db.select({ id: stakeholders.id }).from(stakeholders).limit(1).all()
    const at = '2026-01-01T00:00:00.000Z'
    db.transaction((tx) => {
      tx.update(actionTypes).set({ archivedAt: at }).where(eq(actionTypes.key, 'bilateral_meeting')).run()
      tx.update(channels).set({ archivedAt: at }).where(eq(channels.key, 'in_person')).run()
      const id = logInteraction(
        tx,
        { stakeholderId: stakeholder!.id, kind: 'meeting', date: '2026-04-03', title: 'Fallback' },
        demo.partner(),
      )
      expect(tx.select().from(actions).where(eq(actions.id, id)).get()).toMatchObject({
        typeId: typeId('other'),
        channelId: null,
        description: null,
      })
      tx.update(actionTypes).set({ archivedAt: null }).where(eq(actionTypes.key, 'bilateral_meeting')).run()
      tx.update(channels).set({ archivedAt: null }).where(eq(channels.key, 'in_person')).run()
    })
  })
})

describe('form memory and inferred details', () => {
  it('rememberFormChoices keeps the last type, channel and unique languages', () => {
    const partner = demo.partner()
    rememberFormChoices(db, partner.id, { typeId: 3, channelId: null, languages: ['eu', 'es', 'eu'] })
    const memory = () => db.select().from(users).where(eq(users.id, partner.id)).get()!.actionFormMemory
    expect(memory()).toEqual({ typeId: 3, languages: ['eu', 'es'] })
    rememberFormChoices(db, partner.id, { typeId: 4, channelId: 7 })
    expect(memory()).toEqual({ typeId: 4, channelId: 7, languages: [] })
  })

  it('withInferredDetails fills the channel from the link, the type or the memory, and adds the press outlet', () => {
    const infer = (over: Partial<ActionInput>, memory?: { typeId?: number; channelId?: number }) =>
      withInferredDetails(base(over), memory)
    expect(infer({ evidenceUrl: 'https://www.linkedin.com/posts/x' }).channelId).toBe(channelId('linkedin'))
    expect(infer({}).channelId).toBe(channelId('in_person'))
    expect(infer({ channelId: channelId('website') }).channelId).toBe(channelId('website'))
    const other = typeId('other')
    expect(infer({ typeId: other }).channelId).toBeNull()
    expect(infer({ typeId: other }, { typeId: other, channelId: channelId('radio_tv') }).channelId).toBe(
      channelId('radio_tv'),
    )
    expect(infer({ typeId: other }, { typeId: typeId('presentation'), channelId: 5 }).channelId).toBeNull()

    const media = db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'media')).get()!
    const outlet = db.transaction((tx) =>
      createStakeholder(
        tx,
        stakeholderInputSchema.parse({
          name: 'Gazeta Łódzka Test',
          categoryId: media.id,
          website: 'https://www.gazeta-lodzka-test.pl',
        }),
        demo.comms(),
      ),
    )
    const press = typeId('press')
    const article = infer({
      typeId: press,
      evidenceUrl: 'https://gazeta-lodzka-test.pl/artykul/1',
      stakeholderIds: [],
    })
    expect(article.stakeholderIds).toEqual([outlet])
    expect(article.channelId).toBe(channelId('print_press'))
    expect(
      infer({ typeId: press, evidenceUrl: 'https://gazeta-lodzka-test.pl/a', stakeholderIds: [outlet] })
        .stakeholderIds,
    ).toEqual([outlet])
    expect(infer({ typeId: press, evidenceUrl: 'https://elsewhere-test.pl/a' }).stakeholderIds).toEqual([])
    expect(infer({ evidenceUrl: 'https://gazeta-lodzka-test.pl/a' }).stakeholderIds).toEqual([])
  })
})

describe('referenceErrors', () => {
  it('names each reference that points at nothing, or at an archived type or channel not kept', () => {
    expect(referenceErrors(base())).toEqual({})
    const none = 987_654
    expect(
      referenceErrors({
        partnerId: none,
        typeId: none,
        channelId: none,
        stakeholderIds: [none],
        themeIds: [none],
        eventId: none,
        activityId: none,
        materialId: none,
      }),
    ).toEqual({
      typeId: ['common:errors.choose'],
      channelId: ['common:errors.choose'],
      partnerId: ['common:errors.choose'],
      stakeholderIds: ['common:errors.invalid'],
      themeIds: ['common:errors.invalid'],
      eventId: ['common:errors.choose'],
      activityId: ['common:errors.choose'],
      materialId: ['common:errors.choose'],
    })
    const archivedChannel = channelId('radio_tv')
    db.update(channels)
      .set({ archivedAt: '2026-01-01T00:00:00.000Z' })
      .where(eq(channels.id, archivedChannel))
      .run()
    try {
      expect(referenceErrors(base({ channelId: archivedChannel }))).toEqual({
        channelId: ['common:errors.choose'],
      })
      expect(referenceErrors(base({ channelId: archivedChannel }), { channelId: archivedChannel })).toEqual(
        {},
      )
    } finally {
      db.update(channels).set({ archivedAt: null }).where(eq(channels.id, archivedChannel)).run()
    }
  })
})

describe('notifications', () => {
  it('tells the creator and the partner’s active partner users, never the reviewer; lists unread first; marks read', () => {
    const comms = demo.comms()
    const partner = demo.partner()
    const id = log()
    const sent = db.transaction((tx) =>
      notifyActionReturned(tx, {
        actionId: id,
        partnerId: partner.partnerId!,
        createdBy: comms.id,
        comment: 'Brakuje linku',
        by: comms.id,
      }),
    )
    const partnerUsers = db
      .select()
      .from(users)
      .where(and(eq(users.partnerId, partner.partnerId!), eq(users.role, 'partner')))
      .all()
      .filter((u) => !u.deactivatedAt)
    expect(sent).toBe(partnerUsers.length)
    const toCreator = db.transaction((tx) =>
      notifyActionReturned(tx, {
        actionId: id,
        partnerId: partner.partnerId!,
        createdBy: comms.id,
        comment: 'Drugi raz',
        by: partner.id,
      }),
    )
    expect(toCreator).toBe(partnerUsers.length) // the creator (comms) in, the reviewer (partner) out
    const mine = listNotifications(partner.id, { limit: 100, offset: 0 })
    expect(mine.rows[0]).toMatchObject({
      kind: 'action_returned',
      actionId: id,
      actionTitle: 'Prezentacja w Urzędzie Miasta Łodzi',
      message: 'Brakuje linku',
      readAt: null,
    })
    expect(mine.total).toBe(mine.rows.length)
    const forComms = listNotifications(comms.id, { limit: 100, offset: 0 }).rows
    expect(forComms[0]).toMatchObject({ message: 'Drugi raz' })
    expect(markRead(partner.id, forComms[0]!.id)).toBe(0)
    expect(markRead(comms.id, forComms[0]!.id)).toBe(1)
    expect(markRead(comms.id, forComms[0]!.id)).toBe(0)
    // Unread first: the one just read comes after every unread one.
    const after = listNotifications(comms.id, { limit: 100, offset: 0 }).rows
    const readAt = after.findIndex((n) => n.id === forComms[0]!.id)
    expect(after.slice(0, readAt).every((n) => !n.readAt)).toBe(true)
    expect(after[readAt]!.readAt).not.toBeNull()
    const unread = after.filter((n) => !n.readAt).length
    expect(markRead(comms.id, 'all')).toBe(unread)
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, comms.id))
        .all()
        .every((n) => n.readAt),
    ).toBe(true)
    expect(
      db.transaction((tx) =>
        notifyActionReturned(tx, {
          actionId: id,
          partnerId: 987_654,
          createdBy: null,
          comment: 'x',
          by: comms.id,
        }),
      ),
    ).toBe(0)
  })
})
