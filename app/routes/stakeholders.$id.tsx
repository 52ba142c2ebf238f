import type { SubmissionResult } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Link, type MetaArgs, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { InteractionForm } from '~/components/interaction-form'
import { StatusBadge } from '~/components/list'
// Priorities area (engagement strategy section):
import { StakeholderStrategySection } from '~/components/priority/strategy'
import { TimelineSection } from '~/components/stakeholder-timeline'
import { categoryLabel, StageBadge, TierBadge, useCountryName } from '~/components/stakeholders'
import { serverT } from '~/i18n/resources.server'
import { logInteraction } from '~/models/actions/index.server'
import { interactionSchema } from '~/models/actions/interaction-form'
import { canLogActions } from '~/models/actions/policy'
import { getProject } from '~/models/admin/index.server'
import { canHandleGdpr, contactsOfStakeholder } from '~/models/contacts/index.server'
import { strategyForStakeholder } from '~/models/priorities/index.server'
import {
  canEditStakeholder,
  canMergeStakeholders,
  getStakeholder,
  groupScoringSessions,
  stakeholderEditPolicy,
  stakeholderTimeline,
} from '~/models/stakeholders/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle<MetaArgs<typeof loader>>(
  ({ data }) => (data ? 'stakeholders:meta.named' : 'stakeholders:meta.stakeholder'),
  ({ data }) => ({ name: data?.stakeholder.name }),
)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'stakeholder:read')
  const id = Number(params.id)
  invariantResponse(Number.isInteger(id) && id > 0)
  const stakeholder = getStakeholder(id)
  invariantResponse(stakeholder)
  const canEdit = canEditStakeholder(user, stakeholder, stakeholderEditPolicy())
  return json({
    stakeholder,
    // Every reader gets the contacts' cards; the GDPR record stays on the contact's own page.
    contacts: contactsOfStakeholder(stakeholder, user),
    timeline: groupScoringSessions(stakeholderTimeline(id)),
    canEdit,
    canLog: canLogActions(user) && !stakeholder.archivedAt,
    // An interaction is logged as an action of the user's own partner.
    canRecord: canLogActions(user) && !stakeholder.archivedAt && !!user.partnerId,
    today: new Date().toISOString().slice(0, 10),
    canGdpr: canHandleGdpr(user),
    canMerge: canMergeStakeholders(user),
    // Priorities area: the quadrant's and the groups' engagement strategies.
    engagement: strategyForStakeholder(id),
    workingLanguages: getProject()?.workingLanguages ?? [],
  })
}

/** Records an interaction (meeting, call, e-mail) with this stakeholder as an action. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:create')
  const id = Number(params.id)
  invariantResponse(Number.isInteger(id) && id > 0)
  const stakeholder = getStakeholder(id)
  invariantResponse(stakeholder)
  invariantResponse(!stakeholder.archivedAt)
  const formData = await request.formData()
  const submission = parseForm(formData, { schema: interactionSchema })
  if (submission.status !== 'success') return json({ reply: submission.reply() }, { status: 400 })
  const { kind, date, note } = submission.value
  const t = serverT(user.locale)
  const title = t(`crm:interaction.titles.${kind}`, { name: stakeholder.name })
  orForbidden(() =>
    db.transaction((tx) => logInteraction(tx, { stakeholderId: id, kind, date, title, note }, user)),
  )
  throw redirect(`/stakeholders/${id}?recorded=1#interaction-title`, 303)
}

type Data = SerializeFrom<typeof loader>
type Stakeholder = Data['stakeholder']

export default function StakeholderDetail() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const s = data.stakeholder
  return (
    <div className="space-y-6">
      <DetailHeader data={data} />
      <div className="grid gap-6 lg:grid-cols-3">
        <DetailsSection stakeholder={s} />
        <PrioritySection priority={s.priority} />
      </div>

      {/* Priorities area: engagement strategy (quadrant and groups), owned by the priorities engineer. */}
      <StakeholderStrategySection
        stakeholderId={s.id}
        engagement={data.engagement}
        languages={data.workingLanguages}
      />

      <ContactsSection data={data} />
      {data.canRecord ? (
        <InteractionForm
          today={data.today}
          saved={params.get('recorded') === '1'}
          lastResult={actionData?.reply as SubmissionResult<string[]> | undefined}
        />
      ) : null}
      <TimelineSection timeline={data.timeline} />
    </div>
  )
}

function DetailHeader({ data: { stakeholder: s, canEdit, canLog } }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  return (
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
        <div className="flex flex-wrap gap-2">
          {canLog ? (
            <Link to={`/actions/new?stakeholderId=${s.id}`} className="btn-secondary">
              {t('detail.logAction')}
            </Link>
          ) : null}
          {canEdit ? (
            <Link to={`/stakeholders/${s.id}/edit`} className="btn-primary">
              {t('detail.editStakeholder')}
            </Link>
          ) : null}
        </div>
      </div>
      {s.archivedAt ? (
        <p role="status" className="card border-warn bg-warn-bg text-sm">
          {s.mergedIntoId ? (
            <>
              {t('detail.mergedNotice')}{' '}
              <Link to={`/stakeholders/${s.mergedIntoId}`}>{s.mergedIntoName ?? `#${s.mergedIntoId}`}</Link>.
            </>
          ) : (
            t('detail.archivedNotice')
          )}
        </p>
      ) : null}
      {!canEdit ? <p className="mt-2 text-sm text-ink-muted">{t('detail.readOnly')}</p> : null}
    </div>
  )
}

