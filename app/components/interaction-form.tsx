import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormErrors, TextareaField } from '~/components/forms'
import { interactionSchema } from '~/models/actions/interaction-form'
import { parseForm } from '~/utils/forms'

/**
 * Record a meeting, a call or an e-mail with this stakeholder: it becomes an action of the user's
 * partner with the stakeholder, submitted for review. A plain form: works without JavaScript.
 */
export function InteractionForm({
  today,
  lastResult,
  saved,
}: {
  today: string
  lastResult?: SubmissionResult<string[]>
  saved: boolean
}) {
  const { t } = useTranslation('crm')
  const [form, fields] = useForm({
    id: 'interaction',
    lastResult,
    defaultValue: { kind: 'meeting', date: today },
    onValidate: ({ formData }) => parseForm(formData, { schema: interactionSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <section aria-labelledby="interaction-title" className="card">
      <h2 id="interaction-title">{t('interaction.title')}</h2>
      <p className="mb-3 mt-1 text-sm text-ink-muted">{t('interaction.intro')}</p>
      {saved ? (
        <p role="status" className="mb-3 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {t('interaction.saved')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="interaction" />
        <FormErrors errors={form.errors} />
        <fieldset className="sm:col-span-2">
          <legend className="label">{t('interaction.kind')}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {(['meeting', 'call', 'email'] as const).map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={fields.kind.name}
                  value={k}
                  defaultChecked={fields.kind.initialValue === k}
                />
                {t(`interaction.kinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label={t('interaction.date')}
          {...getInputProps(fields.date, { type: 'date' })}
          max={today}
          errors={fields.date.errors}
        />
        <TextareaField
          label={t('interaction.note')}
          {...getTextareaProps(fields.note)}
          rows={2}
          className="sm:col-span-2"
          errors={fields.note.errors}
        />
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary">
            {t('interaction.submit')}
          </button>
        </div>
      </Form>
    </section>
  )
}
