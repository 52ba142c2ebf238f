import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { DashboardLinks, FiguresPanel, TasksPanel } from '~/components/home-panels'
import { PartnerHomePanels } from '~/components/partner-home'
import { getProject } from '~/models/admin/index.server'
import {
  homeCounts,
  homeKind,
  homeShortcuts,
  homeTasks,
  partnerHome,
  reachHeadline,
} from '~/models/dashboards/index.server'
import { requireUser } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('common:nav.home')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const kind = homeKind(user)
  const month = new Date().toISOString().slice(0, 7)
  return json({
    user,
    kind,
    month,
    projectName: getProject()?.name ?? 'Ripple',
    counts: homeCounts(),
    ...homeShortcuts(user),
    // Whoever validates sees what needs doing; a user who acts for one partner sees what is theirs
    // this month; everyone else the month's headline figures.
    tasks: kind === 'comms' ? homeTasks(user) : null,
    partnerHome: kind === 'partner' ? partnerHome(user) : null,
    headline: kind === 'figures' ? reachHeadline(month) : null,
  })
}

type Home = ReturnType<typeof useLoaderData<typeof loader>>

function Welcome({ data }: { data: Home }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
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
  )
}

export default function Home() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <Welcome data={data} />
      {data.partnerHome ? <PartnerHomePanels home={data.partnerHome} /> : null}
      {data.tasks ? <TasksPanel tasks={data.tasks} /> : null}
      {data.headline ? (
        <>
          <FiguresPanel month={data.month} headline={data.headline} />
          <DashboardLinks month={data.month} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {/* The partner's home has its own big button. */}
        {data.canCreate && !data.partnerHome ? (
          <Link to="/actions/new" className="card block border-brand-500 no-underline hover:bg-brand-50">
            <p className="font-semibold text-brand-900">{t('home.logAction')}</p>
            <p className="mt-1 text-sm text-ink-muted">{t('home.logActionHint')}</p>
          </Link>
        ) : null}
        {data.kind === 'partner' && data.user.partnerId ? (
          <Link
            to={`/actions?partner=${data.user.partnerId}`}
            className="card block no-underline hover:bg-slate-50"
          >
            <p className="font-semibold">{t('home.myActions')}</p>
          </Link>
        ) : (
          <Link to="/actions" className="card block no-underline hover:bg-slate-50">
            <p className="font-semibold">{t('nav.actions')}</p>
          </Link>
        )}
        <Link to="/stakeholders" className="card block no-underline hover:bg-slate-50">
          <p className="font-semibold">{t('home.stakeholders')}</p>
        </Link>
        {data.headline ? null : (
          <>
            <Link to="/dashboard/reach" className="card block no-underline hover:bg-slate-50">
              <p className="font-semibold">{t('home.dashboard')}</p>
            </Link>
            <Link to="/dashboard/coverage" className="card block no-underline hover:bg-slate-50">
              <p className="font-semibold">{t('home:links.coverage')}</p>
            </Link>
          </>
        )}
      </div>
    </div>
  )
}
