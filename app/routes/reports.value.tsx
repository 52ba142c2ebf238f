import { getCollectionProps, getFormProps, getInputProps, getTextareaProps } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { usePlanForm } from '~/components/plan-form'
import { type PageReport, ValueReportArticle } from '~/components/value-report'
import {
  canEditValueReport,
  reportableOutcomes,
  type ReportDocument,
  savedValueReport,
  saveValueReport,
} from '~/models/reports/index.server'
// Values the page renders with come from modules the browser also gets (a .server module is empty there).
import { reportLangs, valueReportFormSchema } from '~/models/reports/schemas'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { renderMarkdown } from '~/utils/markdown.server'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

import { readValueReportRequest, valueReportFor } from './_shared/value-report.server'

export const meta = pageTitle('reports:meta.value')

/** The document with its introduction's Markdown rendered by the plan's sanitiser. */
function forPage(doc: ReportDocument): PageReport {
  return {
    ...doc,
    sections: doc.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) =>
        b.kind === 'markdown' ? { kind: 'html', html: renderMarkdown(b.source) } : b,
      ),
    })),
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const read = await readValueReportRequest(request)
  const canEdit = canEditValueReport(read.user)
  if (!read.ok)
    return json(
      { period: null, values: read.raw, errors: read.errors, report: null, editor: null, saved: false },
      { status: 400 },
    )
  const { from, to, lang } = read.period
  const saved = canEdit ? savedValueReport(from, to) : null
  return json({
    period: read.period,
    values: read.period,
    errors: {} as Record<string, string>,
    report: forPage(valueReportFor(read.period)),
    editor: canEdit
      ? {
          intro: (lang === 'es' ? saved?.introEs : saved?.introEn) ?? '',
          outcomes: reportableOutcomes(from, to),
          picked: saved?.outcomeIds ?? null,
        }
      : null,
    saved: new URL(request.url).searchParams.get('saved') === '1',
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'report:edit')
  const submission = parseForm(await request.formData(), { schema: valueReportFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => saveValueReport(tx, submission.value, user))),
  )
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  const { from, to, lang } = submission.value
  return redirect(`/reports/value?from=${from}&to=${to}&lang=${lang}&saved=1#report-edit`)
}

type Data = SerializeFrom<typeof loader>

export default function ValueReportPage() {
  const { t } = useTranslation('reports')
  const data = useLoaderData<typeof loader>()
  const query = data.period ? `?from=${data.period.from}&to=${data.period.to}&lang=${data.period.lang}` : ''
  return (
    <div className="space-y-6">
      <div className="page-title no-print">
        <h1>{t('title')}</h1>
        {data.period ? (
          <div className="flex flex-wrap gap-2">
            <a className="btn-secondary" href={`/reports/value.docx${query}`} download>
              {t('download.docx')}
            </a>
            <a className="btn-secondary" href={`/reports/value.md${query}`} download>
              {t('download.md')}
            </a>
          </div>
        ) : null}
      </div>
      <p className="text-sm text-ink-muted no-print">
        {t('pageIntro')} {t('printHint')}
      </p>
      <PeriodForm values={data.values} errors={data.errors} />
      {data.report ? <ValueReportArticle report={data.report} /> : null}
      {data.editor && data.period ? (
        <ReportEditor editor={data.editor} period={data.period} saved={data.saved} />
      ) : null}
    </div>
  )
}

/** The period and language: a plain GET form, each wrong value explained next to its field. */
function PeriodForm({ values, errors }: { values: Data['values']; errors: Data['errors'] }) {
  const { t } = useTranslation('reports')
  const monthField = (name: 'from' | 'to') => (
    <Field
      label={t(`period.${name}`)}
      name={name}
      type="month"
      pattern="\d{4}-\d{2}"
      placeholder="YYYY-MM"
      defaultValue={values[name] ?? ''}
      errors={errors[name] ? [errors[name]] : null}
    />
  )
  return (
    <Form method="get" className="card no-print" aria-labelledby="period-legend">
      <h2 id="period-legend" className="label">
        {t('period.legend')}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {monthField('from')}
        {monthField('to')}
        <SelectField
          label={t('period.lang')}
          name="lang"
          defaultValue={values.lang && reportLangs.includes(values.lang as 'en') ? values.lang : 'en'}
          options={reportLangs.map((l) => ({ value: l, label: t(`langs.${l}`) }))}
          errors={errors.lang ? [errors.lang] : null}
        />
        <div className="flex items-end">
          <button type="submit" className="btn-primary">
            {t('period.show')}
          </button>
        </div>
      </div>
    </Form>
  )
}

/** The communications lead's choices for the period: the introduction and the outcomes told. */
function ReportEditor({
  editor,
  period,
  saved,
}: {
  editor: NonNullable<Data['editor']>
  period: NonNullable<Data['period']>
  saved: boolean
}) {
  const { t } = useTranslation('reports')
  const f = useFormat()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const ids = editor.outcomes.map((o) => String(o.id))
  const [form, fields] = usePlanForm(`value-report-${period.from}-${period.to}-${period.lang}`, {
    schema: valueReportFormSchema,
    lastResult,
    defaultValue: {
      ...period,
      intro: editor.intro,
      outcomeIds: editor.picked ? editor.picked.map(String) : ids,
    },
  })
  const titleOf = (id: string) => editor.outcomes.find((o) => String(o.id) === id)
  return (
    <section id="report-edit" aria-labelledby="report-edit-title" className="card space-y-4 no-print">
      <h2 id="report-edit-title">{t('edit.title')}</h2>
      {saved ? (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {t('edit.saved')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormErrors errors={form.errors} />
        <input {...getInputProps(fields.from, { type: 'hidden' })} key={fields.from.key} />
        <input {...getInputProps(fields.to, { type: 'hidden' })} key={fields.to.key} />
        <input {...getInputProps(fields.lang, { type: 'hidden' })} key={fields.lang.key} />
        <ErrorList errors={[fields.from, fields.to, fields.lang].flatMap((field) => field.errors ?? [])} />
        <TextareaField
          label={t('edit.intro', { lang: t(`langs.${period.lang}`) })}
          hint={t('edit.introHint')}
          {...getTextareaProps(fields.intro)}
          key={fields.intro.key}
          rows={8}
          className="font-mono"
          errors={fields.intro.errors}
        />
        <fieldset className="space-y-2">
          <legend className="label">{t('edit.outcomes')}</legend>
          <p className="hint">{t('edit.outcomesHint')}</p>
          {ids.length === 0 ? <p className="text-sm text-ink-muted">{t('edit.noOutcomes')}</p> : null}
          {getCollectionProps(fields.outcomeIds, { type: 'checkbox', options: ids }).map((props) => (
            <label key={props.key} className="flex min-h-[2.75rem] cursor-pointer items-start gap-2">
              <input {...props} key={props.key} className="mt-1 h-5 w-5 shrink-0" />
              <span>
                {titleOf(props.value)?.title}{' '}
                <span className="text-sm text-ink-muted">{f.date(titleOf(props.value)?.date)}</span>
              </span>
            </label>
          ))}
          <ErrorList errors={[...new Set(Object.values(fields.outcomeIds.allErrors).flat())]} />
        </fieldset>
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('edit.save')}
        </button>
      </Form>
    </section>
  )
}
