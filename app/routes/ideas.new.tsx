import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { IdeaForm } from '~/components/ideas/idea-form'
import { createIdea } from '~/models/ideas/index.server'
import { ideaFormSchema } from '~/models/ideas/schemas'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('ideas:new')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'idea:create')
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'idea:create')
  const submission = parseForm(await request.formData(), { schema: ideaFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const id = orForbidden(() => db.transaction((tx) => createIdea(tx, submission.value, user)))
  return redirect(`/ideas/${id}`)
}

export default function NewIdeaPage() {
  const { t } = useTranslation('ideas')
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('new')}</h1>
        <Link to="/ideas" className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <IdeaForm schema={ideaFormSchema} lastResult={lastResult} submitLabel={t('new')} />
    </div>
  )
}
