import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CalendarTokenForm } from '~/components/calendar-token'
import { hasCalendarToken, resetCalendarToken } from '~/models/calendar/index.server'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('calendar:token.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  return json({ hasToken: hasCalendarToken(user) })
}

/** Makes a new subscription token (the old link stops working) and shows its link, once. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const token = orForbidden(() => resetCalendarToken(user))
  const url = new URL('/calendar.ics', request.url)
  url.searchParams.set('token', token)
  return json({ url: url.toString() })
}

export default function CalendarTokenPage() {
  const { t } = useTranslation('calendar')
  const { hasToken } = useLoaderData<typeof loader>()
  const made = useActionData<typeof action>()
  return (
    <div className="space-y-6">
      <h1>{t('token.title')}</h1>
      <CalendarTokenForm hasToken={hasToken} url={made?.url} />
      <p>
        <Link to="/calendar">{t('token.back')}</Link>
      </p>
    </div>
  )
}
