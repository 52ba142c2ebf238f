/** Form pieces shared by the administration pages' "new" and "edit" routes. */
import { type FieldMetadata, getInputProps, getSelectProps } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { locales, partnerRoles, roles } from '#db/schema/core'
import { Field, SelectField } from '~/components/forms'
import { countryOptions, socialKinds } from '~/models/admin/schemas'

/** The conform metadata of the plain (text, number, choice) fields a piece renders, of any form. */
type Fields<K extends string> = Record<K, FieldMetadata<string | number | undefined>>

export function PartnerFields({
  fields,
}: {
  fields: Fields<'name' | 'country' | 'city' | 'role' | 'website' | (typeof socialKinds)[number]>
}) {
  const { t, i18n } = useTranslation('admin')
  return (
    <>
      <Field
        label={t('partners.name')}
        {...getInputProps(fields.name, { type: 'text' })}
        errors={fields.name.errors}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('partners.country')}
          {...getSelectProps(fields.country)}
          placeholder={t('partners.chooseCountry')}
          options={countryOptions(i18n.language).map((c) => ({
            value: c.value,
            label: `${c.label} (${c.value})`,
          }))}
          errors={fields.country.errors}
        />
        <Field
          label={t('partners.city')}
          {...getInputProps(fields.city, { type: 'text' })}
          errors={fields.city.errors}
        />
      </div>
      <SelectField
        label={t('partners.role')}
        {...getSelectProps(fields.role)}
        options={partnerRoles.map((r) => ({ value: r, label: t(`partners.roles.${r}`) }))}
        errors={fields.role.errors}
      />
      <Field
        label={t('partners.website')}
        hint={t('partners.urlHint')}
        {...getInputProps(fields.website, { type: 'url' })}
        autoComplete="url"
        errors={fields.website.errors}
      />
      <fieldset>
        <legend className="label">{t('partners.social')}</legend>
        <p className="hint mb-2">{t('partners.socialHint')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {socialKinds.map((kind) => (
            <Field
              label={t(`partners.socialKinds.${kind}`)}
              {...getInputProps(fields[kind], { type: 'url' })}
              key={kind}
              errors={fields[kind].errors}
            />
          ))}
        </div>
      </fieldset>
    </>
  )
}

export function UserFields({
  fields,
  partners,
  roleHint,
}: {
  fields: Fields<'name' | 'role' | 'partnerId' | 'locale'>
  partners: { id: number; name: string; archivedAt: string | null }[]
  roleHint?: ReactNode
}) {
  const { t } = useTranslation('admin')
  return (
    <>
      <Field
        label={t('users.name')}
        {...getInputProps(fields.name, { type: 'text' })}
        autoComplete="off"
        errors={fields.name.errors}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('users.role')}
          hint={roleHint}
          {...getSelectProps(fields.role)}
          options={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          errors={fields.role.errors}
        />
        <SelectField
          label={t('users.partner')}
          hint={t('users.partnerHint')}
          {...getSelectProps(fields.partnerId)}
          placeholder={t('users.noPartner')}
          options={partners.map((p) => ({
            value: p.id,
            label: p.archivedAt ? `${p.name} (${t('status.archived')})` : p.name,
          }))}
          errors={fields.partnerId.errors}
        />
      </div>
      <SelectField
        label={t('users.locale')}
        {...getSelectProps(fields.locale)}
        options={locales.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))}
        errors={fields.locale.errors}
      />
    </>
  )
}

/** The confirmation after a saved change (the page was reached by redirect with ?saved=...). */
export function SavedNotice({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
      {message}
    </p>
  )
}
