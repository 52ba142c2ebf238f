import type { LoaderFunctionArgs } from '@remix-run/node'

import { getProject } from '~/models/admin/index.server'
import {
  actorForCalendarToken,
  calendarEntries,
  calendarIcs,
  shiftMonth,
} from '~/models/calendar/index.server'

/**
 * The calendar as iCalendar for a calendar program, opened with the user's secret token (no
 * session): a missing, wrong or reset token is a plain 404 that says nothing about any user.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const actor = actorForCalendarToken(url.searchParams.get('token'))
  if (!actor) throw new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } })
  const month = new Date().toISOString().slice(0, 7)
  const entries = calendarEntries(actor, `${shiftMonth(month, -6)}-01`, `${shiftMonth(month, 19)}-01`)
  const body = calendarIcs(entries, {
    name: getProject()?.name ?? 'Ripple',
    host: url.hostname,
    origin: url.origin,
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="ripple.ics"',
      'cache-control': 'private, no-store',
    },
  })
}
