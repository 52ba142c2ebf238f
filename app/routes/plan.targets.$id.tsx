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
import { PlanNav } from '~/components/plan-nav'
import { TargetForm } from '~/components/target-form'
import { targetFormSchema } from '~/models/plan-forms'
import { getProject } from '~/models/project.server'
import {
  getTarget,
  setTargetArchived,
  targetFormData,
  targetFormValues,
  updateTarget,
} from '~/models/targets.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'

export const meta: MetaFunction = () => [{ title: 'Edit target · Ripple' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:edit')
  const target = getTarget(Number(params.id))
  invariantResponse(target)
  const project = getProject()
  invariantResponse(project)
  return json({
    form: targetFormData(),
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
    db.transaction((tx) => {
      setTargetArchived(tx, id, intent === 'archive', user.id)
    })
    return redirect(intent === 'archive' ? '/plan/targets' : `/plan/targets/${id}`)
  }
  const submission = parseForm(formData, { schema: targetFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  db.transaction((tx) => {
    updateTarget(tx, id, submission.value, user.id)
  })
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
      {archivedAt ? (
        <p className="rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">
          {t('archivedNotice')}
        </p>
      ) : null}
      <TargetForm
        schema={targetFormSchema}
        data={form}
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
