import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { EventForm } from '~/components/event-form'
import { PlanNav } from '~/components/plan-nav'
import {
  canCreateEvents,
  createEvent,
  defaultHostFor,
  eventKinds,
  hostChoices,
} from '~/models/events/index.server'
import { eventFormSchema } from '~/models/events/schemas'
import { planFormOptions } from '~/models/plan/index.server'
import { forbidden, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:events.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  if (!canCreateEvents(user)) throw forbidden()
  const options = planFormOptions()
  // A partner hosts its own events: the host is chosen for it.
  return json({
    options: { ...options, partners: hostChoices(user, options.partners) },
    kinds: eventKinds,
    hostPartnerId: defaultHostFor(user, undefined)?.toString(),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const submission = parseForm(await request.formData(), { schema: eventFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => createEvent(tx, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  const id = result.value
  return redirect(`/events/${id}`)
}

export default function NewEventPage() {
  const { t } = useTranslation('plan')
  const { options, kinds, hostPartnerId } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('events.new')}</h1>
        <Link to="/events" className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <PlanNav current="events" />
      <EventForm
        schema={eventFormSchema}
        kinds={kinds}
        options={options}
        lastResult={lastResult}
        defaultValue={{ crossBorder: 'on', hostPartnerId }}
        submitLabel={t('common:actions.create')}
      />
    </div>
  )
}
