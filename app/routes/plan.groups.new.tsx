import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { GroupForm } from '~/components/group-form'
import { PlanNav } from '~/components/plan-nav'
import { createGroup, groupFilterOptions } from '~/models/plan/index.server'
import { groupFilterKeys, groupFormSchema } from '~/models/plan/schemas'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:groups.new')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:edit')
  // /plan/groups/new?category=3&tier=A saves the register's current filter as a group.
  const params = new URL(request.url).searchParams
  const defaults = Object.fromEntries(groupFilterKeys.map((k) => [k, params.get(k) ?? undefined]))
  return json({ options: groupFilterOptions(), defaults })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const submission = parseForm(await request.formData(), { schema: groupFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => createGroup(tx, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  const id = result.value
  return redirect(`/plan/groups/${id}`)
}

export default function NewGroupPage() {
  const { t } = useTranslation('plan')
  const { options, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="max-w-4xl space-y-6">
      <div className="page-title">
        <h1>{t('groups.new')}</h1>
        <Link to="/plan/groups" className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <PlanNav current="groups" />
      <GroupForm
        schema={groupFormSchema}
        options={options}
        lastResult={lastResult}
        defaultValue={defaults}
        submitLabel={t('common:actions.create')}
      />
    </div>
  )
}
