import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import { Field, SelectField, TextareaField } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import { regionNameOverrides } from '~/models/admin/schemas'
import { lawfulBases } from '~/models/contacts/schemas'
import { builtInCategories, scales, stages } from '~/models/stakeholders/schemas'

const defaultCategoryNames = new Map<string, string>(builtInCategories.map((c) => [c.key, c.name]))

/**
 * A built-in category is shown in the reader's language through its key until an administrator
 * renames it; then, like a category an administrator added, it shows its name.
 */
export function categoryLabel(t: TFunction, category: { key: string | null; name: string }) {
  if (!category.key || defaultCategoryNames.get(category.key) !== category.name) return category.name
  return t(`stakeholders:categories.${category.key}`, { defaultValue: category.name })
}

const displayNames = new Map<string, Intl.DisplayNames | null>()

/** "FR" -> "France" / "Francia" in the interface language. */
export function countryName(code: string | null | undefined, locale: string) {
  if (!code) return ''
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'region' }))
    } catch {
      displayNames.set(locale, null)
    }
  }
  try {
    // Node's and the browser's ICU name a few regions differently; one name keeps hydration whole.
    return regionNameOverrides[code]?.[locale] ?? displayNames.get(locale)?.of(code) ?? code
  } catch {
    return code
  }
}

export function useCountryName() {
  const { i18n } = useTranslation()
  return (code: string | null | undefined) => countryName(code, i18n.language)
}

const stageTone = {
  identified: 'neutral',
  contacted: 'info',
  engaged: 'info',
  collaborating: 'ok',
  dormant: 'warn',
} as const

/** The engagement stage, always in words (colour only supports it). */
export function StageBadge({ stage }: { stage: keyof typeof stageTone }) {
  const { t } = useTranslation('stakeholders')
  return <StatusBadge tone={stageTone[stage]}>{t(`stages.${stage}`)}</StatusBadge>
}

export function TierBadge({ tier }: { tier: string | null | undefined }) {
  const { t } = useTranslation('stakeholders')
  if (!tier) return <span className="text-sm text-ink-muted">{t('noTier')}</span>
  return (
    <StatusBadge tone={tier === 'A' ? 'ok' : tier === 'B' ? 'info' : 'neutral'}>
      {t('tierLabel', { tier })}
    </StatusBadge>
  )
}

// ---------------------------------------------------------------------------------------------
// The create / edit form, shared by /stakeholders/new and /stakeholders/:id/edit.

type FormOptions = {
  categories: {
    id: number
    key: string | null
    name: string
    archivedAt: string | null
    isFundedProject: boolean
  }[]
  partners: { id: number; name: string }[]
  themes: { id: number; name: string }[]
  languages: string[]
  countries: string[]
}

// Conform's field metadata for the form's schema.
type Fields = Record<string, FieldMetadata<unknown>>

/** The values of a multi-valued field (checkboxes), as strings. */
function valuesOf(field: FieldMetadata<unknown>) {
  return new Set((field.value as string[] | string | undefined) ? [field.value].flat().map(String) : [])
}

