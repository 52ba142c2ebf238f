import {
  getFormProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'

import { ErrorList, Field, FormErrors, SelectField } from '~/components/forms'
import { parseForm } from '~/utils/forms'

export type TargetFormData = {
  metrics: readonly string[]
  periodKinds: readonly string[]
  quarters: string[]
  reportingPeriods: { label: string }[]
  facets: { breakdown: string; options: { value: string; label: string }[] }[]
}

/** The create/edit form of a target (plain HTML form; all period inputs are shown, the kind decides). */
export function TargetForm({
  schema,
  data,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  schema: z.ZodTypeAny
  data: TargetFormData
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, string>
  submitLabel: string
}) {
  const { t } = useTranslation('plan')
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'target',
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const facetError = fields.facet.errors
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <Field
        label={t('targets.label')}
        hint={t('targets.labelHint')}
        {...getInputProps(fields.label, { type: 'text' })}
        errors={fields.label.errors}
      />
      <SelectField
        label={t('targets.metric')}
        {...getSelectProps(fields.metric)}
        placeholder={t('choose')}
        options={data.metrics.map((m) => ({ value: m, label: t(`metrics.${m}`) }))}
        errors={fields.metric.errors}
      />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{t('targets.period')}</legend>
        <SelectField
          label={t('targets.periodKind')}
          {...getSelectProps(fields.periodKind)}
          options={data.periodKinds.map((k) => ({ value: k, label: t(`periodKinds.${k}`) }))}
          errors={fields.periodKind.errors}
        />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field
            label={t('targets.month')}
            hint={t('targets.monthHint')}
            {...getInputProps(fields.month, { type: 'month' })}
            placeholder="2026-03"
            errors={fields.month.errors}
          />
          <SelectField
            label={t('targets.quarter')}
            hint={t('targets.quarterHint')}
            {...getSelectProps(fields.quarter)}
            placeholder="—"
            options={data.quarters.map((q) => ({ value: q, label: q }))}
            errors={fields.quarter.errors}
          />
          <SelectField
            label={t('targets.reportingPeriod')}
            hint={t('targets.reportingPeriodHint')}
            {...getSelectProps(fields.reportingPeriod)}
            placeholder="—"
            options={data.reportingPeriods.map((p, i) => ({ value: i, label: p.label }))}
            errors={fields.reportingPeriod.errors}
          />
        </div>
      </fieldset>
      <div>
        <label htmlFor={fields.facet.id} className="label">
          {t('targets.facet')}
        </label>
        <select
          {...getSelectProps(fields.facet)}
          className="input"
          aria-invalid={facetError?.length ? true : undefined}
          aria-describedby={facetError?.length ? `${fields.facet.id}-error` : `${fields.facet.id}-hint`}
        >
          <option value="">{t('targets.noFacet')}</option>
          {data.facets.map((g) => (
            <optgroup key={g.breakdown} label={t(`breakdowns.${g.breakdown}`)}>
              {g.options.map((o) => (
                <option key={o.value} value={`${g.breakdown}:${o.value}`}>
                  {g.breakdown === 'language'
                    ? t(`common:languages.${o.value}`, { defaultValue: o.label })
                    : g.breakdown === 'tier'
                      ? t('tierLabel', { tier: o.label })
                      : o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id={`${fields.facet.id}-hint`} className="hint">
          {t('targets.facetHint')}
        </p>
        <ErrorList id={`${fields.facet.id}-error`} errors={facetError} />
      </div>
      <Field
        label={t('targets.value')}
        hint={t('targets.valueHint')}
        {...getInputProps(fields.value, { type: 'number' })}
        min={0}
        step="any"
        inputMode="decimal"
        errors={fields.value.errors}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </button>
    </Form>
  )
}
