import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { EventForm } from '~/components/event-form'
import { ArchivedNotice, ArchiveToggle, PlanNav } from '~/components/plan-nav'
import {
  assertCanEditEvent,
  eventFormValues,
  eventKinds,
  getEvent,
  hostChoices,
  setEventArchived,
  updateEvent,
} from '~/models/events/index.server'
import { eventFormSchema } from '~/models/events/schemas'
import { planFormOptions } from '~/models/plan/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:events.edit')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const event = getEvent(Number(params.id))
  invariantResponse(event)
  orForbidden(() => assertCanEditEvent(user, event))
  const options = planFormOptions()
  return json({
    id: event.id,
    archivedAt: event.archivedAt,
    options: { ...options, partners: hostChoices(user, options.partners) },
    kinds: eventKinds,
    values: eventFormValues(event),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const id = Number(params.id)
  invariantResponse(getEvent(id))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    orForbidden(() => db.transaction((tx) => setEventArchived(tx, id, intent === 'archive', user)))
    return redirect(intent === 'archive' ? '/events' : `/events/${id}`)
  }
  const submission = parseForm(formData, { schema: eventFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => updateEvent(tx, id, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  return redirect(`/events/${id}`)
}

export default function EditEventPage() {
  const { t } = useTranslation('plan')
  const { id, archivedAt, options, kinds, values } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('events.edit')}</h1>
        <Link to={`/events/${id}`} className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <PlanNav current="events" />
      <ArchivedNotice archivedAt={archivedAt} />
      <EventForm
        schema={eventFormSchema}
        kinds={kinds}
        options={options}
        lastResult={lastResult}
        defaultValue={values}
        submitLabel={t('common:actions.saveChanges')}
      />
      <ArchiveToggle archivedAt={archivedAt} />
    </div>
  )
}
