import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthCard } from '~/components/accounts'
import { Field, FormErrors } from '~/components/forms'
import { forgotPasswordSchema, requestPasswordReset } from '~/models/accounts/index.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('accounts:meta.forgot')

export function loader() {
  return json({})
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), { schema: forgotPasswordSchema })
  if (submission.status !== 'success')
    return json({ sent: false, result: submission.reply() }, { status: 400 })
  const clientAddress = typeof context.clientAddress === 'string' ? context.clientAddress : 'unknown'
  const answer = await requestPasswordReset({ email: submission.value.email, clientAddress })
  if (answer === 'throttled')
    return json(
      { sent: false, result: submission.reply({ formErrors: ['accounts:forgot.throttled'] }) },
      { status: 429 },
    )
  // The same answer whether or not an account uses the address.
  return json({ sent: true, result: submission.reply({ resetForm: true }) })
}

export default function ForgotPassword() {
  const { t } = useTranslation('accounts')
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseForm(formData, { schema: forgotPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <AuthCard title={t('forgot.title')} intro={t('forgot.intro')}>
      {data?.sent ? (
        <p role="status" className="mb-4 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {t('forgot.sent')}
        </p>
      ) : null}
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <Field
          label={t('forgot.email')}
          {...getInputProps(fields.email, { type: 'email' })}
          autoComplete="username"
          errors={fields.email.errors}
        />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === 'submitting'}>
          {t('forgot.submit')}
        </button>
      </Form>
      <p className="mt-4 text-sm">
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </p>
    </AuthCard>
  )
}
