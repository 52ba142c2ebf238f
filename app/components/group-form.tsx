import { getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { Field, SelectField, TextareaField } from '~/components/forms'
import { type PlanFields, type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'
import { type GroupFilterOptions } from '~/models/plan/schemas'

export type { GroupFilterOptions }

/** Name, description and the saved register filter of a stakeholder group. */
export function GroupForm({ options, ...props }: PlanFormProps & { options: GroupFilterOptions }) {
  const { t } = useTranslation('plan')
  const [form, fields] = usePlanForm('group', props)
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel}>
      <Field
        label={t('groups.name')}
        {...getInputProps(fields.name, { type: 'text' })}
        errors={fields.name.errors}
      />
      <TextareaField
        label={t('groups.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t('groups.filter')}</legend>
        <p className="hint">{t('groups.filterHint')}</p>
        <GroupFilterFields fields={fields} options={options} />
      </fieldset>
    </PlanFormShell>
  )
}

/** The register's filters, each with "any" first. */
function GroupFilterFields({ fields, options }: { fields: PlanFields; options: GroupFilterOptions }) {
  const { t } = useTranslation('plan')
  const any = t('common:list.any')
  const select = (name: string, label: string, choices: { value: number | string; label: string }[]) => (
    <SelectField
      label={label}
      {...getSelectProps(fields[name])}
      placeholder={any}
      options={choices}
      errors={fields[name].errors}
    />
  )
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field
        label={t('groups.q')}
        {...getInputProps(fields.q, { type: 'search' })}
        errors={fields.q.errors}
      />
      {select('category', t('breakdowns.category'), options.categories)}
      <Field
        label={t('groups.country')}
        hint={t('groups.countryHint')}
        {...getInputProps(fields.country, { type: 'text' })}
        maxLength={2}
        errors={fields.country.errors}
      />
      {select(
        'stage',
        t('groups.stage'),
        options.stages.map((s) => ({ value: s, label: t(`stages.${s}`) })),
      )}
      {select('owner', t('groups.owner'), [
        { value: 'none', label: t('groups.noOwner') },
        ...options.partners,
      ])}
      {select('theme', t('events.theme'), options.themes)}
      {select('tier', t('breakdowns.tier'), [
        ...options.tiers.map((x) => ({ value: x, label: t('tierLabel', { tier: x }) })),
        { value: 'none', label: t('groups.unscored') },
      ])}
      {select(
        'scale',
        t('groups.scale'),
        options.scales.map((s) => ({ value: s, label: t(`scales.${s}`) })),
      )}
    </div>
  )
}
