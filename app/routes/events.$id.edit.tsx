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
import { EventForm } from '~/components/event-form'
import { PlanNav } from '~/components/plan-nav'
import { eventKinds, getEvent, setEventArchived, updateEvent } from '~/models/events.server'
import { planFormOptions } from '~/models/plan.server'
import { eventFormSchema } from '~/models/plan-forms'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'

export const meta: MetaFunction = () => [{ title: 'Edit event · Ripple' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:edit')
  const event = getEvent(Number(params.id))
  invariantResponse(event)
  const str = (v: number | string | null) => (v === null ? undefined : String(v))
  return json({
    id: event.id,
    archivedAt: event.archivedAt,
    options: planFormOptions(),
    kinds: eventKinds,
    values: {
      kind: event.kind,
      title: event.title,
      themeId: str(event.themeId),
      startDate: event.startDate,
      endDate: str(event.endDate),
      place: str(event.place),
      online: event.online ? 'on' : undefined,
      hostPartnerId: str(event.hostPartnerId),
      registrations: str(event.registrations),
      attendance: str(event.attendance),
      description: str(event.description),
      crossBorder: event.crossBorder ? 'on' : undefined,
      planTargetGroupIds: (event.planTargetGroupIds ?? []).map(String),
      planMessages: str(event.planMessages),
      planNotes: str(event.planNotes),
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const id = Number(params.id)
  invariantResponse(getEvent(id))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    db.transaction((tx) => {
      setEventArchived(tx, id, intent === 'archive', user.id)
    })
    return redirect(intent === 'archive' ? '/events' : `/events/${id}`)
  }
  const submission = parseForm(formData, { schema: eventFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  db.transaction((tx) => {
    updateEvent(tx, id, submission.value, user.id)
  })
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
      {archivedAt ? (
        <p className="rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">
          {t('archivedNotice')}
        </p>
      ) : null}
      <EventForm
        schema={eventFormSchema}
        kinds={kinds}
        options={options}
        lastResult={lastResult}
        defaultValue={values}
        submitLabel={t('common:actions.saveChanges')}
      />
      <Form method="post">
        <input type="hidden" name="intent" value={archivedAt ? 'restore' : 'archive'} />
        <button type="submit" className={archivedAt ? 'btn-secondary' : 'btn-danger'}>
          {archivedAt ? t('common:actions.restore') : t('common:actions.archive')}
        </button>
      </Form>
    </div>
  )
}
