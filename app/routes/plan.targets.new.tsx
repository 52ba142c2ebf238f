import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { PlanNav } from '~/components/plan-nav'
import { TargetForm } from '~/components/target-form'
import { getProject } from '~/models/admin/index.server'
import { createTarget, targetFormData } from '~/models/plan/index.server'
import { targetFormSchema } from '~/models/plan/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:targets.new')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:edit')
  const project = getProject()
  invariantResponse(project)
  return json({ form: targetFormData(project) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const submission = parseForm(await request.formData(), { schema: targetFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => createTarget(tx, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
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
