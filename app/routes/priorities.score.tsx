import {
  getFormProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useLocation,
} from '@remix-run/react'
import { and, eq, isNull } from 'drizzle-orm'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { stakeholders } from '#db/schema'
import { FormErrors, SelectField, TextareaField } from '~/components/forms'
import { EmptyState, Pagination } from '~/components/list'
import { PriorityNav } from '~/components/priority/badges'
import { PriorityFilters } from '~/components/priority/filters'
import { scoreField, ScoringGrid } from '~/components/priority/scoring-grid'
import {
  filterOptions,
  getPriority,
  getThresholds,
  listCriteria,
  priorityFilterFromUrl,
  type ScoreChange,
  scoreHistory,
  scoreStakeholder,
  scoringPage,
} from '~/models/priorities.server'
import { invariantResponse, requirePermission, requireUser } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageFromUrl } from '~/utils/paging'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Score stakeholders · Ripple' }]

const PAGE_SIZE = 500

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'priority:read')
  const url = new URL(request.url)
  const filter = priorityFilterFromUrl(url)
  const page = pageFromUrl(url, PAGE_SIZE)
  const { rows, total } = scoringPage(filter, page)
  const criteria = listCriteria().map((c) => ({ id: c.id, name: c.name, weight: c.weight }))
  const savedId = Number(url.searchParams.get('saved'))
  // The saved row may have left a filtered page (e.g. "unscored only"), so look its name up.
  const saved =
    Number.isInteger(savedId) && savedId > 0
      ? (db
          .select({ name: stakeholders.name })
          .from(stakeholders)
          .where(eq(stakeholders.id, savedId))
          .get() ?? null)
      : null
  const historyId = Number(url.searchParams.get('history'))
  let history = null
  if (Number.isInteger(historyId) && historyId > 0) {
    const stakeholder = db
      .select({ id: stakeholders.id, name: stakeholders.name })
      .from(stakeholders)
      .where(and(eq(stakeholders.id, historyId), isNull(stakeholders.archivedAt)))
      .get()
    if (stakeholder)
      history = { stakeholder, entries: scoreHistory(stakeholder.id), priority: getPriority(stakeholder.id) }
  }
  return json({
    filter,
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    criteria,
    thresholds: getThresholds(),
    options: filterOptions(),
    canScore: can(user, 'priority:score'),
    history,
    savedName: saved?.name ?? null,
  })
}

const scoreValue = z.union([z.literal(''), z.coerce.number().int().min(1).max(5)])

const oneScoreSchema = z.object({
  intent: z.literal('one'),
  stakeholderId: z.coerce.number().int().positive(),
  criterionId: z.coerce.number({ required_error: 'common:errors.required' }).int().positive(),
  value: z.coerce
    .number({ required_error: 'common:errors.required', invalid_type_error: 'priorities:errors.value' })
    .int()
    .min(1, 'priorities:errors.value')
    .max(5, 'priorities:errors.value'),
  rationale: z.string().trim().max(2000, 'common:errors.tooLong').optional(),
  back: z.string().optional(),
})

/** Only a path inside the scoring grid: never an open redirect. */
function backTo(value: FormDataEntryValue | null | undefined) {
  return typeof value === 'string' && value.startsWith('/priorities/score') && !value.startsWith('//')
    ? value
    : '/priorities/score'
}

function activeStakeholder(id: number) {
  return db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(and(eq(stakeholders.id, id), isNull(stakeholders.archivedAt), isNull(stakeholders.mergedIntoId)))
    .get()
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
    if (!Number.isInteger(stakeholderId) || !activeStakeholder(stakeholderId))
      return json({ ok: false as const, error: 'notFound' }, { status: 404 })
    const changes: ScoreChange[] = []
    for (const c of listCriteria()) {
      const raw = form.get(scoreField(c.id))
      if (raw === null) continue
      const parsed = scoreValue.safeParse(raw)
      if (!parsed.success) return json({ ok: false as const, error: 'value' }, { status: 400 })
      changes.push({ criterionId: c.id, value: parsed.data === '' ? null : parsed.data })
    }
    db.transaction((tx) => scoreStakeholder(tx, stakeholderId, changes, user.id))
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
    invariantResponse(activeStakeholder(stakeholderId))
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
    db.transaction((tx) =>
      scoreStakeholder(tx, stakeholderId, [{ criterionId, value, rationale: rationale ?? '' }], user.id),
    )
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
  return (
    <div>
      <div className="page-title">
        <h1>{data.canScore ? t('score.title') : t('score.titleReadOnly')}</h1>
      </div>
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
        <HistoryPanel history={data.history} criteria={data.criteria} canScore={data.canScore} back={back} />
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

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function HistoryPanel({
  history,
  criteria,
  canScore,
  back,
}: {
  history: NonNullable<LoaderData['history']>
  criteria: LoaderData['criteria']
  canScore: boolean
  back: string
}) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  const actionData = useActionData<typeof action>()
  const lastResult =
    actionData && 'reply' in actionData ? (actionData.reply as SubmissionResult<string[]>) : undefined
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseForm(formData, { schema: oneScoreSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <section id="history" className="card mb-4" aria-labelledby="history-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="history-title">{t('history.title', { name: history.stakeholder.name })}</h2>
        <Link to={back} className="text-sm">
          {t('history.close')}
        </Link>
      </div>
      {history.entries.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">{t('history.empty')}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.criterion')}</th>
                <th scope="col" className="text-right">
                  {t('history.value')}
                </th>
                <th scope="col">{t('history.by')}</th>
                <th scope="col">{t('history.rationale')}</th>
                <th scope="col">{t('history.state')}</th>
              </tr>
            </thead>
            <tbody>
              {history.entries.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap">{f.dateTime(e.createdAt)}</td>
                  <td>{e.criterionName}</td>
                  <td className="text-right tabular-nums">{e.value}</td>
                  <td>{e.userName ?? '–'}</td>
                  <td>{e.rationale ?? ''}</td>
                  <td>
                    {e.supersededAt
                      ? t('history.superseded', { at: f.dateTime(e.supersededAt) })
                      : t('history.current')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canScore ? (
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-3 sm:grid-cols-4">
          <input type="hidden" name="intent" value="one" />
          <input type="hidden" name="stakeholderId" value={history.stakeholder.id} />
          <input type="hidden" name="back" value={back} />
          <FormErrors errors={form.errors} />
          <SelectField
            label={t('history.criterion')}
            {...getSelectProps(fields.criterionId)}
            options={criteria.map((c) => ({ value: c.id, label: c.name }))}
            placeholder=""
            errors={fields.criterionId.errors}
          />
          <SelectField
            label={t('history.value')}
            {...getSelectProps(fields.value)}
            options={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: t(`scale.${v}`) }))}
            placeholder=""
            errors={fields.value.errors}
          />
          <TextareaField
            className="sm:col-span-2"
            label={t('history.rationale')}
            {...getTextareaProps(fields.rationale)}
            errors={fields.rationale.errors}
          />
          <div className="sm:col-span-4">
            <button type="submit" className="btn-primary">
              {t('history.save')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  )
}
