import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { EmptyState, PageHeader, Pagination, StatusBadge } from '~/components/list'
import { listNotifications, markRead } from '~/models/actions/notifications.server'
import { requireUser } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('actions:meta.inbox')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = pageFromUrl(new URL(request.url), 30)
  const { rows, total } = listNotifications(user.id, page)
  return json({ rows, total, page: page.page, pageSize: page.pageSize })
}

const markSchema = z.object({ id: z.union([z.literal('all'), z.coerce.number().int().positive()]) })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = markSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return json({ error: 'common:errors.invalid' }, { status: 400 })
  markRead(user.id, parsed.data.id)
  return redirect('/inbox')
}

type Notification = SerializeFrom<typeof loader>['rows'][number]

/** One message: what happened, the reviewer's comment, and where to go from here. */
function NotificationCard({ n, busy }: { n: Notification; busy: boolean }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  return (
    <li className={`card space-y-2 ${n.readAt ? '' : 'border-l-4 border-l-brand-500'}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge tone={n.readAt ? 'neutral' : 'info'}>
          {n.readAt ? t('inbox.read') : t('inbox.unread')}
        </StatusBadge>
        <span className="text-ink-muted">{f.dateTime(n.createdAt)}</span>
      </div>
      <p className="font-semibold">
        {n.actionTitle ? t('inbox.returned', { title: n.actionTitle }) : t('inbox.returnedFallback')}
      </p>
      {n.message ? (
        <p className="whitespace-pre-line text-sm">{t('inbox.comment', { comment: n.message })}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {n.actionId && n.actionStatus === 'returned' ? (
          <Link to={`/actions/${n.actionId}/edit`} className="btn-primary">
            {t('inbox.openAction')}
          </Link>
        ) : n.actionId ? (
          <Link to={`/actions/${n.actionId}`} className="btn-secondary">
            {t('review.open')}
          </Link>
        ) : null}
        {!n.readAt ? (
          <Form method="post">
            <button type="submit" name="id" value={n.id} className="btn-secondary" disabled={busy}>
              {t('inbox.markRead')}
            </button>
          </Form>
        ) : null}
      </div>
    </li>
  )
}

export default function Inbox() {
  const { t } = useTranslation('actions')
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>()
  const busy = useNavigation().state === 'submitting'
  const unread = rows.some((r) => !r.readAt)
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t('inbox.title')}>
        {unread ? (
          <Form method="post">
            <button type="submit" name="id" value="all" className="btn-secondary" disabled={busy}>
              {t('inbox.markAllRead')}
            </button>
          </Form>
        ) : null}
      </PageHeader>
      <p className="text-sm text-ink-muted">{t('inbox.intro')}</p>
      {rows.length ? (
        <ul className="space-y-3">
          {rows.map((n) => (
            <NotificationCard key={n.id} n={n} busy={busy} />
          ))}
        </ul>
      ) : (
        <EmptyState title={t('inbox.emptyTitle')}>{t('inbox.emptyBody')}</EmptyState>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}
