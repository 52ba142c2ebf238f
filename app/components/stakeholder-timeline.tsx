import { Link } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import type { GroupedTimelineItem, ScoreSession } from '~/models/stakeholders/index.server'
import { useFormat } from '~/utils/format'

type ScoreItem = ScoreSession['scores'][number]

/**
 * A stakeholder's timeline, newest first: its changes, the actions and interactions that
 * reached it, and its scores (a scoring session as one line that opens to show each score).
 */
export function TimelineSection({ timeline }: { timeline: GroupedTimelineItem[] }) {
  const { t } = useTranslation('stakeholders')
  const f = useFormat()
  return (
    <section aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title" className="mb-2">
        {t('detail.timeline')}
      </h2>
      {timeline.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('detail.noTimeline')}</p>
      ) : (
        <ol className="space-y-3">
          {timeline.map((item, i) => (
            <li key={i} className="border-l-2 border-slate-200 pl-3">
              <p className="text-xs text-ink-muted">
                <time dateTime={item.at}>
                  {item.at.length === 10 ? f.date(item.at) : f.dateTime(item.at)}
                </time>
              </p>
              {item.kind === 'scores' ? (
                <ScoreSessionLine session={item} />
              ) : (
                <p className="text-sm">{describe(t, item)}</p>
              )}
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
  )
}

function scoreText(t: TFunction, item: ScoreItem): string {
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

/** One scoring session: "Comms scored 5 criteria", the scores themselves one click away. */
function ScoreSessionLine({ session }: { session: ScoreSession }) {
  const { t } = useTranslation('stakeholders')
  const { t: tcrm } = useTranslation('crm')
  return (
    <details className="text-sm" data-testid="score-session">
      <summary className="cursor-pointer">
        {tcrm('timeline.scored', {
          count: session.scores.length,
          user: session.userName ?? t('timeline.someone'),
        })}
      </summary>
      <ul className="mt-1 list-disc pl-5 text-xs">
        {session.scores.map((score, i) => (
          <li key={i}>
            {scoreText(t, score)}
            {score.rationale ? <span className="block text-ink-muted">{score.rationale}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  )
}

function describe(t: TFunction, item: Exclude<GroupedTimelineItem, ScoreSession>): string {
  if (item.kind === 'action') return t('timeline.action', { title: item.title, partner: item.partnerName })
  if (item.kind === 'score') return scoreText(t, item)
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
