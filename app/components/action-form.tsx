import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { type PickerOption, StakeholderPicker } from '~/components/stakeholder-picker'
import { actionFormSchema, isRealDate } from '~/models/action-form'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'

type Entry = { id: number; key: string | null; name: string; labelKey: string | null }

export type ActionFormOptions = {
  types: Entry[]
  channels: Entry[]
  partners: { id: number; name: string }[]
  themes: { id: number; name: string }[]
  events: { id: number; title: string; startDate: string }[]
  activities: { id: number; title: string; dueDate: string }[]
  materials: { id: number; title: string; language: string }[]
  languages: string[]
}

export type ActionFormDefaults = {
  typeId?: number | string | null
  date?: string
  title?: string
  channelId?: number | string | null
  partnerId?: number | string | null
  languages?: string[]
  participants?: number | null
  onlineReach?: number | null
  engagements?: number | null
  evidenceUrl?: string | null
  stakeholderIds?: (number | string)[]
  themeIds?: (number | string)[]
  eventId?: number | null
  activityId?: number | null
  materialId?: number | null
  description?: string | null
}

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v))

function toDefaultValue(d: ActionFormDefaults) {
  return {
    typeId: str(d.typeId),
    date: d.date,
    title: d.title ?? undefined,
    channelId: str(d.channelId),
    partnerId: str(d.partnerId),
    languages: d.languages ?? [],
    participants: str(d.participants),
    onlineReach: str(d.onlineReach),
    engagements: str(d.engagements),
    evidenceUrl: d.evidenceUrl ?? undefined,
    stakeholderIds: (d.stakeholderIds ?? []).map(String),
    themeIds: (d.themeIds ?? []).map(String),
    eventId: str(d.eventId),
    activityId: str(d.activityId),
    materialId: str(d.materialId),
    description: d.description ?? undefined,
  }
}

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)]

/**
 * The quick action form, used by /actions/new and /actions/:id/edit. Type, date and title come
 * first (the only required fields); everything else is optional. Plain HTML form: it works
 * without JavaScript, and each error appears next to its field with every value kept.
 */
