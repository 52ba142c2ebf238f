import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { PageHeader } from '~/components/list'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.index')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  return json({})
}

const sections = [
  { to: '/admin/project', key: 'project' },
  { to: '/admin/partners', key: 'partners' },
  { to: '/admin/users', key: 'users' },
  { to: '/admin/categories', key: 'categories' },
  { to: '/admin/types', key: 'types' },
  { to: '/admin/channels', key: 'channels' },
  { to: '/priorities/criteria', key: 'criteria' },
  { to: '/admin/audit', key: 'audit' },
  { to: '/admin/backup', key: 'backup' },
  { to: '/admin/outbox', key: 'mail:adminIndex.outbox' },
  { to: '/admin/jobs', key: 'mail:adminIndex.jobs' },
] as const

/** Sections of other areas name their own namespace ("mail:adminIndex.outbox"). */
const sectionKey = (key: string) => (key.includes(':') ? key : `index.${key}`)

export default function AdminIndex() {
  const { t } = useTranslation('admin')
  return (
    <div>
      <PageHeader title={t('index.title')} />
      <p className="mb-6 max-w-prose text-ink-muted">{t('index.intro')}</p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.key}>
            <Link to={s.to} className="card block h-full no-underline hover:bg-slate-50">
              <span className="font-semibold">{t(`${sectionKey(s.key)}.title`)}</span>
              <span className="mt-1 block text-sm text-ink-muted">{t(`${sectionKey(s.key)}.hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
