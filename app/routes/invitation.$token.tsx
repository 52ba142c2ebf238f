import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AuthCard, LinkProblem, SetPasswordForm } from '~/components/accounts'
import { acceptInvitation, checkToken, setPasswordSchema } from '~/models/accounts/index.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { createUserSession } from '~/utils/session.server'

export const meta = pageTitle('accounts:meta.invitation')

const problemStatus = { unknown: 404, expired: 410, used: 410 } as const

export function loader({ params }: LoaderFunctionArgs) {
  const check = checkToken(params.token ?? '', 'invitation', new Date())
  if (!check.ok)
    return json({ problem: check.reason, name: null, email: null }, { status: problemStatus[check.reason] })
  return json({ problem: null, name: check.name, email: check.email })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), { schema: setPasswordSchema })
  if (submission.status !== 'success')
    return json({ problem: null, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  const result = await acceptInvitation(params.token ?? '', submission.value.password)
  if (!result.ok)
    return json({ problem: result.reason, result: null }, { status: problemStatus[result.reason] })
  const cookie = await createUserSession(request, result.userId)
  return redirect('/', { headers: { 'Set-Cookie': cookie } })
}

export default function AcceptInvitation() {
  const { t } = useTranslation('accounts')
  const { problem, name, email } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseForm(formData, { schema: setPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const reason = data?.problem ?? problem
  if (reason) return <LinkProblem reason={reason} kind="invitation" />
  return (
    <AuthCard title={t('invitation.title')} intro={t('invitation.intro', { name, email })}>
      <SetPasswordForm
        label={t('invitation.password')}
        hint={t('invitation.hint')}
        submit={t('invitation.submit')}
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
