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

import { ErrorList, Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { parseForm } from '~/utils/forms'

/** Create/edit form of a common material: a link, an uploaded file, or both. */
export function MaterialForm({
  schema,
  kinds,
  languages,
  extensions,
  limitMb,
  currentFile,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  schema: z.ZodTypeAny
  kinds: readonly string[]
  languages: string[]
  extensions: string[]
  limitMb: number
  currentFile?: string | null
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, string | undefined>
  submitLabel: string
}) {
  const { t } = useTranslation('plan')
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'material',
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const fileErrors = (form.allErrors.file as string[] | undefined) ?? undefined
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card space-y-4">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <Field
        label={t('materials.materialTitle')}
        {...getInputProps(fields.title, { type: 'text' })}
        errors={fields.title.errors}
      />
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
      <Field
        label={t('materials.url')}
        hint={t('materials.urlHint')}
        {...getInputProps(fields.url, { type: 'url' })}
        errors={fields.url.errors}
      />
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
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={`material-file-hint${fileErrors?.length ? ' material-file-error' : ''}`}
        />
        <p id="material-file-hint" className="hint">
          {t('materials.fileHint', {
            types: extensions.filter((e) => e !== 'jpeg').join(', '),
            limit: limitMb,
          })}
          {currentFile ? ` ${t('materials.currentFile', { name: currentFile })}` : ''}
        </p>
        <ErrorList id="material-file-error" errors={fileErrors} />
      </div>
      <TextareaField
        label={t('materials.description')}
        {...getTextareaProps(fields.description)}
        errors={fields.description.errors}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </button>
    </Form>
  )
}
