import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, PageHeader, Pagination } from '~/components/list'
import { PriorityNav, QuadrantName, ScoreChange, ScoreValue, TierBadge } from '~/components/priority/badges'
import { PriorityFilters } from '~/components/priority/filters'
import { useUserCan } from '~/components/shell'
import { categoryLabel } from '~/components/stakeholders'
import { filterOptions, listRanked, priorityFilterFromUrl } from '~/models/priorities/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('priorities:pageTitles.ranking')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'priority:read')
  const url = new URL(request.url)
  const filter = priorityFilterFromUrl(url)
  const page = pageFromUrl(url, 50)
  const { rows, total } = listRanked(filter, page)
  return json({ filter, rows, total, page: page.page, pageSize: page.pageSize, options: filterOptions() })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function PriorityRanking() {
  const { t } = useTranslation('priorities')
  const data = useLoaderData<typeof loader>()
  const can = useUserCan()
  const filtered = Object.values(data.filter).some((v) => v !== undefined)
  return (
    <div>
      <PageHeader title={t('ranking.title')} exportTo="/priorities.csv">
        {can('priority:score') ? (
          <Link to="/priorities/score" className="btn-primary">
            {t('ranking.scoreLink')}
          </Link>
        ) : null}
      </PageHeader>
      <PriorityNav />
      <p className="mb-4 max-w-prose text-sm text-ink-muted">{t('ranking.intro')}</p>
      <PriorityFilters
        filter={data.filter}
        options={data.options}
        show={{ q: true, stage: true, quadrant: true }}
        action="/priorities"
      />
      {data.rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('ranking.emptyFiltered') : t('ranking.empty')}
          action={
            can('priority:score') ? (
              <Link to="/priorities/score?unscored=1" className="btn-primary">
                {t('ranking.scoreLink')}
              </Link>
            ) : null
          }
        >
          {t('ranking.emptyHint')}
        </EmptyState>
      ) : (
        <RankingTable rows={data.rows} total={data.total} />
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}

function RankingTable({ rows, total }: { rows: LoaderData['rows']; total: number }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  return (
    <div className="card relative overflow-x-auto p-0">
      <table className="table" aria-describedby="ranking-caption">
        <caption id="ranking-caption" className="sr-only">
          {t('ranking.caption', { total: f.number(total) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="text-right">
              {t('columns.rank')}
            </th>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col" className="text-right">
              {t('columns.score')}
            </th>
            <th scope="col">{t('columns.tier')}</th>
            <th scope="col">{t('columns.change')}</th>
            <th scope="col" className="hidden md:table-cell">
              {t('columns.quadrant')}
            </th>
            <th scope="col" className="hidden sm:table-cell">
              {t('columns.owner')}
            </th>
            <th scope="col" className="hidden sm:table-cell">
              {t('columns.stage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <RankedRowView key={r.id} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RankedRowView({ row: r }: { row: LoaderData['rows'][number] }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  return (
    <tr data-testid="ranked-row">
      <td className="text-right tabular-nums">{f.number(r.rank)}</td>
      <td>
        <Link to={`/stakeholders/${r.id}`}>{r.name}</Link>
        {r.categoryName ? (
          <div className="text-xs text-ink-muted">
            {categoryLabel(t, { key: r.categoryKey, name: r.categoryName })}
          </div>
        ) : null}
      </td>
      <td className="text-right">
        <ScoreValue score={r.score} />
      </td>
      <td>
        <TierBadge tier={r.tier} />
      </td>
      <td className="whitespace-nowrap">
        <ScoreChange score={r.score} previous={r.previousScore} />
      </td>
      <td className="hidden md:table-cell">
        <QuadrantName quadrant={r.quadrant} />
      </td>
      <td className="hidden sm:table-cell">{r.ownerName ?? t('noOwner')}</td>
      <td className="hidden sm:table-cell">{t(`stages.${r.stage}`)}</td>
    </tr>
  )
}
