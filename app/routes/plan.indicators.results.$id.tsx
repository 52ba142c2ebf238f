import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { Field, TextareaField } from '~/components/forms'
import { usePlanForm } from '~/components/plan-form'
import { PlanNav } from '~/components/plan-nav'
import { ResultIndicatorCard } from '~/components/result-indicator'
import { ResultIndicatorForm } from '~/components/result-indicator-form'
import {
  addIndicatorValue,
  archiveIndicatorValue,
  canEditIndicators,
  getResultIndicator,
  indicatorFigure,
  indicatorFormSchema,
  indicatorValueSchema,
  updateIndicator,
} from '~/models/outcomes/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('results:indicators.title')

const idOf = (param: string | undefined) => {
  const id = Number(param)
  invariantResponse(Number.isInteger(id) && id > 0)
  const indicator = getResultIndicator(id)
  invariantResponse(indicator)
  return indicator
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const indicator = idOf(params.id)
  const str = (v: number | string | null) => (v === null ? undefined : String(v))
  return json({
    fig: indicatorFigure(indicator),
    canEdit: canEditIndicators(user),
    values: {
      code: indicator.code,
      name: indicator.name,
      definition: indicator.definition,
      unit: indicator.unit,
      baselineValue: String(indicator.baselineValue),
      baselineDate: str(indicator.baselineDate),
      target: str(indicator.target),
      source: str(indicator.source),
      method: indicator.method,
      counts: indicator.counts,
      outcomeTypes: indicator.outcomeTypes,
    },
  })
}

const archiveSchema = z.object({ valueId: z.coerce.number().int().positive() })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const { id } = idOf(params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = redirect(`/plan/indicators/results/${id}`)
  if (intent === 'archiveValue') {
    const parsed = archiveSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return json({ form: 'archive', result: null }, { status: 400 })
    orForbidden(() => db.transaction((tx) => archiveIndicatorValue(tx, id, parsed.data.valueId, user)))
    return back
  }
  if (intent === 'addValue') {
    const submission = parseForm(formData, { schema: indicatorValueSchema })
    if (submission.status !== 'success')
      return json({ form: 'value', result: submission.reply() }, { status: 400 })
    orForbidden(() => db.transaction((tx) => addIndicatorValue(tx, id, submission.value, user)))
    return back
  }
  const submission = parseForm(formData, { schema: indicatorFormSchema })
  if (submission.status !== 'success')
    return json({ form: 'indicator', result: submission.reply() }, { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => updateIndicator(tx, id, submission.value, user))),
  )
  if (!result.ok)
    return json(
      { form: 'indicator', result: submission.reply({ fieldErrors: result.fieldErrors }) },
      { status: 400 },
    )
  return back
}

/** Enter a value at a date with its evidence (a link or a note). */
function ValueForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation('results')
  const [form, fields] = usePlanForm('indicator-value', { schema: indicatorValueSchema, lastResult })
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3 no-print">
      <h2>{t('indicators.addValue')}</h2>
      <input type="hidden" name="intent" value="addValue" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t('indicators.fields.date')}
          {...getInputProps(fields.date, { type: 'date' })}
          errors={fields.date.errors}
        />
        <Field
          label={t('indicators.value')}
          {...getInputProps(fields.value, { type: 'number' })}
          min={0}
          step="any"
          errors={fields.value.errors}
        />
      </div>
      <Field
        label={t('indicators.fields.evidenceUrl')}
        {...getInputProps(fields.evidenceUrl, { type: 'url' })}
        errors={fields.evidenceUrl.errors}
      />
      <TextareaField
        label={t('indicators.fields.note')}
        {...getTextareaProps(fields.note)}
        errors={fields.note.errors}
      />
      <button type="submit" className="btn-primary">
        {t('indicators.addValue')}
      </button>
    </Form>
  )
}

export default function ResultIndicatorPage() {
  const { t } = useTranslation('results')
  const { fig, canEdit, values } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{fig.indicator.code}</h1>
        <Link to="/plan/indicators/results" className="btn-secondary">
          {t('indicators.all')}
        </Link>
      </div>
      <PlanNav current="indicators" />
      <ResultIndicatorCard fig={fig} recordsShown={1000} />
      {canEdit && fig.indicator.method === 'entered' ? (
        <>
          <ValueForm lastResult={data?.form === 'value' ? data.result : undefined} />
          {fig.values.length ? (
            <ul className="card space-y-1 text-sm no-print">
              {fig.values.map((v) => (
                <li key={v.id}>
                  <Form method="post" className="flex flex-wrap items-center gap-2">
                    <span>
                      {v.date}: {v.value}
                    </span>
                    <input type="hidden" name="intent" value="archiveValue" />
                    <input type="hidden" name="valueId" value={v.id} />
                    <button type="submit" className="btn-secondary text-sm">
                      {t('indicators.removeValue')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {canEdit ? (
        <section className="space-y-2 no-print" aria-labelledby="edit-indicator">
          <h2 id="edit-indicator">{t('indicators.edit')}</h2>
          <ResultIndicatorForm
            schema={indicatorFormSchema}
            lastResult={data?.form === 'indicator' ? data.result : undefined}
            defaultValue={values}
            codeLocked={fig.indicator.kind === 'programme'}
            submitLabel={t('common:actions.saveChanges')}
          />
        </section>
      ) : null}
    </div>
  )
}
