import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, type MetaArgs, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { FormErrors, TextareaField } from '~/components/forms'
import { GroupForm } from '~/components/group-form'
import { Pagination } from '~/components/list'
import { ArchivedNotice, ArchiveToggle, PlanNav } from '~/components/plan-nav'
import { getProject } from '~/models/admin/index.server'
import {
  computeMetric,
  getGroup,
  groupFilterOptions,
  groupMemberCount,
  groupMembers,
  groupStrategy,
  registerLink,
  saveGroupStrategy,
  setGroupArchived,
  updateGroup,
} from '~/models/plan/index.server'
import { canEditPlan } from '~/models/plan/policy'
import { groupFormSchema, strategyFormSchema } from '~/models/plan/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle<MetaArgs<typeof loader>>(
  ({ data }) => (data ? 'plan:meta.record' : 'plan:meta.group'),
  ({ data }) => ({ name: data?.group.name }),
)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const group = getGroup(Number(params.id))
  invariantResponse(group)
  const project = getProject()
  invariantResponse(project)
  const page = pageFromUrl(new URL(request.url), 25)
  const today = new Date().toISOString().slice(0, 10)
  return json({
    group,
    members: groupMembers(group.filter, page),
    total: groupMemberCount(group.filter),
    page: page.page,
    pageSize: page.pageSize,
    registerLink: registerLink(group.filter),
    shareReached: computeMetric({
      metric: 'group_share_reached',
      from: project.startDate,
      to: today < project.endDate ? today : project.endDate,
      breakdown: 'group',
      breakdownValue: group.id,
    }),
    strategy: groupStrategy(group.id),
    languages: project.workingLanguages,
    options: groupFilterOptions(),
    canEdit: canEditPlan(user),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const id = Number(params.id)
  invariantResponse(getGroup(id))
  const formData = await request.formData()
  const intent = String(formData.get('intent'))
  if (intent === 'archive' || intent === 'restore') {
    orForbidden(() => db.transaction((tx) => setGroupArchived(tx, id, intent === 'archive', user)))
    return redirect(intent === 'archive' ? '/plan/groups' : `/plan/groups/${id}`)
  }
  if (intent === 'strategy') {
    const submission = parseForm(formData, { schema: strategyFormSchema })
    if (submission.status !== 'success') return json({ intent, result: submission.reply() }, { status: 400 })
    const languages = getProject()?.workingLanguages ?? []
    orForbidden(() => db.transaction((tx) => saveGroupStrategy(tx, id, submission.value, languages, user)))
    return redirect(`/plan/groups/${id}#messages`)
  }
  const submission = parseForm(formData, { schema: groupFormSchema })
  if (submission.status !== 'success')
    return json({ intent: 'save', result: submission.reply() }, { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => updateGroup(tx, id, submission.value, user))),
  )
  if (!result.ok)
    return json(
      { intent: 'save', result: submission.reply({ fieldErrors: result.fieldErrors }) },
      { status: 400 },
    )
  return redirect(`/plan/groups/${id}`)
}

type Data = SerializeFrom<typeof loader>

export default function GroupPage() {
  const { t } = useTranslation('plan')
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { group } = data
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{group.name}</h1>
        <Link to="/plan/groups" className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <PlanNav current="groups" />
      <ArchivedNotice archivedAt={group.archivedAt} />
      {group.description ? <p>{group.description}</p> : null}
      <MembersSection data={data} />
      <section id="messages" className="card space-y-3" aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t('groups.methodsAndMessages')}</h2>
        {data.canEdit ? (
          <StrategyForm
            languages={data.languages}
            strategy={data.strategy}
            lastResult={actionData?.intent === 'strategy' ? actionData.result : undefined}
          />
        ) : (
          <StrategyView strategy={data.strategy} />
        )}
      </section>
      {data.canEdit ? (
        <section className="space-y-3" aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('groups.edit')}</h2>
          <GroupForm
            schema={groupFormSchema}
            options={data.options}
            lastResult={actionData?.intent === 'save' ? actionData.result : undefined}
            defaultValue={{ name: group.name, description: group.description ?? undefined, ...group.filter }}
            submitLabel={t('common:actions.saveChanges')}
          />
          <ArchiveToggle archivedAt={group.archivedAt} />
        </section>
      ) : null}
    </div>
  )
}

