import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actions,
  actionTypes,
  channels,
  events,
  materials,
  partners,
  plannedActivities,
  stakeholderCategories,
  stakeholders,
  themes,
  users,
} from '#db/schema'
import {
  ActionForbiddenError,
  type ActionInput,
  createAction,
  logInteraction,
  referenceErrors,
  rememberFormChoices,
  updateAction,
  withInferredDetails,
} from '~/models/actions/index.server'
import { createStakeholder, stakeholderInputSchema } from '~/models/stakeholders/index.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { channelId, typeId } from '../setup/records'

const archivedAt = '2026-01-01T00:00:00.000Z'
const row = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!

let partnerId: number
let eventId: number
let activityId: number
let materialId: number
let stakeholderId: number
let themeId: number

beforeAll(() => {
  partnerId = db
    .insert(partners)
    .values({ name: 'Donostia-San Sebastián', country: 'ES' })
    .returning()
    .get().id
  eventId = db
    .insert(events)
    .values({ kind: 'webinar', title: 'Mintegia', startDate: '2026-03-01' })
    .returning()
    .get().id
  activityId = db
    .insert(plannedActivities)
    .values({ title: 'Kanpaina', dueDate: '2026-03-31' })
    .returning()
    .get().id
  materialId = db
    .insert(materials)
    .values({ title: 'Liburuxka', kind: 'brochure', language: 'eu' })
    .returning()
    .get().id
  stakeholderId = db.select().from(stakeholders).limit(1).get()!.id
  themeId = db.select().from(themes).limit(1).get()!.id
})

const base = (over: Partial<ActionInput> = {}): ActionInput => ({
  partnerId,
  typeId: typeId('webinar'),
  date: '2026-03-14',
  title: 'Mintegia Gasteizko Udalarekin',
  ...over,
})
const log = (over: Partial<ActionInput> = {}) =>
  db.transaction((tx) => createAction(tx, base(over), demo.comms()))

