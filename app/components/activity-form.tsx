import { getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { Field, SelectField, TextareaField } from '~/components/forms'
import { type PlanFields, type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'
import { type ActivityFormOptions, activityPhaseList } from '~/models/plan/schemas'

export type { ActivityFormOptions }

/** Create/edit form of a planned activity (work plan or an event's plan). */
export function ActivityForm({ options, ...props }: PlanFormProps & { options: ActivityFormOptions }) {
  const { t } = useTranslation('plan')
  const [form, fields] = usePlanForm('activity', props)
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel}>
      <Field
        label={t('workplan.what')}
        {...getInputProps(fields.title, { type: 'text' })}
        errors={fields.title.errors}
      />
      <ActivityChoices fields={fields} options={options} />
      <TextareaField
        label={t('workplan.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
    </PlanFormShell>
  )
}

/** Who, when, how and for which group or event. */
function ActivityChoices({ fields, options }: { fields: PlanFields; options: ActivityFormOptions }) {
  const { t } = useTranslation('plan')
  const named = (o: ActivityFormOptions['types'][number], kind: 'actionTypes' | 'channels') => ({
    value: o.value,
    label: o.key ? t(`${kind}.${o.key}`, { defaultValue: o.label }) : o.label,
  })
  const select = (name: string, label: string, choices: { value: number | string; label: string }[]) => (
    <SelectField
      label={label}
      {...getSelectProps(fields[name])}
      placeholder="—"
      options={choices}
      errors={fields[name].errors}
    />
  )
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {select('partnerId', t('workplan.partner'), options.partners)}
      <Field
        label={t('workplan.due')}
        {...getInputProps(fields.dueDate, { type: 'date' })}
        errors={fields.dueDate.errors}
      />
      {select(
        'typeId',
        t('workplan.type'),
        options.types.map((o) => named(o, 'actionTypes')),
      )}
      {select(
        'channelId',
        t('workplan.channel'),
        options.channels.map((o) => named(o, 'channels')),
      )}
      {select('groupId', t('workplan.group'), options.groups)}
      {select('eventId', t('workplan.event'), options.events)}
      <SelectField
        label={t('workplan.phase')}
        hint={t('workplan.phaseHint')}
        {...getSelectProps(fields.phase)}
        placeholder="—"
        options={activityPhaseList.map((p) => ({ value: p, label: t(`phases.${p}`) }))}
        errors={fields.phase.errors}
      />
    </div>
  )
}
