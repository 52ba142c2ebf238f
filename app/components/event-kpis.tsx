import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { useFormat } from '~/utils/format'

type Kpis = {
  registrations: number | null
  attended: number | null
  attendanceRate: number | null
  stakeholders: number
  byCategory: { categoryId: number | null; key: string | null; name: string | null; count: number }[]
  actions: number
  satisfactionResponses: number | null
  satisfactionAverage: number | null
  outcomes: number
}

/** A stakeholder category's name in the reader's language. */
export function useCategoryName() {
  const { t } = useTranslation('people')
  return (c: { key: string | null; name: string | null }) =>
    c.key
      ? t(`stakeholders:categories.${c.key}`, { defaultValue: c.name ?? '' })
      : (c.name ?? t('kpis.noCategory'))
}

/**
 * An event's (or campaign's) key figures, with the stakeholders reached by category as a table.
 * Aggregated only: every reader of the event sees it.
 */
export function EventKpisCard({
  eventId,
  kpis,
  canManage,
}: {
  eventId: number
  kpis: Kpis
  canManage: boolean
}) {
  const { t } = useTranslation('people')
  const f = useFormat()
  const category = useCategoryName()
  const figures = [
    ['registrations', f.number(kpis.registrations)],
    ['attended', f.number(kpis.attended)],
    ['attendanceRate', kpis.attendanceRate === null ? '—' : `${f.number(kpis.attendanceRate)} %`],
    ['stakeholders', f.number(kpis.stakeholders)],
    ['actions', f.number(kpis.actions)],
    ['outcomes', f.number(kpis.outcomes)],
    [
      'satisfaction',
      kpis.satisfactionAverage === null
        ? '—'
        : t('kpis.satisfactionValue', {
            average: f.number(kpis.satisfactionAverage),
            responses: f.number(kpis.satisfactionResponses),
          }),
    ],
  ] as const
  return (
    <section className="card space-y-3" aria-labelledby="kpis-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="kpis-heading">{t('kpis.title')}</h2>
        <div className="flex flex-wrap gap-2">
          {canManage ? (
            <Link to={`/events/${eventId}/registrations`} className="btn-secondary">
              {t('registrations.manage')}
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        {figures.map(([key, value]) => (
          <div key={key}>
            <dt className="font-medium text-ink-muted">{t(`kpis.${key}`)}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {kpis.byCategory.length ? (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="text-left font-semibold">{t('kpis.byCategory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpis.category')}</th>
                <th scope="col" className="text-right">
                  {t('kpis.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {kpis.byCategory.map((c) => (
                <tr key={c.categoryId ?? 'none'}>
                  <td>{category(c)}</td>
                  <td className="text-right">{f.number(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-ink-muted">{t('kpis.none')}</p>
      )}
      <p className="hint">{t('kpis.note')}</p>
    </section>
  )
}

type Participant = { id: number; name: string; categoryKey: string | null; categoryName: string | null }

/** Who took part (stakeholders, grouped by category) and what came out of it. */
export function ConsultationCard({
  eventId,
  participants,
  conclusions,
  canRecord,
}: {
  eventId: number
  participants: Participant[]
  conclusions: string | null
  canRecord: boolean
}) {
  const { t } = useTranslation('people')
  const category = useCategoryName()
  const groups = new Map<string, Participant[]>()
  for (const p of participants) {
    const label = category({ key: p.categoryKey, name: p.categoryName })
    groups.set(label, [...(groups.get(label) ?? []), p])
  }
  return (
    <section className="card space-y-3" aria-labelledby="consultation-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="consultation-heading">{t('consultation.title')}</h2>
        {canRecord ? (
          <Link to={`/events/${eventId}/consultation`} className="btn-secondary">
            {t('consultation.edit')}
          </Link>
        ) : null}
      </div>
      <h3>{t('consultation.participants')}</h3>
      {groups.size ? (
        <dl className="space-y-2 text-sm">
          {[...groups].map(([label, list]) => (
            <div key={label}>
              <dt className="font-medium">
                {label} ({list.length})
              </dt>
              <dd>
                {list.map((p, i) => (
                  <span key={p.id}>
                    {i ? ', ' : ''}
                    <Link to={`/stakeholders/${p.id}`}>{p.name}</Link>
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-ink-muted">{t('consultation.noParticipants')}</p>
      )}
      <h3>{t('consultation.conclusions')}</h3>
      <p className="whitespace-pre-line text-sm">{conclusions || t('consultation.noConclusions')}</p>
    </section>
  )
}
