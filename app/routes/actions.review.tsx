import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { EmptyState, PageHeader, StatusBadge } from '~/components/list'
import {
  ActionStatusError,
  getAction,
  listLabelKey,
  reviewQueue,
  setActionStatus,
} from '~/models/actions/index.server'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('actions:meta.review')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'action:validate')
  const url = new URL(request.url)
  const { items, total } = reviewQueue(50)
  // The confirmation of the last decision, shown above the next action.
  const doneId = Number(url.searchParams.get('id'))
  const done = url.searchParams.get('done')
  const last =
    Number.isInteger(doneId) && doneId > 0 && (done === 'validate' || done === 'return')
      ? getAction(doneId)
      : null
  return json({
    total,
    last: last ? { id: last.id, title: last.title, done } : null,
    items: items.map((a) => ({
      id: a.id,
      title: a.title,
      date: a.date,
      partnerName: a.partnerName,
      createdByName: a.createdByName,
      submittedAt: a.submittedAt,
      typeLabelKey: listLabelKey('types', { key: a.typeKey, name: a.typeName }),
      typeName: a.typeName,
      channelLabelKey: a.channelKey
        ? listLabelKey('channels', { key: a.channelKey, name: a.channelName ?? '' })
        : null,
      channelName: a.channelName,
      languages: a.languages,
      participants: a.participants,
      onlineReach: a.onlineReach,
      engagements: a.engagements,
      evidenceUrl: a.evidenceUrl,
      description: a.description,
      stakeholders: a.stakeholders.map((s) => s.name),
      themes: a.themes.map((th) => th.name),
    })),
  })
}

const decisionSchema = z.object({
  id: z.coerce.number().int().positive(),
  intent: z.enum(['validate', 'return']),
  comment: z.string().trim().max(2000).optional(),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:validate')
  const parsed = decisionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return json({ id: null, error: 'common:errors.invalid' }, { status: 400 })
  const { id, intent, comment } = parsed.data
  if (intent === 'return' && !comment)
    return json({ id, error: 'actions:errors.commentRequired' }, { status: 400 })
  try {
    orForbidden(() =>
      db.transaction((tx) =>
        setActionStatus(tx, id, intent === 'validate' ? 'validated' : 'returned', user, comment),
      ),
    )
  } catch (error) {
    if (error instanceof ActionStatusError)
      return json({ id, error: 'actions:errors.statusConflict', status: error.from }, { status: 409 })
    throw error
  }
  return redirect(`/actions/review?done=${intent}&id=${id}`)
}

type Item = SerializeFrom<typeof loader>['items'][number]
type Failure = { id: number | null; error: string; status?: string } | null | undefined

/**
 * Keyboard shortcuts (progressive enhancement; every decision is also a plain button): j and k
 * move between the cards, v validates the current one, r goes to its comment.
 */
function useReviewShortcuts(count: number, busy: boolean) {
  const [current, setCurrent] = useState(0)
  const cards = useRef<(HTMLElement | null)[]>([])
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement
      if (
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        target.closest('input, textarea, select, [contenteditable]')
      )
        return
      const card = cards.current[current]
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault()
        const next = Math.max(0, Math.min(count - 1, current + (event.key === 'j' ? 1 : -1)))
        setCurrent(next)
        cards.current[next]?.focus()
        cards.current[next]?.scrollIntoView({ block: 'nearest' })
      } else if (event.key === 'v' && card && !busy) {
        event.preventDefault()
        card.querySelector<HTMLButtonElement>('button[value="validate"]')?.click()
      } else if (event.key === 'r' && card) {
        event.preventDefault()
        card.querySelector<HTMLTextAreaElement>('textarea[name="comment"]')?.focus()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [current, count, busy])

  useEffect(() => {
    if (current >= count) setCurrent(Math.max(0, count - 1))
  }, [count, current])
  return { current, setCurrent, cards }
}

