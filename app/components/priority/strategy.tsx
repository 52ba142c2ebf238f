import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import type { StakeholderStrategy, StrategyView } from '~/models/priorities/index.server'
import { roundScore } from '~/models/priorities/scoring'
import { useFormat } from '~/utils/format'

import { QuadrantName } from './badges'

/** Methods and messages as text (read-only view, also used on the stakeholder page). */
export function StrategyText({ strategy, languages }: { strategy: StrategyView; languages: string[] }) {
  const { t } = useTranslation('priorities')
  const { t: tc } = useTranslation()
  const langs = [
    ...languages,
    ...Object.keys(strategy.messages).filter((l) => !languages.includes(l)),
  ].filter((l) => strategy.messages[l])
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
 * The engagement-strategy section of a stakeholder's page: its quadrant on the power/interest
 * grid with that quadrant's methods and key messages, and the strategies of the stakeholder
 * groups it belongs to. Data: `strategyForStakeholder(id)` from models/priorities.
 */
export function StakeholderStrategySection({
  stakeholderId,
  engagement,
  languages,
}: {
  stakeholderId: number
  engagement: StakeholderStrategy
  languages: string[]
}) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  const p = engagement.priority
  return (
    <section
      aria-labelledby="strategy-section-title"
      className="card space-y-4"
      data-testid="strategy-section"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="strategy-section-title">{t('section.title')}</h2>
        <Link to={`/priorities/score?history=${stakeholderId}#history`} className="text-sm">
          {t('section.scoreLink')}
        </Link>
      </div>
      {engagement.quadrant && p ? (
        <p className="text-sm">
          <span className="font-semibold">
            <QuadrantName quadrant={engagement.quadrant} />
          </span>{' '}
          <span className="text-ink-muted">
            (
            {t('grid.dotTitle', {
              influence: f.number(roundScore(p.influence!)),
              interest: f.number(roundScore(p.interest!)),
            })}
            )
          </span>
        </p>
      ) : (
        <p className="text-sm text-ink-muted">{p ? t('section.offGrid') : t('section.unscored')}</p>
      )}
      {engagement.strategy ? <StrategyText strategy={engagement.strategy} languages={languages} /> : null}
      {engagement.groups.map((g) => (
        <div key={g.groupId}>
          <h3>{t('section.groupStrategy', { group: g.groupName })}</h3>
          <StrategyText strategy={g} languages={languages} />
        </div>
      ))}
    </section>
  )
}
