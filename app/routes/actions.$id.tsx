import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import {
  Form,
  Link,
  type MetaArgs,
  useActionData,
  useLoaderData,
  useNavigation,
  useOutlet,
  useSearchParams,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { ActionFiles } from '~/components/action-files'
import { EvidencePreview } from '~/components/evidence-preview'
import { StatusBadge } from '~/components/list'
import { OutcomesFed } from '~/components/outcomes-fed'
import { statusTone } from '~/models/actions/form'
import {
  ActionStatusError,
  archiveAction,
  canEditAction,
  canManageActionFiles,
  canValidate,
  getAction,
  listActionFiles,
  listLabelKey,
  setActionStatus,
} from '~/models/actions/index.server'
import { canProposeOutcomes, outcomesFedBy } from '~/models/outcomes/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle<MetaArgs<typeof loader>>(
  ({ data }) => (data ? 'actions:meta.detail' : 'actions:meta.detailFallback'),
  ({ data }) => ({ name: data?.action.title }),
)

const idSchema = z.coerce.number().int().positive()
const fileErrorSchema = z.string().regex(/^evidence:files\.errors\.[a-z]+$/)

/** A refused upload sent without JavaScript comes back as `?fileError=<message key>`. */
const fileErrorOf = (request: Request) =>
  fileErrorSchema.safeParse(new URL(request.url).searchParams.get('fileError')).data ?? null

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const id = idSchema.safeParse(params.id)
  invariantResponse(id.success)
  const action = getAction(id.data)
  invariantResponse(action)
  return json({
    action: {
      ...action,
      typeLabelKey: listLabelKey('types', { key: action.typeKey, name: action.typeName }),
      channelLabelKey: action.channelKey
        ? listLabelKey('channels', { key: action.channelKey, name: action.channelName ?? '' })
        : null,
    },
    canEdit: !action.archivedAt && canEditAction(user, action),
    canValidate: !action.archivedAt && canValidate(user),
    files: listActionFiles(action.id, user),
    canManageFiles: canManageActionFiles(user, action),
    fileError: fileErrorOf(request),
    outcomes: outcomesFedBy({ actionId: action.id }),
    canRecordOutcome: canProposeOutcomes(user),
  })
}

const decisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('submit') }),
  z.object({ intent: z.literal('validate') }),
  z.object({ intent: z.literal('return'), comment: z.string().trim().max(2000).optional() }),
  z.object({ intent: z.literal('archive') }),
])

/** Status changes and archiving from the detail page; the domain checks who may do each. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const id = idSchema.safeParse(params.id)
  invariantResponse(id.success)
  const existing = getAction(id.data)
  invariantResponse(existing && !existing.archivedAt)
  const parsed = decisionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return json({ error: 'common:errors.invalid' }, { status: 400 })
  const decision = parsed.data
  if (decision.intent === 'return' && !decision.comment)
    return json({ error: 'actions:errors.commentRequired' }, { status: 400 })
  try {
    orForbidden(() =>
      db.transaction((tx) => {
        if (decision.intent === 'submit') setActionStatus(tx, id.data, 'submitted', user)
        else if (decision.intent === 'validate') setActionStatus(tx, id.data, 'validated', user)
        else if (decision.intent === 'return')
          setActionStatus(tx, id.data, 'returned', user, decision.comment)
        else archiveAction(tx, id.data, user)
      }),
    )
  } catch (error) {
    if (error instanceof ActionStatusError)
      return json({ error: 'actions:errors.statusConflict', status: error.from }, { status: 409 })
    throw error
  }
  if (decision.intent === 'archive') return redirect('/actions')
  return redirect(`/actions/${id.data}?done=${decision.intent}`)
}

export default function ActionDetailRoute() {
  const outlet = useOutlet()
  // /actions/:id/edit renders in place of the detail.
  if (outlet) return outlet
  return <ActionDetail />
}

type LoadedAction = SerializeFrom<typeof loader>['action']

/** The line that confirms what just happened (saved, submitted, validated, returned). */
function useNotice(status: LoadedAction['status']) {
  const { t } = useTranslation('actions')
  const [params] = useSearchParams()
  const saved = params.get('saved')
  const done = params.get('done')
  if (saved === 'edit') return t('common:actions.saved')
  if (saved === '1') return status === 'draft' ? t('detail.savedDraft') : t('detail.saved')
  if (done === 'submit') return t('detail.submitted')
  if (done === 'validate') return t('detail.validated')
  if (done === 'return') return t('detail.returned')
  return null
}

