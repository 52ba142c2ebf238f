import { getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { Field, SelectField, TextareaField } from '~/components/forms'
import { type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'
import { ideaColumnList } from '~/models/ideas/schemas'

/** Post or edit a proposal: which column, the idea in a sentence, details. */
export function IdeaForm(props: PlanFormProps) {
  const { t } = useTranslation('ideas')
  const [form, fields] = usePlanForm('idea', props)
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel}>
      <SelectField
        label={t('fields.column')}
        {...getSelectProps(fields.column)}
        placeholder={t('plan:choose')}
        options={ideaColumnList.map((c) => ({ value: c, label: t(`columns.${c}`) }))}
        errors={fields.column.errors}
      />
      <Field
        label={t('fields.title')}
        hint={t('fields.titleHint')}
        {...getInputProps(fields.title, { type: 'text' })}
        errors={fields.title.errors}
      />
      <TextareaField
        label={t('fields.body')}
        hint={t('fields.bodyHint')}
        {...getTextareaProps(fields.body)}
        rows={5}
        errors={fields.body.errors}
      />
    </PlanFormShell>
  )
}
