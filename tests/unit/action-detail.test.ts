import { and, count, eq, isNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actionEvidence,
  actions,
  events,
  materials,
  partners,
  plannedActivities,
  project,
  stakeholderCategories,
  themes,
  users,
} from '#db/schema'
import {
  type ActionInput,
  createAction,
  formMemory,
  formOptions,
  getAction,
  quickFormOptions,
  rememberFormChoices,
  reviewQueue,
  setActionStatus,
} from '~/models/actions/index.server'
import { createStakeholder, stakeholderInputSchema } from '~/models/stakeholders/index.server'

import { demo } from '../setup/actors'
import { channelId, typeId } from '../setup/records'

const mediaCategory = () =>
  db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'media')).get()!.id
const newStakeholder = (name: string) =>
  db.transaction((tx) =>
    createStakeholder(tx, stakeholderInputSchema.parse({ name, categoryId: mediaCategory() }), demo.comms()),
  )
const newTheme = (name: string) => db.insert(themes).values({ name }).returning().get().id

let partnerId: number
let eventId: number
let activityId: number
let materialId: number
let zeta: number
let alpha: number
let themeB: number
let themeA: number

beforeAll(() => {
  partnerId = db.insert(partners).values({ name: 'Târgu Mureș', country: 'RO' }).returning().get().id
  eventId = db
    .insert(events)
    .values({ kind: 'webinar', title: 'Webinar w Łodzi', startDate: '2026-03-01' })
    .returning()
    .get().id
  activityId = db
    .insert(plannedActivities)
    .values({ title: 'Kampania Θεσσαλονίκη', dueDate: '2026-03-31', partnerId })
    .returning()
    .get().id
  materialId = db
    .insert(materials)
    .values({ title: 'Ulotka Gasteizko Udala', kind: 'brochure', language: 'eu' })
    .returning()
    .get().id
  zeta = newStakeholder('Żyrardów Urząd')
  alpha = newStakeholder('Alba Iulia Primăria')
  themeB = newTheme('Zielone miasto')
  themeA = newTheme('Apă curată')
})

const input = (over: Partial<ActionInput> = {}): ActionInput => ({
  partnerId,
  typeId: typeId('webinar'),
  date: '2026-03-14',
  title: 'Webinar Čeněk Šťastný',
  ...over,
})
const log = (over: Partial<ActionInput> = {}) =>
  db.transaction((tx) => createAction(tx, input(over), demo.comms()))

describe('getAction', () => {
  it('returns the action with its names, sorted languages, stakeholders and themes by name, and its evidence', () => {
    const id = log({
      channelId: channelId('online_event'),
      description: 'Opis',
      evidenceUrl: 'https://lodz.pl/webinar',
      languages: ['ro', 'el', 'pl'],
      stakeholderIds: [zeta, alpha],
      themeIds: [themeB, themeA],
      eventId,
      activityId,
      materialId,
    })
    db.transaction((tx) => setActionStatus(tx, id, 'validated', demo.comms()))
    db.insert(actionEvidence)
      .values({ actionId: id, url: 'https://lodz.pl/webinar', status: 'ok', title: 'Webinar' })
      .run()
    const action = getAction(id)!
    expect(action).toMatchObject({
      id,
      partnerId,
      title: 'Webinar Čeněk Šťastný',
      description: 'Opis',
      status: 'validated',
      partnerName: 'Târgu Mureș',
      typeKey: 'webinar',
      typeName: 'Webinar',
      channelKey: 'online_event',
      channelName: 'Online event',
      createdByName: db.select().from(users).where(eq(users.id, demo.comms().id)).get()!.name,
      validatedByName: db.select().from(users).where(eq(users.id, demo.comms().id)).get()!.name,
      eventTitle: 'Webinar w Łodzi',
      activityTitle: 'Kampania Θεσσαλονίκη',
      materialTitle: 'Ulotka Gasteizko Udala',
      languages: ['el', 'pl', 'ro'],
      stakeholders: [
        { id: alpha, name: 'Alba Iulia Primăria', archivedAt: null },
        { id: zeta, name: 'Żyrardów Urząd', archivedAt: null },
      ],
      themes: [
        { id: themeA, name: 'Apă curată' },
        { id: themeB, name: 'Zielone miasto' },
      ],
      evidence: { actionId: id, url: 'https://lodz.pl/webinar', status: 'ok', title: 'Webinar' },
    })
    expect(action).not.toHaveProperty('action')
  })

  it('gives nulls and empty lists for what a bare action lacks, and null for no action', () => {
    const id = log()
    expect(getAction(id)).toMatchObject({
      channelKey: null,
      channelName: null,
      eventTitle: null,
      activityTitle: null,
      materialTitle: null,
      validatedBy: null,
      validatedByName: null,
      languages: [],
      stakeholders: [],
      themes: [],
      evidence: null,
    })
    expect(getAction(987_654)).toBeNull()
  })
})

