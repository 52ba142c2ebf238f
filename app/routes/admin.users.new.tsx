import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { UserFields } from '~/components/admin'
import { Field, FormErrors } from '~/components/forms'
import { inviteUser } from '~/models/accounts/index.server'
import { createUser, partnerChoices } from '~/models/admin/index.server'
import { userCreateSchema, userInviteSchema } from '~/models/admin/schemas'
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
  const formData = await request.formData()
  if (formData.get('intent') === 'invite') return invite(formData, user)
  const submission = parseForm(formData, { schema: userCreateSchema })
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

/** "Invite by e-mail": the same fields without a password; the person sets it from the link. */
async function invite(formData: FormData, user: Awaited<ReturnType<typeof requirePermission>>) {
  const submission = parseForm(formData, { schema: userInviteSchema })
  if (submission.status !== 'success')
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const result = await orForbidden(() => inviteUser(submission.value, user))
  if (!result.ok)
    return json(
      submission.reply({
        fieldErrors: { [result.error.field]: [result.error.message] },
        hideFields: ['password'],
      }),
      { status: 400 },
    )
  return redirect(`/admin/users/${result.value}?saved=invited`)
}

const schemaFor = (formData: FormData) =>
  formData.get('intent') === 'invite' ? userInviteSchema : userCreateSchema

export default function NewUser() {
  const { t } = useTranslation('admin')
  const { partners } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'user',
    lastResult,
    defaultValue: { role: 'partner', locale: 'en' },
    onValidate: ({ formData }) => parseForm(formData, { schema: schemaFor(formData) }),
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
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            {t('common:actions.create')}
          </button>
          <button
            type="submit"
            name="intent"
            value="invite"
            className="btn-secondary"
            aria-describedby="invite-hint"
            disabled={navigation.state === 'submitting'}
          >
            {t('accounts:admin.inviteInstead')}
          </button>
        </div>
        <p id="invite-hint" className="text-sm text-ink-muted">
          {t('accounts:admin.inviteHint')}
        </p>
      </Form>
    </div>
  )
}
