import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { SavedNotice, UserFields } from '~/components/admin'
import { ErrorList, Field, FormErrors } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import { pendingInvitations } from '~/models/accounts/index.server'
import {
  getUser,
  partnerChoices,
  resetPassword,
  setUserActive,
  updateUser,
} from '~/models/admin/index.server'
import { userActiveSchema, userEditSchema, userPasswordSchema } from '~/models/admin/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.user')

function userId(params: { id?: string }) {
  const parsed = z.coerce.number().int().positive().safeParse(params.id)
  invariantResponse(parsed.success)
  return parsed.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requirePermission(request, 'admin:manage')
  const user = getUser(userId(params))
  invariantResponse(user)
  return json({
    user,
    partners: partnerChoices(user.partnerId),
    isSelf: me.id === user.id,
    invitationExpiresAt: pendingInvitations([user.id]).get(user.id) ?? null,
  })
}

type ActionData = { intent: string; result: SubmissionResult<string[]> }

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requirePermission(request, 'admin:manage')
  const id = userId(params)
  invariantResponse(getUser(id))
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')

  if (intent === 'edit') {
    const submission = parseForm(formData, { schema: userEditSchema })
    if (submission.status !== 'success')
      return json<ActionData>({ intent, result: submission.reply() }, { status: 400 })
    const result = orForbidden(() => updateUser(id, submission.value, me))
    if (!result.ok)
      return json<ActionData>(
        {
          intent,
          result: submission.reply({ fieldErrors: { [result.error.field]: [result.error.message] } }),
        },
        { status: 400 },
      )
    return redirect(`/admin/users/${id}?saved=1`)
  }
  if (intent === 'password') {
    const submission = parseForm(formData, { schema: userPasswordSchema })
    if (submission.status !== 'success')
      return json<ActionData>(
        { intent, result: submission.reply({ hideFields: ['password'] }) },
        { status: 400 },
      )
    await orForbidden(() => resetPassword(id, submission.value.password, me))
    return redirect(`/admin/users/${id}?saved=password`)
  }
  if (intent === 'deactivate' || intent === 'reactivate') {
    const submission = parseForm(formData, { schema: userActiveSchema })
    if (submission.status !== 'success')
      return json<ActionData>({ intent, result: submission.reply() }, { status: 400 })
    const result = orForbidden(() => setUserActive(id, intent === 'reactivate', me))
    if (!result.ok)
      return json<ActionData>(
        { intent, result: submission.reply({ formErrors: [result.error.message] }) },
        { status: 400 },
      )
    return redirect(`/admin/users/${id}?saved=${intent}d`)
  }
  throw json({ message: 'unknown_intent' }, { status: 400 })
}

const savedMessages: Record<string, string> = {
  '1': 'common:actions.saved',
  created: 'users.created',
  password: 'users.passwordReset',
  deactivated: 'users.deactivated',
  reactivated: 'users.reactivated',
  invited: 'accounts:admin.invited',
}

type LoadedUser = SerializeFrom<typeof loader>['user']

function UserHeader({ user }: { user: LoadedUser }) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  return (
    <div className="page-title">
      <h1 className="break-words">
        {user.name}{' '}
        {user.deactivatedAt ? (
          <StatusBadge tone="neutral">
            {t('users.deactivatedOn', { date: f.date(user.deactivatedAt) })}
          </StatusBadge>
        ) : (
          <StatusBadge tone="ok">{t('users.statuses.active')}</StatusBadge>
        )}
      </h1>
      <div className="flex flex-wrap gap-2">
        <Link to={`/admin/audit?entity=user&entityId=${user.id}`} className="btn-secondary">
          {t('audit.history')}
        </Link>
        <Link to="/admin/users" className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
    </div>
  )
}

