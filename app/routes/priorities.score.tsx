import { type SubmissionResult } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import {
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useLocation,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { EmptyState, PageHeader, Pagination } from '~/components/list'
import { PriorityNav } from '~/components/priority/badges'
import { PriorityFilters } from '~/components/priority/filters'
import { HistoryPanel } from '~/components/priority/history-panel'
import { scoreField, ScoringGrid } from '~/components/priority/scoring-grid'
import {
  filterOptions,
  getPriority,
  getThresholds,
  isScorableStakeholder,
  listCriteria,
  priorityFilterFromUrl,
  type ScoreChange,
  scoreHistoryPanel,
  scoreStakeholder,
  scoringPage,
  stakeholderName,
} from '~/models/priorities/index.server'
import { mayScore } from '~/models/priorities/policy'
import { oneScoreSchema, rowScoreValue } from '~/models/priorities/schemas'
import { invariantResponse, orForbidden, requirePermission, requireUser } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'
import { can } from '~/utils/permissions'

export const meta = pageTitle('priorities:pageTitles.score')

const PAGE_SIZE = 500

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'priority:read')
  const url = new URL(request.url)
  const filter = priorityFilterFromUrl(url)
  const page = pageFromUrl(url, PAGE_SIZE)
  const { rows, total } = scoringPage(filter, page)
  const criteria = listCriteria().map((c) => ({ id: c.id, name: c.name, weight: c.weight }))
  // The saved row may have left a filtered page (e.g. "unscored only"), so look its name up.
  const savedName = stakeholderName(Number(url.searchParams.get('saved')))
  const history = scoreHistoryPanel(Number(url.searchParams.get('history')))
  return json({
    filter,
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    criteria,
    thresholds: getThresholds(),
    options: filterOptions(),
    canScore: mayScore(user),
    history,
    savedName,
  })
}

/** Only a path inside the scoring grid: never an open redirect. */
function backTo(value: FormDataEntryValue | null | undefined) {
  return typeof value === 'string' && value.startsWith('/priorities/score') && !value.startsWith('//')
    ? value
    : '/priorities/score'
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  // Returned (not thrown) so a fetcher keeps the grid and shows the reason in words.
  if (!can(user, 'priority:score')) return json({ ok: false as const, error: 'forbidden' }, { status: 403 })
  const form = await request.formData()
  const intent = form.get('intent')

  if (intent === 'row') {
    const stakeholderId = Number(form.get('stakeholderId'))
    const isFetch = form.get('js') === '1'
    if (!Number.isInteger(stakeholderId) || !isScorableStakeholder(stakeholderId))
      return json({ ok: false as const, error: 'notFound' }, { status: 404 })
    const changes: ScoreChange[] = []
    for (const c of listCriteria()) {
      const raw = form.get(scoreField(c.id))
      if (raw === null) continue
      const parsed = rowScoreValue.safeParse(raw)
      if (!parsed.success) return json({ ok: false as const, error: 'value' }, { status: 400 })
      changes.push({ criterionId: c.id, value: parsed.data === '' ? null : parsed.data })
    }
    orForbidden(() => db.transaction((tx) => scoreStakeholder(tx, stakeholderId, changes, user)))
    if (isFetch) {
      const p = getPriority(stakeholderId)
      return json({ ok: true as const, score: p?.score ?? null, tier: p?.tier ?? null })
    }
    const back = new URL(backTo(form.get('back')), 'http://x')
    back.searchParams.set('saved', String(stakeholderId))
    throw redirect(`${back.pathname}${back.search}`, 303)
  }

  if (intent === 'one') {
    const submission = parseForm(form, { schema: oneScoreSchema })
    if (submission.status !== 'success')
      return json({ ok: false as const, error: 'value', reply: submission.reply() }, { status: 400 })
    const { stakeholderId, criterionId, value, rationale } = submission.value
    invariantResponse(isScorableStakeholder(stakeholderId))
    if (!listCriteria().some((c) => c.id === criterionId)) {
      return json(
        {
          ok: false as const,
          error: 'value',
          reply: submission.reply({ fieldErrors: { criterionId: ['common:errors.choose'] } }),
        },
        { status: 400 },
      )
    }
    const change = { criterionId, value, rationale: rationale ?? '' }
    orForbidden(() => db.transaction((tx) => scoreStakeholder(tx, stakeholderId, [change], user)))
    const back = new URL(backTo(submission.value.back), 'http://x')
    back.searchParams.set('history', String(stakeholderId))
    throw redirect(`${back.pathname}${back.search}#history`, 303)
  }

  return json({ ok: false as const, error: 'value' }, { status: 400 })
}

/** Saving a row changes only that row, which the grid already shows: no need to reload 500 rows. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  if (formData?.get('intent') === 'row' && formData.get('js') === '1') return false
  return defaultShouldRevalidate
}

export default function ScorePage() {
  const { t } = useTranslation('priorities')
  const data = useLoaderData<typeof loader>()
  const location = useLocation()
  const f = useFormat()
  const params = new URLSearchParams(location.search)
  params.delete('history')
  params.delete('saved')
  const back = `/priorities/score${params.toString() ? `?${params}` : ''}`
  const savedName = data.savedName
  const filtered = Object.values(data.filter).some((v) => v !== undefined)
  const actionData = useActionData<typeof action>()
  const lastResult =
    actionData && 'reply' in actionData ? (actionData.reply as SubmissionResult<string[]>) : undefined
  return (
    <div>
      <PageHeader title={data.canScore ? t('score.title') : t('score.titleReadOnly')} />
      <PriorityNav />
      <p className="mb-2 max-w-prose text-sm text-ink-muted">
        {data.canScore ? t('score.intro') : t('score.readOnly')}
      </p>
      {data.canScore ? <p className="mb-4 max-w-prose text-sm text-ink-muted">{t('score.keys')}</p> : null}
      {savedName ? (
        <p role="status" className="mb-4 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {t('score.savedFor', { name: savedName })}
        </p>
      ) : null}
      <PriorityFilters
        filter={data.filter}
        options={data.options}
        show={{ q: true, unscored: true }}
        action="/priorities/score"
      />
      {data.history ? (
        <HistoryPanel
          history={data.history}
          criteria={data.criteria}
          canScore={data.canScore}
          back={back}
          lastResult={lastResult}
        />
      ) : null}
      {data.criteria.length === 0 ? (
        <EmptyState
          title={t('score.noCriteria')}
          action={
            <Link to="/priorities/criteria" className="btn-primary">
              {t('nav.criteria')}
            </Link>
          }
        />
      ) : data.rows.length === 0 ? (
        <EmptyState title={filtered ? t('score.emptyFiltered') : t('score.empty')} />
      ) : (
        <>
          <p className="mb-2 text-sm text-ink-muted" id="grid-summary">
            {t('score.summary', { total: f.number(data.total) })}
          </p>
          <ScoringGrid
            key={back}
            rows={data.rows}
            criteria={data.criteria}
            thresholds={data.thresholds}
            canScore={data.canScore}
            back={back}
            label={t('score.gridLabel')}
          />
        </>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}
