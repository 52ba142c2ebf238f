import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { OutcomeForm } from '~/components/outcome-form'
import {
  canEditOutcome,
  getOutcome,
  outcomeFormSchema,
  outcomeFormValues,
} from '~/models/outcomes/index.server'
import { forbidden, invariantResponse, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

import { outcomeFormData, saveOutcomeForm } from './_shared/outcome-form.server'

export const meta = pageTitle('results:meta.edit')

async function editable(request: Request, param: string | undefined) {
  const user = await requirePermission(request, 'outcome:read')
  const id = Number(param)
  invariantResponse(Number.isInteger(id) && id > 0)
  const outcome = getOutcome(id)
  invariantResponse(outcome)
  if (!canEditOutcome(user, outcome)) throw forbidden()
  return { user, outcome }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, outcome } = await editable(request, params.id)
  const values = outcomeFormValues(outcome.id)!
  return json({ id: outcome.id, status: outcome.status, values, ...outcomeFormData(user, values) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, outcome } = await editable(request, params.id)
  const saved = saveOutcomeForm(await request.formData(), user, outcome.id)
  if ('response' in saved) return saved.response
  return redirect(`/results/${outcome.id}?saved=1`)
}

export default function EditOutcomePage() {
  const { t } = useTranslation('results')
  const { id, status, values, options, canChoosePartner, stakeholderOptions } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('edit')}</h1>
        <Link to={`/results/${id}`} className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      {status === 'returned' ? <p className="text-sm text-ink-muted">{t('resubmitHint')}</p> : null}
      <OutcomeForm
        schema={outcomeFormSchema}
        lastResult={data?.result}
        defaultValue={values}
        options={options}
        canChoosePartner={canChoosePartner}
        stakeholders={{
          options: [...(data?.chosen ?? []), ...stakeholderOptions],
          results: data?.pickerResults,
          query: data?.query,
        }}
        submitLabel={t('common:actions.saveChanges')}
      />
    </div>
  )
}
