import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { PartnerHomePanels } from '~/components/partner-home'
import { getProject } from '~/models/admin/index.server'
import { homeCounts, homeShortcuts, partnerHome } from '~/models/dashboards/index.server'
import { requireUser } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('common:nav.home')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({
    user,
    projectName: getProject()?.name ?? 'Ripple',
    counts: homeCounts(),
    ...homeShortcuts(user),
    // A user who acts for one partner sees what is theirs this month; null for every other role.
    partnerHome: partnerHome(user),
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
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {/* The partner's home has its own big button. */}
        {data.canCreate && !data.partnerHome ? (
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
