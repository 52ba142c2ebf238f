import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { IdeaForm } from '~/components/ideas/idea-form'
import { getIdea, updateIdea } from '~/models/ideas/index.server'
import { canEditIdea } from '~/models/ideas/policy'
import { ideaFormSchema } from '~/models/ideas/schemas'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('ideas:editTitle')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'idea:read')
  const idea = getIdea(Number(params.id))
  invariantResponse(idea)
  if (!canEditIdea(user, idea)) throw forbidden()
  return json({ id: idea.id, values: { column: idea.column, title: idea.title, body: idea.body ?? '' } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'idea:read')
  const id = Number(params.id)
  invariantResponse(getIdea(id))
  const submission = parseForm(await request.formData(), { schema: ideaFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  orForbidden(() => db.transaction((tx) => updateIdea(tx, id, submission.value, user)))
  return redirect(`/ideas/${id}`)
}

export default function EditIdeaPage() {
  const { t } = useTranslation('ideas')
  const { id, values } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('editTitle')}</h1>
        <Link to={`/ideas/${id}`} className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <IdeaForm
        schema={ideaFormSchema}
        lastResult={lastResult}
        defaultValue={values}
        submitLabel={t('common:actions.saveChanges')}
      />
    </div>
  )
}