describe('reviewQueue', () => {
  const submitted = () =>
    db
      .select({ n: count() })
      .from(actions)
      .where(and(eq(actions.status, 'submitted'), isNull(actions.archivedAt)))
      .get()!.n

  it('lists submitted actions oldest submission first (then by id), counting them all', () => {
    const first = log({ title: 'Najstarsze' })
    const second = log({ title: 'Drugie' })
    const third = log({ title: 'Trzecie' })
    const at = (id: number, submittedAt: string) =>
      db.update(actions).set({ submittedAt }).where(eq(actions.id, id)).run()
    at(first, '2000-01-01T00:00:00.000Z')
    at(second, '2000-01-02T00:00:00.000Z')
    at(third, '2000-01-02T00:00:00.000Z')
    const queue = reviewQueue(3)
    expect(queue.items.map((a) => [a.id, a.title])).toEqual([
      [first, 'Najstarsze'],
      [second, 'Drugie'],
      [third, 'Trzecie'],
    ])
    expect(queue.total).toBe(submitted())
    expect(queue.total).toBeGreaterThan(3)
    expect(reviewQueue().items).toHaveLength(Math.min(50, submitted()))
  })

  it('leaves out drafts, reviewed and archived actions', () => {
    const before = submitted()
    const draft = log({ status: 'draft' })
    const archived = log()
    db.update(actions).set({ archivedAt: '2026-03-15T00:00:00.000Z' }).where(eq(actions.id, archived)).run()
    const validated = log()
    db.transaction((tx) => setActionStatus(tx, validated, 'validated', demo.comms()))
    const queue = reviewQueue(1000)
    expect(queue.total).toBe(before)
    expect(queue.items.map((a) => a.id)).not.toContain(draft)
    expect(queue.items.map((a) => a.id)).not.toContain(archived)
    expect(queue.items.map((a) => a.id)).not.toContain(validated)
    expect(queue.items.every((a) => a.status === 'submitted' && a.archivedAt === null)).toBe(true)
  })
})