function MembersSection({ data }: { data: Data }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section className="card space-y-3" aria-labelledby="members-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="members-heading">
          {t('groups.currentMembers', { count: data.total, formatted: f.number(data.total) })}
        </h2>
        <Link to={data.registerLink}>{t('groups.openRegister')}</Link>
      </div>
      <p className="text-sm">{t('groups.shareReached', { share: f.number(data.shareReached) })}</p>
      {data.members.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('groups.noMembers')}</p>
      ) : (
        <MembersTable members={data.members} />
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </section>
  )
}

function MembersTable({ members }: { members: Data['members'] }) {
  const { t } = useTranslation('plan')
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('groups.stakeholder')}</th>
            <th scope="col">{t('breakdowns.category')}</th>
            <th scope="col">{t('groups.country')}</th>
            <th scope="col">{t('groups.stage')}</th>
            <th scope="col">{t('breakdowns.tier')}</th>
            <th scope="col">{t('groups.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/stakeholders/${m.id}`}>{m.name}</Link>
              </td>
              <td>{m.categoryName}</td>
              <td>{m.country ?? '—'}</td>
              <td>{t(`stages.${m.stage}`)}</td>
              <td>{m.tier ? t('tierLabel', { tier: m.tier }) : '—'}</td>
              <td>{m.ownerName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

type Strategy = { methods: string; messages: Record<string, string> }

/** Methods and messages for readers who may not edit them. */
function StrategyView({ strategy }: { strategy: Strategy }) {
  const { t } = useTranslation('plan')
  return (
    <>
      <h3>{t('groups.methods')}</h3>
      <p className="whitespace-pre-line text-sm">{strategy.methods || '—'}</p>
      <h3>{t('groups.messages')}</h3>
      <dl className="space-y-2 text-sm">
        {Object.entries(strategy.messages).map(([language, message]) => (
          <div key={language}>
            <dt className="font-medium">{t(`common:languages.${language}`, { defaultValue: language })}</dt>
            <dd lang={language}>{message}</dd>
          </div>
        ))}
      </dl>
      {Object.keys(strategy.messages).length === 0 ? (
        <p className="text-sm text-ink-muted">{t('groups.noMessages')}</p>
      ) : null}
    </>
  )
}

function StrategyForm({
  languages,
  strategy,
  lastResult,
}: {
  languages: string[]
  strategy: Strategy
  lastResult?: SubmissionResult<string[]> | null
}) {
  const { t } = useTranslation('plan')
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'strategy',
    lastResult,
    defaultValue: { methods: strategy.methods, messages: strategy.messages },
    onValidate: ({ formData }) => parseForm(formData, { schema: strategyFormSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const messages = fields.messages.getFieldset()
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="strategy" />
      <TextareaField
        label={t('groups.methods')}
        {...getTextareaProps(fields.methods)}
        errors={fields.methods.errors}
      />
      <fieldset className="space-y-2">
        <legend className="label">{t('groups.messagesPerLanguage')}</legend>
        {languages.map((language) => (
          <TextareaField
            key={language}
            label={t(`common:languages.${language}`, { defaultValue: language })}
            name={`${fields.messages.name}.${language}`}
            defaultValue={strategy.messages[language] ?? ''}
            lang={language}
            rows={2}
            errors={messages[language]?.errors as string[] | undefined}
          />
        ))}
      </fieldset>
      <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
        {t('groups.saveMessages')}
      </button>
    </Form>
  )
}
