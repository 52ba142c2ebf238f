import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, SelectField } from '~/components/forms'
import { actionFormSchema, isRealDate } from '~/models/actions/form'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'

// The parts of the quick action form (components/action-form.tsx).

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

export const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)]

/** The form's state (conform), checked in the browser with the same schema as on the server. */
export function useActionForm(
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaults: ActionFormDefaults,
) {
  return useForm({
    lastResult,
    defaultValue: toDefaultValue(defaults),
    onValidate: ({ formData }) => parseForm(formData, { schema: actionFormSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
}

export type ActionFields = ReturnType<typeof useActionForm>[1]

function useEntryLabel() {
  const { t } = useTranslation('actions')
  return (e: Entry) => (e.labelKey ? t(e.labelKey) : e.name)
}

/** Date and title: with the type, the only required fields. */
export function DateTitle({ fields }: { fields: ActionFields }) {
  const { t } = useTranslation('actions')
  // An impossible date (typed where there is no date picker) comes back as typed, in a text box,
  // since a date input would silently empty it.
  const dateValue = fields.date.value ?? fields.date.initialValue
  const dateAsText =
    !!fields.date.errors?.length &&
    typeof dateValue === 'string' &&
    dateValue !== '' &&
    !isRealDate(dateValue)
  return (
    <>
      <Field
        label={<Required>{t('fields.title')}</Required>}
        {...getInputProps(fields.title, { type: 'text' })}
        placeholder={t('fields.titlePlaceholder')}
        errors={fields.title.errors}
      />
      <Field
        label={<Required>{t('fields.date')}</Required>}
        {...getInputProps(fields.date, { type: dateAsText ? 'text' : 'date' })}
        errors={fields.date.errors}
      />
    </>
  )
}

/** The channel (left empty, it follows from the link and the type) and, for comms, the partner. */
export function ChannelPartner({
  fields,
  options,
  canChoosePartner,
}: {
  fields: ActionFields
  options: ActionFormOptions
  canChoosePartner: boolean
}) {
  const { t } = useTranslation('actions')
  const label = useEntryLabel()
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        label={t('fields.channelId')}
        hint={t('quick.channelHint')}
        {...getSelectProps(fields.channelId)}
        placeholder={t('quick.channelFromType')}
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
  )
}

export function LanguageChoice({ fields, options }: { fields: ActionFields; options: ActionFormOptions }) {
  const { t } = useTranslation('actions')
  const languages = [...new Set([...options.languages, ...asList(fields.languages.initialValue)])]
  return (
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
  )
}

/** Online reach and engagements (people in the room and the link come with the type). */
export function ReachFields({ fields }: { fields: ActionFields }) {
  const { t } = useTranslation('actions')
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
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
  )
}

export function ThemeChoice({ fields, options }: { fields: ActionFields; options: ActionFormOptions }) {
  const { t } = useTranslation('actions')
  if (!options.themes.length) return null
  return (
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
  )
}

/** The work-plan activity and the material the action belongs to (the event comes with the type). */
export function LinkSelects({ fields, options }: { fields: ActionFields; options: ActionFormOptions }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  if (!options.activities.length && !options.materials.length) return null
  return (
    <div className="grid gap-4 sm:grid-cols-2">
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
  )
}

export function Required({ children }: { children: ReactNode }) {
  const { t } = useTranslation('actions')
  return (
    <>
      {children} <span className="text-xs font-normal text-ink-muted">({t('required')})</span>
    </>
  )
}
