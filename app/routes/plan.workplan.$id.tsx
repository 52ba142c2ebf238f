import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ActivityForm } from '~/components/activity-form'
import { StatusBadge } from '~/components/list'
import { activityStateTone, PlanNav } from '~/components/plan-nav'
import {
  activityActions,
  activityWithState,
  getActivity,
  planFormOptions,
  setActivityArchived,
  updateActivity,
} from '~/models/plan.server'
import { activityFormSchema } from '~/models/plan-forms'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Planned activity · Ripple' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const activity = getActivity(Number(params.id))
  invariantResponse(activity)
  const row = activityWithState(activity.id)
  const str = (v: number | string | null) => (v === null ? undefined : String(v))
  return json({
    activity,
    row: row ?? null,
    actions: activityActions(activity.id),
    canEdit: can(user, 'plan:edit'),
    options: planFormOptions(),
    values: {
      title: activity.title,
      description: str(activity.description),
      partnerId: str(activity.partnerId),
      dueDate: activity.dueDate,
      typeId: str(activity.typeId),
      channelId: str(activity.channelId),
      groupId: str(activity.groupId),
      eventId: str(activity.eventId),
      phase: str(activity.phase),
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const id = Number(params.id)
  invariantResponse(getActivity(id))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    db.transaction((tx) => {
      setActivityArchived(tx, id, intent === 'archive', user.id)
    })
    return redirect(intent === 'archive' ? '/plan/workplan' : `/plan/workplan/${id}`)
  }
  const submission = parseForm(formData, { schema: activityFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  db.transaction((tx) => {
    updateActivity(tx, id, submission.value, user.id)
  })
  return redirect(`/plan/workplan/${id}`)
}

export default function ActivityPage() {
  const { t } = useTranslation('plan')
  const f = useFormat()
  const { activity, row, actions, canEdit, options, values } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-4xl space-y-6">
      <div className="page-title">
        <h1>{activity.title}</h1>
        <Link to="/plan/workplan" className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <PlanNav current="workplan" />
      {activity.archivedAt ? (
        <p className="rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">
          {t('archivedNotice')}
        </p>
      ) : null}
      <section className="card space-y-2" aria-labelledby="fulfilment">
        <h2 id="fulfilment">{t('workplan.fulfilment')}</h2>
        {row ? (
          <p>
            <StatusBadge tone={activityStateTone[row.state]}>{t(`states.${row.state}`)}</StatusBadge>{' '}
            <span className="text-sm text-ink-muted">
              {t('workplan.dueOn', { date: f.date(activity.dueDate) })}
            </span>
          </p>
        ) : null}
        {actions.length === 0 ? (
          <p className="text-sm text-ink-muted">{t('workplan.noActions')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {actions.map((a) => (
              <li key={a.id}>
                <Link to={`/actions/${a.id}`}>{a.title}</Link> — {a.partnerName}, {f.date(a.date)} (
                {t(`actionStatus.${a.status}`)})
              </li>
            ))}
          </ul>
        )}
        <p className="hint">{t('workplan.fulfilHint')}</p>
      </section>
      {canEdit ? (
        <>
          <ActivityForm
            schema={activityFormSchema}
            options={options}
            lastResult={lastResult}
            defaultValue={values}
            submitLabel={t('common:actions.saveChanges')}
          />
          <Form method="post">
            <input type="hidden" name="intent" value={activity.archivedAt ? 'restore' : 'archive'} />
            <button type="submit" className={activity.archivedAt ? 'btn-secondary' : 'btn-danger'}>
              {activity.archivedAt ? t('common:actions.restore') : t('common:actions.archive')}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  )
}
