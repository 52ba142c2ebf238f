import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { PageHeader } from '~/components/list'
import { readOutboxMessage } from '~/models/mail/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('mail:outbox.messageTitle')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const message = orForbidden(() => readOutboxMessage(user, params.file ?? ''))
  invariantResponse(message, 'not_found', 404)
  return json({ message })
}

export default function OutboxMessage() {
  const { t } = useTranslation('mail')
  const { message } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={message.subject ?? message.file} />
      <p>
        <Link to="/admin/outbox">{t('outbox.back')}</Link>
      </p>
      <p className="text-sm text-ink-muted">{t('outbox.to', { to: message.to ?? '—' })}</p>
      {message.text ? (
        <pre
          className="card whitespace-pre-wrap break-words font-sans"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a block that may scroll must be reachable by keyboard
          tabIndex={0}
        >
          {message.text}
        </pre>
      ) : null}
      <details className="card">
        <summary>{t('outbox.source')}</summary>
        <pre
          className="mt-2 overflow-x-auto text-xs"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a block that scrolls sideways must be reachable by keyboard
          tabIndex={0}
        >
          {message.source}
        </pre>
      </details>
    </div>
  )
}
