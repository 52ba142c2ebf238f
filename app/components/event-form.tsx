import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, SelectField, TextareaField } from '~/components/forms'
import { type PlanFields, type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'
import { type EventFormOptions } from '~/models/events/schemas'

type Props = PlanFormProps<Record<string, unknown>> & { kinds: readonly string[]; options: EventFormOptions }

/** Create/edit form of an event and its own communication plan. */
export function EventForm({ kinds, options, ...props }: Props) {
  const { t } = useTranslation('plan')
  const [form, fields] = usePlanForm('event', props)
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('events.kind')}
          {...getSelectProps(fields.kind)}
          placeholder={t('choose')}
          options={kinds.map((k) => ({ value: k, label: t(`eventKinds.${k}`) }))}
          errors={fields.kind.errors}
        />
        <SelectField
          label={t('events.theme')}
          {...getSelectProps(fields.themeId)}
          placeholder="—"
          options={options.themes}
          errors={fields.themeId.errors}
        />
      </div>
      <Field
        label={t('events.eventTitle')}
        {...getInputProps(fields.title, { type: 'text' })}
        errors={fields.title.errors}
      />
      <EventWhenWhere fields={fields} partners={options.partners} />
      <TextareaField
        label={t('events.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
      <EventPlanFields fields={fields} groups={options.groups} />
    </PlanFormShell>
  )
}

/** Dates, place, online and cross-border, host and the numbers. */
function EventWhenWhere({
  fields,
  partners,
}: {
  fields: PlanFields
  partners: EventFormOptions['partners']
}) {
  const { t } = useTranslation('plan')
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label={t('events.startDate')}
        {...getInputProps(fields.startDate, { type: 'date' })}
        errors={fields.startDate.errors}
      />
      <Field
        label={t('events.endDate')}
        hint={t('events.endDateHint')}
        {...getInputProps(fields.endDate, { type: 'date' })}
        errors={fields.endDate.errors}
      />
      <Field
        label={t('events.place')}
        {...getInputProps(fields.place, { type: 'text' })}
        errors={fields.place.errors}
      />
      <div className="flex flex-col justify-end gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input {...getInputProps(fields.online, { type: 'checkbox' })} className="h-5 w-5" />
          {t('events.online')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input {...getInputProps(fields.crossBorder, { type: 'checkbox' })} className="h-5 w-5" />
          {t('events.crossBorder')}
        </label>
      </div>
      <SelectField
        label={t('events.host')}
        {...getSelectProps(fields.hostPartnerId)}
        placeholder="—"
        options={partners}
        errors={fields.hostPartnerId.errors}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t('events.registrations')}
          {...getInputProps(fields.registrations, { type: 'number' })}
          min={0}
          inputMode="numeric"
          errors={fields.registrations.errors}
        />
        <Field
          label={t('events.attendance')}
          {...getInputProps(fields.attendance, { type: 'number' })}
          min={0}
          inputMode="numeric"
          errors={fields.attendance.errors}
        />
      </div>
    </div>
  )
}

/** The event's own plan: target groups, key messages and notes. */
function EventPlanFields({ fields, groups }: { fields: PlanFields; groups: EventFormOptions['groups'] }) {
  const { t } = useTranslation('plan')
  const groupLabel = new Map(groups.map((g) => [String(g.value), g.label]))
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{t('events.plan')}</legend>
      <div>
        <p className="label" id="target-groups-label">
          {t('events.targetGroups')}
        </p>
        {groups.length === 0 ? <p className="hint">{t('events.noGroups')}</p> : null}
        <ul aria-labelledby="target-groups-label" className="grid gap-1 sm:grid-cols-2">
          {getCollectionProps(fields.planTargetGroupIds, {
            type: 'checkbox',
            options: groups.map((g) => String(g.value)),
          }).map(({ key, ...props }) => (
            <li key={key}>
              <label className="flex items-center gap-2 text-sm">
                <input {...props} className="h-5 w-5" />
                {groupLabel.get(props.value)}
              </label>
            </li>
          ))}
        </ul>
        <ErrorList id={`${fields.planTargetGroupIds.id}-error`} errors={fields.planTargetGroupIds.errors} />
      </div>
      <TextareaField
        label={t('events.messages')}
        hint={t('markdownHint')}
        {...getTextareaProps(fields.planMessages)}
        errors={fields.planMessages.errors}
      />
      <TextareaField
        label={t('events.notes')}
        hint={t('markdownHint')}
        {...getTextareaProps(fields.planNotes)}
        errors={fields.planNotes.errors}
      />
    </fieldset>
  )
}
