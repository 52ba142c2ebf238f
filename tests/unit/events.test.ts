import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { events, partners, plannedActivities, stakeholderGroups, themes } from '#db/schema'
import {
  createEvent,
  eventDetail,
  eventFilterSchema,
  eventFormSchema,
  eventFormValues,
  getEvent,
  listEvents,
  setEventArchived,
  updateEvent,
} from '~/models/events/index.server'
import { ForbiddenError } from '~/utils/permissions'
import { InvalidReferencesError } from '~/utils/references.server'

import { demo } from '../setup/actors'
import { lastAudit as lastAuditOf } from '../setup/audit'
import { tx } from '../setup/db'
import { insertAction } from '../setup/records'

/*
 * Events in the domain (issue 18, point 3): the list's filters, counts and order, an event's
 * planned-against-done summary, the form round trip, and the commands' audit rows. Every fixture
 * event is dated in 2031, where the demo seed has none, so the lists below are counted by hand.
 */

const page = { limit: 100, offset: 0 }
const filter = (v: Record<string, string>) => eventFilterSchema.parse(v)
const form = (v: Record<string, string | string[]>) => eventFormSchema.parse(v)
const in2031 = (v: Record<string, string> = {}) => filter({ from: '2031-01-01', to: '2031-12-31', ...v })
const titles = (f: ReturnType<typeof filter>) => listEvents(f, page).rows.map((r) => r.title)

let host: number
let otherHost: number
let theme: number
let group: number
const ids: Record<string, number> = {}

function act(eventId: number, status: 'draft' | 'submitted' | 'validated' | 'returned', o = {}) {
  return insertAction({
    partnerId: host,
    date: '2031-03-05',
    title: `Akcja ${status}`,
    status,
    eventId,
    ...o,
  })
}

// Built in each test's beforeEach (once, then kept): a mutant that breaks the fixture fails the
// tests, where a failing beforeAll would leave them skipped (and Stryker count the mutant survived).
let built = false
beforeEach(() => {
  if (built) return
  host = demo.partner().partnerId!
  otherHost = demo.partner2().partnerId!
  theme = db.select({ id: themes.id }).from(themes).limit(1).get()!.id
  group = db.select({ id: stakeholderGroups.id }).from(stakeholderGroups).limit(1).get()!.id
  const create = (key: string, v: Record<string, string | string[]>) => {
    ids[key] = tx((t) => createEvent(t, form({ online: 'on', ...v }), demo.comms()))
  }
  create('webinar', {
    kind: 'webinar',
    title: 'Webinář Brno 100% online',
    startDate: '2031-03-01',
    hostPartnerId: String(host),
  })
  create('campaign', {
    kind: 'campaign',
    title: 'Kampania Gdańsk_2031',
    startDate: '2031-01-10',
    endDate: '2031-06-30',
    hostPartnerId: String(otherHost),
  })
  create('meeting', {
    kind: 'partner_meeting',
    title: 'Συνάντηση Αθήνα',
    startDate: '2031-09-15',
    themeId: String(theme),
    planTargetGroupIds: [String(group)],
  })
  create('archived', { kind: 'webinar', title: 'Webinar Bilbo artxibatua', startDate: '2031-03-02' })
  tx((t) => setEventArchived(t, ids.archived!, true, demo.comms()))
  built = true
})

