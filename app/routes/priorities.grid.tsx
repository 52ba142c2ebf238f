import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, PageHeader } from '~/components/list'
import { PriorityNav } from '~/components/priority/badges'
import { PriorityFilters } from '~/components/priority/filters'
import { PlacementTable, PowerInterestChart } from '~/components/priority/power-interest'
import { filterOptions, gridPlacements, priorityFilterFromUrl } from '~/models/priorities/index.server'
import { QUADRANTS } from '~/models/priorities/scoring'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('priorities:pageTitles.grid')

const LIMIT = 300

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'priority:read')
  const filter = priorityFilterFromUrl(new URL(request.url))
  const { placements, quadrantCounts, total, cutoffs } = gridPlacements(filter, LIMIT)
  return json({ filter, placements, quadrantCounts, total, cutoffs, limit: LIMIT, options: filterOptions() })
}

export default function PowerInterestGrid() {
  const { t } = useTranslation('priorities')
  const data = useLoaderData<typeof loader>()
  const f = useFormat()
  return (
    <div>
      <PageHeader title={t('grid.title')} />
      <PriorityNav />
      <p className="mb-4 max-w-prose text-sm text-ink-muted">{t('grid.intro')}</p>
      <PriorityFilters
        filter={data.filter}
        options={data.options}
        show={{ q: true, quadrant: true }}
        action="/priorities/grid"
      />
      <ul className="mb-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('grid.countsLabel')}>
        {QUADRANTS.map((q) => (
          <li key={q} className="card py-2">
            <Link to={`/priorities/grid?quadrant=${q}`} className="font-semibold">
              {t(`quadrants.${q}`)}
            </Link>
            <span className="block text-sm text-ink-muted" data-testid={`count-${q}`}>
              {t('grid.count', {
                count: data.quadrantCounts[q],
                formatted: f.number(data.quadrantCounts[q]),
              })}
            </span>
          </li>
        ))}
      </ul>
      {data.placements.length === 0 ? (
        <EmptyState title={t('grid.empty')}>{t('grid.emptyHint')}</EmptyState>
      ) : (
        <>
          {data.total > data.placements.length ? (
            <p className="mb-2 text-sm text-ink-muted">
              {t('grid.limited', { shown: f.number(data.placements.length), total: f.number(data.total) })}
            </p>
          ) : null}
          <div className="grid gap-6 lg:grid-cols-[minmax(0,560px)_1fr]">
            <div className="card">
              <PowerInterestChart placements={data.placements} cutoffs={data.cutoffs} />
            </div>
            <div className="card relative max-h-[40rem] overflow-auto p-0">
              <PlacementTable placements={data.placements} />
            </div>
          </div>
        </>
      )}
    </div>
  )
}
