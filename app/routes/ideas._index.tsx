import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { IdeaCard } from '~/components/ideas/idea-card'
import { EmptyState, FilterActions, FilterSelect, PageHeader, Pagination } from '~/components/list'
import { ideaPartnerOptions, listIdeas } from '~/models/ideas/index.server'
import { canModerateIdeas, canPostIdeas } from '~/models/ideas/policy'
import { ideaColumnList, ideaFilterSchema, ideaStatusList } from '~/models/ideas/schemas'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('ideas:title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'idea:read')
  const url = new URL(request.url)
  const filter = ideaFilterSchema.parse(Object.fromEntries(url.searchParams))
  const page = pageFromUrl(url, 40)
  const { rows, total } = listIdeas(filter, page, user.id)
  return json({
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    filter,
    partners: ideaPartnerOptions(),
    canPost: canPostIdeas(user),
    canExport: canModerateIdeas(user),
  })
}

type Data = SerializeFrom<typeof loader>

export default function IdeasBoardPage() {
  const { t } = useTranslation('ideas')
  const { rows, total, page, pageSize, filter, partners, canPost, canExport } = useLoaderData<typeof loader>()
  const filtered = Object.values(filter).some((v) => v !== undefined)
  const post = (
    <Link to="/ideas/new" className="btn-primary">
      {t('new')}
    </Link>
  )
  const columns = filter.column ? [filter.column] : ideaColumnList
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} exportTo={canExport ? '/ideas.csv' : undefined}>
        {canPost ? post : null}
      </PageHeader>
      <p className="max-w-prose text-sm text-ink-muted">{t('intro')}</p>
      <BoardFilter filter={filter} partners={partners} filtered={filtered} />
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('emptyFiltered') : t('empty')}
          action={canPost && !filtered ? post : null}
        >
          {t('emptyHint')}
        </EmptyState>
      ) : (
        <div className={`grid gap-6 ${columns.length > 1 ? 'md:grid-cols-2' : ''}`}>
          {columns.map((column) => (
            <BoardColumn key={column} column={column} rows={rows.filter((r) => r.column === column)} />
          ))}
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}

function BoardColumn({ column, rows }: { column: Data['rows'][number]['column']; rows: Data['rows'] }) {
  const { t } = useTranslation('ideas')
  return (
    <section aria-labelledby={`column-${column}`} className="space-y-3">
      <h2 id={`column-${column}`}>{t(`columns.${column}`)}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('emptyColumn')}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => (
            <IdeaCard key={r.id} idea={r} />
          ))}
        </ul>
      )}
    </section>
  )
}

function BoardFilter({
  filter,
  partners,
  filtered,
}: {
  filter: Data['filter']
  partners: Data['partners']
  filtered: boolean
}) {
  const { t } = useTranslation('ideas')
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4 no-print">
      <FilterSelect
        name="column"
        label={t('fields.column')}
        value={filter.column}
        options={ideaColumnList.map((c) => ({ value: c, label: t(`columns.${c}`) }))}
      />
      <FilterSelect
        name="status"
        label={t('fields.status')}
        value={filter.status}
        options={ideaStatusList.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      <FilterSelect name="partner" label={t('fields.partner')} value={filter.partner} options={partners} />
      <FilterActions clearTo="/ideas" filtered={filtered} />
    </Form>
  )
}
