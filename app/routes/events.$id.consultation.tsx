import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, type MetaArgs, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ErrorList, Field, TextareaField } from '~/components/forms'
import { StakeholderPicker } from '~/components/stakeholder-picker'
import { searchStakeholdersForPicker, stakeholdersByIds } from '~/models/actions/index.server'
import { getEvent } from '~/models/events/index.server'
import {
  canRecordEventResults,
  consultationFormSchema,
  eventPeopleSummary,
  satisfactionFormSchema,
  saveConsultation,
  saveSatisfaction,
} from '~/models/people/index.server'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle<MetaArgs<typeof loader>>('people:consultation.editTitle', ({ data }) => ({
  event: data?.event.title ?? '',
}))

/** Who took part in an event and what came out of it, and its satisfaction result: the event's editors. */
async function editableEvent(request: Request, id: string | undefined) {
  const user = await requirePermission(request, 'plan:read')
  const event = getEvent(Number(id))
  invariantResponse(event)
  if (!canRecordEventResults(user, event)) throw forbidden()
  return { user, event }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await editableEvent(request, params.id)
  const { participants, feedback } = eventPeopleSummary(event.id)
  return json({ event: { id: event.id, title: event.title }, participants, feedback })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event } = await editableEvent(request, params.id)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  if (intent === 'searchParticipants') {
    const query = String(form.get('stakeholderQuery') ?? '').trim()
    const chosen = stakeholdersByIds(
      form
        .getAll('participantIds')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0),
    )
    return json({ intent, chosen, results: query ? searchStakeholdersForPicker(query, 20) : [], query })
  }
  const satisfaction = intent === 'satisfaction'
  const submission = parseForm(form, {
    schema: satisfaction ? satisfactionFormSchema : consultationFormSchema,
  })
  if (submission.status !== 'success') return json({ intent, ...submission.reply() }, { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() =>
      db.transaction((tx) =>
        'participantIds' in submission.value
          ? saveConsultation(tx, event.id, submission.value, user)
          : saveSatisfaction(tx, event.id, submission.value, user),
      ),
    ),
  )
  if (!result.ok)
    return json({ intent, ...submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
  return redirect(`/events/${event.id}`)
}

export default function ConsultationPage() {
  const { t } = useTranslation('people')
  const data = useLoaderData<typeof loader>()
  const last = useActionData<typeof action>()
  const search = last && 'results' in last ? last : null
  const errors =
    last && 'error' in last ? (last.error as Record<string, string[] | null> | undefined) : undefined
  const chosen = search?.chosen ?? data.participants
  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <Link to={`/events/${data.event.id}`}>← {t('consultation.back')}</Link>
      </p>
      <h1>{t('consultation.editTitle', { event: data.event.title })}</h1>
      <Form method="post" className="card space-y-4">
        <StakeholderPicker
          name="participantIds"
          label={t('consultation.participantsLabel')}
          selectedIds={chosen.map((p) => String(p.id))}
          options={chosen}
          results={search?.results}
          query={search?.query}
          searchIntent={{ name: 'intent', value: 'searchParticipants' }}
        />
        <ErrorList errors={errors?.participantIds} />
        <TextareaField
          label={t('consultation.conclusions')}
          name="conclusions"
          rows={5}
          defaultValue={data.feedback?.conclusions ?? ''}
          errors={errors?.conclusions}
        />
        <button type="submit" name="intent" value="consultation" className="btn-primary">
          {t('consultation.save')}
        </button>
      </Form>
      <Form method="post" className="card space-y-4" aria-labelledby="satisfaction-heading">
        <h2 id="satisfaction-heading">{t('consultation.satisfactionTitle')}</h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t('consultation.responses')}
            name="satisfactionResponses"
            inputMode="numeric"
            defaultValue={data.feedback?.satisfactionResponses ?? ''}
            errors={errors?.satisfactionResponses}
          />
          <Field
            label={t('consultation.average')}
            name="satisfactionAverage"
            inputMode="decimal"
            defaultValue={data.feedback?.satisfactionAverage ?? ''}
            errors={errors?.satisfactionAverage}
          />
        </div>
        <button type="submit" name="intent" value="satisfaction" className="btn-primary">
          {t('consultation.saveSatisfaction')}
        </button>
      </Form>
    </div>
  )
}
