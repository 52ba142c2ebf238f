import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, PageHeader } from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { ResultIndicatorCard } from '~/components/result-indicator'
import { canEditIndicators, resultIndicatorFigures } from '~/models/outcomes/index.server'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('results:indicators.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  return json({ figures: resultIndicatorFigures(), canEdit: canEditIndicators(user) })
}

/** Result indicators and KPIs: baseline, current and target, each on a chart with its table and the outcomes behind it. */
export default function ResultIndicatorsPage() {
  const { t } = useTranslation('results')
  const { figures, canEdit } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title={t('indicators.title')}>
        <Link to="/plan/indicators" className="btn-secondary">
          {t('indicators.outputsLink')}
        </Link>
        <Link to="/results" className="btn-secondary">
          {t('title')}
        </Link>
        {canEdit ? (
          <Link to="/plan/indicators/results/new" className="btn-primary">
            {t('indicators.new')}
          </Link>
        ) : null}
      </PageHeader>
      <PlanNav current="indicators" />
      <p className="text-sm text-ink-muted">{t('indicators.intro')}</p>
      {figures.length ? (
        figures.map((fig) => (
          <div key={fig.indicator.id} className="space-y-1">
            <ResultIndicatorCard fig={fig} />
            <p className="text-sm no-print">
              <Link to={`/plan/indicators/results/${fig.indicator.id}`}>
                {t('indicators.open', { code: fig.indicator.code })}
              </Link>
            </p>
          </div>
        ))
      ) : (
        <EmptyState title={t('indicators.empty')} />
      )}
    </div>
  )
}
