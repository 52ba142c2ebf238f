import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { sql } from 'drizzle-orm'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { actions, partners, stakeholders } from '#db/schema'
import { getProject } from '~/models/project.server'
import { requireUser } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { can } from '~/utils/permissions'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const count = (table: typeof actions | typeof stakeholders | typeof partners) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(sql`archived_at is null`)
      .get()!.n
  return json({
    user,
    projectName: getProject()?.name ?? 'Ripple',
    counts: { actions: count(actions), stakeholders: count(stakeholders), partners: count(partners) },
    canCreate: can(user, 'action:create'),
    canValidate: can(user, 'action:validate'),
  })
}

export default function Home() {
  const { t } = useTranslation()
  const f = useFormat()
  const data = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('home.title', { name: data.user.name })}</h1>
        <p className="mt-1 text-ink-muted">{t('home.intro', { project: data.projectName })}</p>
        <p className="mt-1 text-sm text-ink-muted">
          {t('home.counts', {
            actions: f.number(data.counts.actions),
            stakeholders: f.number(data.counts.stakeholders),
            partners: f.number(data.counts.partners),
          })}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {data.canCreate ? (
          <Link to="/actions/new" className="card block border-brand-500 no-underline hover:bg-brand-50">
            <p className="font-semibold text-brand-900">{t('home.logAction')}</p>
            <p className="mt-1 text-sm text-ink-muted">{t('home.logActionHint')}</p>
          </Link>
        ) : null}
        {data.canValidate ? (
          <Link to="/actions/review" className="card block no-underline hover:bg-slate-50">
            <p className="font-semibold">{t('home.review')}</p>
          </Link>
        ) : null}
        <Link
          to={data.user.partnerId ? `/actions?partner=${data.user.partnerId}` : '/actions'}
          className="card block no-underline hover:bg-slate-50"
        >
          <p className="font-semibold">{t('home.myActions')}</p>
        </Link>
        <Link to="/stakeholders" className="card block no-underline hover:bg-slate-50">
          <p className="font-semibold">{t('home.stakeholders')}</p>
        </Link>
        <Link to="/dashboard/reach" className="card block no-underline hover:bg-slate-50">
          <p className="font-semibold">{t('home.dashboard')}</p>
        </Link>
      </div>
    </div>
  )
}
