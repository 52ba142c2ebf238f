import { Form, Link } from '@remix-run/react'
import type { ComponentProps, InputHTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { Field, FormErrors } from './forms'

/** The signed-out pages' card (sign in, forgot password, set a password). */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col justify-center py-10">
      <div className="card p-6">
        <p className="mb-1 flex items-center gap-2 font-semibold text-brand-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-4 border-brand-500" /> Ripple
        </p>
        <h1>{title}</h1>
        {intro ? <p className="mb-6 mt-1 text-sm text-ink-muted">{intro}</p> : null}
        {children}
      </div>
    </div>
  )
}

/** What an expired, used or unknown link says, with the way to ask again. */
export function LinkProblem({
  reason,
  kind,
}: {
  reason: 'unknown' | 'expired' | 'used'
  kind: 'invitation' | 'password-reset'
}) {
  const { t } = useTranslation('accounts')
  return (
    <AuthCard title={t('link.title')}>
      <p className="mt-3">{t(`link.${reason}`)}</p>
      {kind === 'invitation' ? (
        <p className="mt-3 text-sm text-ink-muted">{t('link.askInvitation')}</p>
      ) : null}
      <p className="mt-4 flex flex-wrap gap-3">
        <Link to="/forgot-password" className="btn-primary">
          {t('link.askReset')}
        </Link>
        <Link to="/login" className="btn-secondary">
          {t('link.signIn')}
        </Link>
      </p>
    </AuthCard>
  )
}

/** The one-field form of a link page: the new password (conform-validated, works without JavaScript). */
export function SetPasswordForm({
  label,
  hint,
  submit,
  form,
  field,
  submitting,
}: {
  label: string
  hint: string
  submit: string
  form: { errors?: string[] | null; props: ComponentProps<typeof Form> }
  field: { errors?: string[] | null; props: InputHTMLAttributes<HTMLInputElement> }
  submitting: boolean
}) {
  return (
    <>
      <FormErrors errors={form.errors} />
      <Form method="post" {...form.props} className="space-y-4">
        <Field label={label} hint={hint} {...field.props} autoComplete="new-password" errors={field.errors} />
        <button type="submit" className="btn-primary w-full" disabled={submitting}>
          {submit}
        </button>
      </Form>
    </>
  )
}
