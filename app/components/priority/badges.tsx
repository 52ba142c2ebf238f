import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import type { Quadrant, Tier } from '#db/schema/priorities'
import { roundScore } from '~/models/priorities/scoring'
import { useFormat } from '~/utils/format'

const tierTone: Record<Tier, string> = {
  A: 'bg-brand-600 text-white',
  B: 'bg-brand-50 text-brand-900 border border-brand-500',
  C: 'bg-slate-100 text-ink-muted border border-slate-300',
}

/** "Tier A": the letter is always said, the colour only helps. */
export function TierBadge({ tier }: { tier: Tier | null | undefined }) {
  const { t } = useTranslation('priorities')
  if (!tier)
    return (
      <span className="badge bg-white text-ink-muted border border-dashed border-slate-300">
        {t('unscored')}
      </span>
    )
  return <span className={`badge ${tierTone[tier]}`}>{t('tierLabel', { tier })}</span>
}

export function ScoreValue({ score }: { score: number | null | undefined }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  if (score === null || score === undefined) return <span className="text-ink-muted">{t('unscored')}</span>
  return <span className="tabular-nums">{f.number(roundScore(score))}</span>
}

/** Change since the previous scoring: an arrow and the number, with words for screen readers. */
export function ScoreChange({ score, previous }: { score: number; previous: number | null }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  if (previous === null || previous === undefined)
    return <span className="text-ink-muted">{t('change.first')}</span>
  const delta = roundScore(score - previous)
  if (delta === 0) {
    return (
      <span>
        <span aria-hidden>→ 0</span>
        <span className="sr-only">{t('change.same')}</span>
      </span>
    )
  }
  const up = delta > 0
  return (
    <span className={up ? 'text-ok' : 'text-bad'}>
      <span aria-hidden>
        {up ? '↑' : '↓'} {f.number(Math.abs(delta))}
      </span>
      <span className="sr-only">
        {t(up ? 'change.up' : 'change.down', {
          points: f.number(Math.abs(delta)),
          previous: f.number(roundScore(previous)),
        })}
      </span>
    </span>
  )
}

export function QuadrantName({ quadrant }: { quadrant: Quadrant | null | undefined }) {
  const { t } = useTranslation('priorities')
  return <>{quadrant ? t(`quadrants.${quadrant}`) : t('quadrants.none')}</>
}

/** The sub-navigation of the priorities area. */
export function PriorityNav() {
  const { t } = useTranslation('priorities')
  const items = [
    { to: '/priorities', label: t('nav.ranking'), end: true },
    { to: '/priorities/score', label: t('nav.score') },
    { to: '/priorities/grid', label: t('nav.grid') },
    { to: '/priorities/strategies', label: t('nav.strategies') },
    { to: '/priorities/criteria', label: t('nav.criteria') },
  ]
  return (
    <nav aria-label={t('nav.label')} className="mb-4 no-print">
      <ul className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        {items.map((i) => (
          <li key={i.to}>
            <NavLink
              to={i.to}
              end={i.end}
              className={({ isActive }) =>
                `block rounded px-2 py-1 text-sm no-underline ${isActive ? 'bg-brand-50 font-semibold text-brand-900' : 'text-ink hover:bg-slate-100'}`
              }
            >
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
