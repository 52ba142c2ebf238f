import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { PlanNav } from '~/components/plan-nav'
import { ResultIndicatorForm } from '~/components/result-indicator-form'
import { canEditIndicators, createIndicator, indicatorFormSchema } from '~/models/outcomes/index.server'
import { forbidden, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('results:indicators.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  if (!canEditIndicators(user)) throw forbidden()
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const submission = parseForm(await request.formData(), { schema: indicatorFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => createIndicator(tx, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  return redirect(`/plan/indicators/results/${result.value}`)
}

export default function NewResultIndicatorPage() {
  const { t } = useTranslation('results')
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('indicators.new')}</h1>
        <Link to="/plan/indicators/results" className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <PlanNav current="indicators" />
      <ResultIndicatorForm
        schema={indicatorFormSchema}
        lastResult={lastResult}
        defaultValue={{ method: 'computed', counts: 'organisations', baselineValue: '0' }}
        submitLabel={t('common:actions.create')}
      />
    </div>
  )
}
