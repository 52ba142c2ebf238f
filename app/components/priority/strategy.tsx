import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ScoreHistoryEntry, StakeholderStrategy, StrategyView } from '~/models/priorities.server'
import { roundScore } from '~/models/scoring'
import { useFormat } from '~/utils/format'
import { QuadrantName, ScoreChange, ScoreValue, TierBadge } from './badges'

/** Methods and messages as text (read-only view, also used on the stakeholder page). */
export function StrategyText({ strategy, languages }: { strategy: StrategyView; languages: string[] }) {
  const { t } = useTranslation('priorities')
  const { t: tc } = useTranslation()
  const langs = [...languages, ...Object.keys(strategy.messages).filter((l) => !languages.includes(l))].filter((l) => strategy.messages[l])
  return (
    <div className="mt-2 space-y-2 text-sm">
      <div>
        <p className="font-medium">{t('strategies.methods')}</p>
        <p className="whitespace-pre-line">{strategy.methods || t('strategies.noMethods')}</p>
      </div>
      <div>
        <p className="font-medium">{t('strategies.messages')}</p>
        {langs.length ? (
          <dl className="space-y-1">
            {langs.map((l) => (
              <div key={l}>
                <dt className="text-xs text-ink-muted">{tc(`languages.${l}`, { defaultValue: l })}</dt>
                <dd lang={l}>{strategy.messages[l]}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-ink-muted">{t('strategies.noMessages')}</p>
        )}
      </div>
    </div>
  )
}

/**
 * The prioritisation section of a stakeholder's page: score, tier, place on the grid, the
 * quadrant's and the groups' strategies with their key messages, and the score history.
 * Data: `stakeholderPrioritySummary(id)` from priorities.server.ts.
 */
export function StakeholderPrioritySection({
  stakeholderId,
  summary,
  languages,
}: {
  stakeholderId: number
  summary: StakeholderStrategy & { history: ScoreHistoryEntry[] }
  languages: string[]
}) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  const p = summary.priority
  return (
    <section aria-labelledby="priority-section-title" className="card space-y-4" data-testid="priority-section">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="priority-section-title">{t('section.title')}</h2>
        <Link to={`/priorities/score?history=${stakeholderId}#history`} className="text-sm">
          {t('section.scoreLink')}
        </Link>
      </div>
      {p ? (
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-ink-muted">{t('columns.score')}</dt>
            <dd className="text-lg font-semibold">
              <ScoreValue score={p.score} />
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t('columns.tier')}</dt>
            <dd>
              <TierBadge tier={p.tier} />
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t('columns.change')}</dt>
            <dd>
              <ScoreChange score={p.score} previous={p.previousScore} />
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t('columns.quadrant')}</dt>
            <dd>
              <QuadrantName quadrant={summary.quadrant} />
              {p.influence !== null && p.interest !== null ? (
                <span className="block text-xs text-ink-muted">
                  {t('grid.dotTitle', { influence: f.number(roundScore(p.influence)), interest: f.number(roundScore(p.interest)) })}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-ink-muted">{t('section.unscored')}</p>
      )}
      {summary.strategy ? (
        <div>
          <h3>{t('section.strategy', { quadrant: t(`quadrants.${summary.quadrant}`) })}</h3>
          <StrategyText strategy={summary.strategy} languages={languages} />
        </div>
      ) : null}
      {summary.groups.map((g) => (
        <div key={g.groupId}>
          <h3>{t('section.groupStrategy', { group: g.groupName })}</h3>
          <StrategyText strategy={g} languages={languages} />
        </div>
      ))}
      {summary.history.length ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">{t('section.history', { count: summary.history.length })}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {summary.history.map((e) => (
              <li key={e.id} className={e.supersededAt ? 'text-ink-muted' : undefined}>
                {t('section.historyEntry', { criterion: e.criterionName, value: e.value, by: e.userName ?? '–', at: f.dateTime(e.createdAt) })}
                {e.rationale ? <span> · {e.rationale}</span> : null}
                {e.supersededAt ? <span> · {t('history.superseded', { at: f.dateTime(e.supersededAt) })}</span> : <span> · {t('history.current')}</span>}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