/** A group of checkboxes sending one multi-valued field. */
function CheckboxList({
  legend,
  field,
  options,
}: {
  legend: string
  field: FieldMetadata<unknown>
  options: { value: string | number; label: string }[]
}) {
  const checked = valuesOf(field)
  return (
    <fieldset>
      <legend className="label">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={field.name}
              value={o.value}
              defaultChecked={checked.has(String(o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/** The languages a project works in, as checkboxes named in the reader's language. */
function LanguageList({
  legend,
  field,
  languages,
}: {
  legend: string
  field: FieldMetadata<unknown>
  languages: string[]
}) {
  const { t: tc } = useTranslation()
  return (
    <CheckboxList
      legend={legend}
      field={field}
      options={languages.map((l) => ({ value: l, label: tc(`languages.${l}`, { defaultValue: l }) }))}
    />
  )
}

/** Category, stage and the funded project's programme and period, with the scale. */
function ProfileFields({
  fields,
  options,
  currentCategoryId,
}: {
  fields: Fields
  options: FormOptions
  currentCategoryId?: number
}) {
  const { t } = useTranslation('stakeholders')
  const categories = options.categories.filter((c) => !c.archivedAt || c.id === currentCategoryId)
  return (
    <>
      <SelectField
        label={t('fields.category')}
        {...getSelectProps(fields.categoryId)}
        placeholder={t('form.choose')}
        options={categories.map((c) => ({ value: c.id, label: categoryLabel(t, c) }))}
        errors={fields.categoryId.errors}
      />
      <SelectField
        label={t('fields.stage')}
        {...getSelectProps(fields.stage)}
        options={stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        errors={fields.stage.errors}
      />
      <Field
        label={t('fields.programme')}
        hint={t('hints.programme')}
        {...getInputProps(fields.programme, { type: 'text' })}
        errors={fields.programme.errors}
      />
      <Field
        label={t('fields.period')}
        hint={t('hints.period')}
        {...getInputProps(fields.period, { type: 'text' })}
        errors={fields.period.errors}
      />
      <SelectField
        label={t('fields.scale')}
        {...getSelectProps(fields.scale)}
        placeholder={t('form.choose')}
        options={scales.map((s) => ({ value: s, label: t(`scales.${s}`) }))}
        errors={fields.scale.errors}
      />
    </>
  )
}

/** Country, city, website and the owner partner (shown, not chosen, by a partner). */
function PlaceFields({
  fields,
  options,
  ownerLocked,
}: {
  fields: Fields
  options: FormOptions
  ownerLocked: { name: string } | null
}) {
  const { t } = useTranslation('stakeholders')
  const country = useCountryName()
  const countries = options.countries
    .map((c) => ({ value: c, label: country(c) }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return (
    <>
      <SelectField
        label={t('fields.country')}
        {...getSelectProps(fields.country)}
        placeholder={t('form.choose')}
        options={countries}
        errors={fields.country.errors}
      />
      <Field
        label={t('fields.city')}
        {...getInputProps(fields.city, { type: 'text' })}
        errors={fields.city.errors}
      />
      <Field
        label={t('fields.website')}
        hint={t('hints.website')}
        {...getInputProps(fields.website, { type: 'text' })}
        inputMode="url"
        errors={fields.website.errors}
      />
      {ownerLocked ? (
        <div>
          <p className="label">{t('fields.owner')}</p>
          <p className="py-2">{ownerLocked.name}</p>
          <p className="hint">{t('hints.ownerPartner')}</p>
        </div>
      ) : (
        <SelectField
          label={t('fields.owner')}
          {...getSelectProps(fields.ownerPartnerId)}
          placeholder={t('noOwner')}
          options={options.partners.map((p) => ({ value: p.id, label: p.name }))}
          errors={fields.ownerPartnerId.errors}
        />
      )}
    </>
  )
}

export function StakeholderFormFields({
  fields,
  options,
  ownerLocked,
  currentCategoryId,
}: {
  // Conform's field metadata for stakeholderInputSchema.
  fields: Fields
  options: FormOptions
  ownerLocked: { name: string } | null
  currentCategoryId?: number
}) {
  const { t } = useTranslation('stakeholders')
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          className="sm:col-span-2"
          label={t('fields.name')}
          {...getInputProps(fields.name, { type: 'text' })}
          errors={fields.name.errors}
        />
        <Field
          label={t('fields.acronym')}
          {...getInputProps(fields.acronym, { type: 'text' })}
          errors={fields.acronym.errors}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <ProfileFields fields={fields} options={options} currentCategoryId={currentCategoryId} />
        <PlaceFields fields={fields} options={options} ownerLocked={ownerLocked} />
      </div>
      <TextareaField
        label={t('fields.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
      <CheckboxList
        legend={t('fields.themes')}
        field={fields.themeIds}
        options={options.themes.map((th) => ({ value: th.id, label: th.name }))}
      />
      <LanguageList legend={t('fields.languages')} field={fields.languages} languages={options.languages} />
    </div>
  )
}

// ---------------------------------------------------------------------------------------------
// The contact form with its GDPR record, shared by "add a contact" and "edit contact".

/** Who the person is and how to reach them. */
function PersonFields({ fields }: { fields: Fields }) {
  const { t } = useTranslation('stakeholders')
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label={t('contacts.name')}
        {...getInputProps(fields.name, { type: 'text' })}
        autoComplete="off"
        errors={fields.name.errors}
      />
      <Field
        label={t('contacts.position')}
        {...getInputProps(fields.position, { type: 'text' })}
        errors={fields.position.errors}
      />
      <Field
        label={t('contacts.email')}
        {...getInputProps(fields.email, { type: 'email' })}
        autoComplete="off"
        errors={fields.email.errors}
      />
      <Field
        label={t('contacts.phone')}
        {...getInputProps(fields.phone, { type: 'tel' })}
        autoComplete="off"
        errors={fields.phone.errors}
      />
    </div>
  )
}

/** Why we may hold the person's data (GDPR), and whether they asked not to be contacted. */
function GdprFields({ fields }: { fields: Fields }) {
  const { t } = useTranslation('stakeholders')
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 font-semibold">{t('contacts.gdpr')}</legend>
      <p className="mb-3 text-sm text-ink-muted">{t('contacts.gdprIntro')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('contacts.lawfulBasis')}
          {...getSelectProps(fields.lawfulBasis)}
          options={lawfulBases.map((b) => ({ value: b, label: t(`contacts.bases.${b}`) }))}
          errors={fields.lawfulBasis.errors}
        />
        <Field
          label={t('contacts.basisObtainedAt')}
          {...getInputProps(fields.basisObtainedAt, { type: 'date' })}
          errors={fields.basisObtainedAt.errors}
        />
        <Field
          className="sm:col-span-2"
          label={t('contacts.basisSource')}
          hint={t('contacts.basisSourceHint')}
          {...getInputProps(fields.basisSource, { type: 'text' })}
          errors={fields.basisSource.errors}
        />
      </div>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input {...getInputProps(fields.doNotContact, { type: 'checkbox' })} />
        {t('contacts.doNotContact')}
      </label>
    </fieldset>
  )
}

export function ContactFormFields({ fields, languages }: { fields: Fields; languages: string[] }) {
  const { t } = useTranslation('stakeholders')
  return (
    <div className="space-y-4">
      <PersonFields fields={fields} />
      <LanguageList legend={t('contacts.languages')} field={fields.languages} languages={languages} />
      <TextareaField
        label={t('contacts.notes')}
        {...getTextareaProps(fields.notes)}
        errors={fields.notes.errors}
      />
      <GdprFields fields={fields} />
    </div>
  )
}
