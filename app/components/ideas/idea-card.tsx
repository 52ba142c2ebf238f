import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'
import { type IdeaStatusName } from '~/models/ideas/schemas'

const tones = { open: 'info', adopted: 'ok', closed: 'neutral', withdrawn: 'neutral' } as const

export function IdeaStatus({ status }: { status: IdeaStatusName }) {
  const { t } = useTranslation('ideas')
  return <StatusBadge tone={tones[status]}>{t(`statuses.${status}`)}</StatusBadge>
}

type CardIdea = {
  id: number
  title: string
  status: IdeaStatusName
  authorName: string
  partnerName: string | null
  supports: number
  comments: number
  members: number
  supportedByMe: boolean
}

/** One post-it on the board: the idea, who posted it, its status and counts. */
export function IdeaCard({ idea }: { idea: CardIdea }) {
  const { t } = useTranslation('ideas')
  return (
    <li className="rounded-md border border-amber-300 bg-amber-50 p-4 shadow-sm">
      <h3 className="text-base font-semibold">
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h3>
      <p className="mt-1 text-sm text-ink-muted">
        {t('by', { name: [idea.authorName, idea.partnerName].filter(Boolean).join(', ') })}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <IdeaStatus status={idea.status} />
        <span>{t('supports', { count: idea.supports })}</span>
        <span aria-hidden="true">·</span>
        <span>{t('comments', { count: idea.comments })}</span>
        <span aria-hidden="true">·</span>
        <span>{t('involved', { count: idea.members })}</span>
      </div>
      {idea.supportedByMe ? <p className="mt-1 text-sm">{t('supported')}</p> : null}
    </li>
  )
}