/** What the reviewer reads before deciding. */
function ReviewFacts({ a }: { a: Item }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        <StatusBadge tone="info">{t('status.submitted')}</StatusBadge>
        <span>{a.typeLabelKey ? t(a.typeLabelKey) : a.typeName}</span>
        {a.channelLabelKey || a.channelName ? (
          <span>· {a.channelLabelKey ? t(a.channelLabelKey) : a.channelName}</span>
        ) : null}
        <span>· {a.partnerName}</span>
      </div>
      <h2 id={`title-${a.id}`} className="break-words">
        <Link to={`/actions/${a.id}`}>{a.title}</Link>
      </h2>
      <p className="text-sm text-ink-muted">
        {f.date(a.date, 'long')}
        {a.createdByName
          ? ` · ${t('review.loggedBy', { name: a.createdByName, date: f.dateTime(a.submittedAt) })}`
          : ''}
      </p>
      <ul className="flex flex-wrap gap-x-4 text-sm">
        {a.participants !== null ? (
          <li>{t('list.participantsShort', { n: f.number(a.participants) })}</li>
        ) : null}
        {a.onlineReach !== null ? <li>{t('list.reachShort', { n: f.number(a.onlineReach) })}</li> : null}
        {a.engagements !== null ? (
          <li>{t('list.engagementsShort', { n: f.number(a.engagements) })}</li>
        ) : null}
        {a.languages.length ? (
          <li>{a.languages.map((l) => t(`common:languages.${l}`, { defaultValue: l })).join(', ')}</li>
        ) : null}
      </ul>
      {a.stakeholders.length ? (
        <p className="text-sm">
          {t('fields.stakeholderIds')}: {a.stakeholders.join('; ')}
        </p>
      ) : null}
      {a.evidenceUrl ? (
        <p className="break-all text-sm">
          <a href={a.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
            {a.evidenceUrl}
          </a>
        </p>
      ) : null}
      {a.description ? <p className="whitespace-pre-line text-sm">{a.description}</p> : null}
    </>
  )
}

/** Validate, or return with a comment. */
function ReviewDecision({ a, error, busy }: { a: Item; error: Failure; busy: boolean }) {
  const { t } = useTranslation('actions')
  const commentId = `comment-${a.id}`
  return (
    <Form method="post" className="space-y-2 border-t pt-3">
      <input type="hidden" name="id" value={a.id} />
      <label htmlFor={commentId} className="label">
        {t('review.comment')}
      </label>
      <textarea
        id={commentId}
        name="comment"
        className="input min-h-[3rem]"
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${commentId}-error` : undefined}
      />
      {error ? (
        <p id={`${commentId}-error`} className="field-error" role="alert">
          {t(error.error, { status: 'status' in error ? t(`status.${error.status}`) : '' })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="intent"
          value="validate"
          className="btn-primary min-h-[3rem] flex-1 sm:flex-none"
          disabled={busy}
          aria-keyshortcuts="v"
        >
          {t('review.validate')}
        </button>
        <button
          type="submit"
          name="intent"
          value="return"
          className="btn-danger min-h-[3rem] flex-1 sm:flex-none"
          disabled={busy}
        >
          {t('review.return')}
        </button>
      </div>
    </Form>
  )
}

export default function ReviewQueue() {
  const { t } = useTranslation('actions')
  const { items, total, last } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  const { current, setCurrent, cards } = useReviewShortcuts(items.length, busy)

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t('review.title')}>
        <Link to="/actions/evidence/refresh" className="btn-secondary">
          {t('evidence:stale.title')}
        </Link>
      </PageHeader>
      <p className="text-sm text-ink-muted">{t('review.intro')}</p>
      {last ? (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {last.done === 'validate'
            ? t('review.validated', { title: last.title })
            : t('review.returned', { title: last.title })}{' '}
          <Link to={`/actions/${last.id}`}>{t('review.open')}</Link>
        </p>
      ) : null}
      {items.length ? (
        <>
          <p className="text-sm">
            {t('review.count', { count: total })}{' '}
            <span className="hidden text-ink-muted md:inline">{t('review.shortcuts')}</span>
          </p>
          <ol className="space-y-4">
            {items.map((a, index) => (
              <li key={a.id}>
                <article
                  ref={(el) => {
                    cards.current[index] = el
                  }}
                  tabIndex={-1}
                  onFocus={() => setCurrent(index)}
                  aria-labelledby={`title-${a.id}`}
                  className={`card space-y-2 outline-none ${index === current ? 'ring-2 ring-brand-500' : ''}`}
                  data-current={index === current ? 'true' : undefined}
                >
                  <ReviewFacts a={a} />
                  <ReviewDecision
                    a={a}
                    error={actionData && actionData.id === a.id ? actionData : null}
                    busy={busy}
                  />
                </article>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <EmptyState title={t('review.emptyTitle')}>{t('review.emptyBody')}</EmptyState>
      )}
    </div>
  )
}
