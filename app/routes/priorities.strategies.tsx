import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { quadrants } from '#db/schema'
import { FormErrors, TextareaField } from '~/components/forms'
import { PageHeader } from '~/components/list'
import { PriorityNav } from '~/components/priority/badges'
import { StrategyText } from '~/components/priority/strategy'
import { getProject } from '~/models/admin/index.server'
import {
  getGroup,
  groupStrategies,
  quadrantStrategies,
  saveStrategy,
  type StrategyView,
} from '~/models/priorities/index.server'
import { mayEditCriteria } from '~/models/priorities/policy'
import { strategySchema } from '~/models/priorities/schemas'
import { QUADRANTS } from '~/models/priorities/scoring'
import {
  forbidden,
  invariantResponse,
  orForbidden,
  requirePermission,
  requireUser,
} from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { can } from '~/utils/permissions'

export const meta = pageTitle('priorities:pageTitles.strategies')

function languages() {
  const list = getProject()?.workingLanguages ?? []
  return list.length ? list : ['en']
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'priority:read')
  return json({
    quadrants: quadrantStrategies(),
    groups: groupStrategies(),
    languages: languages(),
    canEdit: mayEditCriteria(user),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'priority:criteria')) throw forbidden()
  const formData = await request.formData()
  const langs = languages()
  const submission = parseForm(formData, { schema: strategySchema(langs) })
  const target = String(formData.get('target') ?? '')
  if (submission.status !== 'success')
    return json({ form: target, reply: submission.reply() as SubmissionResult<string[]> }, { status: 400 })
  const value = submission.value as Record<string, string | undefined> & { target: string }
  const [kind, key] = value.target.split(':')
  const messages = Object.fromEntries(langs.map((l) => [l, value[`message_${l}`] ?? '']))
  if (kind === 'group') {
    const group = getGroup(Number(key))
    invariantResponse(group)
    orForbidden(() =>
      db.transaction((tx) =>
        saveStrategy(tx, { groupId: group.id }, { methods: value.methods ?? '', messages }, user),
      ),
    )
  } else {
    const quadrant = quadrants.find((q) => q === key)
    invariantResponse(quadrant)
    orForbidden(() =>
      db.transaction((tx) =>
        saveStrategy(tx, { quadrant }, { methods: value.methods ?? '', messages }, user),
      ),
    )
  }
  throw redirect(
    `/priorities/strategies?saved=${encodeURIComponent(value.target)}#${value.target.replace(':', '-')}`,
    303,
  )
}

export default function StrategiesPage() {
  const { t } = useTranslation('priorities')
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const saved = params.get('saved')
  return (
    <div>
      <PageHeader title={t('strategies.title')} />
      <PriorityNav />
      <p className="mb-4 max-w-prose text-sm text-ink-muted">{t('strategies.intro')}</p>
      {saved ? (
        <p role="status" className="mb-4 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {t('strategies.saved')}
        </p>
      ) : null}
      <section aria-labelledby="quadrants-title" className="mb-8">
        <h2 id="quadrants-title" className="mb-2">
          {t('strategies.quadrantsTitle')}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {QUADRANTS.map((q) => (
            <StrategyCard
              key={q}
              target={`quadrant:${q}`}
              title={t(`quadrants.${q}`)}
              subtitle={t(`quadrantHints.${q}`)}
              strategy={data.quadrants[q]}
              languages={data.languages}
              canEdit={data.canEdit}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby="groups-title">
        <h2 id="groups-title" className="mb-2">
          {t('strategies.groupsTitle')}
        </h2>
        {data.groups.length === 0 ? (
          <div className="card text-sm">
            <p>{t('strategies.noGroups')}</p>
            <p className="mt-2">
              <Link to="/plan">{t('strategies.planLink')}</Link>
            </p>
          </div>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {data.groups.map((g) => (
              <StrategyCard
                key={g.groupId}
                target={`group:${g.groupId}`}
                title={g.groupName ?? ''}
                strategy={g}
                languages={data.languages}
                canEdit={data.canEdit}
              />
            ))}
          </div>
        )}
      </section>
    </div>
  )
}

function StrategyCard({
  target,
  title,
  subtitle,
  strategy,
  languages,
  canEdit,
}: {
  target: string
  title: string
  subtitle?: string
  strategy: StrategyView
  languages: string[]
  canEdit: boolean
}) {
  const { t } = useTranslation('priorities')
  const { t: tc } = useTranslation()
  const f = useFormat()
  const actionData = useActionData<typeof action>()
  const anchor = target.replace(':', '-')
  const [form, fields] = useForm<Record<string, string>>({
    id: `strategy-${anchor}`,
    lastResult: actionData?.form === target ? actionData.reply : undefined,
    defaultValue: {
      methods: strategy.methods,
      ...Object.fromEntries(languages.map((l) => [`message_${l}`, strategy.messages[l] ?? ''])),
    },
    shouldValidate: 'onBlur',
  })
  const otherLanguages = Object.keys(strategy.messages).filter((l) => !languages.includes(l))
  return (
    <article id={anchor} className="card" aria-labelledby={`${anchor}-title`}>
      <h3 id={`${anchor}-title`}>{title}</h3>
      {subtitle ? <p className="text-sm text-ink-muted">{subtitle}</p> : null}
      {strategy.updatedAt ? (
        <p className="text-xs text-ink-muted">
          {t('strategies.updated', { at: f.date(strategy.updatedAt) })}
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
          <input type="hidden" name="target" value={target} />
          <FormErrors errors={form.errors} />
          <TextareaField
            label={t('strategies.methods')}
            {...getTextareaProps(fields.methods)}
            errors={fields.methods.errors}
          />
          <fieldset className="space-y-3">
            <legend className="label">{t('strategies.messages')}</legend>
            {languages.map((l) => (
              <TextareaField
                {...getTextareaProps(fields[`message_${l}`])}
                key={l}
                lang={l}
                label={tc(`languages.${l}`, { defaultValue: l })}
                errors={fields[`message_${l}`].errors}
              />
            ))}
          </fieldset>
          <button type="submit" className="btn-primary">
            {tc('actions.saveChanges')}
            <span className="sr-only"> {title}</span>
          </button>
        </Form>
      ) : (
        <StrategyText strategy={strategy} languages={languages} />
      )}
      {canEdit && otherLanguages.length ? (
        <p className="mt-2 text-xs text-ink-muted">
          {t('strategies.otherLanguages', { languages: otherLanguages.join(', ') })}
        </p>
      ) : null}
    </article>
  )
}
