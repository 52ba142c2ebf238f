import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, FormErrors } from '~/components/forms'
import { gridCutoffsSchema } from '~/models/priorities/schemas'
import type { GridCutoffs } from '~/models/priorities/scoring'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'

/**
 * Where "high" begins on the power/interest grid's axes, on the criteria page: a form for those
 * who may edit the criteria, a sentence for the others.
 */
export function GridCutoffsSection({
  cutoffs,
  canEdit,
  lastResult,
}: {
  cutoffs: GridCutoffs
  canEdit: boolean
  lastResult?: SubmissionResult<string[]>
}) {
  const { t } = useTranslation('crm')
  const f = useFormat()
  return (
    <section aria-labelledby="cutoffs-title" className="card mt-6 max-w-xl">
      <h2 id="cutoffs-title">{t('cutoffs.title')}</h2>
      <p className="mb-3 mt-1 text-sm text-ink-muted">
        {t('cutoffs.intro', { influence: f.number(cutoffs.influence), interest: f.number(cutoffs.interest) })}
      </p>
      {canEdit ? <CutoffsForm cutoffs={cutoffs} lastResult={lastResult} /> : null}
    </section>
  )
}

function CutoffsForm({
  cutoffs,
  lastResult,
}: {
  cutoffs: GridCutoffs
  lastResult?: SubmissionResult<string[]>
}) {
  const { t } = useTranslation('crm')
  const { t: tc } = useTranslation()
  const [form, fields] = useForm({
    id: 'gridCutoffs',
    lastResult,
    defaultValue: { influence: String(cutoffs.influence), interest: String(cutoffs.interest) },
    onValidate: ({ formData }) => parseForm(formData, { schema: gridCutoffsSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value="gridCutoffs" />
      <FormErrors errors={form.errors} />
      <Field
        label={t('cutoffs.influence')}
        {...getInputProps(fields.influence, { type: 'number' })}
        step="any"
        min="1"
        max="4.99"
        errors={fields.influence.errors}
      />
      <Field
        label={t('cutoffs.interest')}
        {...getInputProps(fields.interest, { type: 'number' })}
        step="any"
        min="1"
        max="4.99"
        errors={fields.interest.errors}
      />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary">
          {tc('actions.saveChanges')}
        </button>
      </div>
    </Form>
  )
}
