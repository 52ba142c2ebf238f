import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { DismissedGroups, DismissGroupButton } from '~/components/duplicate-dismissals'
import { FormErrors } from '~/components/forms'
import { EmptyState } from '~/components/list'
import { categoryLabel, useCountryName } from '~/components/stakeholders'
import {
  duplicateCandidates,
  findDuplicateGroups,
  getStakeholder,
  listCategories,
  listDuplicateDismissals,
  MergeError,
  mergeStakeholders,
  stakeholderFormOptions,
} from '~/models/stakeholders/index.server'
import { type MergeField, mergeFields } from '~/models/stakeholders/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

import { duplicateDismissalAction } from './_shared/duplicate-dismissal.server'

export const meta = pageTitle('stakeholders:meta.duplicates')

const positiveId = (v: string | null) => {
  const n = Number(v)
  return Number.isInteger(n) && n > 0 ? n : null
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'stakeholder:merge')
  const url = new URL(request.url)
  const a = positiveId(url.searchParams.get('a'))
  const b = positiveId(url.searchParams.get('b'))
  if (a && b) {
    const survivor = getStakeholder(a)
    const loser = getStakeholder(b)
    invariantResponse(survivor)
    invariantResponse(loser)
    const options = stakeholderFormOptions()
    return json({
      mode: 'compare' as const,
      survivor,
      loser,
      categories: listCategories({ includeArchived: true }),
      partners: options.partners,
      merged: url.searchParams.get('merged') === '1',
    })
  }
  const found = findDuplicateGroups({ limit: 100 })
  const candidates = new Map(
    duplicateCandidates([...new Set(found.groups.flatMap((g) => g.ids.slice(0, 10)))]).map((c) => [c.id, c]),
  )
  return json({
    mode: 'groups' as const,
    totals: found.totals,
    groups: found.groups.map((g) => ({
      ...g,
      members: g.ids
        .slice(0, 10)
        .map((id) => candidates.get(id)!)
        .filter(Boolean),
      more: Math.max(0, g.ids.length - 10),
    })),
    mergedName: url.searchParams.get('merged'),
    dismissed: url.searchParams.get('dismissed') === '1',
    dismissals: listDuplicateDismissals(),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'stakeholder:merge')
  const form = await request.formData()
  const dismissal = duplicateDismissalAction(form, user)
  if (dismissal) return dismissal
  const survivorId = positiveId(String(form.get('survivorId') ?? ''))
  const loserId = positiveId(String(form.get('loserId') ?? ''))
  if (!survivorId || !loserId || survivorId === loserId)
    return json({ formErrors: ['stakeholders:duplicatesPage.sameRecord'] }, { status: 400 })
  const picks: Partial<Record<MergeField, 'survivor' | 'loser'>> = {}
  for (const field of mergeFields) picks[field] = form.get(`pick_${field}`) === 'loser' ? 'loser' : 'survivor'
  try {
    orForbidden(() => db.transaction((tx) => mergeStakeholders(tx, { survivorId, loserId, picks }, user)))
  } catch (error) {
    if (error instanceof MergeError) {
      if (error.message === 'notFound') throw json({ message: 'not_found' }, { status: 404 })
      return json({ formErrors: [`stakeholders:duplicatesPage.${error.message}`] }, { status: 400 })
    }
    throw error
  }
  return redirect(`/stakeholders/${survivorId}`)
}

export default function Duplicates() {
  const data = useLoaderData<typeof loader>()
  return data.mode === 'compare' ? <Compare /> : <Groups />
}