export function ActionForm({
  lastResult,
  defaults,
  options,
  canChoosePartner,
  stakeholderOptions,
  stakeholderResults,
  stakeholderQuery,
  mode,
  canDraft,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaults: ActionFormDefaults
  options: ActionFormOptions
  canChoosePartner: boolean
  stakeholderOptions: PickerOption[]
  stakeholderResults?: PickerOption[]
  stakeholderQuery?: string
  mode: 'new' | 'edit'
  /** Edit mode: whether the action can still be sent for validation (draft or returned). */
  canDraft?: boolean
}) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const [form, fields] = useForm({
    lastResult,
    defaultValue: toDefaultValue(defaults),
    onValidate: ({ formData }) => parseForm(formData, { schema: actionFormSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const label = (e: Entry) => (e.labelKey ? t(e.labelKey) : e.name)
  const languages = [...new Set([...options.languages, ...asList(fields.languages.initialValue)])]
  const chosenStakeholders = asList(fields.stakeholderIds.initialValue)
  // An impossible date (typed where there is no date picker) comes back as typed, in a text box,
  // since a date input would silently empty it.
  const dateValue = fields.date.value ?? fields.date.initialValue
  const dateAsText =
    !!fields.date.errors?.length &&
    typeof dateValue === 'string' &&
    dateValue !== '' &&
    !isRealDate(dateValue)

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      {/* Enter in a text field saves (the first submit button is the default one), never the stakeholder search. */}
      <button
        type="submit"
        name="intent"
        value="submit"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
      />
      <FormErrors errors={form.errors} />
      {/* The three required fields first. */}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={<Required>{t('fields.typeId')}</Required>}
          {...getSelectProps(fields.typeId)}
          placeholder={t('choose')}
          options={options.types.map((e) => ({ value: e.id, label: label(e) }))}
          errors={fields.typeId.errors}
          className="sm:col-span-1"
        />
        <Field
          label={<Required>{t('fields.date')}</Required>}
          {...getInputProps(fields.date, { type: dateAsText ? 'text' : 'date' })}
          errors={fields.date.errors}
        />
      </div>
      <Field
        label={<Required>{t('fields.title')}</Required>}
        {...getInputProps(fields.title, { type: 'text' })}
        placeholder={t('fields.titlePlaceholder')}
        errors={fields.title.errors}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('fields.channelId')}
          {...getSelectProps(fields.channelId)}
          placeholder={t('none')}
          options={options.channels.map((e) => ({ value: e.id, label: label(e) }))}
          errors={fields.channelId.errors}
        />
        {canChoosePartner ? (
          <SelectField
            label={t('fields.partnerId')}
            {...getSelectProps(fields.partnerId)}
            placeholder={t('choose')}
            options={options.partners.map((p) => ({ value: p.id, label: p.name }))}
            errors={fields.partnerId.errors}
          />
        ) : (
          <input {...getInputProps(fields.partnerId, { type: 'hidden' })} />
        )}
      </div>

      <fieldset>
        <legend className="label">{t('fields.languages')}</legend>
        <div className="flex flex-wrap gap-2">
          {getCollectionProps(fields.languages, { type: 'checkbox', options: languages }).map((props) => (
            <label
              key={props.key}
              className="flex min-h-[2.75rem] cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input {...props} key={props.key} className="h-5 w-5" />
              <span lang={props.value}>
                {t(`common:languages.${props.value}`, { defaultValue: props.value })}
              </span>
            </label>
          ))}
        </div>
        <ErrorList errors={fields.languages.errors} />
      </fieldset>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field
          label={t('fields.participants')}
          {...getInputProps(fields.participants, { type: 'number' })}
          min={0}
          step={1}
          inputMode="numeric"
          errors={fields.participants.errors}
        />
        <Field
          label={t('fields.onlineReach')}
          {...getInputProps(fields.onlineReach, { type: 'number' })}
          min={0}
          step={1}
          inputMode="numeric"
          errors={fields.onlineReach.errors}
        />
        <Field
          label={t('fields.engagements')}
          {...getInputProps(fields.engagements, { type: 'number' })}
          min={0}
          step={1}
          inputMode="numeric"
          errors={fields.engagements.errors}
        />
      </div>
      <Field
        label={t('fields.evidenceUrl')}
        hint={t('fields.evidenceHint')}
        {...getInputProps(fields.evidenceUrl, { type: 'url' })}
        placeholder="https://"
        inputMode="url"
        errors={fields.evidenceUrl.errors}
      />

      <div key={fields.stakeholderIds.key}>
        <StakeholderPicker
          name={fields.stakeholderIds.name}
          label={t('fields.stakeholderIds')}
          selectedIds={chosenStakeholders}
          options={stakeholderOptions}
          results={stakeholderResults}
          query={stakeholderQuery}
          searchIntent={{ name: 'intent', value: 'searchStakeholders' }}
        />
        <ErrorList errors={fields.stakeholderIds.errors} />
      </div>

      {options.themes.length ? (
        <fieldset>
          <legend className="label">{t('fields.themeIds')}</legend>
          <div className="flex flex-wrap gap-2">
            {getCollectionProps(fields.themeIds, {
              type: 'checkbox',
              options: options.themes.map((th) => String(th.id)),
            }).map((props) => (
              <label
                key={props.key}
                className="flex min-h-[2.75rem] cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
              >
                <input {...props} key={props.key} className="h-5 w-5" />
                <span>{options.themes.find((th) => String(th.id) === props.value)?.name}</span>
              </label>
            ))}
          </div>
          <ErrorList errors={fields.themeIds.errors} />
        </fieldset>
      ) : null}

      {options.events.length || options.activities.length || options.materials.length ? (
        <div className="grid gap-4 sm:grid-cols-3">
          {options.events.length ? (
            <SelectField
              label={t('fields.eventId')}
              {...getSelectProps(fields.eventId)}
              placeholder={t('none')}
              options={options.events.map((e) => ({
                value: e.id,
                label: `${e.title} (${f.date(e.startDate)})`,
              }))}
              errors={fields.eventId.errors}
            />
          ) : null}
          {options.activities.length ? (
            <SelectField
              label={t('fields.activityId')}
              {...getSelectProps(fields.activityId)}
              placeholder={t('none')}
              options={options.activities.map((a) => ({
                value: a.id,
                label: `${a.title} (${f.date(a.dueDate)})`,
              }))}
              errors={fields.activityId.errors}
            />
          ) : null}
          {options.materials.length ? (
            <SelectField
              label={t('fields.materialId')}
              {...getSelectProps(fields.materialId)}
              placeholder={t('none')}
              options={options.materials.map((m) => ({ value: m.id, label: `${m.title} (${m.language})` }))}
              errors={fields.materialId.errors}
            />
          ) : null}
        </div>
      ) : null}

      <TextareaField
        label={t('fields.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />

      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {mode === 'new' ? (
          <>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="btn-primary min-h-[3rem]"
              disabled={busy}
            >
              {t('new.submit')}
            </button>
            <button
              type="submit"
              name="intent"
              value="another"
              className="btn-secondary min-h-[3rem]"
              disabled={busy}
            >
              {t('new.another')}
            </button>
            <button
              type="submit"
              name="intent"
              value="draft"
              className="btn-secondary min-h-[3rem]"
              disabled={busy}
            >
              {t('new.draft')}
            </button>
          </>
        ) : (
          <>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="btn-primary min-h-[3rem]"
              disabled={busy}
            >
              {canDraft ? t('edit.saveAndSubmit') : t('edit.save')}
            </button>
            {canDraft ? (
              <button
                type="submit"
                name="intent"
                value="draft"
                className="btn-secondary min-h-[3rem]"
                disabled={busy}
              >
                {t('edit.saveOnly')}
              </button>
            ) : null}
          </>
        )}
      </div>
    </Form>
  )
}

function Required({ children }: { children: ReactNode }) {
  const { t } = useTranslation('actions')
  return (
    <>
      {children} <span className="text-xs font-normal text-ink-muted">({t('required')})</span>
    </>
  )
}
