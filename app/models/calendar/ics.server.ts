/** The calendar as iCalendar (RFC 5545), written by ical.js: escaping and line folding are its job. */
import ICAL from 'ical.js'

import type { CalendarEntry } from './entries.server'

function nextDay(iso: string) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * One all-day VEVENT per entry (events and deadlines have dates, no times): DTEND is the day after
 * the last (exclusive, as the standard wants). UIDs are stable per record and host, so a calendar
 * program updates an entry instead of adding it twice.
 */
export function calendarIcs(
  entries: CalendarEntry[],
  options: { name: string; host: string; origin: string; now?: Date },
): string {
  const cal = new ICAL.Component(['vcalendar', [], []])
  cal.updatePropertyWithValue('prodid', '-//Ripple//Calendar//EN')
  cal.updatePropertyWithValue('version', '2.0')
  cal.updatePropertyWithValue('calscale', 'GREGORIAN')
  cal.updatePropertyWithValue('x-wr-calname', options.name)
  const stamp = ICAL.Time.fromJSDate(options.now ?? new Date(), true)
  for (const entry of entries) {
    const event = new ICAL.Component('vevent')
    event.updatePropertyWithValue('uid', `${entry.kind}-${entry.id}@${options.host}`)
    event.updatePropertyWithValue('dtstamp', stamp)
    event.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(entry.start))
    event.updatePropertyWithValue('dtend', ICAL.Time.fromDateString(nextDay(entry.end)))
    event.updatePropertyWithValue('summary', entry.title)
    if (entry.place) event.updatePropertyWithValue('location', entry.place)
    if (entry.partnerName) event.updatePropertyWithValue('description', entry.partnerName)
    event.updatePropertyWithValue('url', `${options.origin}${entry.href}`)
    event.updatePropertyWithValue('categories', entry.kind === 'event' ? 'Event' : 'Deadline')
    cal.addSubcomponent(event)
  }
  // Stryker disable next-line Regex: ical.js writes CRLF itself; the replace only guards against a bare LF it never writes
  return `${cal.toString().replace(/\r?\n/g, '\r\n')}\r\n`
}
