import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthCard, LinkProblem, SetPasswordForm } from '~/components/accounts'
import { checkToken, resetPasswordWithLink, setPasswordSchema } from '~/models/accounts/index.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('accounts:meta.reset')

const problemStatus = { unknown: 404, expired: 410, used: 410 } as const

export function loader({ params }: LoaderFunctionArgs) {
  const check = checkToken(params.token ?? '', 'password-reset', new Date())
  if (!check.ok) return json({ problem: check.reason, email: null }, { status: problemStatus[check.reason] })
  return json({ problem: null, email: check.email })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), { schema: setPasswordSchema })
  if (submission.status !== 'success')
    return json({ problem: null, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  const clientAddress = typeof context.clientAddress === 'string' ? context.clientAddress : 'unknown'
  const result = await resetPasswordWithLink({
    token: params.token ?? '',
    password: submission.value.password,
    clientAddress,
  })
  if (result.ok) return redirect('/login?reset=1')
  if (result.reason === 'throttled')
    return json(
      {
        problem: null,
        result: submission.reply({ formErrors: ['accounts:reset.throttled'], hideFields: ['password'] }),
      },
      { status: 429 },
    )
  return json({ problem: result.reason, result: null }, { status: problemStatus[result.reason] })
}

export default function ResetPassword() {
  const { t } = useTranslation('accounts')
  const { problem, email } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseForm(formData, { schema: setPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const reason = data?.problem ?? problem
  if (reason) return <LinkProblem reason={reason} kind="password-reset" />
  return (
    <AuthCard title={t('reset.title')} intro={t('reset.intro', { email })}>
      <SetPasswordForm
        label={t('reset.password')}
        hint={t('reset.hint')}
        submit={t('reset.submit')}
        form={{ errors: form.errors, props: getFormProps(form) }}
        field={{
          errors: fields.password.errors,
          props: getInputProps(fields.password, { type: 'password' }),
        }}
        submitting={navigation.state === 'submitting'}
      />
    </AuthCard>
  )
}