function ActionHeader({ a }: { a: LoadedAction }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  const typeLabel = a.typeLabelKey ? t(a.typeLabelKey) : a.typeName
  const channelLabel = a.channelLabelKey ? t(a.channelLabelKey) : a.channelName
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge tone={statusTone[a.status]}>{t(`status.${a.status}`)}</StatusBadge>
        {a.archivedAt ? <StatusBadge tone="neutral">{t('common:actions.archive')}</StatusBadge> : null}
        <span className="text-sm text-ink-muted">
          {typeLabel}
          {channelLabel ? ` · ${channelLabel}` : ''}
        </span>
      </div>
      <h1 className="break-words">{a.title}</h1>
      <p className="text-sm text-ink-muted">
        {f.date(a.date, 'long')} · {a.partnerName}
        {a.createdByName ? ` · ${t('fields.createdBy')}: ${a.createdByName}` : ''}
      </p>
    </header>
  )
}

/** Edit, send for validation, validate, return with a comment: what this user may do now. */
function Decisions({ a, canEdit, mayValidate }: { a: LoadedAction; canEdit: boolean; mayValidate: boolean }) {
  const { t } = useTranslation('actions')
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {canEdit ? (
          <Link to={`/actions/${a.id}/edit`} className="btn-secondary">
            {t('detail.edit')}
          </Link>
        ) : null}
        {canEdit && (a.status === 'draft' || a.status === 'returned') ? (
          <Form method="post">
            <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
              {t('detail.submit')}
            </button>
          </Form>
        ) : null}
        {mayValidate && a.status !== 'validated' && a.status !== 'draft' ? (
          <Form method="post">
            <button type="submit" name="intent" value="validate" className="btn-primary" disabled={busy}>
              {t('detail.validate')}
            </button>
          </Form>
        ) : null}
      </div>
      {mayValidate && (a.status === 'submitted' || a.status === 'validated') ? (
        <Form method="post" className="card space-y-2">
          <label htmlFor="return-comment" className="label">
            {t('detail.returnComment')}
          </label>
          <textarea
            id="return-comment"
            name="comment"
            className="input min-h-[4rem]"
            required
            maxLength={2000}
          />
          <button type="submit" name="intent" value="return" className="btn-danger" disabled={busy}>
            {t('detail.return')}
          </button>
        </Form>
      ) : null}
    </>
  )
}

