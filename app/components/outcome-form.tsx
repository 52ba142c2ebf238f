import { getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, SelectField, TextareaField } from '~/components/forms'
import { type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'
import { type PickerOption, StakeholderPicker } from '~/components/stakeholder-picker'
import { outcomeTypes } from '~/models/outcomes/schemas'

type Option = { value: number; label: string }
export type OutcomeFormOptions = { partners: Option[]; actions: Option[]; events: Option[] }

type Props = PlanFormProps<Record<string, unknown>> & {
  options: OutcomeFormOptions
  canChoosePartner: boolean
  stakeholders: { options: PickerOption[]; results?: PickerOption[]; query?: string }
}

const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)])

/** A multiple select of linked records (actions or events), readable without JavaScript. */
function LinkSelect({
  name,
  label,
  hint,
  options,
  chosen,
  errors,
}: {
  name: string
  label: string
  hint: string
  options: Option[]
  chosen: string[]
  errors?: string[]
}) {
  const id = `outcome-${name}`
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        multiple
        size={Math.min(8, Math.max(3, options.length))}
        defaultValue={chosen}
        className="input"
        aria-describedby={`${id}-hint`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <ErrorList errors={errors} />
    </div>
  )
}

/** Create/edit form of an outcome: what changed, when, its evidence, who was involved and what fed it. */
export function OutcomeForm({ options, canChoosePartner, stakeholders, ...props }: Props) {
  const { t } = useTranslation('results')
  const [form, fields] = usePlanForm('outcome', props)
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('fields.type')}
          {...getSelectProps(fields.type)}
          placeholder={t('choose')}
          options={outcomeTypes.map((k) => ({ value: k, label: t(`types.${k}`) }))}
          errors={fields.type.errors}
        />
        <Field
          label={t('fields.date')}
          {...getInputProps(fields.date, { type: 'date' })}
          errors={fields.date.errors}
        />
      </div>
      <Field
        label={t('fields.title')}
        {...getInputProps(fields.title, { type: 'text' })}
        errors={fields.title.errors}
      />
      <TextareaField
        label={t('fields.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
      <Field
        label={t('fields.evidenceUrl')}
        hint={t('fields.evidenceUrlHint')}
        {...getInputProps(fields.evidenceUrl, { type: 'url' })}
        errors={fields.evidenceUrl.errors}
      />
      {canChoosePartner ? (
        <SelectField
          label={t('fields.partner')}
          {...getSelectProps(fields.partnerId)}
          placeholder={t('choose')}
          options={options.partners}
          errors={fields.partnerId.errors}
        />
      ) : null}
      <div key={fields.stakeholderIds.key}>
        <StakeholderPicker
          name={fields.stakeholderIds.name}
          label={t('fields.stakeholders')}
          selectedIds={asList(fields.stakeholderIds.initialValue)}
          options={stakeholders.options}
          results={stakeholders.results}
          query={stakeholders.query}
          searchIntent={{ name: 'intent', value: 'searchStakeholders' }}
        />
        <ErrorList errors={fields.stakeholderIds.errors} />
      </div>
      <LinkSelect
        name="actionIds"
        label={t('fields.actions')}
        hint={t('fields.multiHint')}
        options={options.actions}
        chosen={asList(fields.actionIds.initialValue)}
        errors={fields.actionIds.errors}
      />
      <LinkSelect
        name="eventIds"
        label={t('fields.events')}
        hint={t('fields.multiHint')}
        options={options.events}
        chosen={asList(fields.eventIds.initialValue)}
        errors={fields.eventIds.errors}
      />
    </PlanFormShell>
  )
}
