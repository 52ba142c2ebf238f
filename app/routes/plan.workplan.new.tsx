import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ActivityForm } from '~/components/activity-form'
import { PlanNav } from '~/components/plan-nav'
import {
  activityScope,
  assertCanEditActivity,
  canCreateActivities,
  createActivity,
  defaultActivityPartner,
  planFormOptions,
} from '~/models/plan/index.server'
import { activityFormSchema } from '~/models/plan/schemas'
import { forbidden, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { safeRedirect } from '~/utils/redirect'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:workplan.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  if (!canCreateActivities(user)) throw forbidden()
  const url = new URL(request.url)
  const eventId = Number(url.searchParams.get('event')) || null
  // A partner plans for its own events; for another partner's event the form is refused.
  if (eventId) orForbidden(() => assertCanEditActivity(user, activityScope({ partnerId: null, eventId })))
  return json({
    options: planFormOptions(),
    defaults: {
      partnerId: eventId ? undefined : defaultActivityPartner(user)?.toString(),
      eventId: url.searchParams.get('event') ?? undefined,
      phase: url.searchParams.get('phase') ?? undefined,
    },
    back: url.searchParams.get('event')
      ? `/events/${Number(url.searchParams.get('event'))}`
      : '/plan/workplan',
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const submission = parseForm(await request.formData(), { schema: activityFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => createActivity(tx, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  const id = result.value
  return redirect(
    submission.value.eventId ? safeRedirect(`/events/${submission.value.eventId}`) : `/plan/workplan/${id}`,
  )
}

export default function NewActivityPage() {
  const { t } = useTranslation('plan')
  const { options, defaults, back } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('workplan.new')}</h1>
        <Link to={back} className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <PlanNav current="workplan" />
      <ActivityForm
        schema={activityFormSchema}
        options={options}
        lastResult={lastResult}
        defaultValue={defaults}
        submitLabel={t('common:actions.create')}
      />
    </div>
  )
}
