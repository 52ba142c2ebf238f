import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Link, type MetaArgs, useLoaderData, useOutlet } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ConsultationCard, EventKpisCard } from '~/components/event-kpis'
import { StatusBadge } from '~/components/list'
import { OutcomesFed } from '~/components/outcomes-fed'
import { activityStateTone, ArchivedNotice, markdownClass, PlanNav } from '~/components/plan-nav'
import { eventDetail } from '~/models/events/index.server'
import { canEditEvent, canLogActionForEvent } from '~/models/events/policy'
import { canProposeOutcomes, outcomesFedBy } from '~/models/outcomes/index.server'
import {
  canManageRegistrations,
  canRecordEventResults,
  eventKpis,
  eventPeopleSummary,
} from '~/models/people/index.server'
import { activityPhaseList } from '~/models/plan/schemas'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { renderMarkdown } from '~/utils/markdown.server'
import { pageTitle } from '~/utils/meta'
import { can } from '~/utils/permissions'

export const meta = pageTitle<MetaArgs<typeof loader>>(
  ({ data }) => (data ? 'plan:meta.record' : 'plan:meta.event'),
  ({ data }) => ({ name: data?.event.title }),
)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const detail = eventDetail(Number(params.id))
  invariantResponse(detail)
  return json({
    ...detail,
    messagesHtml: renderMarkdown(detail.event.planMessages ?? ''),
    notesHtml: renderMarkdown(detail.event.planNotes ?? ''),
    canEdit: canEditEvent(user, detail.event),
    canLog: canLogActionForEvent(user),
    kpis: eventKpis([detail.event.id])[0]!,
    people: eventPeopleSummary(detail.event.id),
    canManageRegistrations: canManageRegistrations(user, detail.event),
    canRecordResults: canRecordEventResults(user, detail.event),
    outcomes: can(user, 'outcome:read') ? outcomesFedBy({ eventId: detail.event.id }) : null,
    canRecordOutcome: canProposeOutcomes(user),
  })
}

type Data = SerializeFrom<typeof loader>

export default function EventRoute() {
  const outlet = useOutlet()
  // /events/:id/edit renders in place of the detail.
  if (outlet) return outlet
  return <EventPage />
}

function EventPage() {
  const { t } = useTranslation('plan')
  const data = useLoaderData<typeof loader>()
  const { event } = data
  return (
    <div className="space-y-6">
      <div className="page-title">
        <div>
          <p className="text-sm text-ink-muted">{t(`eventKinds.${event.kind}`)}</p>
          <h1>{event.title}</h1>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            to={`/actors?${event.kind === 'campaign' ? 'campaign' : 'event'}=${event.id}`}
            className="btn-secondary"
          >
            {t('actors:eventLink')}
          </Link>
          {data.canLog && !event.archivedAt ? (
            <Link to={`/actions/new?eventId=${event.id}`} className="btn-secondary">
              {t('events.logAction')}
            </Link>
          ) : null}
          {data.canEdit ? (
            <Link to={`/events/${event.id}/edit`} className="btn-primary">
              {t('common:actions.edit')}
            </Link>
          ) : null}
        </div>
      </div>
      <PlanNav current="events" />
      <ArchivedNotice archivedAt={event.archivedAt} />
      <EventFacts data={data} />
      <EventKpisCard eventId={event.id} kpis={data.kpis} canManage={data.canManageRegistrations} />
      {event.kind === 'consultation' ||
      data.people.participants.length ||
      data.people.feedback?.conclusions ? (
        <ConsultationCard
          eventId={event.id}
          participants={data.people.participants}
          conclusions={data.people.feedback?.conclusions ?? null}
          canRecord={data.canRecordResults}
        />
      ) : data.canRecordResults ? (
        <p className="text-sm">
          <Link to={`/events/${event.id}/consultation`}>{t('people:consultation.edit')}</Link>
        </p>
      ) : null}
      <EventPlan data={data} />
      <PlannedVsDone data={data} />
      <LoggedActions actions={data.loggedActions} />
      {data.outcomes ? (
        <OutcomesFed
          outcomes={data.outcomes}
          recordHref={data.canRecordOutcome && !event.archivedAt ? `/results/new?event=${event.id}` : null}
        />
      ) : null}
    </div>
  )
}

