import { getInputProps, getSelectProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, SelectField } from '~/components/forms'
import { type PlanFields, type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'
import { type TargetFormData } from '~/models/plan/schemas'

export type { TargetFormData }

/** The create/edit form of a target (plain HTML form; all period inputs are shown, the kind decides). */
export function TargetForm({
  data,
  ...props
}: PlanFormProps<Record<string, string>> & { data: TargetFormData }) {
  const { t } = useTranslation('plan')
  const [form, fields] = usePlanForm('target', props)
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel}>
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
      <TargetPeriodFields fields={fields} data={data} />
      <TargetFacetSelect fields={fields} facets={data.facets} />
      <Field
        label={t('targets.value')}
        hint={t('targets.valueHint')}
        {...getInputProps(fields.value, { type: 'number' })}
        min={0}
        step="any"
        inputMode="decimal"
        errors={fields.value.errors}
      />
    </PlanFormShell>
  )
}

/** The period kind and every period input (the kind decides which one counts). */
function TargetPeriodFields({ fields, data }: { fields: PlanFields; data: TargetFormData }) {
  const { t } = useTranslation('plan')
  return (
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
  )
}

/** The facet select: options grouped by breakdown, "none" first. */
function TargetFacetSelect({ fields, facets }: { fields: PlanFields; facets: TargetFormData['facets'] }) {
  const { t } = useTranslation('plan')
  const facet = fields.facet
  const label = (breakdown: string, o: { value: string; label: string }) =>
    breakdown === 'language'
      ? t(`common:languages.${o.value}`, { defaultValue: o.label })
      : breakdown === 'tier'
        ? t('tierLabel', { tier: o.label })
        : o.label
  return (
    <div>
      <label htmlFor={facet.id} className="label">
        {t('targets.facet')}
      </label>
      <select
        {...getSelectProps(facet)}
        className="input"
        aria-invalid={facet.errors?.length ? true : undefined}
        aria-describedby={facet.errors?.length ? `${facet.id}-error` : `${facet.id}-hint`}
      >
        <option value="">{t('targets.noFacet')}</option>
        {facets.map((g) => (
          <optgroup key={g.breakdown} label={t(`breakdowns.${g.breakdown}`)}>
            {g.options.map((o) => (
              <option key={o.value} value={`${g.breakdown}:${o.value}`}>
                {label(g.breakdown, o)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={`${facet.id}-hint`} className="hint">
        {t('targets.facetHint')}
      </p>
      <ErrorList id={`${facet.id}-error`} errors={facet.errors} />
    </div>
  )
}
