import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CalendarTokenForm } from '~/components/calendar-token'
import { EmptyState, StatusBadge } from '~/components/list'
import {
  calendarEntries,
  hasCalendarToken,
  monthBounds,
  parseCalendarMonth,
  shiftMonth,
} from '~/models/calendar/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('calendar:title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const today = new Date().toISOString().slice(0, 10)
  const month = parseCalendarMonth(new URL(request.url).searchParams.get('month'), today)
  const { from, to } = monthBounds(month)
  return json({
    month,
    from,
    previous: shiftMonth(month, -1),
    next: shiftMonth(month, 1),
    current: today.slice(0, 7),
    entries: calendarEntries(user, from, to),
    hasToken: hasCalendarToken(user),
  })
}

type Data = SerializeFrom<typeof loader>

/** Entries grouped by the day they start on (an event that began last month is listed on the 1st). */
function byDay(entries: Data['entries'], from: string) {
  const days = new Map<string, Data['entries']>()
  for (const e of entries) {
    const day = e.start < from ? from : e.start
    days.set(day, [...(days.get(day) ?? []), e])
  }
  return [...days.entries()]
}

export default function CalendarPage() {
  const { t } = useTranslation('calendar')
  const f = useFormat()
  const data = useLoaderData<typeof loader>()
  const monthName = f.month(data.month, 'long')
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{t('monthTitle', { month: monthName })}</h1>
      </div>
      <nav aria-label={t('title')} className="flex flex-wrap gap-2">
        <Link to={`/calendar?month=${data.previous}`} className="btn-secondary" rel="prev">
          ← {t('previous')}
        </Link>
        {data.month === data.current ? null : (
          <Link to={`/calendar?month=${data.current}`} className="btn-secondary">
            {t('thisMonth')}
          </Link>
        )}
        <Link to={`/calendar?month=${data.next}`} className="btn-secondary" rel="next">
          {t('next')} →
        </Link>
      </nav>
      {data.entries.length === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <ol aria-label={t('listLabel', { month: monthName })} className="space-y-4">
          {byDay(data.entries, data.from).map(([day, entries]) => (
            <li key={day} className="card">
              <h2 className="text-base">{f.date(day, 'long')}</h2>
              <ul className="mt-2 divide-y divide-slate-200">
                {entries.map((e) => (
                  <li key={`${e.kind}-${e.id}`} className="flex flex-wrap items-start gap-2 py-2">
                    <StatusBadge tone={e.kind === 'event' ? 'ok' : 'warn'}>
                      {e.kind === 'event' ? t('event') : t('deadline')}
                    </StatusBadge>
                    <span className="min-w-0 flex-1">
                      <Link to={e.href} className="break-words font-medium">
                        {e.title}
                      </Link>
                      <span className="block text-sm text-ink-muted">
                        {[
                          e.partnerName,
                          e.place,
                          e.end !== e.start ? t('until', { date: f.date(e.end) }) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <CalendarTokenForm hasToken={data.hasToken} />
    </div>
  )
}
