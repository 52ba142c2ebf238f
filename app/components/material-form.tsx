import { getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, SelectField, TextareaField } from '~/components/forms'
import { type PlanFields, type PlanFormProps, PlanFormShell, usePlanForm } from '~/components/plan-form'

type UploadProps = { extensions: string[]; limitMb: number; currentFile?: string | null }
type Props = PlanFormProps & UploadProps & { kinds: readonly string[]; languages: string[] }

/** Create/edit form of a common material: a link, an uploaded file, or both. */
export function MaterialForm({ kinds, languages, extensions, limitMb, currentFile, ...props }: Props) {
  const { t } = useTranslation('plan')
  const [form, fields] = usePlanForm('material', props)
  const fileErrors = (form.allErrors.file as string[] | undefined) ?? undefined
  return (
    <PlanFormShell form={form} submitLabel={props.submitLabel} encType="multipart/form-data">
      <Field
        label={t('materials.materialTitle')}
        {...getInputProps(fields.title, { type: 'text' })}
        errors={fields.title.errors}
      />
      <MaterialKindLanguage fields={fields} kinds={kinds} languages={languages} />
      <Field
        label={t('materials.url')}
        hint={t('materials.urlHint')}
        {...getInputProps(fields.url, { type: 'url' })}
        errors={fields.url.errors}
      />
      <MaterialFileInput
        extensions={extensions}
        limitMb={limitMb}
        currentFile={currentFile}
        errors={fileErrors}
      />
      <TextareaField
        label={t('materials.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
    </PlanFormShell>
  )
}

function MaterialKindLanguage({
  fields,
  kinds,
  languages,
}: {
  fields: PlanFields
  kinds: readonly string[]
  languages: string[]
}) {
  const { t } = useTranslation('plan')
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <SelectField
        label={t('materials.kind')}
        {...getSelectProps(fields.kind)}
        placeholder={t('choose')}
        options={kinds.map((k) => ({ value: k, label: t(`materialKinds.${k}`) }))}
        errors={fields.kind.errors}
      />
      <SelectField
        label={t('breakdowns.language')}
        {...getSelectProps(fields.language)}
        placeholder={t('choose')}
        options={languages.map((l) => ({
          value: l,
          label: t(`common:languages.${l}`, { defaultValue: l }),
        }))}
        errors={fields.language.errors}
      />
      <Field
        label={t('materials.version')}
        {...getInputProps(fields.version, { type: 'text' })}
        errors={fields.version.errors}
      />
    </div>
  )
}

/** The file input (not a conform field: the server reads the stream), its hint and errors. */
function MaterialFileInput({
  extensions,
  limitMb,
  currentFile,
  errors,
}: UploadProps & { errors?: string[] }) {
  const { t } = useTranslation('plan')
  return (
    <div>
      <label htmlFor="material-file" className="label">
        {t('materials.file')}
      </label>
      <input
        id="material-file"
        type="file"
        name="file"
        accept={extensions.map((e) => `.${e}`).join(',')}
        className="input"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`material-file-hint${errors?.length ? ' material-file-error' : ''}`}
      />
      <p id="material-file-hint" className="hint">
        {t('materials.fileHint', {
          types: extensions.filter((e) => e !== 'jpeg').join(', '),
          limit: limitMb,
        })}
        {currentFile ? ` ${t('materials.currentFile', { name: currentFile })}` : ''}
      </p>
      <ErrorList id="material-file-error" errors={errors} />
    </div>
  )
}
