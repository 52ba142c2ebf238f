import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
// The page renders the kinds: from a module the browser also gets (a .server module is empty there).
import { notificationKinds } from '#db/schema/mail'
import { CalendarTokenForm } from '~/components/calendar-token'
import { PageHeader } from '~/components/list'
import { supportedLocales } from '~/i18n/i18n'
import { changeOwnPassword, newPasswordSchema, setOwnLocale } from '~/models/account/index.server'
import { hasCalendarToken } from '~/models/calendar/index.server'
import { notificationSettings, setNotificationSettings } from '~/models/mail/index.server'
import { orForbidden, requireUser } from '~/utils/auth.server'
import { localeCookie } from '~/utils/locale.server'
import { pageTitle } from '~/utils/meta'
import { readSessionId } from '~/utils/session.server'

export const meta = pageTitle('account:title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({
    email: user.email,
    locale: user.locale,
    settings: notificationSettings(user.id),
    hasCalendarToken: hasCalendarToken(user),
  })
}

const localeSchema = z.object({ intent: z.literal('locale'), locale: z.enum(supportedLocales) })
const passwordSchema = z.object({
  intent: z.literal('password'),
  current: z.string().min(1, 'account:errors.required').max(200, 'account:errors.passwordLong'),
  password: newPasswordSchema,
})
const notificationsSchema = z.object({ intent: z.literal('notifications') })

type Answer = { intent: string; saved?: boolean; errors?: Record<string, string> }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'))
  const intent = fields.intent
  if (intent === 'locale') {
    const parsed = localeSchema.safeParse(fields)
    if (!parsed.success)
      return json<Answer>({ intent, errors: { locale: 'account:errors.locale' } }, { status: 400 })
    orForbidden(() => db.transaction((tx) => setOwnLocale(tx, user, parsed.data.locale)))
    return json<Answer>(
      { intent, saved: true },
      { headers: { 'Set-Cookie': await localeCookie.serialize(parsed.data.locale) } },
    )
  }
  if (intent === 'password') {
    const parsed = passwordSchema.safeParse(fields)
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))
      return json<Answer>({ intent, errors }, { status: 400 })
    }
    // The session in use stays; every other one of this user ends.
    const changed = await changeOwnPassword(user, {
      current: parsed.data.current,
      next: parsed.data.password,
      keepSessionId: await readSessionId(request),
    })
    if (!changed)
      return json<Answer>({ intent, errors: { current: 'account:errors.currentWrong' } }, { status: 400 })
    return json<Answer>({ intent, saved: true })
  }
  if (notificationsSchema.safeParse(fields).success) {
    const settings = Object.fromEntries(notificationKinds.map((k) => [k, form.get(k) === 'on']))
    orForbidden(() => db.transaction((tx) => setNotificationSettings(tx, user, user.id, settings)))
    return json<Answer>({ intent: 'notifications', saved: true })
  }
  return json<Answer>({ intent: 'unknown', errors: { form: 'account:errors.unknown' } }, { status: 400 })
}

export default function Account() {
  const { t } = useTranslation('account')
  const data = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errorOf = (intent: string, field: string) =>
    answer?.intent === intent ? answer.errors?.[field] : undefined
  const saved = (intent: string) =>
    answer?.intent === intent && answer.saved ? (
      <p role="status" className="text-sm font-semibold">
        {t('saved')}
      </p>
    ) : null
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t('title')} />
      <p className="text-ink-muted">{t('signedInAs', { email: data.email })}</p>
      <section className="card space-y-3" aria-labelledby="account-language">
        <h2 id="account-language" className="text-lg font-semibold">
          {t('language.title')}
        </h2>
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="locale" />
          <label htmlFor="account-locale" className="label">
            {t('language.label')}
          </label>
          <select id="account-locale" name="locale" defaultValue={data.locale} className="input">
            {supportedLocales.map((l) => (
              <option key={l} value={l}>
                {t(`language.names.${l}`)}
              </option>
            ))}
          </select>
          <FieldError id="account-locale-error" error={errorOf('locale', 'locale')} />
          <p className="hint">{t('language.hint')}</p>
          <button type="submit" className="btn-secondary">
            {t('language.save')}
          </button>
          {saved('locale')}
        </Form>
      </section>
      <PasswordSection errorOf={errorOf} saved={saved('password')} />
      <NotificationsSection settings={data.settings} saved={saved('notifications')} />
      <CalendarTokenForm hasToken={data.hasCalendarToken} />
    </div>
  )
}

function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation('account')
  return error ? (
    <p id={id} className="text-sm font-semibold text-red-700">
      {t(error)}
    </p>
  ) : null
}

function PasswordSection({
  errorOf,
  saved,
}: {
  errorOf: (intent: string, field: string) => string | undefined
  saved: React.ReactNode
}) {
  const { t } = useTranslation('account')
  const currentError = errorOf('password', 'current')
  const newError = errorOf('password', 'password')
  return (
    <section className="card space-y-3" aria-labelledby="account-password">
      <h2 id="account-password" className="text-lg font-semibold">
        {t('password.title')}
      </h2>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="password" />
        <div>
          <label htmlFor="account-current" className="label">
            {t('password.current')}
          </label>
          <input
            id="account-current"
            name="current"
            type="password"
            autoComplete="current-password"
            className="input"
            aria-invalid={currentError ? true : undefined}
            aria-describedby={currentError ? 'account-current-error' : undefined}
          />
          <FieldError id="account-current-error" error={currentError} />
        </div>
        <div>
          <label htmlFor="account-new" className="label">
            {t('password.new')}
          </label>
          <input
            id="account-new"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            className="input"
            aria-invalid={newError ? true : undefined}
            aria-describedby={newError ? 'account-new-error account-new-hint' : 'account-new-hint'}
          />
          <p id="account-new-hint" className="hint">
            {t('password.hint')}
          </p>
          <FieldError id="account-new-error" error={newError} />
        </div>
        <button type="submit" className="btn-secondary">
          {t('password.save')}
        </button>
        {saved}
      </Form>
    </section>
  )
}

function NotificationsSection({
  settings,
  saved,
}: {
  settings: Record<string, boolean>
  saved: React.ReactNode
}) {
  const { t } = useTranslation('account')
  return (
    <section className="card space-y-3" aria-labelledby="account-notifications">
      <h2 id="account-notifications" className="text-lg font-semibold">
        {t('notifications.title')}
      </h2>
      <p className="hint">{t('notifications.hint')}</p>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="notifications" />
        <fieldset className="space-y-2">
          <legend className="sr-only">{t('notifications.title')}</legend>
          {notificationKinds.map((kind) => (
            <div key={kind} className="flex items-start gap-2">
              <input
                id={`account-${kind}`}
                name={kind}
                type="checkbox"
                defaultChecked={settings[kind]}
                className="mt-1"
              />
              <label htmlFor={`account-${kind}`}>
                <span className="font-semibold">{t(`mail:kinds.${kind}`)}</span>
                <span className="block text-sm text-ink-muted">{t(`mail:kindHints.${kind}`)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn-secondary">
          {t('notifications.save')}
        </button>
        {saved}
      </Form>
    </section>
  )
}