function EventFacts({ data: { event, hostName, themeName } }: { data: Data }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section className="card">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Item label={t('events.dates')}>
          {f.date(event.startDate)}
          {event.endDate && event.endDate !== event.startDate ? ` – ${f.date(event.endDate)}` : ''}
        </Item>
        <Item label={t('events.where')}>
          {[event.place, event.online ? t('events.onlineShort') : null].filter(Boolean).join(' · ') || '—'}
        </Item>
        <Item label={t('events.host')}>{hostName ?? '—'}</Item>
        <Item label={t('events.theme')}>{themeName ?? '—'}</Item>
        <Item label={t('events.registrations')}>{f.number(event.registrations)}</Item>
        <Item label={t('events.attendance')}>{f.number(event.attendance)}</Item>
        <Item label={t('events.crossBorder')}>{event.crossBorder ? t('common:yes') : t('common:no')}</Item>
      </dl>
      {event.description ? <p className="mt-3 text-sm">{event.description}</p> : null}
    </section>
  )
}

/** The event's own plan: target groups, key messages, notes. */
function EventPlan({ data }: { data: Data }) {
  const { t } = useTranslation('plan')
  const { event } = data
  return (
    <section className="card space-y-3" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('events.plan')}</h2>
      <div>
        <h3>{t('events.targetGroups')}</h3>
        {data.targetGroups.length ? (
          <ul className="flex flex-wrap gap-2 text-sm">
            {data.targetGroups.map((g) => (
              <li key={g.id}>
                <Link to={`/plan/groups/${g.id}`} className="badge bg-brand-50 text-brand-700">
                  {g.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-muted">{t('events.noTargetGroups')}</p>
        )}
      </div>
      {event.planMessages ? (
        <div>
          <h3>{t('events.messages')}</h3>
          <div className={markdownClass} dangerouslySetInnerHTML={{ __html: data.messagesHtml }} />
        </div>
      ) : null}
      {event.planNotes ? (
        <div>
          <h3>{t('events.notes')}</h3>
          <div className={markdownClass} dangerouslySetInnerHTML={{ __html: data.notesHtml }} />
        </div>
      ) : null}
    </section>
  )
}

/** The planned activities by phase, each with its state. */
function PlannedVsDone({ data }: { data: Data }) {
  const { t } = useTranslation('plan')
  const phases = [
    ...activityPhaseList.map((p) => ({
      key: p as string,
      label: t(`phases.${p}`),
      rows: data.activities.filter((a) => a.phase === p),
    })),
    { key: 'none', label: t('phases.none'), rows: data.activities.filter((a) => !a.phase) },
  ]
  return (
    <section className="card space-y-3" aria-labelledby="progress-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="progress-heading">{t('events.plannedVsDone')}</h2>
        {data.canEdit ? (
          <Link to={`/plan/workplan/new?event=${data.event.id}`} className="btn-secondary">
            {t('events.addActivity')}
          </Link>
        ) : null}
      </div>
      <p className="text-sm">
        {t('events.summary', {
          done: data.summary.done,
          planned: data.summary.planned,
          overdue: data.summary.overdue,
          actions: data.summary.actions,
          validated: data.summary.validated,
        })}
      </p>
      {phases
        .filter((g) => g.rows.length > 0)
        .map((g) => (
          <div key={g.key}>
            <h3>{g.label}</h3>
            <ul className="divide-y divide-slate-200">
              {g.rows.map((a) => (
                <PlannedActivity key={a.id} activity={a} />
              ))}
            </ul>
          </div>
        ))}
      {data.activities.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('events.noActivities')}</p>
      ) : null}
    </section>
  )
}

function PlannedActivity({ activity: a }: { activity: Data['activities'][number] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <span>
        <Link to={`/plan/workplan/${a.id}`}>{a.title}</Link>
        <span className="text-ink-muted">
          {' '}
          — {a.partnerName ?? '—'}, {f.date(a.dueDate)}
        </span>
      </span>
      <span>
        <StatusBadge tone={activityStateTone[a.state]}>{t(`states.${a.state}`)}</StatusBadge>
        {a.validated + a.submitted > 0 ? (
          <span className="ml-2 text-xs text-ink-muted">
            {t('workplan.actionsCount', { count: a.validated + a.submitted })}
          </span>
        ) : null}
      </span>
    </li>
  )
}

function LoggedActions({ actions }: { actions: Data['loggedActions'] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section className="card space-y-3" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('events.loggedActions')}</h2>
      {actions.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('events.noActions')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('events.date')}</th>
                <th scope="col">{t('events.action')}</th>
                <th scope="col">{t('workplan.partner')}</th>
                <th scope="col" className="text-right">
                  {t('metrics.participants')}
                </th>
                <th scope="col">{t('workplan.state')}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <td className="whitespace-nowrap">{f.date(a.date)}</td>
                  <td>
                    <Link to={`/actions/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{a.partnerName}</td>
                  <td className="text-right">{f.number(a.participants)}</td>
                  <td>
                    <StatusBadge tone={a.status === 'validated' ? 'ok' : 'info'}>
                      {t(`actionStatus.${a.status}`)}
                    </StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-ink-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