function Groups() {
  const { t } = useTranslation('stakeholders')
  const data = useLoaderData<typeof loader>()
  const country = useCountryName()
  if (data.mode !== 'groups') return null
  const sections = [
    { reason: 'name', title: t('duplicatesPage.byName'), total: data.totals.name },
    { reason: 'domain', title: t('duplicatesPage.byDomain'), total: data.totals.domain },
    { reason: 'email', title: t('duplicatesPage.byEmail'), total: data.totals.email },
  ] as const
  return (
    <div className="space-y-6">
      <div>
        <p className="mb-2 text-sm">
          <Link to="/stakeholders">← {t('title')}</Link>
        </p>
        <h1>{t('duplicatesPage.title')}</h1>
        <p className="mt-1 max-w-prose text-sm text-ink-muted">{t('duplicatesPage.intro')}</p>
      </div>
      <DismissalNotices dismissed={data.dismissed} />
      {data.groups.length === 0 ? <EmptyState title={t('duplicatesPage.none')} /> : null}
      {sections.map((section) => {
        const groups = data.groups.filter((g) => g.reason === section.reason)
        if (!groups.length) return null
        return (
          <section key={section.reason} aria-labelledby={`dup-${section.reason}`} className="space-y-3">
            <h2 id={`dup-${section.reason}`}>
              {section.title}{' '}
              <span className="text-sm font-normal text-ink-muted">
                ({t('duplicatesPage.groupsFound', { count: section.total })})
              </span>
            </h2>
            <ul className="space-y-3">
              {groups.map((g) => (
                <li key={`${g.reason}-${g.key}`} className="card">
                  <p className="mb-2 break-all text-sm font-medium text-ink-muted">{g.key}</p>
                  <ul className="space-y-1">
                    {g.members.map((m) => (
                      <li key={m.id} className="text-sm">
                        <Link to={`/stakeholders/${m.id}`}>{m.name}</Link>
                        <span className="text-ink-muted">
                          {' '}
                          · {[m.city, country(m.country)].filter(Boolean).join(', ')}{' '}
                          {m.webDomain ? `· ${m.webDomain}` : ''} ·{' '}
                          {t('duplicatesPage.contactsCount', { count: m.contacts })}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {g.more ? <p className="mt-1 text-xs text-ink-muted">+{g.more}</p> : null}
                  {g.members.length >= 2 ? (
                    <Link
                      className="btn-secondary mt-3"
                      to={`/stakeholders/duplicates?a=${g.members[0].id}&b=${g.members[1].id}`}
                    >
                      {t('duplicatesPage.compare')}
                    </Link>
                  ) : null}
                  <DismissGroupButton group={g} />
                </li>
              ))}
            </ul>
            {section.total > groups.length ? (
              <p className="text-sm text-ink-muted">
                {t('duplicatesPage.more', { count: section.total - groups.length })}
              </p>
            ) : null}
          </section>
        )
      })}
      <DismissedGroups dismissals={data.dismissals} />
    </div>
  )
}

/** What the last "Not duplicates" did: done, or refused with the reason. */
function DismissalNotices({ dismissed }: { dismissed: boolean }) {
  const { t } = useTranslation('duplicates')
  const actionData = useActionData<typeof action>()
  return (
    <>
      <FormErrors errors={actionData && 'formErrors' in actionData ? actionData.formErrors : undefined} />
      {dismissed ? (
        <p role="status" className="card">
          {t('dismissed')}
        </p>
      ) : null}
    </>
  )
}

type CompareData = Extract<SerializeFrom<typeof loader>, { mode: 'compare' }>
type MergeRecord = CompareData['survivor']

/** A merge field's value as a person reads it. */
function useShowField(data: CompareData) {
  const { t } = useTranslation('stakeholders')
  const country = useCountryName()
  const categories = new Map(data.categories.map((c) => [c.id, c]))
  const partnerNames = new Map(data.partners.map((p) => [p.id, p.name]))
  return (field: MergeField, s: MergeRecord): string => {
    const v = s[field]
    if (v === null || v === undefined || v === '') return t('detail.none')
    if (field === 'categoryId') {
      const c = categories.get(v as number)
      return c ? categoryLabel(t, c) : String(v)
    }
    if (field === 'ownerPartnerId') return partnerNames.get(v as number) ?? String(v)
    if (field === 'stage') return t(`stages.${v}`)
    if (field === 'scale') return t(`scales.${v}`)
    if (field === 'country') return country(v as string)
    return String(v)
  }
}

const fieldLabelKeys: Record<MergeField, string> = {
  name: 'name',
  acronym: 'acronym',
  categoryId: 'category',
  programme: 'programme',
  period: 'period',
  scale: 'scale',
  country: 'country',
  city: 'city',
  website: 'website',
  description: 'description',
  ownerPartnerId: 'owner',
  stage: 'stage',
}

function Compare() {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  if (data.mode !== 'compare') return null
  const { survivor, loser } = data
  const blocked = !!survivor.archivedAt || !!loser.archivedAt
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p className="text-sm">
        <Link to="/stakeholders/duplicates">← {t('duplicatesPage.back')}</Link>
      </p>
      <h1>{t('duplicatesPage.compare')}</h1>
      <p className="max-w-prose text-sm text-ink-muted">{t('duplicatesPage.mergeHint')}</p>
      <FormErrors errors={actionData?.formErrors} />
      {blocked ? <FormErrors errors={['stakeholders:duplicatesPage.archivedRecord']} /> : null}
      <p>
        <Link className="btn-secondary" to={`/stakeholders/duplicates?a=${loser.id}&b=${survivor.id}`}>
          {t('duplicatesPage.swap')}
        </Link>
      </p>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="merge" />
        <input type="hidden" name="survivorId" value={survivor.id} />
        <input type="hidden" name="loserId" value={loser.id} />
        <CompareTable data={data} />
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            className="btn-primary"
            disabled={blocked || navigation.state === 'submitting'}
          >
            {t('duplicatesPage.merge')}
          </button>
          <Link to="/stakeholders/duplicates" className="btn-secondary">
            {tc('actions.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}

function CompareTable({ data }: { data: CompareData }) {
  const { t } = useTranslation('stakeholders')
  const { survivor, loser } = data
  return (
    <div className="card overflow-x-auto p-0">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('duplicatesPage.field')}</th>
            <th scope="col">
              {t('duplicatesPage.survivor')}: <Link to={`/stakeholders/${survivor.id}`}>#{survivor.id}</Link>
            </th>
            <th scope="col">
              {t('duplicatesPage.loser')}: <Link to={`/stakeholders/${loser.id}`}>#{loser.id}</Link>
            </th>
          </tr>
        </thead>
        <tbody>
          {mergeFields.map((field) => (
            <CompareRow key={field} field={field} data={data} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One field of both records; where they differ, a radio button picks the value to keep. */
function CompareRow({ field, data }: { field: MergeField; data: CompareData }) {
  const { t } = useTranslation('stakeholders')
  const show = useShowField(data)
  const { survivor, loser } = data
  const same = show(field, survivor) === show(field, loser)
  return (
    <tr>
      <th scope="row" className="font-medium">
        {t(`fields.${fieldLabelKeys[field]}`)}
      </th>
      {(['survivor', 'loser'] as const).map((side) => {
        const record = side === 'survivor' ? survivor : loser
        const id = `pick-${field}-${side}`
        return (
          <td key={side}>
            {same ? (
              <span>{show(field, record)}</span>
            ) : (
              <label htmlFor={id} className="flex items-start gap-2">
                <input
                  type="radio"
                  id={id}
                  name={`pick_${field}`}
                  value={side}
                  defaultChecked={
                    side === 'survivor'
                      ? record[field] !== null && record[field] !== ''
                      : survivor[field] === null || survivor[field] === ''
                  }
                />
                <span className="break-words">{show(field, record)}</span>
              </label>
            )}
          </td>
        )
      })}
    </tr>
  )
}
