import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'
// Priorities area (engagement strategy section):
import { StakeholderStrategySection } from '~/components/priority/strategy'
import { categoryLabel, StageBadge, TierBadge, useCountryName } from '~/components/stakeholders'
import { listContacts } from '~/models/contacts.server'
import { strategyForStakeholder } from '~/models/priorities.server'
import { getProject } from '~/models/project.server'
import {
  canEditStakeholder,
  getStakeholder,
  stakeholderTimeline,
  type TimelineItem,
} from '~/models/stakeholders.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { can } from '~/utils/permissions'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.stakeholder.name ?? 'Stakeholder'} · Ripple` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'stakeholder:read')
  const id = Number(params.id)
  invariantResponse(Number.isInteger(id) && id > 0)
  const stakeholder = getStakeholder(id)
  invariantResponse(stakeholder)
  const canEdit = canEditStakeholder(user, stakeholder)
  return json({
    stakeholder,
    contacts: listContacts(id, { includeArchived: canEdit }),
    timeline: stakeholderTimeline(id),
    canEdit,
    canGdpr: can(user, 'contact:gdpr'),
    canMerge: can(user, 'stakeholder:merge'),
    // Priorities area: the quadrant's and the groups' engagement strategies.
    engagement: strategyForStakeholder(id),
    workingLanguages: getProject()?.workingLanguages ?? [],
  })
}

