/** The calendar: events and work-plan deadlines by month, and a per-user iCalendar subscription. */
export { calendarEntries, type CalendarEntry } from './entries.server'
export { calendarIcs } from './ics.server'
export { monthBounds, parseCalendarMonth, shiftMonth } from './month'
export { canReadCalendar } from './policy'
export { actorForCalendarToken, hasCalendarToken, resetCalendarToken } from './token.server'