/** Sends a (new) invitation link: the person chooses the password themselves. */
function InviteForm({ userId, expiresAt }: { userId: number; expiresAt: string | null }) {
  const { t } = useTranslation('accounts')
  const f = useFormat()
  const expired = !!expiresAt && expiresAt <= new Date().toISOString()
  return (
    <Form method="post" action={`/admin/users/${userId}/invite`} className="mt-6 space-y-2 border-t pt-4">
      {expiresAt ? (
        <p>
          <StatusBadge tone={expired ? 'bad' : 'warn'}>
            {expired ? t('admin.expired') : t('admin.pending')}
          </StatusBadge>{' '}
          <span className="text-sm text-ink-muted">{f.date(expiresAt)}</span>
        </p>
      ) : null}
      <p id="reinvite-hint" className="text-sm text-ink-muted">
        {t('admin.reinviteHint')}
      </p>
      <button type="submit" className="btn-secondary" aria-describedby="reinvite-hint">
        {t('admin.reinvite')}
      </button>
    </Form>
  )
}

function PasswordSection({
  userId,
  actionData,
  invitationExpiresAt,
  active,
}: {
  userId: number
  actionData: ActionData | undefined
  invitationExpiresAt: string | null
  active: boolean
}) {
  const { t } = useTranslation('admin')
  const [passwordForm, passwordFields] = useForm({
    id: `user-${userId}-password`,
    lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, { schema: userPasswordSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading" className="mb-4 text-lg font-semibold">
        {t('users.resetPassword')}
      </h2>
      <Form method="post" {...getFormProps(passwordForm)} className="space-y-4">
        <input type="hidden" name="intent" value="password" />
        <Field
          label={t('users.newPassword')}
          hint={t('users.passwordHint')}
          {...getInputProps(passwordFields.password, { type: 'password' })}
          autoComplete="new-password"
          errors={passwordFields.password.errors}
        />
        <button type="submit" className="btn-secondary">
          {t('users.resetPassword')}
        </button>
      </Form>
      {active ? <InviteForm userId={userId} expiresAt={invitationExpiresAt} /> : null}
    </section>
  )
}

function AccessSection({
  user,
  isSelf,
  statusErrors,
}: {
  user: LoadedUser
  isSelf: boolean
  statusErrors: string[] | null | undefined
}) {
  const { t } = useTranslation('admin')
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading" className="mb-2 text-lg font-semibold">
        {t('users.access')}
      </h2>
      <p className="mb-4 text-sm text-ink-muted">
        {user.deactivatedAt ? t('users.reactivateHint') : t('users.deactivateHint')}
      </p>
      <ErrorList errors={statusErrors} />
      {isSelf && !user.deactivatedAt ? (
        <p className="text-sm">{t('users.errors.selfDeactivate')}</p>
      ) : (
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value={user.deactivatedAt ? 'reactivate' : 'deactivate'}
            className={user.deactivatedAt ? 'btn-secondary' : 'btn-danger'}
          >
            {user.deactivatedAt ? t('users.reactivate') : t('users.deactivate')}
          </button>
        </Form>
      )}
    </section>
  )
}

export default function EditUser() {
  const { t } = useTranslation('admin')
  const { user, partners, isSelf, invitationExpiresAt } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const saved = savedMessages[searchParams.get('saved') ?? '']

  const [form, fields] = useForm({
    id: `user-${user.id}`,
    lastResult: actionData?.intent === 'edit' ? actionData.result : undefined,
    defaultValue: {
      name: user.name,
      role: user.role,
      partnerId: user.partnerId ? String(user.partnerId) : '',
      locale: user.locale,
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: userEditSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const statusErrors =
    actionData && (actionData.intent === 'deactivate' || actionData.intent === 'reactivate')
      ? actionData.result.error?.['']
      : undefined

  return (
    <div className="max-w-3xl space-y-6">
      <UserHeader user={user} />
      <p className="break-all text-ink-muted">{user.email}</p>
      <SavedNotice message={saved ? t(saved) : null} />

      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading" className="mb-4 text-lg font-semibold">
          {t('users.account')}
        </h2>
        <FormErrors errors={form.errors} />
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="intent" value="edit" />
          <UserFields
            fields={fields}
            partners={partners}
            roleHint={isSelf ? t('users.selfRoleHint') : undefined}
          />
          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            {t('common:actions.saveChanges')}
          </button>
        </Form>
      </section>

      <PasswordSection
        userId={user.id}
        actionData={actionData}
        invitationExpiresAt={invitationExpiresAt}
        active={!user.deactivatedAt}
      />

      <AccessSection user={user} isSelf={isSelf} statusErrors={statusErrors} />
    </div>
  )
}