function AudienceFacts({ a }: { a: LoadedAction }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  return (
    <>
      <div>
        <dt className="text-xs text-ink-muted">{t('fields.languages')}</dt>
        <dd>
          {a.languages.length
            ? a.languages.map((l) => t(`common:languages.${l}`, { defaultValue: l })).join(', ')
            : '–'}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">{t('detail.figures')}</dt>
        <dd>
          <ul>
            <li>
              {t('fields.participants')}: {f.number(a.participants)}
            </li>
            <li>
              {t('fields.onlineReach')}: {f.number(a.onlineReach)}
            </li>
            <li>
              {t('fields.engagements')}: {f.number(a.engagements)}
            </li>
          </ul>
        </dd>
      </div>
      <div className="sm:col-span-2">
        <dt className="text-xs text-ink-muted">{t('fields.stakeholderIds')}</dt>
        <dd>
          {a.stakeholders.length ? (
            <ul className="flex flex-wrap gap-2">
              {a.stakeholders.map((s) => (
                <li key={s.id}>
                  <Link to={`/stakeholders/${s.id}`}>{s.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            t('detail.noStakeholders')
          )}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">{t('fields.themeIds')}</dt>
        <dd>{a.themes.length ? a.themes.map((th) => th.name).join(', ') : t('detail.noThemes')}</dd>
      </div>
    </>
  )
}

/** The event, work-plan activity and material the action belongs to. */
function BelongsTo({ a }: { a: LoadedAction }) {
  const { t } = useTranslation('actions')
  if (!a.eventTitle && !a.activityTitle && !a.materialTitle) return null
  return (
    <div>
      <dt className="text-xs text-ink-muted">{t('detail.links')}</dt>
      <dd>
        <ul>
          {a.eventTitle ? (
            <li>
              {t('fields.eventId')}: <Link to={`/events/${a.eventId}`}>{a.eventTitle}</Link>
            </li>
          ) : null}
          {a.activityTitle ? (
            <li>
              {t('fields.activityId')}: {a.activityTitle}
            </li>
          ) : null}
          {a.materialTitle ? (
            <li>
              {t('fields.materialId')}: <Link to={`/materials/${a.materialId}`}>{a.materialTitle}</Link>
            </li>
          ) : null}
        </ul>
      </dd>
    </div>
  )
}

function ActionFacts({ a }: { a: LoadedAction }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  return (
    <dl className="card grid gap-x-6 gap-y-3 sm:grid-cols-2">
      <AudienceFacts a={a} />
      <BelongsTo a={a} />
      <div>
        <dt className="text-xs text-ink-muted">{t('fields.submittedAt')}</dt>
        <dd>{a.submittedAt ? f.dateTime(a.submittedAt) : '–'}</dd>
      </div>
      {a.validatedAt ? (
        <div>
          <dt className="text-xs text-ink-muted">{t('fields.validatedAt')}</dt>
          <dd>
            {f.dateTime(a.validatedAt)}
            {a.validatedByName ? ` · ${a.validatedByName}` : ''}
          </dd>
        </div>
      ) : null}
      {a.description ? (
        <div className="sm:col-span-2">
          <dt className="text-xs text-ink-muted">{t('fields.description')}</dt>
          <dd className="whitespace-pre-line break-words">{a.description}</dd>
        </div>
      ) : null}
    </dl>
  )
}

function ActionDetail() {
  const { t } = useTranslation('actions')
  const {
    action: a,
    canEdit,
    canValidate: mayValidate,
    files,
    canManageFiles,
    fileError,
    outcomes,
    canRecordOutcome,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const notice = useNotice(a.status)
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link to="/actions">{t('detail.back')}</Link>
      </p>
      {notice ? (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {notice}
        </p>
      ) : null}
      {actionData?.error ? (
        <div role="alert" className="rounded-md border border-bad bg-bad-bg p-3 text-sm text-bad">
          {t(actionData.error, { status: 'status' in actionData ? t(`status.${actionData.status}`) : '' })}
        </div>
      ) : null}
      <ActionHeader a={a} />

      {a.status === 'returned' && a.returnComment ? (
        <div className="rounded-md border border-warn bg-warn-bg p-3 text-sm">
          <p className="font-semibold">{t('fields.returnComment')}</p>
          <p className="whitespace-pre-line">{a.returnComment}</p>
        </div>
      ) : null}
      {a.status === 'validated' && !canEdit ? (
        <p className="text-sm text-ink-muted">{t('detail.lockedValidated')}</p>
      ) : null}

      <Decisions a={a} canEdit={canEdit} mayValidate={mayValidate} />
      <ActionFacts a={a} />

      {a.evidenceUrl ? (
        <section className="card space-y-2" aria-labelledby="evidence-title">
          <h2 id="evidence-title">{t('detail.evidence')}</h2>
          <p className="break-all">
            <a href={a.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
              {a.evidenceUrl}
            </a>
          </p>
          <EvidencePreview actionId={a.id} evidence={a.evidence} canRefresh={canEdit || mayValidate} />
        </section>
      ) : null}

      <ActionFiles actionId={a.id} {...files} canManage={canManageFiles} uploadError={fileError} />
      <OutcomesFed outcomes={outcomes} recordHref={canRecordOutcome ? `/results/new?action=${a.id}` : null} />

      {canEdit ? (
        <Form method="post" className="pt-4">
          <button type="submit" name="intent" value="archive" className="btn-danger" disabled={busy}>
            {t('detail.archive')}
          </button>
        </Form>
      ) : null}
    </article>
  )
}