export default function StakeholderDetail() {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const f = useFormat()
  const country = useCountryName()
  const s = data.stakeholder
  const field = (label: string, value: React.ReactNode) => (
    <div className="py-1 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-ink-muted">{label}</dt>
      <dd className="sm:col-span-2">
        {value === null || value === undefined || value === '' ? t('detail.none') : value}
      </dd>
    </div>
  )
  return (
    <div className="space-y-6">
      <div>
        <p className="mb-2 text-sm">
          <Link to="/stakeholders">← {t('title')}</Link>
        </p>
        <div className="page-title">
          <div>
            <h1>
              {s.name}
              {s.acronym ? <span className="font-normal text-ink-muted"> ({s.acronym})</span> : null}
            </h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
              {categoryLabel(t, { key: s.categoryKey, name: s.categoryName })}
              <StageBadge stage={s.stage} />
              <TierBadge tier={s.priority?.tier} />
            </p>
          </div>
          {data.canEdit ? (
            <Link to={`/stakeholders/${s.id}/edit`} className="btn-primary">
              {t('detail.editStakeholder')}
            </Link>
          ) : null}
        </div>
        {s.archivedAt ? (
          <p role="status" className="card border-warn bg-warn-bg text-sm">
            {s.mergedIntoId ? (
              <>
                {t('detail.mergedNotice')}{' '}
                <Link to={`/stakeholders/${s.mergedIntoId}`}>{s.mergedIntoName ?? `#${s.mergedIntoId}`}</Link>
                .
              </>
            ) : (
              t('detail.archivedNotice')
            )}
          </p>
        ) : null}
        {!data.canEdit ? <p className="mt-2 text-sm text-ink-muted">{t('detail.readOnly')}</p> : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="details-title" className="card lg:col-span-2">
          <h2 id="details-title" className="mb-2">
            {t('detail.details')}
          </h2>
          <dl className="divide-y divide-slate-100">
            {field(t('fields.category'), categoryLabel(t, { key: s.categoryKey, name: s.categoryName }))}
            {s.categoryIsFundedProject || s.programme ? field(t('fields.programme'), s.programme) : null}
            {s.categoryIsFundedProject || s.period ? field(t('fields.period'), s.period) : null}
            {field(t('fields.scale'), s.scale ? t(`scales.${s.scale}`) : null)}
            {field(t('fields.country'), country(s.country))}
            {field(t('fields.city'), s.city)}
            {field(
              t('fields.website'),
              s.website ? (
                <a href={s.website} rel="noopener noreferrer nofollow" target="_blank" className="break-all">
                  {s.webDomain ?? s.website}
                </a>
              ) : null,
            )}
            {field(t('fields.owner'), s.ownerName ?? t('noOwner'))}
            {field(t('fields.themes'), s.themes.map((th) => th.name).join(', '))}
            {field(
              t('fields.languages'),
              s.languages.map((l) => tc(`languages.${l}`, { defaultValue: l })).join(', '),
            )}
            {field(
              t('fields.description'),
              s.description ? <span className="whitespace-pre-line">{s.description}</span> : null,
            )}
            {field(t('fields.created'), f.dateTime(s.createdAt))}
            {field(t('fields.updated'), f.dateTime(s.updatedAt))}
          </dl>
        </section>

        <section aria-labelledby="priority-title" className="card">
          <h2 id="priority-title" className="mb-2">
            {t('detail.priority')}
          </h2>
          {s.priority ? (
            <dl className="space-y-1 text-sm">
              <div>
                <dt className="sr-only">{t('fields.tier')}</dt>
                <dd>
                  <TierBadge tier={s.priority.tier} />{' '}
                  <span className="ml-1">
                    {t('detail.scoreOf', { score: f.number(s.priority.score, { maximumFractionDigits: 0 }) })}
                  </span>
                </dd>
              </div>
              {s.priority.previousScore !== null ? (
                <div className="flex gap-2">
                  <dt className="text-ink-muted">{t('detail.previousScore')}</dt>
                  <dd>{f.number(s.priority.previousScore, { maximumFractionDigits: 0 })}</dd>
                </div>
              ) : null}
              {s.priority.influence !== null ? (
                <div className="flex gap-2">
                  <dt className="text-ink-muted">{t('detail.influence')}</dt>
                  <dd>{f.number(s.priority.influence)}</dd>
                </div>
              ) : null}
              {s.priority.interest !== null ? (
                <div className="flex gap-2">
                  <dt className="text-ink-muted">{t('detail.interest')}</dt>
                  <dd>{f.number(s.priority.interest)}</dd>
                </div>
              ) : null}
              <div className="flex gap-2">
                <dt className="text-ink-muted">{t('detail.scoredAt')}</dt>
                <dd>{f.date(s.priority.scoredAt)}</dd>
              </div>
            </dl>
          ) : (
            <p className="text-sm text-ink-muted">{t('detail.notScored')}</p>
          )}
        </section>
      </div>

      {/* Priorities area: engagement strategy (quadrant and groups), owned by the priorities engineer. */}
      <StakeholderStrategySection
        stakeholderId={s.id}
        engagement={data.engagement}
        languages={data.workingLanguages}
      />

      <section aria-labelledby="contacts-title" className="card">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="contacts-title">{t('detail.contacts')}</h2>
          {data.canEdit && !s.archivedAt ? (
            <Link to={`/stakeholders/${s.id}/contacts/new`} className="btn-secondary">
              {t('detail.addContact')}
            </Link>
          ) : null}
        </div>
        {data.contacts.length === 0 ? (
          <p className="text-sm text-ink-muted">{t('detail.noContacts')}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.contacts.map((c) => (
              <li key={c.id} className="py-2">
                <p className="flex flex-wrap items-center gap-2">
                  {data.canEdit || data.canGdpr ? (
                    <Link to={`/contacts/${c.id}`}>{c.erasedAt ? t('detail.erased') : c.name}</Link>
                  ) : (
                    <span>{c.erasedAt ? t('detail.erased') : c.name}</span>
                  )}
                  {c.position ? <span className="text-sm text-ink-muted">{c.position}</span> : null}
                  {c.doNotContact ? <StatusBadge tone="bad">{t('detail.doNotContact')}</StatusBadge> : null}
                  {c.archivedAt ? (
                    <StatusBadge tone="neutral">{t('contacts.archivedBadge')}</StatusBadge>
                  ) : null}
                </p>
                {!c.erasedAt && (c.email || c.phone) ? (
                  <p className="text-sm">
                    {c.email && !c.doNotContact ? <a href={`mailto:${c.email}`}>{c.email}</a> : c.email}
                    {c.email && c.phone ? ' · ' : ''}
                    {c.phone}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-title" className="card">
        <h2 id="timeline-title" className="mb-2">
          {t('detail.timeline')}
        </h2>
        {data.timeline.length === 0 ? (
          <p className="text-sm text-ink-muted">{t('detail.noTimeline')}</p>
        ) : (
          <ol className="space-y-3">
            {data.timeline.map((item, i) => (
              <li key={i} className="border-l-2 border-slate-200 pl-3">
                <p className="text-xs text-ink-muted">
                  <time dateTime={item.at}>
                    {item.at.length === 10 ? f.date(item.at) : f.dateTime(item.at)}
                  </time>
                </p>
                <p className="text-sm">{describe(t, item)}</p>
                {item.kind === 'action' ? (
                  <p className="text-xs">
                    <Link to={`/actions/${item.actionId}`}>{item.title}</Link> ·{' '}
                    {t(`actionStatuses.${item.status}`, { defaultValue: item.status })}
                  </p>
                ) : null}
                {item.kind === 'score' && item.rationale ? (
                  <p className="text-xs text-ink-muted">{item.rationale}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}

function describe(t: TFunction, item: TimelineItem): string {
  if (item.kind === 'action') return t('timeline.action', { title: item.title, partner: item.partnerName })
  if (item.kind === 'score') {
    const criterion = item.criterionKey
      ? t(`priorities:criteria.${item.criterionKey}.name`, { defaultValue: item.criterionName })
      : item.criterionName
    const text = t('timeline.score', {
      value: item.value,
      criterion,
      user: item.userName ?? t('timeline.someone'),
    })
    return item.superseded ? `${text} (${t('timeline.superseded')})` : text
  }
  const user = item.userName ?? t('timeline.system')
  switch (item.action) {
    case 'create':
      return t('timeline.create', { user })
    case 'update': {
      const after = item.after ?? {}
      const before = item.before ?? {}
      if ('stage' in after) {
        const stageText = t('timeline.stage', {
          from: t(`stages.${before.stage}`),
          to: t(`stages.${after.stage}`),
          user,
        })
        const others = Object.keys(after).filter((k) => k !== 'stage' && k !== 'updatedAt')
        return others.length ? `${stageText}; ${others.map((k) => fieldLabel(t, k)).join(', ')}` : stageText
      }
      return t('timeline.update', {
        user,
        fields: Object.keys(after)
          .map((k) => fieldLabel(t, k))
          .join(', '),
      })
    }
    case 'archive':
      return t('timeline.archive', { user })
    case 'restore':
      return t('timeline.restore', { user })
    case 'merge':
      return t('timeline.merge', { user, summary: item.summary ?? '' })
    case 'import':
      return t('timeline.import', { user })
    default:
      return t('timeline.other', { action: item.action, user })
  }
}

const fieldKeys: Record<string, string> = {
  name: 'name',
  acronym: 'acronym',
  categoryId: 'category',
  programme: 'programme',
  period: 'period',
  scale: 'scale',
  country: 'country',
  city: 'city',
  website: 'website',
  webDomain: 'webDomain',
  description: 'description',
  themeIds: 'themes',
  languages: 'languages',
  ownerPartnerId: 'owner',
  stage: 'stage',
  archivedAt: 'archived',
}

function fieldLabel(t: TFunction, key: string) {
  return fieldKeys[key] ? t(`fields.${fieldKeys[key]}`) : key
}
