import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { PageHeader } from '~/components/list'
import { PriorityNav } from '~/components/priority/badges'
import { GridCutoffsSection } from '~/components/priority/grid-cutoffs'
import {
  createCriterion,
  getCriterion,
  getGridCutoffs,
  getThresholds,
  listCriteria,
  setCriterionArchived,
  setGridCutoffs,
  setThresholds,
  updateCriterion,
} from '~/models/priorities/index.server'
import { mayEditCriteria } from '~/models/priorities/policy'
import { criterionSchema, gridCutoffsSchema, thresholdsSchema } from '~/models/priorities/schemas'
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

export const meta = pageTitle('priorities:pageTitles.criteria')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'priority:read')
  return json({
    criteria: listCriteria({ includeArchived: true }),
    thresholds: getThresholds(),
    cutoffs: getGridCutoffs(),
    canEdit: mayEditCriteria(user),
  })
}

const idSchema = z.coerce.number().int().positive()
const editSchema = criterionSchema.extend({ id: idSchema })
/** In the browser: the add form has no id yet. */
const formSchema = criterionSchema.extend({ id: idSchema.optional() })

type Reply = { form: string; reply: SubmissionResult<string[]> }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'priority:criteria')) throw forbidden()
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'create') {
    const submission = parseForm(formData, { schema: criterionSchema })
    if (submission.status !== 'success')
      return json<Reply>({ form: 'create', reply: submission.reply() }, { status: 400 })
    orForbidden(() => db.transaction((tx) => createCriterion(tx, submission.value, user)))
    throw redirect('/priorities/criteria?saved=1', 303)
  }
  if (intent === 'update') {
    const submission = parseForm(formData, { schema: editSchema })
    const formId = `criterion-${formData.get('id')}`
    if (submission.status !== 'success')
      return json<Reply>({ form: formId, reply: submission.reply() }, { status: 400 })
    const { id, ...input } = submission.value
    invariantResponse(getCriterion(id))
    orForbidden(() => db.transaction((tx) => updateCriterion(tx, id, input, user)))
    throw redirect('/priorities/criteria?saved=1', 303)
  }
  if (intent === 'archive' || intent === 'restore') {
    const parsed = idSchema.safeParse(formData.get('id'))
    const criterion = parsed.success ? getCriterion(parsed.data) : null
    invariantResponse(criterion)
    orForbidden(() =>
      db.transaction((tx) => setCriterionArchived(tx, criterion.id, intent === 'archive', user)),
    )
    throw redirect(`/priorities/criteria?saved=${intent}`, 303)
  }
  if (intent === 'thresholds') {
    const submission = parseForm(formData, { schema: thresholdsSchema })
    if (submission.status !== 'success')
      return json<Reply>({ form: 'thresholds', reply: submission.reply() }, { status: 400 })
    orForbidden(() => db.transaction((tx) => setThresholds(tx, submission.value, user)))
    throw redirect('/priorities/criteria?saved=thresholds', 303)
  }
  if (intent === 'gridCutoffs') {
    const submission = parseForm(formData, { schema: gridCutoffsSchema })
    if (submission.status !== 'success')
      return json<Reply>({ form: 'gridCutoffs', reply: submission.reply() }, { status: 400 })
    orForbidden(() => db.transaction((tx) => setGridCutoffs(tx, submission.value, user)))
    throw redirect('/priorities/criteria?saved=gridCutoffs', 303)
  }
  return json(
    { form: 'none', reply: { status: 'error', error: { '': ['common:errors.invalid'] } } } as Reply,
    { status: 400 },
  )
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type CriterionRow = LoaderData['criteria'][number]

