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
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { stakeholderEditPolicies } from '#db/schema/core'
import { SavedNotice } from '~/components/admin'
import { ThemesSection } from '~/components/admin-themes'
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { LeagueSwitch } from '~/components/league'
import { PageHeader } from '~/components/list'
import {
  addTheme,
  listThemes,
  renameTheme,
  setThemeArchived,
  updateProjectSettings,
} from '~/models/admin/index.server'
import { getProject } from '~/models/admin/index.server'
import {
  languageCodes,
  projectSchema,
  themeAddSchema,
  themeArchiveSchema,
  themeRenameSchema,
} from '~/models/admin/schemas'
import { leagueEnabled, setLeagueEnabled } from '~/models/league/index.server'
import { canManageLeague } from '~/models/league/policy'
import { leagueSwitchSchema } from '~/models/league/schemas'
import { forbidden, invariantResponse, orForbidden, requireUser } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { can } from '~/utils/permissions'

export const meta = pageTitle('admin:meta.project')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  // The communications lead comes here for the partner league's switch only.
  const administers = can(user, 'admin:manage')
  if (!administers && !canManageLeague(user)) throw forbidden()
  const project = administers ? getProject() : null
  if (administers) invariantResponse(project)
  return json({
    project,
    themes: administers ? listThemes() : [],
    league: { enabled: leagueEnabled(), canManage: canManageLeague(user) },
  })
}

type ActionData = { intent: string; id?: number; result: SubmissionResult<string[]> }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  if (intent === 'league') {
    const parsed = leagueSwitchSchema.safeParse(Object.fromEntries(formData))
    invariantResponse(parsed.success, 'bad_request', 400)
    orForbidden(() => db.transaction((tx) => setLeagueEnabled(tx, parsed.data.leagueEnabled, user)))
    return redirect('/admin/project?saved=league#league')
  }
  if (!can(user, 'admin:manage')) throw forbidden()

  if (intent === 'project') {
    const submission = parseForm(formData, { schema: projectSchema })
    if (submission.status !== 'success')
      return json<ActionData>({ intent, result: submission.reply() }, { status: 400 })
    orForbidden(() => updateProjectSettings(submission.value, user))
    return redirect('/admin/project?saved=project')
  }
  if (intent === 'theme-add') {
    const submission = parseForm(formData, { schema: themeAddSchema })
    if (submission.status !== 'success')
      return json<ActionData>({ intent, result: submission.reply() }, { status: 400 })
    const result = orForbidden(() => addTheme(submission.value.name, user))
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
    const result = orForbidden(() => renameTheme(submission.value.id, submission.value.name, user))
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
    invariantResponse(orForbidden(() => setThemeArchived(parsed.data.id, intent === 'theme-archive', user)))
    return redirect(`/admin/project?saved=${intent === 'theme-archive' ? 'archived' : 'restored'}#themes`)
  }
  throw json({ message: 'unknown_intent' }, { status: 400 })
}

const emptyPeriod = { label: '', start: '', end: '' }

type LoadedProject = NonNullable<SerializeFrom<typeof loader>['project']>

function useProjectForm(project: LoadedProject, actionData: ActionData | undefined) {
  return useForm({
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
}

type ProjectForm = ReturnType<typeof useProjectForm>[0]
type ProjectFields = ReturnType<typeof useProjectForm>[1]

function savedKey(saved: string) {
  if (saved === 'archived') return 'common:actions.archived'
  if (saved === 'restored') return 'common:actions.restored'
  if (saved === 'league') return 'league:admin.saved'
  return 'common:actions.saved'
}

/** Name, acronym, description and dates. */
function GeneralFields({ fields }: { fields: ProjectFields }) {
  const { t } = useTranslation('admin')
  return (
    <>
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
    </>
  )
}

function WorkingLanguages({ field }: { field: ProjectFields['workingLanguages'] }) {
  const { t } = useTranslation('admin')
  return (
    <fieldset aria-describedby={field.errors ? `${field.id}-error` : undefined}>
      <legend className="label">{t('project.workingLanguages')}</legend>
      <p className="hint mb-2">{t('project.workingLanguagesHint')}</p>
      <div className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-5">
        {getCollectionProps(field, {
          type: 'checkbox',
          options: [...languageCodes],
        }).map(({ key, ...props }) => (
          <label key={key} className="flex min-h-[2rem] items-center gap-2 text-sm">
            <input {...props} className="h-4 w-4" />
            <span>
              {t(`common:languages.${props.value}`)} <span className="text-ink-muted">({props.value})</span>
            </span>
          </label>
        ))}
      </div>
      <ErrorList id={`${field.id}-error`} errors={field.errors} />
    </fieldset>
  )
}

/** The reporting periods, one row each, with an empty row to add one. */
function ReportingPeriods({ form, fields }: { form: ProjectForm; fields: ProjectFields }) {
  const { t } = useTranslation('admin')
  const periods = fields.reportingPeriods.getFieldList()
  return (
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
  )
}

export default function ProjectSettings() {
  const { t } = useTranslation('admin')
  const { project, themes, league } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const [searchParams] = useSearchParams()
  const saved = searchParams.get('saved')

  return (
    <div className="space-y-8">
      <PageHeader title={t('project.title')} />
      <SavedNotice message={saved ? t(savedKey(saved)) : null} />
      {project ? <GeneralSection project={project} actionData={actionData} /> : null}
      {league.canManage ? <LeagueSwitch enabled={league.enabled} /> : null}
      {project ? <ThemesSection themes={themes} actionData={actionData} /> : null}
    </div>
  )
}

function GeneralSection({
  project,
  actionData,
}: {
  project: LoadedProject
  actionData: ActionData | undefined
}) {
  const { t } = useTranslation('admin')
  const navigation = useNavigation()
  const [form, fields] = useProjectForm(project, actionData)
  return (
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
        <GeneralFields fields={fields} />

        <WorkingLanguages field={fields.workingLanguages} />

        <SelectField
          label={t('project.stakeholderEditPolicy')}
          hint={t('project.stakeholderEditPolicyHint')}
          {...getSelectProps(fields.stakeholderEditPolicy)}
          options={stakeholderEditPolicies.map((p) => ({ value: p, label: t(`project.policies.${p}`) }))}
          errors={fields.stakeholderEditPolicy.errors}
        />

        <ReportingPeriods form={form} fields={fields} />

        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('common:actions.saveChanges')}
        </button>
      </Form>
    </section>
  )
}
