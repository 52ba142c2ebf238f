/**
 * What the server read from an action's evidence link: a preview card, the post counters with
 * their names, when it was read, or why it could not be read, with a "Try again" button that
 * POSTs to /actions/:id/evidence (a plain form without JavaScript).
 */
import { Form, Link, useFetcher, useLocation, useRevalidator, useSearchParams } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { PostMetrics } from '#db/schema'
import { counterlessSite } from '~/models/evidence/sites'
import { useFormat } from '~/utils/format'

/** The action_evidence fields the component shows (as the loader's JSON gives them). */
export type EvidenceView = {
  url: string
  status: 'pending' | 'ok' | 'failed'
  title: string | null
  description: string | null
  imageUrl: string | null
  siteName: string | null
  metrics: PostMetrics | null
  error: string | null
  fetchedAt: string | null
  /** When the post's counters were last read successfully (Mastodon, Bluesky). */
  countersReadAt?: string | null
}

/** A failure reason code (e.g. "timeout", "http_503") in words. */
export function evidenceReason(t: TFunction, code: string | null | undefined): string {
  const reason = code ?? 'internal_error'
  const known = t(`evidence:reasons.${reason}`, { defaultValue: '' })
  if (known) return known
  const status = /^http_(\d{3})$/.exec(reason)?.[1]
  if (status) return t('evidence:reasons.http', { status })
  return t('evidence:reasons.unknown', { code: reason })
}

/**
 * A site that publishes no counters (LinkedIn, X, Facebook, Instagram): said plainly, not as a
 * failure, with a way to type the figures seen on the post.
 */
function NoCounters({ actionId, url, canEdit }: { actionId: number; url: string; canEdit: boolean }) {
  const { t } = useTranslation('evidence')
  const site = counterlessSite(url)
  if (!site) return null
  return (
    <div
      className="space-y-2 rounded-md border border-ink-faint/40 p-3 text-sm"
      data-evidence-counters="none"
    >
      <p>{t(`noCounters.${site}`)}</p>
      {canEdit ? (
        <Link to={`/actions/${actionId}/edit`} className="btn-secondary">
          {t('noCounters.type')}
        </Link>
      ) : null}
    </div>
  )
}

function CountersReadAt({ at }: { at: string | null | undefined }) {
  const { t } = useTranslation('evidence')
  const f = useFormat()
  if (!at) return null
  return <p className="text-xs text-ink-muted">{t('countersReadAt', { date: f.dateTime(at) })}</p>
}

function isHttps(url: string | null): url is string {
  if (!url) return false
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

const counterKeys = ['replies', 'reposts', 'likes', 'quotes'] as const

function Counters({ metrics }: { metrics: PostMetrics }) {
  const { t } = useTranslation('evidence')
  const f = useFormat()
  const shown = counterKeys.filter((k) => typeof metrics[k] === 'number')
  const total = shown.reduce((sum, k) => sum + (metrics[k] ?? 0), 0)
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold">
        {t('counters.heading')} · {t(`counters.source.${metrics.source}`)}
      </h3>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
        {shown.map((k) => (
          <div key={k} className="rounded-md border border-ink-faint/40 p-2">
            <dt className="text-xs text-ink-muted">{t(`counters.${k}`)}</dt>
            <dd className="text-base font-semibold tabular-nums">{f.number(metrics[k])}</dd>
          </div>
        ))}
        <div className="rounded-md border border-ink-faint/40 p-2">
          <dt className="text-xs text-ink-muted">{t('counters.total')}</dt>
          <dd className="text-base font-semibold tabular-nums">{f.number(total)}</dd>
        </div>
      </dl>
      <p className="text-xs text-ink-muted">{t('counters.feedsEngagements')}</p>
    </div>
  )
}

function PreviewCard({ actionId, evidence }: { actionId: number; evidence: EvidenceView }) {
  const { t } = useTranslation('evidence')
  if (!evidence.title && !evidence.description && !evidence.siteName) return null
  // Through Ripple (routes/actions.$id.evidence.image.ts): the page loads no image from another site.
  const image = isHttps(evidence.imageUrl) ? `/actions/${actionId}/evidence/image` : null
  return (
    <div className="flex flex-col gap-3 rounded-md border border-ink-faint/40 p-3 sm:flex-row">
      {image ? (
        <img
          src={image}
          alt={evidence.title ? t('imageAlt', { title: evidence.title }) : t('imageAltUntitled')}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          className="h-32 w-full rounded object-cover sm:h-24 sm:w-40 sm:flex-none"
        />
      ) : null}
      <div className="min-w-0 space-y-1 text-sm">
        {evidence.siteName ? (
          <p className="text-xs uppercase tracking-wide text-ink-muted">{evidence.siteName}</p>
        ) : null}
        {evidence.title ? (
          <p className="break-words font-semibold">
            <a href={evidence.url} rel="noopener noreferrer nofollow" target="_blank">
              {evidence.title}
              <span className="sr-only"> {t('opensInNewTab')}</span>
            </a>
          </p>
        ) : null}
        {evidence.description ? (
          <p className="line-clamp-4 break-words text-ink-muted">{evidence.description}</p>
        ) : null}
      </div>
    </div>
  )
}

function RefreshButton({ actionId, label }: { actionId: number; label: string }) {
  const { t } = useTranslation('evidence')
  const fetcher = useFetcher()
  const busy = fetcher.state !== 'idle'
  return (
    <fetcher.Form method="post" action={`/actions/${actionId}/evidence`}>
      <button type="submit" className="btn-secondary" disabled={busy} aria-busy={busy}>
        {busy ? t('reading') : label}
      </button>
    </fetcher.Form>
  )
}

