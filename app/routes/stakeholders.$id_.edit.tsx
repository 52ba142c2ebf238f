import { getFormProps, useForm } from '@conform-to/react'
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
import { FormErrors } from '~/components/forms'
import { StakeholderFormFields } from '~/components/stakeholders'
import {
  archiveStakeholder,
  canAssignOwner,
  countryCodes,
  invalidReferences,
  requireEditableStakeholder,
  restoreStakeholder,
  stakeholderFormOptions,
  updateStakeholder,
} from '~/models/stakeholders/index.server'
import { stakeholderInputSchema } from '~/models/stakeholders/schemas'
import { orForbidden } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle<MetaArgs<typeof loader>>(
  ({ data }) => (data ? 'stakeholders:meta.named' : 'stakeholders:meta.stakeholder'),
  ({ data }) => ({ name: data?.stakeholder.name }),
)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, stakeholder } = await requireEditableStakeholder(request, params.id)
  const options = stakeholderFormOptions()
  const languages = [...new Set([...options.workingLanguages, ...stakeholder.languages])]
  const lockedOwner = canAssignOwner(user) ? null : { name: stakeholder.ownerName ?? '' }
  return json({ stakeholder, options: { ...options, languages, countries: countryCodes }, lockedOwner })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, stakeholder } = await requireEditableStakeholder(request, params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    const command = intent === 'archive' ? archiveStakeholder : restoreStakeholder
    orForbidden(() => db.transaction((tx) => command(tx, stakeholder.id, user)))
    return redirect(`/stakeholders/${stakeholder.id}`)
  }
  const submission = parseForm(formData, { schema: stakeholderInputSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const problems = invalidReferences(submission.value, user, stakeholder)
  if (problems) return json(submission.reply({ fieldErrors: problems }), { status: 400 })
  // The command keeps the owner unless the user may hand the stakeholder to another partner.
  orForbidden(() => db.transaction((tx) => updateStakeholder(tx, stakeholder.id, submission.value, user)))
  return redirect(`/stakeholders/${stakeholder.id}`)
}

type Stakeholder = SerializeFrom<typeof loader>['stakeholder']

const formDefaults = (s: Stakeholder) => ({
  name: s.name,
  acronym: s.acronym ?? '',
  categoryId: String(s.categoryId),
  programme: s.programme ?? '',
  period: s.period ?? '',
  scale: s.scale ?? '',
  country: s.country ?? '',
  city: s.city ?? '',
  website: s.website ?? '',
  description: s.description ?? '',
  themeIds: s.themeIds.map(String),
  languages: s.languages,
  ownerPartnerId: s.ownerPartnerId ? String(s.ownerPartnerId) : '',
  stage: s.stage,
})

export default function EditStakeholder() {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const s = data.stakeholder
  const [form, fields] = useForm<Record<string, string | string[]>>({
    lastResult,
    defaultValue: formDefaults(s),
    onValidate: ({ formData }) => parseForm(formData, { schema: stakeholderInputSchema }) as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="mb-2 text-sm">
          <Link to={`/stakeholders/${s.id}`}>← {s.name}</Link>
        </p>
        <h1>{t('form.editTitle', { name: s.name })}</h1>
      </div>
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card space-y-6">
        <input type="hidden" name="intent" value="save" />
        <StakeholderFormFields
          fields={fields as never}
          options={data.options}
          ownerLocked={data.lockedOwner}
          currentCategoryId={s.categoryId}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            {t('form.save')}
          </button>
          <Link to={`/stakeholders/${s.id}`} className="btn-secondary">
            {tc('actions.cancel')}
          </Link>
        </div>
      </Form>
      <ArchiveForm archived={!!s.archivedAt} />
    </div>
  )
}

function ArchiveForm({ archived }: { archived: boolean }) {
  const { t } = useTranslation('stakeholders')
  return (
    <Form method="post" className="card space-y-2">
      {archived ? (
        <>
          <input type="hidden" name="intent" value="restore" />
          <button type="submit" className="btn-secondary">
            {t('form.restore')}
          </button>
        </>
      ) : (
        <>
          <input type="hidden" name="intent" value="archive" />
          <p className="text-sm text-ink-muted">{t('form.archiveHint')}</p>
          <button type="submit" className="btn-danger">
            {t('form.archive')}
          </button>
        </>
      )}
    </Form>
  )
}