describe('createAction: what it stores and audits', () => {
  it('audits every stored value and the sorted links', () => {
    const id = log({
      channelId: channelId('online_event'),
      description: '  Deskribapena  ',
      evidenceUrl: ' https://www.donostia.eus/a ',
      participants: 0,
      onlineReach: 250,
      engagements: 12,
      eventId,
      activityId,
      materialId,
      languages: ['ES', 'eu'],
      stakeholderIds: [stakeholderId],
      themeIds: [themeId],
      status: 'submitted',
    })
    const stored = row(id)
    expect(stored).toMatchObject({
      description: 'Deskribapena',
      evidenceUrl: 'https://www.donostia.eus/a',
      participants: 0,
      status: 'submitted',
    })
    expect(stored.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(lastAudit('action', id)).toMatchObject({
      userId: demo.comms().id,
      action: 'create',
      before: null,
      summary: 'Mintegia Gasteizko Udalarekin',
      after: {
        partnerId,
        createdBy: demo.comms().id,
        date: '2026-03-14',
        month: '2026-03',
        typeId: typeId('webinar'),
        channelId: channelId('online_event'),
        title: 'Mintegia Gasteizko Udalarekin',
        description: 'Deskribapena',
        evidenceUrl: 'https://www.donostia.eus/a',
        participants: 0,
        onlineReach: 250,
        engagements: 12,
        status: 'submitted',
        submittedAt: stored.submittedAt,
        eventId,
        activityId,
        materialId,
        clientKey: null,
        languages: ['es', 'eu'],
        stakeholderIds: [stakeholderId],
        themeIds: [themeId],
      },
    })
  })

  it('keeps a draft unsubmitted and stores absent values as null', () => {
    const id = log({ status: 'draft', evidenceUrl: '' })
    expect(row(id)).toMatchObject({
      status: 'draft',
      submittedAt: null,
      channelId: null,
      description: null,
      evidenceUrl: null,
      participants: null,
      onlineReach: null,
      engagements: null,
      eventId: null,
      activityId: null,
      materialId: null,
      clientKey: null,
    })
    expect(() => db.transaction((tx) => createAction(tx, base({ partnerId }), demo.partner()))).toThrow(
      'cannot log actions for this partner',
    )
  })
})

describe('updateAction: the audit of an edit', () => {
  it('audits only the changed fields, before and after, and stamps the update', () => {
    const id = log({ participants: 10, description: 'Stary opis' })
    // Stamped in the past: a creation and an edit can fall in the same millisecond.
    const OLD = '2001-01-01T00:00:00.000Z'
    db.update(actions).set({ updatedAt: OLD }).where(eq(actions.id, id)).run()
    const edited = db.transaction((tx) =>
      updateAction(
        tx,
        id,
        {
          ...base(),
          title: ' Nowy tytuł ',
          participants: 10,
          description: '  ',
          channelId: channelId('website'),
          stakeholderIds: [stakeholderId],
        },
        demo.comms(),
      ),
    )
    expect(edited).toBe(true)
    expect(lastAudit('action', id)).toMatchObject({
      userId: demo.comms().id,
      action: 'update',
      summary: 'Nowy tytuł',
      before: {
        title: 'Mintegia Gasteizko Udalarekin',
        description: 'Stary opis',
        channelId: null,
        stakeholderIds: [],
      },
      after: {
        title: 'Nowy tytuł',
        description: null,
        channelId: channelId('website'),
        stakeholderIds: [stakeholderId],
      },
    })
    expect(Object.keys(lastAudit('action', id).after as object).sort()).toEqual([
      'channelId',
      'description',
      'stakeholderIds',
      'title',
    ])
    expect(row(id).updatedAt > OLD).toBe(true)
    expect(row(id)).toMatchObject({ title: 'Nowy tytuł', description: null, participants: 10 })
  })

  it('writes nothing for an unchanged edit, and refuses an archived action', () => {
    const id = log({ languages: ['eu'], eventId })
    const audit = lastAudit('action', id).id
    const same = { ...base(), title: ' Mintegia Gasteizko Udalarekin ', languages: ['EU'], eventId }
    expect(db.transaction((tx) => updateAction(tx, id, same, demo.comms()))).toBe(false)
    expect(lastAudit('action', id).id).toBe(audit)
    db.update(actions).set({ archivedAt }).where(eq(actions.id, id)).run()
    expect(() => db.transaction((tx) => updateAction(tx, id, same, demo.comms()))).toThrow('not found')
  })

  it('re-submits a returned action with the edit; a validated one is not re-submitted', () => {
    const id = log()
    db.update(actions).set({ status: 'returned' }).where(eq(actions.id, id)).run()
    expect(db.transaction((tx) => updateAction(tx, id, { ...base(), submit: true }, demo.comms()))).toBe(true)
    expect(row(id).status).toBe('submitted')
    db.update(actions).set({ status: 'validated' }).where(eq(actions.id, id)).run()
    expect(db.transaction((tx) => updateAction(tx, id, { ...base(), submit: true }, demo.comms()))).toBe(
      false,
    )
    expect(row(id).status).toBe('validated')
  })
})

describe('logInteraction and rememberFormChoices', () => {
  it('logs the user’s partner’s interaction without a note as no description, with the stakeholder', () => {
    const id = db.transaction((tx) =>
      logInteraction(
        tx,
        { stakeholderId, kind: 'email', date: '2026-04-02', title: 'E-mail' },
        demo.partner(),
      ),
    )
    expect(row(id)).toMatchObject({
      partnerId: demo.partner().partnerId,
      description: null,
      status: 'submitted',
    })
    expect(lastAudit('action', id).after).toMatchObject({ stakeholderIds: [stakeholderId] })
    const nobody = { id: demo.partner().id, role: 'partner' as const, partnerId: null }
    expect(() =>
      db.transaction((tx) =>
        logInteraction(tx, { stakeholderId, kind: 'call', date: '2026-04-02', title: 'x' }, nobody),
      ),
    ).toThrow(ActionForbiddenError)
  })

  it('throws when even the "other" type is gone', () => {
    expect(() =>
      db.transaction((tx) => {
        tx.update(actionTypes).set({ archivedAt }).where(eq(actionTypes.key, 'other')).run()
        logInteraction(tx, { stakeholderId, kind: 'email', date: '2026-04-02', title: 'x' }, demo.partner())
      }),
    ).toThrow('no action type other')
  })

  it('remembers no channel as none', () => {
    const viewer = demo.viewer()
    rememberFormChoices(db, viewer.id, { typeId: 2 })
    expect(db.select().from(users).where(eq(users.id, viewer.id)).get()!.actionFormMemory).toEqual({
      typeId: 2,
      languages: [],
    })
  })
})

describe('referenceErrors, one reference at a time', () => {
  it('names only the field that points at nothing', () => {
    const none = 987_654
    const ok = {
      ...base(),
      stakeholderIds: [stakeholderId],
      themeIds: [themeId],
      eventId,
      activityId,
      materialId,
    }
    expect(referenceErrors(ok)).toEqual({})
    const choose = ['common:errors.choose']
    expect(referenceErrors({ ...ok, typeId: none })).toEqual({ typeId: choose })
    expect(referenceErrors({ ...ok, channelId: none })).toEqual({ channelId: choose })
    expect(referenceErrors({ ...ok, partnerId: none })).toEqual({ partnerId: choose })
    expect(referenceErrors({ ...ok, stakeholderIds: [stakeholderId, none] })).toEqual({
      stakeholderIds: ['common:errors.invalid'],
    })
    expect(referenceErrors({ ...ok, themeIds: [none] })).toEqual({ themeIds: ['common:errors.invalid'] })
    expect(referenceErrors({ ...ok, eventId: none })).toEqual({ eventId: choose })
    expect(referenceErrors({ ...ok, activityId: none })).toEqual({ activityId: choose })
    expect(referenceErrors({ ...ok, materialId: none })).toEqual({ materialId: choose })
    expect(
      referenceErrors({ ...ok, channelId: null, eventId: null, activityId: null, materialId: null }),
    ).toEqual({})
  })

  it('refuses an archived type unless the action already had it; archived events and partners still do', () => {
    const type = db
      .insert(actionTypes)
      .values({ name: 'Stary typ', sortOrder: 900, archivedAt })
      .returning()
      .get().id
    expect(referenceErrors(base({ typeId: type }))).toEqual({ typeId: ['common:errors.choose'] })
    expect(referenceErrors(base({ typeId: type }), { typeId: type })).toEqual({})
    expect(referenceErrors(base({ typeId: type }), { typeId: type + 1 })).toEqual({
      typeId: ['common:errors.choose'],
    })
    const oldEvent = db
      .insert(events)
      .values({ kind: 'webinar', title: 'Stary', startDate: '2025-01-01', archivedAt })
      .returning()
      .get().id
    expect(referenceErrors(base({ eventId: oldEvent }))).toEqual({})
  })
})

describe('the press outlet a link names', () => {
  it('ignores archived and merged outlets and takes the oldest live one', () => {
    const media = db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'media')).get()!
    const outlet = (name: string) =>
      db.transaction((tx) =>
        createStakeholder(
          tx,
          stakeholderInputSchema.parse({
            name,
            categoryId: media.id,
            website: 'https://www.gazeta-pomorska-test.pl',
          }),
          demo.comms(),
        ),
      )
    const archived = outlet('Gazeta Pomorska (archiwum)')
    const merged = outlet('Gazeta Pomorska (scalona)')
    const oldest = outlet('Gazeta Pomorska')
    const newer = outlet('Gazeta Pomorska bis')
    db.update(stakeholders).set({ archivedAt }).where(eq(stakeholders.id, archived)).run()
    db.update(stakeholders).set({ mergedIntoId: oldest }).where(eq(stakeholders.id, merged)).run()
    const infer = (evidenceUrl: string | undefined, type = 'press') =>
      withInferredDetails(base({ typeId: typeId(type), evidenceUrl, stakeholderIds: [stakeholderId] }))
    expect(newer).toBeGreaterThan(oldest)
    expect(infer('https://gazeta-pomorska-test.pl/artykul').stakeholderIds).toEqual([stakeholderId, oldest])
    expect(infer(undefined).stakeholderIds).toEqual([stakeholderId])
    expect(infer('https://gazeta-pomorska-test.pl/artykul', 'web_news').stakeholderIds).toEqual([
      stakeholderId,
    ])
    expect(infer('nie ma linku').stakeholderIds).toEqual([stakeholderId])
    db.update(stakeholders).set({ archivedAt }).where(eq(stakeholders.id, oldest)).run()
    expect(infer('https://gazeta-pomorska-test.pl/artykul').stakeholderIds).toEqual([stakeholderId, newer])
  })

  it('leaves an archived channel out of the inference, falling back to the memory', () => {
    const linkedin = channelId('linkedin')
    db.transaction((tx) => {
      tx.update(channels).set({ archivedAt }).where(eq(channels.id, linkedin)).run()
      const inferred = withInferredDetails(
        base({ typeId: typeId('social_post'), evidenceUrl: 'https://linkedin.com/posts/a' }),
      )
      expect(inferred.channelId).toBeNull()
      const remembered = withInferredDetails(
        base({ typeId: typeId('social_post'), evidenceUrl: 'https://linkedin.com/posts/a' }),
        { typeId: typeId('social_post') },
      )
      expect(remembered.channelId).toBeNull()
      tx.update(channels).set({ archivedAt: null }).where(eq(channels.id, linkedin)).run()
    })
  })
})
