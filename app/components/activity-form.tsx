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
export type ActivityFormOptions = {
  partners: Option[]
  groups: Option[]
  types: Option[]
  channels: Option[]
  events: Option[]
}

/** Create/edit form of a planned activity (work plan or an event's plan). */
export function ActivityForm({
  schema,
  options,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  schema: z.ZodTypeAny
  options: ActivityFormOptions
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, string | undefined>
  submitLabel: string
}) {
  const { t } = useTranslation('plan')
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'activity',
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const named = (o: Option, kind: 'types' | 'channels') => ({
    value: o.value,
    label: o.key
      ? t(`${kind === 'types' ? 'actionTypes' : 'channels'}.${o.key}`, { defaultValue: o.label })
      : o.label,
  })
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <Field
        label={t('workplan.what')}
        {...getInputProps(fields.title, { type: 'text' })}
        errors={fields.title.errors}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('workplan.partner')}
          {...getSelectProps(fields.partnerId)}
          placeholder="—"
          options={options.partners}
          errors={fields.partnerId.errors}
        />
        <Field
          label={t('workplan.due')}
          {...getInputProps(fields.dueDate, { type: 'date' })}
          errors={fields.dueDate.errors}
        />
        <SelectField
          label={t('workplan.type')}
          {...getSelectProps(fields.typeId)}
          placeholder="—"
          options={options.types.map((o) => named(o, 'types'))}
          errors={fields.typeId.errors}
        />
        <SelectField
          label={t('workplan.channel')}
          {...getSelectProps(fields.channelId)}
          placeholder="—"
          options={options.channels.map((o) => named(o, 'channels'))}
          errors={fields.channelId.errors}
        />
        <SelectField
          label={t('workplan.group')}
          {...getSelectProps(fields.groupId)}
          placeholder="—"
          options={options.groups}
          errors={fields.groupId.errors}
        />
        <SelectField
          label={t('workplan.event')}
          {...getSelectProps(fields.eventId)}
          placeholder="—"
          options={options.events}
          errors={fields.eventId.errors}
        />
        <SelectField
          label={t('workplan.phase')}
          hint={t('workplan.phaseHint')}
          {...getSelectProps(fields.phase)}
          placeholder="—"
          options={(['before', 'during', 'after'] as const).map((p) => ({
            value: p,
            label: t(`phases.${p}`),
          }))}
          errors={fields.phase.errors}
        />
      </div>
      <TextareaField
        label={t('workplan.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </button>
    </Form>
  )
}
