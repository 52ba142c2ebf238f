import {
  getFormProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FormErrors, SelectField, TextareaField } from '~/components/forms'
import type { ScoreHistoryEntry } from '~/models/priorities/index.server'
import { oneScoreSchema } from '~/models/priorities/schemas'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'

export type ScoreHistory = { stakeholder: { id: number; name: string }; entries: ScoreHistoryEntry[] }

/**
 * A stakeholder's score history on the scoring grid page, with a form to give one score and its
 * reason (also the way to score without the grid's keyboard).
 */
export function HistoryPanel({
  history,
  criteria,
  canScore,
  back,
  lastResult,
}: {
  history: ScoreHistory
  criteria: { id: number; name: string }[]
  canScore: boolean
  back: string
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('priorities')
  return (
    <section id="history" className="card mb-4" aria-labelledby="history-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="history-title">{t('history.title', { name: history.stakeholder.name })}</h2>
        <Link to={back} className="text-sm">
          {t('history.close')}
        </Link>
      </div>
      {history.entries.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">{t('history.empty')}</p>
      ) : (
        <HistoryTable entries={history.entries} />
      )}
      {canScore ? (
        <OneScoreForm
          stakeholderId={history.stakeholder.id}
          criteria={criteria}
          back={back}
          lastResult={lastResult}
        />
      ) : null}
    </section>
  )
}

function HistoryTable({ entries }: { entries: ScoreHistoryEntry[] }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  return (
    <div className="relative mt-2 overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.criterion')}</th>
            <th scope="col" className="text-right">
              {t('history.value')}
            </th>
            <th scope="col">{t('history.by')}</th>
            <th scope="col">{t('history.rationale')}</th>
            <th scope="col">{t('history.state')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap">{f.dateTime(e.createdAt)}</td>
              <td>{e.criterionName}</td>
              <td className="text-right tabular-nums">{e.value}</td>
              <td>{e.userName ?? '–'}</td>
              <td>{e.rationale ?? ''}</td>
              <td>
                {e.supersededAt
                  ? t('history.superseded', { at: f.dateTime(e.supersededAt) })
                  : t('history.current')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function OneScoreForm({
  stakeholderId,
  criteria,
  back,
  lastResult,
}: {
  stakeholderId: number
  criteria: { id: number; name: string }[]
  back: string
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('priorities')
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseForm(formData, { schema: oneScoreSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-3 sm:grid-cols-4">
      <input type="hidden" name="intent" value="one" />
      <input type="hidden" name="stakeholderId" value={stakeholderId} />
      <input type="hidden" name="back" value={back} />
      <FormErrors errors={form.errors} />
      <SelectField
        label={t('history.criterion')}
        {...getSelectProps(fields.criterionId)}
        options={criteria.map((c) => ({ value: c.id, label: c.name }))}
        placeholder=""
        errors={fields.criterionId.errors}
      />
      <SelectField
        label={t('history.value')}
        {...getSelectProps(fields.value)}
        options={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: t(`scale.${v}`) }))}
        placeholder=""
        errors={fields.value.errors}
      />
      <TextareaField
        className="sm:col-span-2"
        label={t('history.rationale')}
        {...getTextareaProps(fields.rationale)}
        errors={fields.rationale.errors}
      />
      <div className="sm:col-span-4">
        <button type="submit" className="btn-primary">
          {t('history.save')}
        </button>
      </div>
    </Form>
  )
}
