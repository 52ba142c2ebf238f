import type { SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'
import type { previewLoader } from '~/routes/_shared/import.server'

import { type Area, ProblemTable, Title } from './shared'

type PreviewData = SerializeFrom<typeof previewLoader>

function PreviewSummary({ data }: { data: PreviewData }) {
  const { t } = useTranslation('import')
  return (
    <section className="card mb-4" aria-labelledby="preview-summary">
      <h2 id="preview-summary" className="mb-2 text-lg font-semibold">
        {t('preview.summary')}
      </h2>
      <ul className="grid gap-2 text-sm sm:grid-cols-3">
        <li>{t('preview.total', { count: data.total })}</li>
        <li>
          <StatusBadge tone="ok">{t('preview.toCreate', { count: data.toCreate })}</StatusBadge>
        </li>
        {data.canUpdate ? (
          <li>
            <StatusBadge tone="info">{t('preview.toUpdate', { count: data.toUpdate })}</StatusBadge>
          </li>
        ) : null}
        <li>
          <StatusBadge tone="neutral">{t('preview.toSkip', { count: data.toSkip })}</StatusBadge>
        </li>
        <li>
          <StatusBadge tone={data.rejectedCount ? 'bad' : 'ok'}>
            {t('preview.rejected', { count: data.rejectedCount })}
          </StatusBadge>
        </li>
        <li>
          <StatusBadge tone={data.duplicateCount ? 'warn' : 'ok'}>
            {t('preview.duplicates', { count: data.duplicateCount })}
          </StatusBadge>
        </li>
      </ul>
    </section>
  )
}

function DuplicateRows({ data }: { data: PreviewData }) {
  const { t } = useTranslation('import')
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('table.line')}</th>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.matches')}</th>
            <th scope="col">{t('table.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {data.duplicates.map((d) => (
            <tr key={d.line}>
              <td>{d.line}</td>
              <td>{d.label}</td>
              <td>
                {d.existingId
                  ? t(`preview.matchRegister.${d.match}`, {
                      value: d.value,
                      existing: d.existingLabel,
                    })
                  : t(`preview.matchFile.${d.match}`, { value: d.value, line: d.firstLine })}
                {d.weak ? <p className="hint">{t('preview.weakMatch')}</p> : null}
              </td>
              <td>
                <label className="sr-only" htmlFor={`decision-${d.line}`}>
                  {t('table.choiceFor', { line: d.line })}
                </label>
                <select
                  id={`decision-${d.line}`}
                  name={`decision.${d.line}`}
                  className="input"
                  defaultValue={d.decision}
                >
                  {d.choices.map((c) => (
                    <option key={c} value={c}>
                      {t(`decisions.${c}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.duplicateCount > data.duplicates.length ? (
        <p className="hint">
          {t('preview.moreDuplicates', { count: data.duplicateCount - data.duplicates.length })}
        </p>
      ) : null}
    </div>
  )
}

/** Duplicates: the default choice, then one choice per duplicate row shown. */
function DuplicatesSection({ data }: { data: PreviewData }) {
  const { t } = useTranslation('import')
  const decisionChoices = data.canUpdate
    ? (['skip', 'update', 'create'] as const)
    : (['skip', 'create'] as const)
  return (
    <section className="card space-y-3" aria-labelledby="preview-duplicates">
      <h2 id="preview-duplicates" className="text-lg font-semibold">
        {t('preview.duplicatesTitle')} ({data.duplicateCount})
      </h2>
      <div>
        <label htmlFor="default-decision" className="label">
          {t('preview.defaultDecision')}
        </label>
        <select
          id="default-decision"
          name="defaultDecision"
          className="input max-w-xs"
          defaultValue={data.defaultDecision}
        >
          {decisionChoices.map((d) => (
            <option key={d} value={d}>
              {t(`decisions.${d}`)}
            </option>
          ))}
        </select>
        <p className="hint">{t('preview.defaultDecisionHint')}</p>
      </div>
      <DuplicateRows data={data} />
    </section>
  )
}

function ModeChoice({ mode }: { mode: PreviewData['mode'] }) {
  const { t } = useTranslation('import')
  return (
    <fieldset className="card">
      <legend className="label">{t('preview.mode')}</legend>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="mode" value="valid" defaultChecked={mode === 'valid'} /> {t('modes.valid')}
      </label>
      <label className="mt-2 flex items-start gap-2 text-sm">
        <input type="radio" name="mode" value="all" defaultChecked={mode === 'all'} /> {t('modes.all')}
      </label>
    </fieldset>
  )
}

function PreviewButtons({ base, jobId, busy }: { base: string; jobId: number; busy: boolean }) {
  const { t } = useTranslation('import')
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="submit" name="intent" value="write" className="btn-primary" disabled={busy}>
        {t('preview.confirm')}
      </button>
      <button type="submit" name="intent" value="decide" className="btn-secondary" disabled={busy}>
        {t('preview.recount')}
      </button>
      <Link to={`${base}/${jobId}/map`} className="btn-secondary">
        {t('preview.backToMap')}
      </Link>
    </div>
  )
}

export function PreviewPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<PreviewData>()
  const navigation = useNavigation()
  const writing = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'write'
  return (
    <div className="max-w-5xl">
      <Title area={area} step="preview" back={data.back} />
      <PreviewSummary data={data} />
      {data.unmatched ? (
        <p className="card mb-4 text-sm">
          {t('preview.unmatched', { count: data.unmatched })}{' '}
          <Link to={`${data.base}/${data.job.id}/values`}>{t('preview.toValues')}</Link>
        </p>
      ) : null}
      <Form method="post" className="space-y-4">
        {data.rejectedCount ? (
          <section className="card">
            <ProblemTable
              caption={t('preview.rejectedTitle')}
              rows={data.rejected}
              total={data.problemCount}
            />
          </section>
        ) : null}
        {data.warningCount ? (
          <section className="card">
            <ProblemTable
              caption={t('preview.warningsTitle')}
              rows={data.warnings}
              total={data.warningCount}
            />
          </section>
        ) : null}
        {data.duplicateCount ? <DuplicatesSection data={data} /> : null}

        <ModeChoice mode={data.mode} />

        <PreviewButtons base={data.base} jobId={data.job.id} busy={navigation.state !== 'idle'} />
        <p role="status" aria-live="polite" className="text-sm">
          {writing ? t('preview.writing', { count: data.valid }) : ''}
        </p>
      </Form>
    </div>
  )
}