export default function CriteriaPage() {
  const { t } = useTranslation('priorities')
  const { t: tcrm } = useTranslation('crm')
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const saved = params.get('saved')
  const actionData = useActionData<typeof action>()
  return (
    <div>
      <PageHeader title={t('criteria.title')} />
      <PriorityNav />
      <p className="mb-4 max-w-prose text-sm text-ink-muted">{t('criteria.intro')}</p>
      {saved ? (
        <p role="status" className="mb-4 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {saved === 'thresholds'
            ? t('criteria.thresholdsSaved')
            : saved === 'gridCutoffs'
              ? tcrm('cutoffs.saved')
              : t('criteria.saved')}
        </p>
      ) : null}
      <CriteriaTable criteria={data.criteria} />
      {data.canEdit ? (
        <>
          <section aria-labelledby="edit-title" className="mb-6">
            <h2 id="edit-title" className="mb-2">
              {t('criteria.editTitle')}
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              {data.criteria.map((c) => (
                <CriterionForm key={c.id} criterion={c} />
              ))}
              <CriterionForm />
            </div>
          </section>
          <ThresholdsForm thresholds={data.thresholds} />
        </>
      ) : (
        <ThresholdsReadOnly thresholds={data.thresholds} />
      )}
      <GridCutoffsSection
        cutoffs={data.cutoffs}
        canEdit={data.canEdit}
        lastResult={actionData?.form === 'gridCutoffs' ? actionData.reply : undefined}
      />
    </div>
  )
}

