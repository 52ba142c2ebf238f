import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { UserFields } from '~/components/admin'
import { Field, FormErrors } from '~/components/forms'
import { createUser, partnerChoices } from '~/models/admin/index.server'
import { userCreateSchema } from '~/models/admin/schemas'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.newUser')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  return json({ partners: partnerChoices() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const submission = parseForm(await request.formData(), { schema: userCreateSchema })
  if (submission.status !== 'success')
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const result = await orForbidden(() => createUser(submission.value, user))
  if (!result.ok) {
    return json(
      submission.reply({
        fieldErrors: { [result.error.field]: [result.error.message] },
        hideFields: ['password'],
      }),
      { status: 400 },
    )
  }
  return redirect(`/admin/users/${result.value}?saved=created`)
}

export default function NewUser() {
  const { t } = useTranslation('admin')
  const { partners } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'user',
    lastResult,
    defaultValue: { role: 'partner', locale: 'en' },
    onValidate: ({ formData }) => parseForm(formData, { schema: userCreateSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="max-w-3xl">
      <div className="page-title">
        <h1>{t('users.new')}</h1>
        <Link to="/admin/users" className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <Field
          label={t('users.email')}
          {...getInputProps(fields.email, { type: 'email' })}
          autoComplete="off"
          errors={fields.email.errors}
        />
        <UserFields fields={fields} partners={partners} />
        <Field
          label={t('users.initialPassword')}
          hint={t('users.passwordHint')}
          {...getInputProps(fields.password, { type: 'password' })}
          autoComplete="new-password"
          errors={fields.password.errors}
        />
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('common:actions.create')}
        </button>
      </Form>
    </div>
  )
}
