import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import type { Headline, HomeTask } from '~/models/dashboards/index.server'
import { useFormat } from '~/utils/format'

/** The comms lead's counts, each a link to the list of exactly those records. */
export function TasksPanel({ tasks }: { tasks: HomeTask[] }) {
  const { t } = useTranslation('home')
  const f = useFormat()
  return (
    <section aria-labelledby="tasks-title" className="space-y-3">
      <h2 id="tasks-title">{t('tasks.title')}</h2>
      <p className="text-sm text-ink-muted">{t('tasks.intro')}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tasks.map((task) => (
          <li key={task.key}>
            <Link
              to={task.href}
              data-task={task.key}
              className={`card block no-underline hover:bg-slate-50 ${task.count > 0 ? 'border-brand-500' : ''}`}
            >
              <span className="block text-3xl font-semibold tabular-nums text-ink">
                {f.number(task.count)}
              </span>
              <span className="mt-1 block text-sm text-ink">{t(`tasks.${task.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A viewer's home: the month's headline figures and both dashboards. */
export function FiguresPanel({ month, headline }: { month: string; headline: Headline[] }) {
  const { t } = useTranslation('home')
  const f = useFormat()
  return (
    <section aria-labelledby="figures-title" className="space-y-3">
      <h2 id="figures-title">{t('figures.title', { month: f.month(month, 'long') })}</h2>
      <p className="text-sm text-ink-muted">{t('figures.intro')}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {headline.map((h) => (
          <li key={h.key} className="card" data-figure={h.key}>
            <p className="text-sm text-ink-muted">{t(`dashboard:figures.${h.key}`)}</p>
            <p className="text-3xl font-semibold tabular-nums">{f.number(h.value)}</p>
            <p className="mt-1 text-sm text-ink-muted">
              {t('figures.vsPrevious', { value: f.number(h.previous) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Links to both dashboards, for the month shown. */
export function DashboardLinks({ month }: { month: string }) {
  const { t } = useTranslation('home')
  return (
    <nav aria-label={t('links.title')} className="grid gap-4 sm:grid-cols-2">
      <Link to={`/dashboard/reach?month=${month}`} className="card block no-underline hover:bg-slate-50">
        <span className="font-semibold">{t('links.reach')}</span>
      </Link>
      <Link to={`/dashboard/coverage?month=${month}`} className="card block no-underline hover:bg-slate-50">
        <span className="font-semibold">{t('links.coverage')}</span>
      </Link>
    </nav>
  )
}
