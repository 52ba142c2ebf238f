import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'
import { activityStateTone } from '~/components/plan-nav'
import type { PartnerHome } from '~/models/dashboards/index.server'
import { useFormat } from '~/utils/format'

type Home = PartnerHome

/** The home page of a user who acts for one partner: what is theirs this month, and what to do next. */
export function PartnerHomePanels({ home }: { home: Home }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <Link
        to="/actions/new"
        className="btn-primary block w-full py-4 text-center text-lg no-underline sm:w-auto sm:px-10"
      >
        {t('home.partner.logAction')}
      </Link>
      <ThisMonth home={home} />
      <Returned home={home} />
      <div className="grid gap-6 lg:grid-cols-2">
        <HostedEvents home={home} />
        <DueActivities home={home} />
      </div>
    </div>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card space-y-3" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-ink-muted">{children}</p>
}

function ThisMonth({ home }: { home: Home }) {
  const { t } = useTranslation()
  const f = useFormat()
  const m = home.thisMonth
  const list = (status?: string) =>
    `/actions?partner=${home.partnerId}${status ? `&status=${status}` : ''}&from=${home.from}&to=${home.to}`
  const tiles = [
    { key: 'logged', n: m.logged, to: list() },
    { key: 'validated', n: m.validated, to: list('validated') },
    { key: 'awaiting', n: m.awaiting, to: list('submitted') },
    { key: 'returned', n: m.returned, to: list('returned') },
  ] as const
  return (
    <Section
      id="this-month"
      title={t('home.partner.thisMonth', { month: f.month(home.month), partner: home.partnerName })}
    >
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link
              to={tile.to}
              className="block rounded-md border border-slate-200 p-3 no-underline hover:bg-slate-50"
            >
              <span className="block text-2xl font-semibold text-ink">{f.number(tile.n)}</span>
              <span className="text-sm text-ink-muted">{t(`home.partner.counts.${tile.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {m.logged === 0 ? <Empty>{t('home.partner.nothingThisMonth')}</Empty> : null}
      {m.drafts > 0 ? (
        <p className="text-sm">
          <Link to={`/actions?partner=${home.partnerId}&status=draft`}>
            {t('home.partner.drafts', { count: m.drafts })}
          </Link>
        </p>
      ) : null}
    </Section>
  )
}

function Returned({ home }: { home: Home }) {
  const { t } = useTranslation()
  const f = useFormat()
  const { rows, total } = home.returned
  return (
    <Section id="returned" title={t('home.partner.returnedTitle', { count: total })}>
      {rows.length === 0 ? (
        <Empty>{t('home.partner.noneReturned')}</Empty>
      ) : (
        <ul className="divide-y divide-slate-200">
          {rows.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0 flex-1">
                <Link to={`/actions/${a.id}`} className="font-medium">
                  {a.title}
                </Link>
                <span className="text-sm text-ink-muted"> · {f.date(a.date)}</span>
                {a.comment ? (
                  <blockquote className="mt-1 border-l-4 border-warn pl-3 text-sm">
                    <span className="sr-only">{t('home.partner.reviewerSays')} </span>
                    {a.comment}
                  </blockquote>
                ) : null}
              </div>
              <Link
                to={`/actions/${a.id}/edit`}
                className="btn-primary"
                aria-label={t('home.partner.fixNamed', { title: a.title })}
              >
                {t('home.partner.fix')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {total > rows.length ? (
        <p className="text-sm">
          <Link to={`/actions?partner=${home.partnerId}&status=returned`}>
            {t('home.partner.allReturned', { count: total })}
          </Link>
        </p>
      ) : null}
    </Section>
  )
}

function PlanParts({ event: e }: { event: Home['events'][number] }) {
  const { t } = useTranslation()
  if (!e.hasPlan) return <StatusBadge tone="warn">{t('home.partner.noPlan')}</StatusBadge>
  const parts = [
    e.targetGroups > 0 ? t('home.partner.planGroups', { count: e.targetGroups }) : null,
    e.hasMessages ? t('home.partner.planMessages') : null,
    e.hasNotes ? t('home.partner.planNotes') : null,
    e.plannedActivities > 0 ? t('home.partner.planActivities', { count: e.plannedActivities }) : null,
  ].filter(Boolean)
  return (
    <span>
      <StatusBadge tone="ok">{t('home.partner.hasPlan')}</StatusBadge>
      <span className="ml-2 text-xs text-ink-muted">{parts.join(' · ')}</span>
    </span>
  )
}

function HostedEvents({ home }: { home: Home }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Section id="hosted-events" title={t('home.partner.eventsTitle')}>
      {home.events.length === 0 ? (
        <Empty>
          {t('home.partner.noEvents')} <Link to="/events">{t('home.partner.allEvents')}</Link>
        </Empty>
      ) : (
        <ul className="divide-y divide-slate-200">
          {home.events.map((e) => (
            <li key={e.id} className="space-y-1 py-2 text-sm">
              <p>
                <Link to={`/events/${e.id}`} className="font-medium">
                  {e.title}
                </Link>
                <span className="text-ink-muted">
                  {' '}
                  · {f.date(e.startDate)}
                  {e.endDate && e.endDate !== e.startDate ? ` – ${f.date(e.endDate)}` : ''}
                </span>
              </p>
              <PlanParts event={e} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

function DueActivities({ home }: { home: Home }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Section id="due-activities" title={t('home.partner.activitiesTitle')}>
      {home.activities.length === 0 ? (
        <Empty>
          {t('home.partner.noActivities', { days: home.dueSoonDays })}{' '}
          <Link to={`/plan/workplan?partner=${home.partnerId}`}>{t('home.partner.workPlan')}</Link>
        </Empty>
      ) : (
        <ul className="divide-y divide-slate-200">
          {home.activities.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="min-w-0 flex-1">
                <Link to={`/plan/workplan/${a.id}`}>{a.title}</Link>
                <span className="text-ink-muted">
                  {' '}
                  · {t('home.partner.due', { date: f.date(a.dueDate) })}
                  {a.eventTitle ? ` · ${a.eventTitle}` : ''}
                </span>{' '}
                <StatusBadge tone={activityStateTone[a.state]}>{t(`plan:states.${a.state}`)}</StatusBadge>
              </span>
              <Link
                to={`/actions/new?activityId=${a.id}`}
                className="btn-secondary"
                aria-label={t('home.partner.logForNamed', { title: a.title })}
              >
                {t('home.partner.logFor')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
