import { createHash } from 'node:crypto'

import ICAL from 'ical.js'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  actorForCalendarToken,
  calendarEntries,
  calendarIcs,
  hasCalendarToken,
  monthBounds,
  parseCalendarMonth,
  resetCalendarToken,
  shiftMonth,
} from '~/models/calendar/index.server'
import { ForbiddenError, rolePermissions } from '~/utils/permissions'

import { demo } from '../setup/actors'

/*
 * The calendar's edges (found by mutation testing, MUTATION.md): the first and last day of the
 * range, the order of entries on the same day, entries without a place or a partner, the feed's
 * fixed properties, and who may read it. Fixtures in May 2033, far from the demo data.
 */

const ids = {} as Record<string, number>
function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c] as never))
  return Number(info.lastInsertRowid)
}

beforeAll(() => {
  const host = insert('partners', { name: 'Gemeente Utrecht (kalender)', country: 'NL' })
  const event = (title: string, start: string, extra: Record<string, unknown> = {}) =>
    (ids[title] = insert('events', { kind: 'webinar', title, start_date: start, ...extra }))
  const activity = (title: string, due: string, extra: Record<string, unknown> = {}) =>
    (ids[title] = insert('planned_activities', { title, due_date: due, ...extra }))
  event('Ends on the first day', '2033-04-28', { end_date: '2033-05-01' })
  event('Ended the day before', '2033-04-28', { end_date: '2033-04-30' })
  event('Starts on the last day', '2033-05-31', { end_date: '2033-06-02' })
  event('Starts the day after', '2033-06-01')
  event('One day, no end date', '2033-05-01')
  event('Same day, hosted', '2033-05-15', { host_partner_id: host, place: 'Utrecht, Neude 11' })
  event('Same day, second', '2033-05-15')
  activity('Due on the first day', '2033-05-01')
  activity('Due on the last day', '2033-05-31', { partner_id: host })
  activity('Due the day before', '2033-04-30')
  activity('Due the day after', '2033-06-01')
  activity('Due mid-month', '2033-05-15')
})

const may = () => calendarEntries(demo.comms(), '2033-05-01', '2033-05-31')

describe('the entries of a range', () => {
  it('takes what touches the first and the last day, and nothing outside', () => {
    // By first day: the event begun in April comes first.
    expect(may().map((e) => e.title)).toEqual([
      'Ends on the first day',
      'Due on the first day',
      'One day, no end date',
      'Due mid-month',
      'Same day, hosted',
      'Same day, second',
      'Due on the last day',
      'Starts on the last day',
    ])
  })

  it('on one day: deadlines before events, then by record', () => {
    const day = may().filter((e) => e.start === '2033-05-15')
    expect(day.map((e) => [e.kind, e.id])).toEqual([
      ['activity', ids['Due mid-month']],
      ['event', ids['Same day, hosted']],
      ['event', ids['Same day, second']],
    ])
  })

  it('gives each entry its days, place, partner and link', () => {
    const byTitle = new Map(may().map((e) => [e.title, e]))
    expect(byTitle.get('One day, no end date')).toMatchObject({ start: '2033-05-01', end: '2033-05-01' })
    expect(byTitle.get('Same day, hosted')).toEqual({
      kind: 'event',
      id: ids['Same day, hosted'],
      title: 'Same day, hosted',
      start: '2033-05-15',
      end: '2033-05-15',
      place: 'Utrecht, Neude 11',
      partnerName: 'Gemeente Utrecht (kalender)',
      href: `/events/${ids['Same day, hosted']}`,
    })
    expect(byTitle.get('Same day, second')).toMatchObject({ place: null, partnerName: null })
    expect(byTitle.get('Due on the last day')).toEqual({
      kind: 'activity',
      id: ids['Due on the last day'],
      title: 'Due on the last day',
      start: '2033-05-31',
      end: '2033-05-31',
      place: null,
      partnerName: 'Gemeente Utrecht (kalender)',
      href: `/plan/workplan/${ids['Due on the last day']}`,
    })
  })
})

describe('who reads the calendar', () => {
  const saved = rolePermissions.viewer
  afterEach(() => {
    rolePermissions.viewer = saved
  })

  it('every role today; a role without plan:read is refused', () => {
    for (const role of ['admin', 'comms', 'partner', 'viewer'] as const)
      expect(calendarEntries(demo[role](), '2033-05-01', '2033-05-31').length).toBe(8)
    rolePermissions.viewer = saved.filter((p) => p !== 'plan:read')
    expect(() => calendarEntries(demo.viewer(), '2033-05-01', '2033-05-31')).toThrow(
      new ForbiddenError('missing plan:read'),
    )
  })
})

