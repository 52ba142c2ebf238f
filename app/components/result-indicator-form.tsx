import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, SelectField, TextareaField } from '~/components/forms'
import { type PlanFields, type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'
import { outcomeTypes } from '~/models/outcomes/schemas'

/** The definition, baseline, target, source and method of a result indicator or KPI. */
export function ResultIndicatorForm({
  codeLocked,
  ...props
}: PlanFormProps<Record<string, unknown>> & { codeLocked?: boolean }) {
  const { t } = useTranslation('results')
  const [form, fields] = usePlanForm('indicator', props)
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel}>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label={t('indicators.fields.code')}
          {...getInputProps(fields.code, { type: 'text' })}
          readOnly={codeLocked}
          errors={fields.code.errors}
        />
        <Field
          className="sm:col-span-2"
          label={t('indicators.fields.name')}
          {...getInputProps(fields.name, { type: 'text' })}
          errors={fields.name.errors}
        />
      </div>
      <TextareaField
        label={t('indicators.fields.definition')}
        {...getTextareaProps(fields.definition)}
        errors={fields.definition.errors}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('indicators.fields.unit')}
          {...getInputProps(fields.unit, { type: 'text' })}
          errors={fields.unit.errors}
        />
        <Field
          label={t('indicators.fields.source')}
          {...getInputProps(fields.source, { type: 'text' })}
          errors={fields.source.errors}
        />
        <Field
          label={t('indicators.fields.baselineValue')}
          {...getInputProps(fields.baselineValue, { type: 'number' })}
          min={0}
          step="any"
          errors={fields.baselineValue.errors}
        />
        <Field
          label={t('indicators.fields.baselineDate')}
          {...getInputProps(fields.baselineDate, { type: 'date' })}
          errors={fields.baselineDate.errors}
        />
        <Field
          label={t('indicators.fields.target')}
          {...getInputProps(fields.target, { type: 'number' })}
          min={0}
          step="any"
          errors={fields.target.errors}
        />
        <SelectField
          label={t('indicators.fields.method')}
          {...getSelectProps(fields.method)}
          options={[
            { value: 'computed', label: t('indicators.methodChoice.computed') },
            { value: 'entered', label: t('indicators.methodChoice.entered') },
          ]}
          errors={fields.method.errors}
        />
        <SelectField
          label={t('indicators.fields.counts')}
          {...getSelectProps(fields.counts)}
          options={[
            { value: 'organisations', label: t('indicators.countsChoice.organisations') },
            { value: 'outcomes', label: t('indicators.countsChoice.outcomes') },
          ]}
          errors={fields.counts.errors}
        />
      </div>
      <OutcomeTypeChoice fields={fields} />
    </PlanFormShell>
  )
}

/** Which outcome kinds a computed indicator counts. */
function OutcomeTypeChoice({ fields }: { fields: PlanFields }) {
  const { t } = useTranslation('results')
  return (
    <fieldset className="space-y-1">
      <legend className="label">{t('indicators.fields.outcomeTypes')}</legend>
      <ul className="grid gap-1 sm:grid-cols-2">
        {getCollectionProps(fields.outcomeTypes, { type: 'checkbox', options: [...outcomeTypes] }).map(
          ({ key, ...p }) => (
            <li key={key}>
              <label className="flex items-center gap-2 text-sm">
                <input {...p} className="h-5 w-5" />
                {t(`types.${p.value}`)}
              </label>
            </li>
          ),
        )}
      </ul>
      <ErrorList errors={fields.outcomeTypes.errors} />
    </fieldset>
  )
}
