import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  actorForCalendarToken,
  calendarEntries,
  calendarIcs,
  monthBounds,
  parseCalendarMonth,
  resetCalendarToken,
  shiftMonth,
} from '~/models/calendar/index.server'

import { demo } from '../setup/actors'

/** Fixtures in March 2031, far from the demo data. */
const ids = {} as Record<string, number>

function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c] as never))
  return Number(info.lastInsertRowid)
}

beforeAll(() => {
  ids.P = insert('partners', { name: 'Δήμος Θεσσαλονίκης', country: 'GR' })
  const event = (name: string, start: string, extra: Record<string, unknown> = {}) => {
    ids[name] = insert('events', {
      kind: 'webinar',
      title: name,
      start_date: start,
      host_partner_id: ids.P,
      ...extra,
    })
  }
  event('Spotkanie w Łodzi, część 1; „żółć”', '2031-03-10', {
    end_date: '2031-03-12',
    place: 'Łódź, ul. Piotrkowska 1',
  })
  event('Began in February', '2031-02-27', { end_date: '2031-03-02' })
  event('April', '2031-04-01')
  event('Archived', '2031-03-15', { archived_at: '2031-01-01T00:00:00Z' })
  ids.deadline = insert('planned_activities', {
    title: 'Ενημερωτικό δελτίο\nγια τους εταίρους',
    partner_id: ids.P,
    due_date: '2031-03-31',
  })
  insert('planned_activities', {
    title: 'Archived activity',
    due_date: '2031-03-20',
    archived_at: '2031-01-01T00:00:00Z',
  })
})

describe('the calendar’s entries', () => {
  it('lists the live events that touch the month and the live deadlines in it', () => {
    const entries = calendarEntries(demo.viewer(), '2031-03-01', '2031-03-31')
    expect(entries.map((e) => [e.kind, e.title, e.start, e.end, e.href])).toEqual([
      ['event', 'Began in February', '2031-02-27', '2031-03-02', `/events/${ids['Began in February']}`],
      [
        'event',
        'Spotkanie w Łodzi, część 1; „żółć”',
        '2031-03-10',
        '2031-03-12',
        `/events/${ids['Spotkanie w Łodzi, część 1; „żółć”']}`,
      ],
      [
        'activity',
        'Ενημερωτικό δελτίο\nγια τους εταίρους',
        '2031-03-31',
        '2031-03-31',
        `/plan/workplan/${ids.deadline}`,
      ],
    ])
  })

  it('reads months leniently', () => {
    expect(parseCalendarMonth('2031-03', '2026-12-04')).toBe('2031-03')
    expect(parseCalendarMonth('2031-13', '2026-12-04')).toBe('2026-12')
    expect(parseCalendarMonth("'; drop table", '2026-12-04')).toBe('2026-12')
    expect(shiftMonth('2031-01', -1)).toBe('2030-12')
    expect(shiftMonth('2031-12', 1)).toBe('2032-01')
    expect(monthBounds('2032-02')).toEqual({ from: '2032-02-01', to: '2032-02-29' })
  })
})

describe('the iCalendar feed', () => {
  const ics = () =>
    calendarIcs(calendarEntries(demo.viewer(), '2031-03-01', '2031-03-31'), {
      name: 'Ripple, „test”',
      host: 'ripple.example',
      origin: 'https://ripple.example',
      now: new Date('2031-03-05T10:00:00Z'),
    })

  it('is valid iCalendar: CRLF lines, UID, DTSTAMP, all-day dates with an exclusive end', () => {
    const text = ics()
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    for (const line of text.split('\r\n')) expect(line).not.toContain('\n')
    const cal = new ICAL.Component(ICAL.parse(text))
    expect(cal.getFirstPropertyValue('version')).toBe('2.0')
    const events = cal.getAllSubcomponents('vevent')
    expect(events).toHaveLength(3)
    for (const e of events) {
      expect(e.getFirstPropertyValue('uid')).toMatch(/^(event|activity)-\d+@ripple\.example$/)
      expect(String(e.getFirstPropertyValue('dtstamp'))).toBe('2031-03-05T10:00:00Z')
    }
    const lodz = events[1]
    expect(lodz.getFirstProperty('dtstart')!.type).toBe('date')
    expect(String(lodz.getFirstPropertyValue('dtstart'))).toBe('2031-03-10')
    expect(String(lodz.getFirstPropertyValue('dtend'))).toBe('2031-03-13')
    expect(text).toContain('DTSTART;VALUE=DATE:20310310')
  })

  it('escapes commas, semicolons and newlines and keeps Greek and Polish names', () => {
    const text = ics()
    const unfolded = text.replace(/\r\n[ \t]/g, '')
    expect(unfolded).toContain('SUMMARY:Spotkanie w Łodzi\\, część 1\\; „żółć”')
    expect(unfolded).toContain('LOCATION:Łódź\\, ul. Piotrkowska 1')
    expect(unfolded).toContain('SUMMARY:Ενημερωτικό δελτίο\\nγια τους εταίρους')
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
    expect(events[2].getFirstPropertyValue('summary')).toBe('Ενημερωτικό δελτίο\nγια τους εταίρους')
    expect(events[2].getFirstPropertyValue('description')).toBe('Δήμος Θεσσαλονίκης')
    expect(events[2].getFirstPropertyValue('url')).toBe(
      `https://ripple.example/plan/workplan/${ids.deadline}`,
    )
  })
})

describe('the calendar token', () => {
  it('opens the calendar for its user until it is reset, and says nothing for a wrong one', () => {
    const viewer = demo.viewer()
    const first = resetCalendarToken(viewer)
    expect(actorForCalendarToken(first)).toMatchObject({ id: viewer.id, role: 'viewer' })
    const stored = sqlite()
      .prepare('select token_hash as h from calendar_tokens where user_id = ?')
      .get(viewer.id) as {
      h: string
    }
    expect(stored.h).not.toContain(first)
    const second = resetCalendarToken(viewer)
    expect(second).not.toBe(first)
    expect(actorForCalendarToken(first)).toBeNull()
    expect(actorForCalendarToken(second)?.id).toBe(viewer.id)
    expect(actorForCalendarToken('')).toBeNull()
    expect(actorForCalendarToken('x'.repeat(43))).toBeNull()
    expect(actorForCalendarToken("' or 1=1 --")).toBeNull()
    const audit = sqlite()
      .prepare("select count(*) as n from audit_log where entity = 'calendar_token' and user_id = ?")
      .get(viewer.id) as { n: number }
    expect(audit.n).toBe(2)
  })

  it('stops working when its user is deactivated', () => {
    const partner2 = demo.partner2()
    const token = resetCalendarToken(partner2)
    sqlite().prepare("update users set deactivated_at = '2031-01-01T00:00:00Z' where id = ?").run(partner2.id)
    expect(actorForCalendarToken(token)).toBeNull()
  })
})