/** Every criterion with its weight and its share of the active weights. */
function CriteriaTable({ criteria }: { criteria: CriterionRow[] }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  const active = criteria.filter((c) => !c.archivedAt)
  const totalWeight = active.reduce((sum, c) => sum + c.weight, 0)
  return (
    <section aria-labelledby="criteria-list" className="mb-6">
      <h2 id="criteria-list" className="mb-2">
        {t('criteria.listTitle')}
      </h2>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
      <div className="card relative overflow-x-auto p-0" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('criteria.name')}</th>
              <th scope="col" className="text-right">
                {t('criteria.weight')}
              </th>
              <th scope="col" className="text-right">
                {t('criteria.share')}
              </th>
              <th scope="col">{t('criteria.gridAxis')}</th>
              <th scope="col">{t('criteria.state')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.id} className={c.archivedAt ? 'text-ink-muted' : undefined}>
                <td>
                  <span className="font-medium">{c.name}</span>
                  {c.description ? (
                    <span className="block text-xs text-ink-muted">{c.description}</span>
                  ) : null}
                </td>
                <td className="text-right tabular-nums">{f.number(c.weight)}</td>
                <td className="text-right tabular-nums">
                  {c.archivedAt || !totalWeight ? '–' : f.percent(c.weight / totalWeight)}
                </td>
                <td>{c.gridAxis ? t(`criteria.axis.${c.gridAxis}`) : t('criteria.axis.none')}</td>
                <td>{c.archivedAt ? t('criteria.archived') : t('criteria.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function ThresholdsReadOnly({ thresholds }: { thresholds: { tierA: number; tierB: number } }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  return (
    <section aria-labelledby="thresholds-title" className="card">
      <h2 id="thresholds-title">{t('criteria.thresholdsTitle')}</h2>
      <p className="mt-2 text-sm">
        {t('criteria.thresholdsReadOnly', {
          a: f.number(thresholds.tierA),
          b: f.number(thresholds.tierB),
        })}
      </p>
    </section>
  )
}

function CriterionForm({ criterion }: { criterion?: CriterionRow }) {
  const { t } = useTranslation('priorities')
  const { t: tc } = useTranslation()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const formId = criterion ? `criterion-${criterion.id}` : 'create'
  const lastResult = actionData?.form === formId ? actionData.reply : undefined
  const [form, fields] = useForm<z.input<typeof formSchema>>({
    id: formId,
    lastResult,
    defaultValue: criterion
      ? {
          id: String(criterion.id),
          name: criterion.name,
          description: criterion.description ?? '',
          weight: String(criterion.weight),
          gridAxis: criterion.gridAxis ?? '',
        }
      : { weight: '1' },
    onValidate: ({ formData }) => parseForm(formData, { schema: formSchema }),
    shouldValidate: 'onBlur',
  })
  const archived = !!criterion?.archivedAt
  return (
    <div className={`card ${archived ? 'opacity-75' : ''}`}>
      <h3 className="mb-2">{criterion ? criterion.name : t('criteria.addTitle')}</h3>
      {archived ? <p className="mb-2 text-sm text-ink-muted">{t('criteria.archivedHint')}</p> : null}
      <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value={criterion ? 'update' : 'create'} />
        {criterion ? <input type="hidden" name="id" value={criterion.id} /> : null}
        <FormErrors errors={form.errors} />
        <Field
          className="sm:col-span-2"
          label={t('criteria.name')}
          {...getInputProps(fields.name, { type: 'text' })}
          errors={fields.name.errors}
        />
        <TextareaField
          className="sm:col-span-2"
          label={t('criteria.description')}
          {...getTextareaProps(fields.description)}
          errors={fields.description.errors}
        />
        <Field
          label={t('criteria.weight')}
          {...getInputProps(fields.weight, { type: 'number' })}
          step="any"
          min="0"
          inputMode="decimal"
          hint={t('criteria.weightHint')}
          errors={fields.weight.errors}
        />
        <SelectField
          label={t('criteria.gridAxis')}
          {...getSelectProps(fields.gridAxis)}
          placeholder={t('criteria.axis.none')}
          options={[
            { value: 'influence', label: t('criteria.axis.influence') },
            { value: 'interest', label: t('criteria.axis.interest') },
          ]}
          errors={fields.gridAxis.errors}
        />
        <div className="flex gap-2 sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            {criterion ? tc('actions.saveChanges') : tc('actions.create')}
          </button>
        </div>
      </Form>
      {criterion ? <ArchiveForm criterion={criterion} /> : null}
    </div>
  )
}

function ThresholdsForm({ thresholds }: { thresholds: { tierA: number; tierB: number } }) {
  const { t } = useTranslation('priorities')
  const { t: tc } = useTranslation()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'thresholds',
    lastResult: actionData?.form === 'thresholds' ? actionData.reply : undefined,
    defaultValue: { tierA: String(thresholds.tierA), tierB: String(thresholds.tierB) },
    onValidate: ({ formData }) => parseForm(formData, { schema: thresholdsSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <section aria-labelledby="thresholds-title" className="card max-w-xl">
      <h2 id="thresholds-title">{t('criteria.thresholdsTitle')}</h2>
      <p className="mb-3 mt-1 text-sm text-ink-muted">{t('criteria.thresholdsIntro')}</p>
      <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="thresholds" />
        <FormErrors errors={form.errors} />
        <Field
          label={t('criteria.tierA')}
          {...getInputProps(fields.tierA, { type: 'number' })}
          step="any"
          min="0"
          max="100"
          errors={fields.tierA.errors}
        />
        <Field
          label={t('criteria.tierB')}
          {...getInputProps(fields.tierB, { type: 'number' })}
          step="any"
          min="0"
          max="100"
          errors={fields.tierB.errors}
        />
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary">
            {tc('actions.saveChanges')}
          </button>
        </div>
      </Form>
    </section>
  )
}

/** Archives (or restores) a criterion: its scores stay, it stops counting. */
function ArchiveForm({ criterion }: { criterion: CriterionRow }) {
  const { t: tc } = useTranslation()
  const archived = !!criterion.archivedAt
  return (
    <Form method="post" className="mt-2">
      <input type="hidden" name="id" value={criterion.id} />
      <button
        type="submit"
        name="intent"
        value={archived ? 'restore' : 'archive'}
        className={archived ? 'btn-secondary' : 'btn-danger'}
      >
        {archived ? tc('actions.restore') : tc('actions.archive')}
        <span className="sr-only"> {criterion.name}</span>
      </button>
    </Form>
  )
}