/** One line of the details list; an empty value reads "none". */
function Fact({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation('stakeholders')
  return (
    <div className="py-1 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-ink-muted">{label}</dt>
      <dd className="sm:col-span-2">
        {value === null || value === undefined || value === '' ? t('detail.none') : value}
      </dd>
    </div>
  )
}

function DetailsSection({ stakeholder: s }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const f = useFormat()
  const country = useCountryName()
  const website = s.website ? (
    <a href={s.website} rel="noopener noreferrer nofollow" target="_blank" className="break-all">
      {s.webDomain ?? s.website}
    </a>
  ) : null
  return (
    <section aria-labelledby="details-title" className="card lg:col-span-2">
      <h2 id="details-title" className="mb-2">
        {t('detail.details')}
      </h2>
      <dl className="divide-y divide-slate-100">
        <Fact
          label={t('fields.category')}
          value={categoryLabel(t, { key: s.categoryKey, name: s.categoryName })}
        />
        {s.categoryIsFundedProject || s.programme ? (
          <Fact label={t('fields.programme')} value={s.programme} />
        ) : null}
        {s.categoryIsFundedProject || s.period ? <Fact label={t('fields.period')} value={s.period} /> : null}
        <Fact label={t('fields.scale')} value={s.scale ? t(`scales.${s.scale}`) : null} />
        <Fact label={t('fields.country')} value={country(s.country)} />
        <Fact label={t('fields.city')} value={s.city} />
        <Fact label={t('fields.website')} value={website} />
        <Fact label={t('fields.owner')} value={s.ownerName ?? t('noOwner')} />
        <Fact label={t('fields.themes')} value={s.themes.map((th) => th.name).join(', ')} />
        <Fact
          label={t('fields.languages')}
          value={s.languages.map((l) => tc(`languages.${l}`, { defaultValue: l })).join(', ')}
        />
        <Fact
          label={t('fields.description')}
          value={s.description ? <span className="whitespace-pre-line">{s.description}</span> : null}
        />
        <Fact label={t('fields.created')} value={f.dateTime(s.createdAt)} />
        <Fact label={t('fields.updated')} value={f.dateTime(s.updatedAt)} />
      </dl>
    </section>
  )
}

function PrioritySection({ priority }: { priority: Stakeholder['priority'] }) {
  const { t } = useTranslation('stakeholders')
  const f = useFormat()
  const optional = (label: string, value: number | null, text: string) =>
    value !== null ? (
      <div className="flex gap-2">
        <dt className="text-ink-muted">{label}</dt>
        <dd>{text}</dd>
      </div>
    ) : null
  return (
    <section aria-labelledby="priority-title" className="card">
      <h2 id="priority-title" className="mb-2">
        {t('detail.priority')}
      </h2>
      {priority ? (
        <dl className="space-y-1 text-sm">
          <div>
            <dt className="sr-only">{t('fields.tier')}</dt>
            <dd>
              <TierBadge tier={priority.tier} />{' '}
              <span className="ml-1">
                {t('detail.scoreOf', { score: f.number(priority.score, { maximumFractionDigits: 0 }) })}
              </span>
            </dd>
          </div>
          {optional(
            t('detail.previousScore'),
            priority.previousScore,
            f.number(priority.previousScore ?? 0, { maximumFractionDigits: 0 }),
          )}
          {optional(t('detail.influence'), priority.influence, f.number(priority.influence ?? 0))}
          {optional(t('detail.interest'), priority.interest, f.number(priority.interest ?? 0))}
          <div className="flex gap-2">
            <dt className="text-ink-muted">{t('detail.scoredAt')}</dt>
            <dd>{f.date(priority.scoredAt)}</dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-ink-muted">{t('detail.notScored')}</p>
      )}
    </section>
  )
}

function ContactsSection({ data }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  const s = data.stakeholder
  return (
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
            <ContactItem key={c.id} contact={c} linked={data.canEdit || data.canGdpr} />
          ))}
        </ul>
      )}
    </section>
  )
}

function ContactItem({ contact: c, linked }: { contact: Data['contacts'][number]; linked: boolean }) {
  const { t } = useTranslation('stakeholders')
  const name = c.erasedAt ? t('detail.erased') : c.name
  return (
    <li className="py-2">
      <p className="flex flex-wrap items-center gap-2">
        {linked ? <Link to={`/contacts/${c.id}`}>{name}</Link> : <span>{name}</span>}
        {c.position ? <span className="text-sm text-ink-muted">{c.position}</span> : null}
        {c.doNotContact ? <StatusBadge tone="bad">{t('detail.doNotContact')}</StatusBadge> : null}
        {c.archivedAt ? <StatusBadge tone="neutral">{t('contacts.archivedBadge')}</StatusBadge> : null}
      </p>
      {!c.erasedAt && (c.email || c.phone) ? (
        <p className="text-sm">
          {c.email && !c.doNotContact ? <a href={`mailto:${c.email}`}>{c.email}</a> : c.email}
          {c.email && c.phone ? ' · ' : ''}
          {c.phone}
        </p>
      ) : null}
    </li>
  )
}
