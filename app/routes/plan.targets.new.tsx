import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { PlanNav } from '~/components/plan-nav'
import { TargetForm } from '~/components/target-form'
import { targetFormSchema } from '~/models/plan-forms'
import { createTarget, targetFormData } from '~/models/targets.server'
import { requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'

export const meta: MetaFunction = () => [{ title: 'New target · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:edit')
  return json({ form: targetFormData() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const submission = parseForm(await request.formData(), { schema: targetFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  db.transaction((tx) => {
    createTarget(tx, submission.value, user.id)
  })
  return redirect('/plan/targets')
}

export default function NewTargetPage() {
  const { t } = useTranslation('plan')
  const { form } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('targets.new')}</h1>
        <Link to="/plan/targets" className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <PlanNav current="targets" />
      <TargetForm
        schema={targetFormSchema}
        data={form}
        lastResult={lastResult}
        defaultValue={{ periodKind: 'month' }}
        submitLabel={t('common:actions.create')}
      />
    </div>
  )
}
