import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { IdeaStatus } from '~/components/ideas/idea-card'
import {
  CommentsPanel,
  DecisionPanel,
  IntentButton,
  type IntentReply,
  WorkingGroupPanel,
} from '~/components/ideas/idea-panels'
import {
  adoptIdea,
  closeIdea,
  commentOnIdea,
  getIdea,
  ideaDetail,
  setIdeaMembership,
  setIdeaSupport,
  withdrawIdea,
} from '~/models/ideas/index.server'
import {
  canCommentIdea,
  canDecideIdea,
  canEditIdea,
  canJoinIdea,
  canModerateIdeas,
  canSupportIdea,
} from '~/models/ideas/policy'
import { adoptFormSchema, closeFormSchema, commentFormSchema } from '~/models/ideas/schemas'
import { planFormOptions } from '~/models/plan/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('ideas:title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'idea:read')
  const moderator = canModerateIdeas(user)
  const detail = ideaDetail(Number(params.id), user.id, moderator)
  invariantResponse(detail)
  const { idea } = detail
  return json({
    ...detail,
    may: {
      edit: canEditIdea(user, idea),
      support: canSupportIdea(user, idea),
      join: canJoinIdea(user, idea),
      comment: canCommentIdea(user, idea),
      decide: canDecideIdea(user, idea),
    },
    partners: canDecideIdea(user, idea) ? planFormOptions().partners : [],
  })
}

const toggles = ['support', 'unsupport', 'join', 'leave', 'withdraw'] as const
const toggleSchema = z.object({ intent: z.enum(toggles) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'idea:read')
  const id = Number(params.id)
  invariantResponse(getIdea(id))
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const back = redirect(`/ideas/${id}`)
  const refuse = (result: IntentReply) => json(result, { status: 400 })
  if (intent === 'comment') {
    const submission = parseForm(formData, { schema: commentFormSchema })
    if (submission.status !== 'success') return refuse({ intent, result: submission.reply() })
    orForbidden(() => db.transaction((tx) => commentOnIdea(tx, id, submission.value.body, user)))
    return redirect(`/ideas/${id}#comments-heading`)
  }
  if (intent === 'close') {
    const submission = parseForm(formData, { schema: closeFormSchema })
    if (submission.status !== 'success') return refuse({ intent, result: submission.reply() })
    orForbidden(() => db.transaction((tx) => closeIdea(tx, id, submission.value.reason, user)))
    return back
  }
  if (intent === 'adopt') {
    const submission = parseForm(formData, { schema: adoptFormSchema })
    if (submission.status !== 'success') return refuse({ intent, result: submission.reply() })
    const result = orFieldErrors(() =>
      orForbidden(() => db.transaction((tx) => adoptIdea(tx, id, submission.value, user))),
    )
    if (!result.ok) return refuse({ intent, result: submission.reply({ fieldErrors: result.fieldErrors }) })
    return back
  }
  const submission = parseForm(formData, { schema: toggleSchema })
  if (submission.status !== 'success') return json({ message: 'bad_intent' }, { status: 400 })
  const on = submission.value.intent
  orForbidden(() =>
    db.transaction((tx) => {
      if (on === 'withdraw') return withdrawIdea(tx, id, user)
      if (on === 'support' || on === 'unsupport') return setIdeaSupport(tx, id, on === 'support', user)
      return setIdeaMembership(tx, id, on === 'join', user)
    }),
  )
  return back
}

type Data = SerializeFrom<typeof loader>

export default function IdeaPage() {
  const { t } = useTranslation('ideas')
  const data = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const reply = answer && 'intent' in answer ? (answer as IntentReply) : undefined
  const { idea, may } = data
  return (
    <div className="max-w-4xl space-y-6">
      <div className="page-title">
        <h1>{idea.title}</h1>
        <Link to="/ideas" className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <IdeaSummary data={data} />
      <WorkingGroupPanel group={data.group}>
        {data.involvedMe ? <p>{t('joined')}</p> : null}
        {data.involvedMe ? (
          <IntentButton intent="leave">{t('leave')}</IntentButton>
        ) : may.join ? (
          <IntentButton intent="join" primary>
            {t('join')}
          </IntentButton>
        ) : null}
      </WorkingGroupPanel>
      <CommentsPanel comments={data.comments} canComment={may.comment} reply={reply} />
      {may.decide ? (
        <DecisionPanel title={idea.title} partnerId={idea.partnerId} partners={data.partners} reply={reply} />
      ) : null}
    </div>
  )
}

function IdeaSummary({ data }: { data: Data }) {
  const { t } = useTranslation('ideas')
  const f = useFormat()
  const { idea, may } = data
  return (
    <section aria-label={t('fields.title')} className="card space-y-3 border-amber-300 bg-amber-50">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <IdeaStatus status={idea.status} />
        <span>{t(`columns.${idea.column}`)}</span>
        <span aria-hidden="true">·</span>
        <span>
          {t('by', { name: [data.authorName, data.authorPartner].filter(Boolean).join(', ') })},{' '}
          {f.date(idea.createdAt)}
        </span>
      </div>
      {idea.body ? <p className="whitespace-pre-line">{idea.body}</p> : null}
      {idea.status === 'closed' && idea.closeReason ? (
        <p>{t('closedBecause', { reason: idea.closeReason })}</p>
      ) : null}
      {data.activity ? (
        <p>
          {t('adoptedAs')} <Link to={`/plan/workplan/${data.activity.id}`}>{data.activity.title}</Link>
        </p>
      ) : null}
      <p className="font-semibold">{t('supports', { count: data.supports })}</p>
      <div className="flex flex-wrap gap-2">
        {data.supportedByMe ? (
          <IntentButton intent="unsupport">{t('unsupport')}</IntentButton>
        ) : may.support ? (
          <IntentButton intent="support" primary>
            {t('support')}
          </IntentButton>
        ) : null}
        {may.edit ? (
          <>
            <Link to={`/ideas/${idea.id}/edit`} className="btn-secondary">
              {t('common:actions.edit')}
            </Link>
            <IntentButton intent="withdraw">{t('withdraw')}</IntentButton>
          </>
        ) : null}
      </div>
    </section>
  )
}