describe('the feed', () => {
  const feed = (now?: Date) =>
    calendarIcs(may(), {
      name: 'Ripple — maig',
      host: 'ripple.example',
      origin: 'https://ripple.example',
      now,
    })
  const vevent = (text: string, title: string) =>
    new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('summary') === title)!

  it('names itself and its calendar system', () => {
    const cal = new ICAL.Component(ICAL.parse(feed(new Date('2033-05-02T08:00:00Z'))))
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Ripple//Calendar//EN')
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Ripple — maig')
    expect(cal.getAllProperties().map((p) => p.name)).toEqual([
      'prodid',
      'version',
      'calscale',
      'x-wr-calname',
    ])
  })

  it('an entry without a place or partner has no LOCATION or DESCRIPTION; categories tell events from deadlines', () => {
    const text = feed(new Date('2033-05-02T08:00:00Z'))
    const bare = vevent(text, 'Same day, second')
    expect(bare.getFirstProperty('location')).toBeNull()
    expect(bare.getFirstProperty('description')).toBeNull()
    expect(bare.getFirstPropertyValue('categories')).toBe('Event')
    const hosted = vevent(text, 'Same day, hosted')
    expect(hosted.getFirstPropertyValue('location')).toBe('Utrecht, Neude 11')
    expect(hosted.getFirstPropertyValue('description')).toBe('Gemeente Utrecht (kalender)')
    const deadline = vevent(text, 'Due on the last day')
    expect(deadline.getFirstPropertyValue('categories')).toBe('Deadline')
    expect(deadline.getFirstPropertyValue('uid')).toBe(
      `activity-${ids['Due on the last day']}@ripple.example`,
    )
    expect(String(deadline.getFirstPropertyValue('dtend'))).toBe('2033-06-01')
  })

  it('stamps the feed with the time it was written when none is given', () => {
    const before = Date.now()
    const stamp = vevent(feed(), 'Same day, second').getFirstPropertyValue('dtstamp') as ICAL.Time
    const at = stamp.toJSDate().getTime()
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(at).toBeLessThanOrEqual(Date.now())
  })
})

describe('months and tokens', () => {
  it('reads only YYYY-MM, else today’s month', () => {
    expect(parseCalendarMonth(null, '2033-05-17')).toBe('2033-05')
    expect(parseCalendarMonth(undefined, '2033-05-17')).toBe('2033-05')
    for (const bad of ['2033-5', '2033-00', ' 2033-05', '2033-05 ', '12033-05', '2033-05-01'])
      expect(parseCalendarMonth(bad, '2033-05-17'), bad).toBe('2033-05')
    expect(parseCalendarMonth('2033-10', '2033-05-17')).toBe('2033-10')
  })

  it('shifts and bounds months across years and month lengths', () => {
    expect(shiftMonth('2033-05', 0)).toBe('2033-05')
    expect(shiftMonth('2033-05', 13)).toBe('2034-06')
    expect(monthBounds('2033-12')).toEqual({ from: '2033-12-01', to: '2033-12-31' })
    expect(monthBounds('2033-04')).toEqual({ from: '2033-04-01', to: '2033-04-30' })
    expect(monthBounds('2033-02')).toEqual({ from: '2033-02-01', to: '2033-02-28' })
  })

  it('a token gives exactly its user (id, role, partner, language); a longer or shorter one nothing', () => {
    const partner = demo.partner()
    const token = resetCalendarToken(partner)
    const locale = (
      sqlite().prepare('select locale from users where id = ?').get(partner.id) as { locale: string }
    ).locale
    expect(actorForCalendarToken(token)).toEqual({
      id: partner.id,
      role: 'partner',
      partnerId: partner.partnerId,
      locale,
    })
    expect(actorForCalendarToken(`${token}x`)).toBeNull()
    expect(actorForCalendarToken(token.slice(1))).toBeNull()
    expect(actorForCalendarToken(null)).toBeNull()
  })

  it('a reset stores only the token’s SHA-256 (hex), says the user now has a link, and audits it', () => {
    const admin = demo.admin()
    expect(hasCalendarToken(admin)).toBe(false)
    const token = resetCalendarToken(admin)
    expect(hasCalendarToken(admin)).toBe(true)
    const stored = sqlite()
      .prepare('select token_hash as h from calendar_tokens where user_id = ?')
      .get(admin.id) as {
      h: string
    }
    expect(stored.h).toBe(createHash('sha256').update(token).digest('hex'))
    const audit = sqlite()
      .prepare(
        "select summary from audit_log where entity = 'calendar_token' and entity_id = ? order by id desc",
      )
      .get(admin.id) as { summary: string }
    expect(audit.summary).toBe('calendar subscription link reset')
  })
})
