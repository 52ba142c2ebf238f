import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actions,
  actionTypes,
  channels,
  events,
  partners,
  plannedActivities,
  stakeholderCategories,
  stakeholders,
} from '#db/schema'
import {
  actionFormPresets,
  actionPresetParams,
  createAction,
  liveActionLinks,
  searchStakeholdersForPicker,
  stakeholdersByIds,
  suggestedStakeholders,
} from '~/models/actions/index.server'
import { createStakeholder, stakeholderInputSchema } from '~/models/stakeholders/index.server'

import { demo } from '../setup/actors'
import { channelId, typeId } from '../setup/records'

const archivedAt = '2026-01-01T00:00:00.000Z'
const category = () =>
  db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'media')).get()!.id
const newStakeholder = (name: string, over: Record<string, unknown> = {}) =>
  db.transaction((tx) =>
    createStakeholder(
      tx,
      stakeholderInputSchema.parse({ name, categoryId: category(), ...over }),
      demo.comms(),
    ),
  )
const archive = (id: number) =>
  db.update(stakeholders).set({ archivedAt }).where(eq(stakeholders.id, id)).run()
const picked = (rows: { id: number }[]) => rows.map((r) => r.id)

let partnerId: number
let lodz: number
let thessaloniki: number
let brno: number

beforeAll(() => {
  partnerId = db.insert(partners).values({ name: 'Gasteizko Udala', country: 'ES' }).returning().get().id
  lodz = newStakeholder('Urząd Miasta Łodzi', { city: 'Łódź', country: 'PL' })
  thessaloniki = newStakeholder('Δήμος Θεσσαλονίκης', { city: 'Θεσσαλονίκη', country: 'GR' })
  brno = newStakeholder('Brněnské kulturní centrum', { city: 'Brno', country: 'CZ' })
})

describe('stakeholdersByIds and searchStakeholdersForPicker', () => {
  it('gives the chosen stakeholders back by name, and none for no ids', () => {
    expect(stakeholdersByIds([])).toEqual([])
    // At most 500 ids are looked up.
    const unknown = Array.from({ length: 500 }, (_, i) => 900_000 + i)
    expect(stakeholdersByIds([...unknown, lodz])).toEqual([])
    expect(stakeholdersByIds([...unknown.slice(1), lodz]).map((s) => s.id)).toEqual([lodz])
    expect(stakeholdersByIds([lodz, thessaloniki, brno])).toEqual([
      { id: brno, name: 'Brněnské kulturní centrum', city: 'Brno', country: 'CZ' },
      { id: lodz, name: 'Urząd Miasta Łodzi', city: 'Łódź', country: 'PL' },
      { id: thessaloniki, name: 'Δήμος Θεσσαλονίκης', city: 'Θεσσαλονίκη', country: 'GR' },
    ])
  })

  it('searches like the register, live stakeholders only, up to the limit; nothing for blank input', () => {
    expect(searchStakeholdersForPicker('Θεσσαλονίκης')).toEqual([
      { id: thessaloniki, name: 'Δήμος Θεσσαλονίκης', city: 'Θεσσαλονίκη', country: 'GR' },
    ])
    expect(searchStakeholdersForPicker('   ')).toEqual([])
    expect(searchStakeholdersForPicker('')).toEqual([])
    const twin = newStakeholder('Brněnské kulturní centrum II', { city: 'Brno', country: 'CZ' })
    expect(picked(searchStakeholdersForPicker('Brněnské'))).toEqual([brno, twin])
    expect(picked(searchStakeholdersForPicker('Brněnské', 1))).toEqual([brno])
    archive(twin)
    expect(picked(searchStakeholdersForPicker('Brněnské'))).toEqual([brno])
    const many = searchStakeholdersForPicker('a')
    expect(many).toHaveLength(20)
  })
})

describe('suggestedStakeholders', () => {
  it('offers nothing without a partner', () => {
    expect(suggestedStakeholders(null)).toEqual([])
  })

  it('offers those the partner reached lately, newest first, then those it owns by name, each once', () => {
    const owned = (name: string) => newStakeholder(name, { ownerPartnerId: partnerId })
    const ownB = owned('Bilbao Metropoli-30')
    const ownA = owned('Azkoitiko Udala')
    const ownC = owned('Bergara Udala')
    const ownArchived = owned('Aarchived Udala')
    archive(ownArchived)
    const reachedArchived = newStakeholder('Archived reached')
    const hiddenAction = newStakeholder('Reached by an archived action')
    const log = (stakeholderIds: number[], date: string) =>
      db.transaction((tx) =>
        createAction(
          tx,
          { partnerId, typeId: typeId('webinar'), date, title: 'Spotkanie', stakeholderIds },
          demo.comms(),
        ),
      )
    expect(picked(suggestedStakeholders(partnerId))).toEqual([ownA, ownC, ownB])
    log([ownB], '2026-02-01')
    log([lodz], '2026-02-01')
    log([thessaloniki, reachedArchived], '2026-03-01')
    log([brno], '2026-01-01')
    const gone = log([hiddenAction], '2026-04-01')
    db.update(actions).set({ archivedAt }).where(eq(actions.id, gone)).run()
    archive(reachedArchived)
    // By the latest action that reached them (the id), not the date.
    expect(picked(suggestedStakeholders(partnerId))).toEqual([brno, thessaloniki, lodz, ownB, ownA, ownC])
    expect(picked(suggestedStakeholders(partnerId, 5))).toEqual([brno, thessaloniki, lodz, ownB, ownA])
    expect(suggestedStakeholders(partnerId)[0]).toEqual({
      id: brno,
      name: 'Brněnské kulturní centrum',
      city: 'Brno',
      country: 'CZ',
    })
    expect(picked(suggestedStakeholders(partnerId, 4))).toEqual([brno, thessaloniki, lodz, ownB])
    expect(picked(suggestedStakeholders(partnerId, 2))).toEqual([brno, thessaloniki])
    expect(picked(suggestedStakeholders(partnerId, 3))).toEqual([brno, thessaloniki, lodz])
  })
})

