import {
  getCollectionProps,
  getFormProps,
  getInputProps,
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
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { stakeholderEditPolicies } from '#db/schema/core'
import { SavedNotice } from '~/components/admin'
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import {
  languageCodes,
  projectSchema,
  themeAddSchema,
  themeArchiveSchema,
  themeRenameSchema,
} from '~/models/admin'
import {
  addTheme,
  listThemes,
  renameTheme,
  setThemeArchived,
  updateProjectSettings,
} from '~/models/admin.server'
import { getProject } from '~/models/project.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'

export const meta: MetaFunction = () => [{ title: 'Project settings · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  const project = getProject()
  invariantResponse(project)
  return json({ project, themes: listThemes() })
}

type ActionData = { intent: string; id?: number; result: SubmissionResult<string[]> }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')

  if (intent === 'project') {
    const submission = parseForm(formData, { schema: projectSchema })
    if (submission.status !== 'success')
      return json<ActionData>({ intent, result: submission.reply() }, { status: 400 })
    updateProjectSettings(submission.value, user.id)
    return redirect('/admin/project?saved=project')
  }
  if (intent === 'theme-add') {
    const submission = parseForm(formData, { schema: themeAddSchema })
    if (submission.status !== 'success')
      return json<ActionData>({ intent, result: submission.reply() }, { status: 400 })
    const result = addTheme(submission.value.name, user.id)
    if (!result.ok)
      return json<ActionData>(
        { intent, result: submission.reply({ fieldErrors: { name: [result.error.message] } }) },
        { status: 400 },
      )
    return redirect('/admin/project?saved=themes#themes')
  }
  if (intent === 'theme-rename') {
    const submission = parseForm(formData, { schema: themeRenameSchema })
    const id = Number(formData.get('id'))
    if (submission.status !== 'success')
      return json<ActionData>({ intent, id, result: submission.reply() }, { status: 400 })
    const result = renameTheme(submission.value.id, submission.value.name, user.id)
    if (!result.ok)
      return json<ActionData>(
        { intent, id, result: submission.reply({ fieldErrors: { name: [result.error.message] } }) },
        { status: 400 },
      )
    return redirect('/admin/project?saved=themes#themes')
  }
  if (intent === 'theme-archive' || intent === 'theme-restore') {
    const parsed = themeArchiveSchema.safeParse(Object.fromEntries(formData))
    invariantResponse(parsed.success, 'bad_request', 400)
    invariantResponse(setThemeArchived(parsed.data.id, intent === 'theme-archive', user.id))
    return redirect(`/admin/project?saved=${intent === 'theme-archive' ? 'archived' : 'restored'}#themes`)
  }
  throw json({ message: 'unknown_intent' }, { status: 400 })
}

const emptyPeriod = { label: '', start: '', end: '' }

export default function ProjectSettings() {
  const { t } = useTranslation('admin')
  const { project, themes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const saved = searchParams.get('saved')

  const [form, fields] = useForm({
    id: 'project',
    lastResult: actionData?.intent === 'project' ? actionData.result : undefined,
    defaultValue: {
      intent: 'project',
      name: project.name,
      acronym: project.acronym ?? '',
      description: project.description ?? '',
      startDate: project.startDate,
      endDate: project.endDate,
      workingLanguages: project.workingLanguages,
      stakeholderEditPolicy: project.stakeholderEditPolicy,
      reportingPeriods: [...project.reportingPeriods, emptyPeriod],
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: projectSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const periods = fields.reportingPeriods.getFieldList()

  return (
    <div className="space-y-8">
      <div className="page-title">
        <h1>{t('project.title')}</h1>
      </div>
      <SavedNotice
        message={
          saved
            ? t(
                saved === 'archived'
                  ? 'common:actions.archived'
                  : saved === 'restored'
                    ? 'common:actions.restored'
                    : 'common:actions.saved',
              )
            : null
        }
      />

      <section className="card" aria-labelledby="project-heading">
        <h2 id="project-heading" className="mb-4 text-lg font-semibold">
          {t('project.general')}
        </h2>
        <FormErrors errors={form.errors} />
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          {/* Enter in a field submits with the first submit button: make it "save", not "remove period". */}
          <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
            {t('common:actions.saveChanges')}
          </button>
          <input type="hidden" name="intent" value="project" />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              className="sm:col-span-2"
              label={t('project.name')}
              {...getInputProps(fields.name, { type: 'text' })}
              errors={fields.name.errors}
            />
            <Field
              label={t('project.acronym')}
              {...getInputProps(fields.acronym, { type: 'text' })}
              errors={fields.acronym.errors}
            />
          </div>
          <TextareaField
            label={t('project.description')}
            {...getTextareaProps(fields.description)}
            errors={fields.description.errors}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t('project.startDate')}
              {...getInputProps(fields.startDate, { type: 'date' })}
              errors={fields.startDate.errors}
            />
            <Field
              label={t('project.endDate')}
              {...getInputProps(fields.endDate, { type: 'date' })}
              errors={fields.endDate.errors}
            />
          </div>

          <fieldset
            aria-describedby={
              fields.workingLanguages.errors ? `${fields.workingLanguages.id}-error` : undefined
            }
          >
            <legend className="label">{t('project.workingLanguages')}</legend>
            <p className="hint mb-2">{t('project.workingLanguagesHint')}</p>
            <div className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-5">
              {getCollectionProps(fields.workingLanguages, {
                type: 'checkbox',
                options: [...languageCodes],
              }).map(({ key, ...props }) => (
                <label key={key} className="flex min-h-[2rem] items-center gap-2 text-sm">
                  <input {...props} className="h-4 w-4" />
                  <span>
                    {t(`common:languages.${props.value}`)}{' '}
                    <span className="text-ink-muted">({props.value})</span>
                  </span>
                </label>
              ))}
            </div>
            <ErrorList id={`${fields.workingLanguages.id}-error`} errors={fields.workingLanguages.errors} />
          </fieldset>

          <SelectField
            label={t('project.stakeholderEditPolicy')}
            hint={t('project.stakeholderEditPolicyHint')}
            {...getSelectProps(fields.stakeholderEditPolicy)}
            options={stakeholderEditPolicies.map((p) => ({ value: p, label: t(`project.policies.${p}`) }))}
            errors={fields.stakeholderEditPolicy.errors}
          />

          <fieldset>
            <legend className="label">{t('project.reportingPeriods')}</legend>
            <p className="hint mb-2">{t('project.reportingPeriodsHint')}</p>
            <ul className="space-y-3">
              {periods.map((period, index) => {
                const p = period.getFieldset()
                return (
                  <li
                    key={period.key}
                    className="grid items-start gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_1fr_auto]"
                  >
                    <Field
                      label={t('project.periodLabel')}
                      {...getInputProps(p.label, { type: 'text' })}
                      errors={p.label.errors}
                    />
                    <Field
                      label={t('project.periodStart')}
                      {...getInputProps(p.start, { type: 'date' })}
                      errors={p.start.errors}
                    />
                    <Field
                      label={t('project.periodEnd')}
                      {...getInputProps(p.end, { type: 'date' })}
                      errors={p.end.errors}
                    />
                    <button
                      className="btn-secondary sm:mt-6"
                      {...form.remove.getButtonProps({ name: fields.reportingPeriods.name, index })}
                      aria-label={t('project.removePeriodNamed', { n: index + 1 })}
                    >
                      {t('project.removePeriod')}
                    </button>
                  </li>
                )
              })}
            </ul>
            <button
              className="btn-secondary mt-2"
              {...form.insert.getButtonProps({
                name: fields.reportingPeriods.name,
                defaultValue: emptyPeriod,
              })}
            >
              {t('project.addPeriod')}
            </button>
          </fieldset>

          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            {t('common:actions.saveChanges')}
          </button>
        </Form>
      </section>

      <section id="themes" className="card" aria-labelledby="themes-heading">
        <h2 id="themes-heading" className="mb-1 text-lg font-semibold">
          {t('themes.title')}
        </h2>
        <p className="hint mb-4">{t('themes.intro')}</p>
        <ul className="divide-y divide-slate-200">
          {themes.map((theme) => (
            <ThemeRow
              key={theme.id}
              theme={theme}
              actionData={
                actionData?.intent === 'theme-rename' && actionData.id === theme.id ? actionData : undefined
              }
            />
          ))}
        </ul>
        <AddTheme actionData={actionData?.intent === 'theme-add' ? actionData : undefined} />
      </section>
    </div>
  )
}

function ThemeRow({
  theme,
  actionData,
}: {
  theme: { id: number; name: string; archivedAt: string | null }
  actionData?: ActionData
}) {
  const { t } = useTranslation('admin')
  const [form, fields] = useForm({
    id: `theme-${theme.id}`,
    lastResult: actionData?.result,
    defaultValue: { name: theme.name },
    onValidate: ({ formData }) => parseForm(formData, { schema: themeRenameSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <li className="flex flex-wrap items-end gap-2 py-3">
      <Form method="post" {...getFormProps(form)} className="flex min-w-0 flex-1 flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="theme-rename" />
        <input type="hidden" name="id" value={theme.id} />
        <Field
          className="min-w-[12rem] flex-1"
          label={t('themes.nameOf', { name: theme.name })}
          {...getInputProps(fields.name, { type: 'text' })}
          errors={fields.name.errors}
        />
        <button type="submit" className="btn-secondary">
          {t('themes.rename')}
        </button>
      </Form>
      {theme.archivedAt ? <StatusBadge tone="neutral">{t('status.archived')}</StatusBadge> : null}
      <Form method="post">
        <input type="hidden" name="id" value={theme.id} />
        <button
          type="submit"
          name="intent"
          value={theme.archivedAt ? 'theme-restore' : 'theme-archive'}
          className="btn-secondary"
        >
          {theme.archivedAt ? t('common:actions.restore') : t('common:actions.archive')}
          <span className="sr-only"> {theme.name}</span>
        </button>
      </Form>
    </li>
  )
}

function AddTheme({ actionData }: { actionData?: ActionData }) {
  const { t } = useTranslation('admin')
  const [form, fields] = useForm({
    id: 'theme-add',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseForm(formData, { schema: themeAddSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4"
    >
      <input type="hidden" name="intent" value="theme-add" />
      <Field
        className="min-w-[12rem] flex-1"
        label={t('themes.new')}
        {...getInputProps(fields.name, { type: 'text' })}
        errors={fields.name.errors}
      />
      <button type="submit" className="btn-primary">
        {t('themes.add')}
      </button>
    </Form>
  )
}
