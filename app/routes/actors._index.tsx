import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ActorGraph, ActorTable } from '~/components/actor-map'
import { EmptyState, FilterActions, FilterSelect, PageHeader, Pagination } from '~/components/list'
import { categoryLabel } from '~/components/stakeholders'
import {
  ACTOR_GRAPH_LIMIT,
  actorMapFilterSchema,
  actorMapOptions,
  actorNetwork,
  layoutActorGraph,
} from '~/models/actors/index.server'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('actors:meta.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'actor:read')
  const url = new URL(request.url)
  const filter = actorMapFilterSchema.parse(Object.fromEntries(url.searchParams))
  const page = pageFromUrl(url)
  const { nodes, edges } = orForbidden(() => actorNetwork(filter, user))
  const options = actorMapOptions()
  const event = [...options.events, ...options.campaigns].find((e) => e.id === filter.event)
  const campaign = options.campaigns.find((e) => e.id === filter.campaign)
  return json({
    filter,
    graph: layoutActorGraph(nodes, edges, ACTOR_GRAPH_LIMIT),
    rows: nodes.slice(page.offset, page.offset + page.limit),
    total: nodes.length,
    page: page.page,
    pageSize: page.pageSize,
    options,
    scope: campaign
      ? { kind: 'campaign' as const, id: campaign.id, title: campaign.title }
      : event
        ? { kind: 'event' as const, id: event.id, title: event.title }
        : null,
  })
}

type Data = SerializeFrom<typeof loader>

export default function ActorMapPage() {
  const { t } = useTranslation('actors')
  const data = useLoaderData<typeof loader>()
  const filtered = Object.values(data.filter).some((v) => v !== undefined)
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} exportTo="/actors.csv">
        {data.scope ? (
          <Link to={`/events/${data.scope.id}`} className="btn-secondary">
            {t('scope.back', { title: data.scope.title })}
          </Link>
        ) : null}
      </PageHeader>
      {data.scope ? (
        <p className="font-semibold">{t(`scope.${data.scope.kind}`, { title: data.scope.title })}</p>
      ) : null}
      <p className="max-w-prose text-sm text-ink-muted">{t('intro')}</p>
      <ActorFilters filter={data.filter} options={data.options} filtered={filtered} />
      {data.total === 0 ? (
        <EmptyState title={filtered ? t('emptyFiltered') : t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,900px)_1fr]">
          {/* On a phone the table comes first; beside the map on a wide screen. */}
          <div className="card min-w-0 xl:order-last">
            <ActorTable rows={data.rows} />
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
          </div>
          <div className="card min-w-0">
            <ActorGraph graph={data.graph} />
          </div>
        </div>
      )}
    </div>
  )
}

function ActorFilters({
  filter,
  options,
  filtered,
}: {
  filter: Data['filter']
  options: Data['options']
  filtered: boolean
}) {
  const { t } = useTranslation('actors')
  return (
    <Form
      method="get"
      className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4 no-print"
      aria-label={t('filters.label')}
    >
      <FilterSelect
        name="event"
        label={t('filters.event')}
        value={filter.event}
        any={t('filters.anyEvent')}
        options={options.events.map((e) => ({ value: e.id, label: `${e.title} (${e.startDate})` }))}
      />
      <FilterSelect
        name="campaign"
        label={t('filters.campaign')}
        value={filter.campaign}
        any={t('filters.anyCampaign')}
        options={options.campaigns.map((e) => ({ value: e.id, label: `${e.title} (${e.startDate})` }))}
      />
      <FilterSelect
        name="category"
        label={t('filters.category')}
        value={filter.category}
        options={options.categories.map((c) => ({ value: c.id, label: categoryLabel(t, c) }))}
      />
      <FilterSelect
        name="partner"
        label={t('filters.partner')}
        value={filter.partner}
        options={options.partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <FilterActions clearTo="/actors" filtered={filtered} />
    </Form>
  )
}
