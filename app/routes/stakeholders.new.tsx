import { getFormProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { FormErrors } from '~/components/forms'
import { StakeholderFormFields } from '~/components/stakeholders'
import {
  canAssignOwner,
  canCreateStakeholder,
  countryCodes,
  createStakeholder,
  invalidReferences,
  stakeholderEditPolicy,
  stakeholderFormOptions,
} from '~/models/stakeholders/index.server'
import { stakeholderInputSchema } from '~/models/stakeholders/schemas'
import { forbidden, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('stakeholders:form.newTitle')

/** The signed-in user if they may add stakeholders (403 otherwise). */
async function requireCreator(request: Request) {
  const user = await requirePermission(request, 'stakeholder:read')
  if (!canCreateStakeholder(user, stakeholderEditPolicy())) throw forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCreator(request)
  const options = stakeholderFormOptions()
  const lockedOwner = canAssignOwner(user)
    ? null
    : (options.partners.find((p) => p.id === user.partnerId) ?? null)
  return json({
    options: { ...options, languages: options.workingLanguages, countries: countryCodes },
    lockedOwner,
    userPartnerId: user.partnerId,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCreator(request)
  const formData = await request.formData()
  const submission = parseForm(formData, { schema: stakeholderInputSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const problems = invalidReferences(submission.value, user)
  if (problems) return json(submission.reply({ fieldErrors: problems }), { status: 400 })
  // The command gives a partner's new stakeholder to its own partner.
  const id = orForbidden(() => db.transaction((tx) => createStakeholder(tx, submission.value, user)))
  return redirect(`/stakeholders/${id}`)
}

export default function NewStakeholder() {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      stage: 'identified',
      ownerPartnerId: data.userPartnerId ? String(data.userPartnerId) : '',
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: stakeholderInputSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link to="/stakeholders">← {t('title')}</Link>
      </p>
      <h1 className="mb-4">{t('form.newTitle')}</h1>
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card space-y-6">
        <StakeholderFormFields
          fields={fields as never}
          options={data.options}
          ownerLocked={data.lockedOwner}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            {t('form.create')}
          </button>
          <Link to="/stakeholders" className="btn-secondary">
            {tc('actions.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}