/** While the server is still reading the link, look again a few times (JavaScript only; without it the page says to reload). */
function useRevalidateWhilePending(pending: boolean) {
  const { revalidate, state } = useRevalidator()
  const tries = useRef(0)
  useEffect(() => {
    if (!pending) {
      tries.current = 0
      return
    }
    if (state !== 'idle' || tries.current >= 8) return
    const timer = setTimeout(() => {
      tries.current++
      revalidate()
    }, 1500)
    return () => clearTimeout(timer)
  }, [pending, state, revalidate])
}

/**
 * The evidence block of an action page. `evidence` is the action_evidence row (null when the
 * link has not been read); `canRefresh` shows the refresh / try-again button.
 */
export function EvidencePreview(props: {
  actionId: number
  evidence: EvidenceView | null
  canRefresh: boolean
}) {
  useRevalidateWhilePending(props.evidence?.status === 'pending')
  // One live region that stays in place, so a refreshed result is announced by screen readers.
  return (
    <div aria-live="polite">
      <EvidenceState {...props} />
    </div>
  )
}

function EvidenceState({
  actionId,
  evidence,
  canRefresh,
}: {
  actionId: number
  evidence: EvidenceView | null
  canRefresh: boolean
}) {
  const { t } = useTranslation('evidence')
  const f = useFormat()

  if (!evidence) {
    return (
      <div className="space-y-2 text-sm" data-evidence-status="none">
        <p className="text-ink-muted">{t('notRead')}</p>
        {canRefresh ? <RefreshButton actionId={actionId} label={t('readNow')} /> : null}
      </div>
    )
  }

  if (evidence.status === 'pending') {
    return (
      <div className="space-y-2 text-sm" data-evidence-status="pending">
        <p>{t('pending')}</p>
        <noscript>
          <p className="text-ink-muted">{t('pendingNoScript')}</p>
        </noscript>
        {canRefresh ? <RefreshButton actionId={actionId} label={t('tryAgain')} /> : null}
      </div>
    )
  }

  const when = (key: 'fetchedAt' | 'triedAt') =>
    evidence.fetchedAt ? (
      <p className="text-xs text-ink-muted">{t(key, { date: f.dateTime(evidence.fetchedAt) })}</p>
    ) : null

  const noCounters = <NoCounters actionId={actionId} url={evidence.url} canEdit={canRefresh} />
  if (evidence.status === 'failed' && counterlessSite(evidence.url)) {
    // Not a failed save: the site shows its posts to signed-in people only, and no counters at all.
    return (
      <div className="space-y-3" data-evidence-status="no-counters">
        {noCounters}
        {evidence.title ? <PreviewCard actionId={actionId} evidence={evidence} /> : null}
      </div>
    )
  }

  if (evidence.status === 'failed') {
    const hasEarlier = !!(evidence.title || evidence.description || evidence.metrics)
    return (
      <div className="space-y-3" data-evidence-status="failed">
        <div className="space-y-2 rounded-md border border-warn bg-warn-bg p-3 text-sm">
          <p>{t('failed', { reason: evidenceReason(t, evidence.error) })}</p>
          {when('triedAt')}
          {canRefresh ? <RefreshButton actionId={actionId} label={t('tryAgain')} /> : null}
        </div>
        {hasEarlier ? (
          <div className="space-y-2">
            <p className="text-xs text-ink-muted">{t('earlier')}</p>
            <PreviewCard actionId={actionId} evidence={evidence} />
            {evidence.metrics ? <Counters metrics={evidence.metrics} /> : null}
            <CountersReadAt at={evidence.countersReadAt} />
          </div>
        ) : null}
      </div>
    )
  }

  return (
    <div className="space-y-3" data-evidence-status="ok">
      <PreviewCard actionId={actionId} evidence={evidence} />
      {evidence.metrics ? <Counters metrics={evidence.metrics} /> : null}
      {noCounters}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {evidence.metrics ? <CountersReadAt at={evidence.countersReadAt} /> : when('fetchedAt')}
        {canRefresh ? (
          <RefreshButton actionId={actionId} label={evidence.metrics ? t('refresh') : t('refreshPreview')} />
        ) : null}
      </div>
    </div>
  )
}

/** What "refresh recent counters" re-reads: actions of the last `days` days read more than `hours` ago, `limit` at a time. */
export const staleEvidenceSettings = { days: 30, hours: 24, limit: 20 } as const

/**
 * A button for the communications lead: re-read the counters of recent actions
 * (POST /actions/evidence/refresh, which comes back here with ?evidenceRefresh=checked.ok.failed).
 */
export function RefreshStaleEvidenceForm() {
  const { t } = useTranslation('evidence')
  const f = useFormat()
  const location = useLocation()
  const [params] = useSearchParams()
  const summary = /^(\d+)\.(\d+)\.(\d+)$/.exec(params.get('evidenceRefresh') ?? '')
  const back = new URLSearchParams(location.search)
  back.delete('evidenceRefresh')
  const redirectTo = location.pathname + (back.size ? `?${back}` : '')
  return (
    <Form method="post" action="/actions/evidence/refresh" className="space-y-2">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" className="btn-secondary">
        {t('stale.button')}
      </button>
      <p className="text-xs text-ink-muted">{t('stale.hint', staleEvidenceSettings)}</p>
      {summary ? (
        <p role="status" className="text-sm">
          {Number(summary[1])
            ? t('stale.done', {
                checked: f.number(Number(summary[1])),
                ok: f.number(Number(summary[2])),
                failed: f.number(Number(summary[3])),
              })
            : t('stale.none', staleEvidenceSettings)}
        </p>
      ) : null}
    </Form>
  )
}
