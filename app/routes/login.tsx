import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { Field, FormErrors } from '~/components/forms'
import { recordAudit } from '~/models/audit/index.server'
import { verifyLogin } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { safeRedirect } from '~/utils/redirect'
import { createUserSession, getSessionUser } from '~/utils/session.server'

export const meta = pageTitle('auth:pageTitle')

const schema = z.object({
  email: z.string({ required_error: 'common:errors.required' }).trim().email('common:errors.email').max(254),
  password: z.string({ required_error: 'common:errors.required' }).max(1024),
  redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  return json({})
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseForm(formData, { schema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const clientAddress = typeof context.clientAddress === 'string' ? context.clientAddress : 'unknown'
  const result = await verifyLogin({ email, password, clientAddress })
  if (!result.ok) {
    const status = result.reason === 'throttled' ? 429 : 401
    return json(submission.reply({ formErrors: [`auth:${result.reason}`], hideFields: ['password'] }), {
      status,
    })
  }
  recordAudit(db, {
    userId: result.user.id,
    entity: 'user',
    entityId: result.user.id,
    action: 'login',
    summary: 'signed in',
  })
  const cookie = await createUserSession(request, result.user.id)
  return redirect(safeRedirect(redirectTo), { headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const { t } = useTranslation('auth')
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="card p-6">
        <p className="mb-1 flex items-center gap-2 font-semibold text-brand-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-4 border-brand-500" /> Ripple
        </p>
        <h1>{t('title')}</h1>
        <p className="mb-6 mt-1 text-sm text-ink-muted">{t('intro')}</p>
        {searchParams.get('reset') === '1' ? (
          <p role="status" className="mb-4 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
            {t('accounts:reset.done')}
          </p>
        ) : null}
        <FormErrors errors={form.errors} />
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <Field
            label={t('email')}
            {...getInputProps(fields.email, { type: 'email' })}
            autoComplete="username"
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's one task starts in this field
            autoFocus
            errors={fields.email.errors}
          />
          <Field
            label={t('password')}
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="current-password"
            errors={fields.password.errors}
          />
          <button type="submit" className="btn-primary w-full" disabled={navigation.state === 'submitting'}>
            {t('submit')}
          </button>
        </Form>
        <p className="mt-4 text-sm">
          <Link to="/forgot-password">{t('accounts:forgot.link')}</Link>
        </p>
        <p className="mt-4 text-xs text-ink-muted">{t('demoHint')}</p>
      </div>
    </main>
  )
}
