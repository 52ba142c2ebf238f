import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ActivityForm } from '~/components/activity-form'
import { StatusBadge } from '~/components/list'
import { activityStateTone, ArchivedNotice, ArchiveToggle, PlanNav } from '~/components/plan-nav'
import { canLogActions } from '~/models/actions/policy'
import { ideaForActivity } from '~/models/ideas/index.server'
import {
  activityActions,
  activityFormValues,
  activityScope,
  activityWithState,
  canEditActivity,
  getActivity,
  planFormOptions,
  setActivityArchived,
  updateActivity,
} from '~/models/plan/index.server'
import { activityFormSchema } from '~/models/plan/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:meta.activity')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const activity = getActivity(Number(params.id))
  invariantResponse(activity)
  const row = activityWithState(activity.id)
  return json({
    activity,
    row: row ?? null,
    actions: activityActions(activity.id),
    canEdit: canEditActivity(user, activityScope(activity)),
    canLog: canLogActions(user),
    options: planFormOptions(),
    values: activityFormValues(activity),
    idea: ideaForActivity(activity.id),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const id = Number(params.id)
  invariantResponse(getActivity(id))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    orForbidden(() => db.transaction((tx) => setActivityArchived(tx, id, intent === 'archive', user)))
    return redirect(intent === 'archive' ? '/plan/workplan' : `/plan/workplan/${id}`)
  }
  const submission = parseForm(formData, { schema: activityFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => updateActivity(tx, id, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  return redirect(`/plan/workplan/${id}`)
}

type Data = SerializeFrom<typeof loader>

export default function ActivityPage() {
  const { t } = useTranslation('plan')
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { activity } = data
  return (
    <div className="max-w-4xl space-y-6">
      <div className="page-title">
        <h1>{activity.title}</h1>
        <div className="flex flex-wrap gap-2">
          {data.canLog && !activity.archivedAt ? (
            <Link to={`/actions/new?activityId=${activity.id}`} className="btn-primary">
              {t('workplan.logAction')}
            </Link>
          ) : null}
          <Link to="/plan/workplan" className="btn-secondary">
            {t('common:actions.back')}
          </Link>
        </div>
      </div>
      <PlanNav current="workplan" />
      <ArchivedNotice archivedAt={activity.archivedAt} />
      {data.idea ? (
        <p className="card">
          {t('ideas:fromIdea')} <Link to={`/ideas/${data.idea.id}`}>{data.idea.title}</Link>
        </p>
      ) : null}
      <Fulfilment data={data} />
      {data.canEdit ? (
        <>
          <ActivityForm
            schema={activityFormSchema}
            options={data.options}
            lastResult={lastResult}
            defaultValue={data.values}
            submitLabel={t('common:actions.saveChanges')}
          />
          <ArchiveToggle archivedAt={activity.archivedAt} />
        </>
      ) : null}
    </div>
  )
}

/** The activity's state and the actions logged against it. */
function Fulfilment({ data: { activity, row, actions } }: { data: Data }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
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
  )
}