describe('action form presets', () => {
  it('reads only positive whole ids from the query string', () => {
    expect(
      actionPresetParams.parse({ stakeholderId: '12', eventId: '-3', activityId: '1.5', like: 'abc' }),
    ).toEqual({ stakeholderId: 12, eventId: undefined, activityId: undefined, like: undefined })
    expect(actionPresetParams.parse({ like: '7', eventId: '0' })).toEqual({ like: 7, eventId: undefined })
    expect(actionPresetParams.parse({ activityId: '9007199254740993' })).toEqual({ activityId: undefined })
  })

  it('keeps an event and an activity only while they exist and are live', () => {
    const event = db
      .insert(events)
      .values({ kind: 'webinar', title: 'Forum', startDate: '2026-05-01' })
      .returning()
      .get().id
    const oldEvent = db
      .insert(events)
      .values({ kind: 'webinar', title: 'Old', startDate: '2026-05-01', archivedAt })
      .returning()
      .get().id
    const activity = db
      .insert(plannedActivities)
      .values({ title: 'Plakat', dueDate: '2026-06-01' })
      .returning()
      .get().id
    expect(liveActionLinks({ eventId: event, activityId: activity })).toEqual({
      eventId: event,
      activityId: activity,
    })
    expect(liveActionLinks({ eventId: oldEvent, activityId: 987_654 })).toEqual({})
    expect(liveActionLinks({ eventId: null, activityId: undefined })).toEqual({})
  })

  it('presets a live stakeholder, and what an activity plans: its event, type, channel and (for who chooses) partner', () => {
    const event = db
      .insert(events)
      .values({ kind: 'conference', title: 'Konferencja', startDate: '2026-09-01' })
      .returning()
      .get().id
    const activity = db
      .insert(plannedActivities)
      .values({
        title: 'Prezentacja',
        dueDate: '2026-09-01',
        partnerId,
        eventId: event,
        typeId: typeId('presentation'),
        channelId: channelId('in_person'),
      })
      .returning()
      .get().id
    expect(actionFormPresets({ stakeholderId: lodz }, demo.partner())).toEqual({ stakeholderIds: [lodz] })
    const gone = newStakeholder('Archiwalny')
    archive(gone)
    expect(actionFormPresets({ stakeholderId: gone, eventId: 987_654 }, demo.partner())).toEqual({})
    expect(actionFormPresets({ activityId: activity }, demo.comms())).toEqual({
      activityId: activity,
      eventId: event,
      typeId: typeId('presentation'),
      channelId: channelId('in_person'),
      partnerId,
    })
    expect(actionFormPresets({ activityId: activity }, demo.partner())).toEqual({
      activityId: activity,
      eventId: event,
      typeId: typeId('presentation'),
      channelId: channelId('in_person'),
    })
    // An event given in the link wins over the activity's.
    const other = db
      .insert(events)
      .values({ kind: 'webinar', title: 'Inne', startDate: '2026-09-02' })
      .returning()
      .get().id
    expect(actionFormPresets({ activityId: activity, eventId: other }, demo.comms()).eventId).toBe(other)
  })

  it('leaves out what an activity plans once it is archived', () => {
    const event = db
      .insert(events)
      .values({ kind: 'conference', title: 'Stara', startDate: '2026-09-01', archivedAt })
      .returning()
      .get().id
    const type = db
      .insert(actionTypes)
      .values({ name: 'Stary typ', sortOrder: 999, archivedAt })
      .returning()
      .get().id
    const channel = db
      .insert(channels)
      .values({ name: 'Stary kanał', sortOrder: 999, archivedAt })
      .returning()
      .get().id
    const oldPartner = db
      .insert(partners)
      .values({ name: 'Stary partner', country: 'PL', archivedAt })
      .returning()
      .get().id
    const activity = db
      .insert(plannedActivities)
      .values({
        title: 'Archiwum',
        dueDate: '2026-09-01',
        partnerId: oldPartner,
        eventId: event,
        typeId: type,
        channelId: channel,
      })
      .returning()
      .get().id
    expect(actionFormPresets({ activityId: activity }, demo.comms())).toEqual({ activityId: activity })
  })
})
