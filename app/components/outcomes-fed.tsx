import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'
import { outcomeStatusTone } from '~/models/outcomes/schemas'
import { useFormat } from '~/utils/format'

type Fed = {
  id: number
  title: string
  date: string
  type: string
  status: keyof typeof outcomeStatusTone
}

/** The outcomes an action or an event fed, on its page (the other end of the outcome's links). */
export function OutcomesFed({ outcomes, recordHref }: { outcomes: Fed[]; recordHref?: string | null }) {
  const { t } = useTranslation('results')
  const f = useFormat()
  return (
    <section className="card space-y-2" aria-labelledby="outcomes-fed-title">
      <h2 id="outcomes-fed-title">{t('fed.title')}</h2>
      {outcomes.length ? (
        <ul className="space-y-1 text-sm">
          {outcomes.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-2">
              <Link to={`/results/${o.id}`}>{o.title}</Link>
              <span className="text-ink-muted">
                {t(`types.${o.type}`)} · {f.date(o.date)}
              </span>
              <StatusBadge tone={outcomeStatusTone[o.status]}>{t(`status.${o.status}`)}</StatusBadge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">{t('fed.none')}</p>
      )}
      {recordHref ? (
        <Link to={recordHref} className="btn-secondary no-print">
          {t('fed.record')}
        </Link>
      ) : null}
    </section>
  )
}
