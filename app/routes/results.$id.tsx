import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useOutlet, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ActionFiles } from '~/components/action-files'
import { StatusBadge } from '~/components/list'
import {
  canEditOutcome,
  canVerifyOutcomes,
  listOutcomeFiles,
  outcomeDecisionSchema,
  outcomeDetail,
  OutcomeStatusError,
  setOutcomeArchived,
  setOutcomeStatus,
} from '~/models/outcomes/index.server'
// Values the page renders with come from modules the browser also gets (a .server module is empty there).
import { outcomeStatusTone } from '~/models/outcomes/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { can } from '~/utils/permissions'

export const meta = pageTitle('results:meta.detail')

const idOf = (param: string | undefined) => {
  const id = Number(param)
  invariantResponse(Number.isInteger(id) && id > 0)
  return id
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  const outcome = outcomeDetail(idOf(params.id))
  invariantResponse(outcome)
  const files = listOutcomeFiles(outcome.id, user)
  return json({
    outcome,
    files,
    canEdit: canEditOutcome(user, outcome),
    canVerify: canVerifyOutcomes(user) && !outcome.archivedAt,
    // The history link opens /admin/audit, which only the administrator may (admin:manage).
    canAudit: can(user, 'admin:manage'),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  const id = idOf(params.id)
  const submission = parseForm(await request.formData(), { schema: outcomeDecisionSchema })
  if (submission.status !== 'success') return json({ error: 'common:errors.invalid' }, { status: 400 })
  const { intent, comment } = submission.value
  if (intent === 'archive' || intent === 'restore') {
    const done = orForbidden(() =>
      db.transaction((tx) => setOutcomeArchived(tx, id, intent === 'archive', user)),
    )
    invariantResponse(done)
    return redirect(intent === 'archive' ? '/results' : `/results/${id}`)
  }
  if (intent === 'return' && !comment)
    return json({ error: 'results:errors.commentRequired' }, { status: 400 })
  try {
    orForbidden(() =>
      db.transaction((tx) =>
        setOutcomeStatus(tx, id, intent === 'verify' ? 'verified' : 'returned', user, comment),
      ),
    )
  } catch (error) {
    if (error instanceof OutcomeStatusError)
      return json({ error: 'results:errors.statusConflict' }, { status: 409 })
    throw error
  }
  return redirect(`/results/${id}?done=${intent}`)
}

type Data = SerializeFrom<typeof loader>

/** Verify, or return with a comment (the communications lead). */
function Decision({ status, error }: { status: Data['outcome']['status']; error?: string }) {
  const { t } = useTranslation('results')
  return (
    <Form method="post" className="card space-y-2 no-print">
      <h2>{t('review.title')}</h2>
      <label htmlFor="comment" className="label">
        {t('review.comment')}
      </label>
      <textarea
        id="comment"
        name="comment"
        className="input min-h-[3rem]"
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'comment-error' : undefined}
      />
      {error ? (
        <p id="comment-error" className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {status !== 'verified' ? (
          <button type="submit" name="intent" value="verify" className="btn-primary min-h-[3rem]">
            {t('review.verify')}
          </button>
        ) : null}
        <button type="submit" name="intent" value="return" className="btn-danger min-h-[3rem]">
          {t('review.return')}
        </button>
      </div>
    </Form>
  )
}

function Links({ outcome }: { outcome: Data['outcome'] }) {
  const { t } = useTranslation('results')
  const f = useFormat()
  return (
    <section className="card space-y-3" aria-labelledby="links-title">
      <h2 id="links-title">{t('detail.chain')}</h2>
      <h3 className="text-sm font-semibold">{t('fields.actions')}</h3>
      {outcome.actions.length ? (
        <ul className="list-disc pl-5 text-sm">
          {outcome.actions.map((a) => (
            <li key={a.id}>
              <Link to={`/actions/${a.id}`}>{a.title}</Link> · {f.date(a.date)} · {a.partnerName}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">{t('detail.none')}</p>
      )}
      <h3 className="text-sm font-semibold">{t('fields.events')}</h3>
      {outcome.events.length ? (
        <ul className="list-disc pl-5 text-sm">
          {outcome.events.map((e) => (
            <li key={e.id}>
              <Link to={`/events/${e.id}`}>{e.title}</Link> · {f.date(e.startDate)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">{t('detail.none')}</p>
      )}
      <h3 className="text-sm font-semibold">{t('fields.stakeholders')}</h3>
      {outcome.stakeholders.length ? (
        <ul className="list-disc pl-5 text-sm">
          {outcome.stakeholders.map((s) => (
            <li key={s.id}>
              <Link to={`/stakeholders/${s.id}`}>{s.name}</Link>
              {s.city ? ` · ${s.city}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">{t('detail.none')}</p>
      )}
    </section>
  )
}

function Notice() {
  const { t } = useTranslation('results')
  const [params] = useSearchParams()
  const done = params.get('done')
  const message = params.get('saved')
    ? t('detail.saved')
    : done === 'verify'
      ? t('detail.verified')
      : done === 'return'
        ? t('detail.returned')
        : null
  return message ? (
    <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
      {message}
    </p>
  ) : null
}

export default function OutcomeRoute() {
  const outlet = useOutlet()
  // /results/:id/edit renders in place of the detail.
  if (outlet) return outlet
  return <OutcomePage />
}

/** Archive or restore, and the audit trail for who may read it. */
function Housekeeping({
  id,
  archivedAt,
  canEdit,
  canAudit,
}: {
  id: number
  archivedAt: string | null
  canEdit: boolean
  canAudit: boolean
}) {
  const { t } = useTranslation('results')
  const outcome = { id, archivedAt }
  return (
    <>
      {canEdit ? (
        <Form method="post" className="no-print">
          <button
            type="submit"
            name="intent"
            value={outcome.archivedAt ? 'restore' : 'archive'}
            className="btn-secondary"
          >
            {outcome.archivedAt ? t('detail.restore') : t('detail.archive')}
          </button>
        </Form>
      ) : null}
      {canAudit ? (
        <p className="text-sm no-print">
          <Link to={`/admin/audit?entity=outcome&entityId=${outcome.id}`}>{t('detail.history')}</Link>
        </p>
      ) : null}
    </>
  )
}

function OutcomePage() {
  const { t } = useTranslation('results')
  const f = useFormat()
  const { outcome, files, canEdit, canVerify, canAudit } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="max-w-3xl space-y-4">
      <div className="page-title">
        <h1 className="break-words">{outcome.title}</h1>
        <div className="flex flex-wrap gap-2">
          {canEdit && !outcome.archivedAt ? (
            <Link to={`/results/${outcome.id}/edit`} className="btn-secondary">
              {t('common:actions.edit')}
            </Link>
          ) : null}
          <Link to="/results" className="btn-secondary">
            {t('backToList')}
          </Link>
        </div>
      </div>
      <Notice />
      <div className="card space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <StatusBadge tone={outcomeStatusTone[outcome.status]}>{t(`status.${outcome.status}`)}</StatusBadge>
          <span>{t(`types.${outcome.type}`)}</span>
          <span>· {outcome.partnerName}</span>
          <span>· {f.date(outcome.date, 'long')}</span>
          {outcome.archivedAt ? <StatusBadge tone="neutral">{t('detail.archived')}</StatusBadge> : null}
        </div>
        {outcome.description ? <p className="whitespace-pre-line">{outcome.description}</p> : null}
        {outcome.evidenceUrl ? (
          <p className="break-all text-sm">
            {t('fields.evidenceUrl')}:{' '}
            <a href={outcome.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
              {outcome.evidenceUrl}
            </a>
          </p>
        ) : null}
        <p className="text-sm text-ink-muted">
          {outcome.createdByName
            ? t('detail.proposedBy', { name: outcome.createdByName, date: f.dateTime(outcome.createdAt) })
            : null}
          {outcome.verifiedByName && outcome.verifiedAt
            ? ` · ${t('detail.verifiedBy', { name: outcome.verifiedByName, date: f.dateTime(outcome.verifiedAt) })}`
            : null}
        </p>
        {outcome.status === 'returned' && outcome.returnComment ? (
          <p className="rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">
            {t('detail.returnComment', { comment: outcome.returnComment })}
          </p>
        ) : null}
      </div>
      <Links outcome={outcome} />
      <ActionFiles
        actionId={outcome.id}
        basePath={`/results/${outcome.id}`}
        files={files.files}
        archived={files.archived}
        canManage={canEdit && !outcome.archivedAt}
        uploadError={params.get('fileError')}
      />
      {canVerify ? <Decision status={outcome.status} error={data?.error} /> : null}
      <Housekeeping id={outcome.id} archivedAt={outcome.archivedAt} canEdit={canEdit} canAudit={canAudit} />
    </div>
  )
}
