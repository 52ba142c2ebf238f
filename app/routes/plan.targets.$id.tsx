import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ArchivedNotice, ArchiveToggle, PlanNav } from '~/components/plan-nav'
import { TargetForm } from '~/components/target-form'
import { getProject } from '~/models/admin/index.server'
import {
  getTarget,
  setTargetArchived,
  targetFormData,
  targetFormValues,
  updateTarget,
} from '~/models/plan/index.server'
import { targetFormSchema } from '~/models/plan/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:targets.edit')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:edit')
  const target = getTarget(Number(params.id))
  invariantResponse(target)
  const project = getProject()
  invariantResponse(project)
  return json({
    form: targetFormData(project),
    values: targetFormValues(target, project),
    archivedAt: target.archivedAt,
    id: target.id,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const id = Number(params.id)
  invariantResponse(getTarget(id))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    orForbidden(() => db.transaction((tx) => setTargetArchived(tx, id, intent === 'archive', user)))
    return redirect(intent === 'archive' ? '/plan/targets' : `/plan/targets/${id}`)
  }
  const submission = parseForm(formData, { schema: targetFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => updateTarget(tx, id, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  return redirect('/plan/targets')
}

export default function EditTargetPage() {
  const { t } = useTranslation('plan')
  const { form, values, archivedAt } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('targets.edit')}</h1>
        <Link to="/plan/targets" className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <PlanNav current="targets" />
      <ArchivedNotice archivedAt={archivedAt} />
      <TargetForm
        schema={targetFormSchema}
        data={form}
        lastResult={lastResult}
        defaultValue={values}
        submitLabel={t('common:actions.saveChanges')}
      />
      <ArchiveToggle archivedAt={archivedAt} />
    </div>
  )
}