describe('formOptions', () => {
  it('offers live partners and themes by name, events and activities newest first, approved materials by title', () => {
    const archivedAt = '2026-01-01T00:00:00.000Z'
    const oldPartner = db
      .insert(partners)
      .values({ name: 'Donostia-San Sebastián (old)', country: 'ES', archivedAt })
      .returning()
      .get().id
    const oldTheme = db.insert(themes).values({ name: 'Stary temat', archivedAt }).returning().get().id
    const oldEvent = db
      .insert(events)
      .values({ kind: 'webinar', title: 'Archived', startDate: '2030-01-01', archivedAt })
      .returning()
      .get().id
    const lateEvent = db
      .insert(events)
      .values({ kind: 'webinar', title: 'Forum Łódź 2031', startDate: '2031-05-01' })
      .returning()
      .get().id
    const oldActivity = db
      .insert(plannedActivities)
      .values({ title: 'Archived', dueDate: '2031-01-01', archivedAt })
      .returning()
      .get().id
    const lateActivity = db
      .insert(plannedActivities)
      .values({ title: 'Plakat', dueDate: '2031-06-01', partnerId })
      .returning()
      .get().id
    const material = (title: string, over: Partial<typeof materials.$inferInsert> = {}) =>
      db
        .insert(materials)
        .values({ title, kind: 'logo', language: 'pl', ...over })
        .returning()
        .get().id
    const pending = material('Logo pending', { status: 'pending' })
    const archivedMaterial = material('Logo archived', { archivedAt })
    const approved = material('Logo Łódź', { status: 'approved' })

    const options = formOptions()
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id)
    const sorted = (names: string[]) => [...names].sort()
    expect(ids(options.partners)).toContain(partnerId)
    expect(ids(options.partners)).not.toContain(oldPartner)
    expect(options.partners.map((p) => p.name)).toEqual(sorted(options.partners.map((p) => p.name)))
    expect(options.partners.find((p) => p.id === partnerId)).toEqual({ id: partnerId, name: 'Târgu Mureș' })
    expect(ids(options.themes)).toEqual(expect.arrayContaining([themeA, themeB]))
    expect(ids(options.themes)).not.toContain(oldTheme)
    expect(options.themes.map((t) => t.name)).toEqual(sorted(options.themes.map((t) => t.name)))
    expect(options.events[0]).toEqual({ id: lateEvent, title: 'Forum Łódź 2031', startDate: '2031-05-01' })
    expect(ids(options.events)).not.toContain(oldEvent)
    const starts = options.events.map((e) => e.startDate)
    expect(starts).toEqual(sorted(starts).reverse())
    expect(options.activities[0]).toEqual({
      id: lateActivity,
      title: 'Plakat',
      dueDate: '2031-06-01',
      partnerId,
    })
    expect(ids(options.activities)).not.toContain(oldActivity)
    const dues = options.activities.map((a) => a.dueDate)
    expect(dues).toEqual(sorted(dues).reverse())
    expect(options.materials).toContainEqual({ id: approved, title: 'Logo Łódź', language: 'pl' })
    expect(ids(options.materials)).not.toContain(pending)
    expect(ids(options.materials)).not.toContain(archivedMaterial)
    expect(options.materials.map((m) => m.title)).toEqual(sorted(options.materials.map((m) => m.title)))
    expect(options.types.map((t) => t.key)).toContain('webinar')
    expect(options.channels.map((c) => c.key)).toContain('online_event')
    expect(options.types[0]).not.toHaveProperty('labelKey')
  })

  it('quickFormOptions labels the types and channels and adds the project’s working languages', () => {
    const options = quickFormOptions()
    expect(options.types.find((t) => t.key === 'webinar')).toMatchObject({
      name: 'Webinar',
      labelKey: 'actions:types.webinar',
    })
    expect(options.channels.find((c) => c.key === 'linkedin')).toMatchObject({
      labelKey: 'actions:channels.linkedin',
    })
    expect(options.languages).toEqual(['en', 'es', 'pt', 'it', 'fr', 'pl', 'fi'])
    expect(options.partners).toEqual(formOptions().partners)
    // Without a project yet, English.
    expect(() =>
      db.transaction((tx) => {
        tx.delete(project).run()
        expect(quickFormOptions().languages).toEqual(['en'])
        throw new Error('roll back')
      }),
    ).toThrow('roll back')
    expect(quickFormOptions().languages).toHaveLength(7)
  })

  it('formMemory reads the last choices, or nothing', () => {
    const partner = demo.partner2()
    rememberFormChoices(db, partner.id, { typeId: 5, channelId: 6, languages: ['el'] })
    expect(formMemory(partner.id)).toEqual({ typeId: 5, channelId: 6, languages: ['el'] })
    expect(formMemory(987_654)).toEqual({})
  })
})
