import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'

import { Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { parseForm } from '~/utils/forms'

type Option = { value: number; label: string; key?: string | null }
export type GroupFilterOptions = {
  categories: Option[]
  partners: Option[]
  themes: Option[]
  stages: readonly string[]
  tiers: readonly string[]
  scales: readonly string[]
}

/** Name, description and the saved register filter of a stakeholder group. */
export function GroupForm({
  schema,
  options,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  schema: z.ZodTypeAny
  options: GroupFilterOptions
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, string | undefined>
  submitLabel: string
}) {
  const { t } = useTranslation('plan')
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'group',
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const any = t('common:list.any')
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
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
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field
            label={t('groups.q')}
            {...getInputProps(fields.q, { type: 'search' })}
            errors={fields.q.errors}
          />
          <SelectField
            label={t('breakdowns.category')}
            {...getSelectProps(fields.category)}
            placeholder={any}
            options={options.categories}
            errors={fields.category.errors}
          />
          <Field
            label={t('groups.country')}
            hint={t('groups.countryHint')}
            {...getInputProps(fields.country, { type: 'text' })}
            maxLength={2}
            errors={fields.country.errors}
          />
          <SelectField
            label={t('groups.stage')}
            {...getSelectProps(fields.stage)}
            placeholder={any}
            options={options.stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            errors={fields.stage.errors}
          />
          <SelectField
            label={t('groups.owner')}
            {...getSelectProps(fields.owner)}
            placeholder={any}
            options={[{ value: 'none', label: t('groups.noOwner') }, ...options.partners]}
            errors={fields.owner.errors}
          />
          <SelectField
            label={t('events.theme')}
            {...getSelectProps(fields.theme)}
            placeholder={any}
            options={options.themes}
            errors={fields.theme.errors}
          />
          <SelectField
            label={t('breakdowns.tier')}
            {...getSelectProps(fields.tier)}
            placeholder={any}
            options={[
              ...options.tiers.map((x) => ({ value: x, label: t('tierLabel', { tier: x }) })),
              { value: 'none', label: t('groups.unscored') },
            ]}
            errors={fields.tier.errors}
          />
          <SelectField
            label={t('groups.scale')}
            {...getSelectProps(fields.scale)}
            placeholder={any}
            options={options.scales.map((s) => ({ value: s, label: t(`scales.${s}`) }))}
            errors={fields.scale.errors}
          />
        </div>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </button>
    </Form>
  )
}