describe('the events list', () => {
  it('lists live events, latest first, with a total; archived ones only when asked', () => {
    expect(titles(in2031())).toEqual(['Συνάντηση Αθήνα', 'Webinář Brno 100% online', 'Kampania Gdańsk_2031'])
    expect(listEvents(in2031(), page).total).toBe(3)
    expect(titles(in2031({ archived: '1' }))).toEqual(['Webinar Bilbo artxibatua'])
    const second = listEvents(in2031(), { limit: 1, offset: 1 })
    expect(second.rows.map((r) => r.title)).toEqual(['Webinář Brno 100% online'])
    expect(second.total).toBe(3)
  })

  it('filters by kind, host partner and date range (a campaign is in a range it overlaps)', () => {
    expect(titles(in2031({ kind: 'webinar' }))).toEqual(['Webinář Brno 100% online'])
    expect(titles(in2031({ partner: String(otherHost) }))).toEqual(['Kampania Gdańsk_2031'])
    // The campaign started in January and runs to June: it overlaps April.
    expect(titles(filter({ from: '2031-04-01', to: '2031-04-30' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(filter({ from: '2031-06-30', to: '2031-06-30' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(filter({ from: '2031-07-01', to: '2031-09-15' }))).toEqual(['Συνάντηση Αθήνα'])
    expect(titles(filter({ from: '2031-09-16', to: '2031-12-31' }))).toEqual([])
    expect(titles(filter({ from: '2031-03-01', to: '2031-03-01' }))).toEqual([
      'Webinář Brno 100% online',
      'Kampania Gdańsk_2031',
    ])
  })

  it('a filter without dates or with one end only', () => {
    expect(titles(filter({ q: 'brno 100%' }))).toEqual(['Webinář Brno 100% online'])
    expect(titles(filter({ q: 'gdańsk_2031', to: '2031-01-10' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(filter({ q: 'gdańsk_2031', to: '2031-01-09' }))).toEqual([])
    expect(titles(filter({ q: 'gdańsk_2031', from: '2031-06-30' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(filter({ q: 'gdańsk_2031', from: '2031-07-01' }))).toEqual([])
  })

  it('searches titles without case or accents in any script, taking % and _ literally', () => {
    expect(titles(in2031({ q: 'WEBINÁŘ' }))).toEqual(['Webinář Brno 100% online'])
    expect(titles(in2031({ q: '100%' }))).toEqual(['Webinář Brno 100% online'])
    expect(titles(in2031({ q: '%' }))).toEqual(['Webinář Brno 100% online'])
    expect(titles(in2031({ q: 'k_2031' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(in2031({ q: '_' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(in2031({ q: 'θήνα' }))).toEqual(['Συνάντηση Αθήνα'])
    // Beyond ASCII too (SQLite's lower() alone folds only A-Z), and without accents.
    expect(titles(in2031({ q: 'Αθήνα' }))).toEqual(['Συνάντηση Αθήνα'])
    expect(titles(in2031({ q: 'ΣΥΝΑΝΤΗΣΗ αθηνα' }))).toEqual(['Συνάντηση Αθήνα'])
    expect(titles(in2031({ q: 'GDAŃSK' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(in2031({ q: 'gdansk' }))).toEqual(['Kampania Gdańsk_2031'])
    expect(titles(in2031({ q: 'webinar brno' }))).toEqual(['Webinář Brno 100% online'])
    expect(titles(in2031({ q: 'brno 100 %' }))).toEqual([])
  })

  it('counts the submitted and validated live actions and the live planned activities of each event', () => {
    const id = ids.meeting!
    act(id, 'validated', { participants: 40 })
    act(id, 'submitted', { participants: 7 })
    act(id, 'draft', { participants: 1000 })
    act(id, 'returned')
    act(id, 'validated', { archivedAt: '2031-04-01T00:00:00Z', participants: 1000 })
    const activity = (title: string, dueDate: string, archivedAt: string | null = null) =>
      db.insert(plannedActivities).values({ title, dueDate, eventId: id, archivedAt }).returning().get().id
    const done = activity('Zaproszenia', '2031-08-01')
    act(id, 'validated', { activityId: done, participants: 3 })
    activity('Relacja po spotkaniu', '2031-09-01')
    activity('Plakat', '2031-12-01')
    activity('Usunięte', '2031-08-01', '2031-02-01T00:00:00Z')
    const row = listEvents(in2031(), page).rows.find((r) => r.id === id)!
    expect(row).toMatchObject({ actionCount: 3, plannedCount: 3, themeName: expect.any(String) })
    expect(row.hostName).toBeNull()

    const detail = eventDetail(id, '2031-10-01')!
    expect(detail.summary).toEqual({
      planned: 3,
      done: 1,
      overdue: 1,
      actions: 3,
      validated: 2,
      participants: 43,
    })
    expect(detail.loggedActions.map((a) => a.status).sort()).toEqual(['submitted', 'validated', 'validated'])
    expect(detail.targetGroups.map((g) => g.id)).toEqual([group])
    expect(detail.event.title).toBe('Συνάντηση Αθήνα')
  })

  it('an event’s plan names every target group it lists; none stored is none', () => {
    const groups = db.select({ id: stakeholderGroups.id }).from(stakeholderGroups).limit(2).all()
    expect(groups).toHaveLength(2)
    const id = tx((t) =>
      createEvent(
        t,
        form({
          kind: 'webinar',
          title: 'Dwie grupy',
          startDate: '2033-01-01',
          online: 'on',
          planTargetGroupIds: groups.map((g) => String(g.id)),
        }),
        demo.comms(),
      ),
    )
    expect(
      eventDetail(id, '2033-01-02')!
        .targetGroups.map((g) => g.id)
        .sort(),
    ).toEqual(groups.map((g) => g.id).sort())
    const bare = db
      .insert(events)
      .values({
        kind: 'webinar',
        title: 'Bez planu',
        startDate: '2033-01-03',
        online: true,
        planTargetGroupIds: null,
      })
      .returning()
      .get()
    expect(eventDetail(bare.id)!.targetGroups).toEqual([])
    expect(eventFormValues(bare).planTargetGroupIds).toEqual([])
    // Without a day given, today's.
    expect(eventDetail(bare.id)!.summary.planned).toBe(0)
  })

  it('an event without groups has none; an unknown event is null', () => {
    const detail = eventDetail(ids.webinar!, '2031-10-01')!
    expect(detail.targetGroups).toEqual([])
    expect(detail.summary).toEqual({
      planned: 0,
      done: 0,
      overdue: 0,
      actions: 0,
      validated: 0,
      participants: 0,
    })
    expect(detail.hostName).toBe(db.select().from(partners).where(eq(partners.id, host)).get()!.name)
    expect(eventDetail(999_999)).toBeNull()
    expect(getEvent(999_999)).toBeNull()
    expect(getEvent(ids.webinar!)?.title).toBe('Webinář Brno 100% online')
  })
})

describe('the event form and filters', () => {
  const errors = (v: Record<string, string>) => {
    const r = eventFormSchema.safeParse({
      kind: 'webinar',
      title: 'Seminarium',
      startDate: '2031-05-04',
      ...v,
    })
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
  }

  it('says in plain words what is wrong, next to the field', () => {
    expect(errors({ online: 'on' })).toEqual({})
    expect(errors({ place: 'Cluj-Napoca' })).toEqual({})
    expect(errors({})).toEqual({ place: 'plan:events.errors.placeOrOnline' })
    expect(errors({ online: 'on', endDate: '2031-05-03' })).toEqual({ endDate: 'common:errors.dateOrder' })
    expect(errors({ online: 'on', endDate: '2031-05-04' })).toEqual({})
    expect(errors({ online: 'on', kind: 'campaign' })).toEqual({ endDate: 'plan:events.errors.campaignEnd' })
    expect(errors({ online: 'on', kind: 'campaign', endDate: '2031-06-01' })).toEqual({})
    expect(errors({ online: 'on', endDate: '2031-12-32' })).toEqual({ endDate: 'common:errors.date' })
    // A day that does not exist is no date (and, before the order check, no 500 either).
    expect(errors({ online: 'on', endDate: '2031-06-31' })).toEqual({ endDate: 'common:errors.date' })
    expect(errors({ online: 'on', startDate: '2031-13-45' })).toMatchObject({
      startDate: 'common:errors.date',
    })
    expect(Object.keys(errors({ online: 'on', kind: 'party' }))).toEqual(['kind'])
    expect(
      eventFormSchema.safeParse({ kind: 5, title: 'x', startDate: '2031-05-04', online: 'on' }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ['kind'], message: 'common:errors.choose' })])
    const custom = eventFormSchema.safeParse({ kind: 'campaign', title: 'x', startDate: '2031-05-04' }).error
      ?.issues
    expect(custom?.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['custom', 'endDate'],
      ['custom', 'place'],
    ])
    expect(
      eventFormSchema.safeParse({ title: 'x', startDate: '2031-05-04', online: 'on' }).error?.issues[0],
    ).toMatchObject({ path: ['kind'], message: 'common:errors.required' })
  })

  it('keeps the filters it understands and drops the rest', () => {
    expect(
      eventFilterSchema.parse({
        kind: 'webinar',
        from: '2031-01-01',
        to: '2031-02-01',
        partner: '3',
        q: ' Iași ',
        archived: '1',
      }),
    ).toEqual({ kind: 'webinar', from: '2031-01-01', to: '2031-02-01', partner: 3, q: 'Iași', archived: '1' })
    expect(
      eventFilterSchema.parse({ kind: 'party', from: "1' or 1=1", partner: '-1', archived: 'yes' }),
    ).toEqual({
      kind: undefined,
      from: undefined,
      to: undefined,
      partner: undefined,
      q: undefined,
      archived: undefined,
    })
    expect(eventFilterSchema.parse({ kind: '' }).kind).toBeUndefined()
  })
})

describe('event commands', () => {
  const lastAudit = (entityId: number) => lastAuditOf('event', entityId)

  it('the form values of a stored event give the same event back', () => {
    const values = {
      kind: 'conference',
      title: 'Konferencja Łódź – Iași',
      themeId: String(theme),
      startDate: '2031-05-04',
      endDate: '2031-05-05',
      place: 'Łódź, ul. Piotrkowska 1',
      hostPartnerId: String(host),
      registrations: '120',
      attendance: '98',
      description: 'Hiri entzuleak · Orașe care ascultă',
      crossBorder: 'on',
      planTargetGroupIds: [String(group)],
      planMessages: 'Μήνυμα',
      planNotes: 'Poznámky',
    }
    const id = tx((t) => createEvent(t, form(values), demo.comms()))
    const stored = getEvent(id)!
    expect(eventFormValues(stored)).toEqual({ ...values, online: undefined })
    const bare = getEvent(ids.webinar!)!
    expect(eventFormValues(bare)).toEqual({
      kind: 'webinar',
      title: 'Webinář Brno 100% online',
      themeId: undefined,
      startDate: '2031-03-01',
      endDate: undefined,
      place: undefined,
      online: 'on',
      hostPartnerId: String(host),
      registrations: undefined,
      attendance: undefined,
      description: undefined,
      crossBorder: undefined,
      planTargetGroupIds: [],
      planMessages: undefined,
      planNotes: undefined,
    })
  })

  it('a partner’s new event is hosted by its own partner; the audit row holds the created event', () => {
    const id = tx((t) =>
      createEvent(
        t,
        form({ kind: 'site_visit', title: 'Warsztat Cluj', startDate: '2031-02-02', online: 'on' }),
        demo.partner(),
      ),
    )
    expect(getEvent(id)?.hostPartnerId).toBe(host)
    const audit = lastAudit(id)
    expect(audit).toMatchObject({
      action: 'create',
      summary: 'Warsztat Cluj',
      userId: demo.partner().id,
      before: null,
    })
    expect(audit.after).toMatchObject({
      title: 'Warsztat Cluj',
      hostPartnerId: host,
      kind: 'site_visit',
      online: true,
    })
  })

  it('an update records only the fields that changed, before and after', () => {
    const id = tx((t) =>
      createEvent(
        t,
        form({ kind: 'site_visit', title: 'Warsztat Iași', startDate: '2031-02-03', online: 'on' }),
        demo.comms(),
      ),
    )
    const changed = {
      kind: 'site_visit',
      title: 'Atelier Iași',
      startDate: '2031-02-03',
      online: 'on',
      attendance: '12',
    }
    expect(tx((t) => updateEvent(t, id, form(changed), demo.comms()))).toBe(true)
    expect(getEvent(id)).toMatchObject({ title: 'Atelier Iași', attendance: 12 })
    expect(lastAudit(id)).toMatchObject({
      action: 'update',
      summary: 'Atelier Iași',
      before: { title: 'Warsztat Iași', attendance: null },
      after: { title: 'Atelier Iași', attendance: 12 },
    })
    expect(tx((t) => updateEvent(t, 999_999, form(changed), demo.comms()))).toBe(false)
    expect(() => tx((t) => updateEvent(t, id, form(changed), demo.viewer()))).toThrow(ForbiddenError)
  })

  it('refuses a theme, host or target group that does not exist', () => {
    const bad = form({
      kind: 'webinar',
      title: 'Zły',
      startDate: '2031-02-04',
      online: 'on',
      themeId: '999999',
      hostPartnerId: '999999',
      planTargetGroupIds: ['999999'],
    })
    let error: unknown
    try {
      tx((t) => createEvent(t, bad, demo.comms()))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidReferencesError)
    expect(Object.keys((error as InvalidReferencesError).fieldErrors).sort()).toEqual([
      'hostPartnerId',
      'planTargetGroupIds',
      'themeId',
    ])
  })

  it('an archived theme or host may stay on an event that has it, but not be chosen anew', () => {
    const themeId = db.insert(themes).values({ name: 'Téma archivované' }).returning().get().id
    const values = { kind: 'webinar', title: 'Webinář s tématem', startDate: '2032-02-05', online: 'on' }
    const withTheme = form({ ...values, themeId: String(themeId) })
    const id = tx((t) => createEvent(t, withTheme, demo.comms()))
    db.update(themes).set({ archivedAt: '2031-01-01T00:00:00Z' }).where(eq(themes.id, themeId)).run()
    expect(
      tx((t) =>
        updateEvent(t, id, form({ ...values, themeId: String(themeId), title: 'Nový' }), demo.comms()),
      ),
    ).toBe(true)
    expect(() => tx((t) => createEvent(t, withTheme, demo.comms()))).toThrow(InvalidReferencesError)
    const other = tx((t) => createEvent(t, form(values), demo.comms()))
    expect(() => tx((t) => updateEvent(t, other, withTheme, demo.comms()))).toThrow(InvalidReferencesError)
    db.update(themes).set({ archivedAt: null }).where(eq(themes.id, themeId)).run()
  })

  it('each change stamps the event’s updatedAt', () => {
    const values = { kind: 'webinar', title: 'Razítko', startDate: '2032-02-06', online: 'on' }
    const id = tx((t) => createEvent(t, form(values), demo.comms()))
    const stale = () =>
      db.update(events).set({ updatedAt: '2000-01-01T00:00:00.000Z' }).where(eq(events.id, id)).run()
    const fresh = /^20[2-9]\d-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
    stale()
    tx((t) => updateEvent(t, id, form({ ...values, title: 'Razítko 2' }), demo.comms()))
    expect(getEvent(id)!.updatedAt).toMatch(fresh)
    stale()
    tx((t) => setEventArchived(t, id, true, demo.comms()))
    expect(getEvent(id)!.updatedAt).toMatch(fresh)
  })

  it('archives and restores, each audited with the archive date before and after', () => {
    const id = ids.webinar!
    expect(tx((t) => setEventArchived(t, id, true, demo.partner()))).toBe(true)
    const archivedAt = getEvent(id)!.archivedAt
    expect(archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(lastAudit(id)).toMatchObject({
      action: 'archive',
      summary: 'Webinář Brno 100% online',
      before: { archivedAt: null },
      after: { archivedAt },
    })
    expect(() => tx((t) => setEventArchived(t, id, false, demo.partner2()))).toThrow(ForbiddenError)
    expect(tx((t) => setEventArchived(t, id, false, demo.partner()))).toBe(true)
    expect(getEvent(id)!.archivedAt).toBeNull()
    expect(lastAudit(id)).toMatchObject({
      action: 'restore',
      before: { archivedAt },
      after: { archivedAt: null },
    })
    expect(tx((t) => setEventArchived(t, 999_999, true, demo.comms()))).toBe(false)
  })
})
