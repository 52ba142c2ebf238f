import type { SerializeFrom } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useMatches,
  useNavigate,
  useNavigation,
} from '@remix-run/react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorList } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import type { mapLoader, previewLoader, reportLoader, uploadLoader } from '~/models/import/routes.server'

type Area = 'stakeholders' | 'actions'
const steps = ['upload', 'map', 'preview', 'report'] as const
type Step = (typeof steps)[number]

/** The four steps, the current one marked for screen readers too (not by colour alone). */
export function ImportSteps({ current }: { current: Step }) {
  const { t } = useTranslation('import')
  return (
    <nav aria-label={t('steps.label')} className="mb-4">
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((step, i) => {
          const active = step === current
          const done = steps.indexOf(current) > i
          return (
            <li
              key={step}
              aria-current={active ? 'step' : undefined}
              className={`rounded-full border px-3 py-1 ${active ? 'border-brand-600 bg-brand-600 font-semibold text-white' : done ? 'border-slate-300 bg-slate-100' : 'border-slate-200 text-ink-muted'}`}
            >
              {i + 1}. {t(`steps.${step}`)}
              {done ? <span className="sr-only"> ({t('steps.done')})</span> : null}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

function Title({ area, step }: { area: Area; step: Step }) {
  const { t } = useTranslation('import')
  return (
    <>
      <div className="page-title">
        <h1>{t(`title.${area}`)}</h1>
        <Link to={`/${area}`} className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <ImportSteps current={step} />
    </>
  )
}

// ---------------------------------------------------------------------------------------------
// 1 upload

type UploadData = SerializeFrom<typeof uploadLoader>
type UploadResult = { errors?: { file?: string[]; partnerId?: string[] }; limitMb?: number } | undefined

/**
 * Sends the upload form with XMLHttpRequest, whose upload events give a progress bar for large
 * files on slow connections (fetch, which Remix submits with, has none). Posts to the route's
 * own action as a Remix data request: a redirect comes back as X-Remix-Redirect and is followed;
 * anything else is the action's answer (the errors next to the fields). Without JavaScript the
 * form posts as usual.
 */
function useUploadWithProgress() {
  const navigate = useNavigate()
  const matches = useMatches()
  const routeId = matches[matches.length - 1]?.id
  // null: not sending; 0-1: the share of the file sent; 1 also while the server reads it.
  const [progress, setProgress] = useState<number | null>(null)
  const [answer, setAnswer] = useState<UploadResult>()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    if (typeof XMLHttpRequest === 'undefined' || !routeId) return
    event.preventDefault()
    const url = new URL(form.action, window.location.href)
    url.searchParams.set('_data', routeId)
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) setProgress(e.loaded / e.total)
    }
    request.upload.onload = () => setProgress(1)
    request.onload = () => {
      const redirectTo = request.getResponseHeader('X-Remix-Redirect')
      if (redirectTo) {
        navigate(redirectTo)
        return
      }
      setProgress(null)
      try {
        setAnswer(JSON.parse(request.responseText) as UploadResult)
      } catch {
        setAnswer({ errors: { file: ['import:upload.failed'] } })
      }
    }
    request.onerror = () => {
      setProgress(null)
      setAnswer({ errors: { file: ['import:upload.failed'] } })
    }
    setAnswer(undefined)
    setProgress(0)
    request.send(new FormData(form))
  }
  return { progress, answer, onSubmit }
}

export function UploadPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<UploadData>()
  const upload = useUploadWithProgress()
  const actionData = useActionData<UploadResult>()
  const result = upload.answer ?? actionData
  const navigation = useNavigation()
  const busy =
    upload.progress !== null ||
    (navigation.state !== 'idle' && navigation.formMethod?.toLowerCase() === 'post')
  const fileErrors = result?.errors?.file?.map((e) => t(e, { limit: data.limitMb }))
  const percent = upload.progress === null ? null : Math.round(upload.progress * 100)
  return (
    <div className="max-w-3xl">
      <Title area={area} step="upload" />
      <Form method="post" encType="multipart/form-data" className="card space-y-4" onSubmit={upload.onSubmit}>
        <p className="text-sm">{t(`upload.intro.${area}`)}</p>
        {area === 'stakeholders' ? (
          <fieldset>
            <legend className="label">{t('upload.kind')}</legend>
            <label className="mr-4 inline-flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value="stakeholders" defaultChecked /> {t('kinds.stakeholders')}
            </label>
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value="contacts" /> {t('kinds.contacts')}
            </label>
            <p className="hint">{t('upload.vcardHint')}</p>
          </fieldset>
        ) : null}
        {area === 'actions' && data.choosePartner ? (
          <div>
            <label htmlFor="import-partner" className="label">
              {t('upload.partner')}
            </label>
            <select
              id="import-partner"
              name="partnerId"
              className="input"
              required
              aria-invalid={result?.errors?.partnerId ? true : undefined}
              aria-describedby={result?.errors?.partnerId ? 'import-partner-error' : undefined}
            >
              <option value="">{t('upload.choosePartner')}</option>
              {data.partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <ErrorList id="import-partner-error" errors={result?.errors?.partnerId} />
          </div>
        ) : area === 'actions' ? (
          <p className="text-sm">{t('upload.ownPartner', { partner: data.partners[0]?.name ?? '' })}</p>
        ) : null}
        <div>
          <label htmlFor="import-file" className="label">
            {t('upload.file')}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.txt,.tsv,.json,.vcf,.vcard,text/csv,application/json,text/vcard"
            className="input"
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={`import-file-hint${fileErrors?.length ? ' import-file-error' : ''}`}
          />
          <p id="import-file-hint" className="hint">
            {t('upload.hint', { limit: data.limitMb })}
          </p>
          {fileErrors?.length ? (
            <ul id="import-file-error" className="field-error" role="alert">
              {fileErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {percent !== null ? (
          <div className="space-y-1">
            <progress
              id="import-progress"
              className="h-2 w-full accent-brand-600"
              max={100}
              value={percent}
              aria-labelledby="import-progress-label"
            />
            <p id="import-progress-label" className="text-sm" aria-live="polite">
              {percent < 100 ? t('upload.sending', { percent }) : t('upload.reading')}
            </p>
          </div>
        ) : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('upload.reading') : t('upload.submit')}
        </button>
      </Form>
    </div>
  )
}

// ---------------------------------------------------------------------------------------------
// 2 map columns

type MapData = SerializeFrom<typeof mapLoader>

export function MapPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<MapData>()
  const result = useActionData<{ missing?: string[] }>()
  const navigation = useNavigation()
  const missing = new Set(result?.missing ?? [])
  const format = data.job.format as {
    type?: string
    encoding?: string
    delimiter?: string
    hasHeader?: boolean
  } | null
  return (
    <div className="max-w-4xl">
      <Title area={area} step="map" />
      <div className="card mb-4 text-sm">
        <p>
          <strong>{data.job.fileName}</strong> · {t('map.rows', { count: data.job.rows })} ·{' '}
          {t(`formats.${format?.type ?? 'csv'}`)} · {format?.encoding}
          {format?.delimiter
            ? ` · ${t('map.delimiter')}: ${t(`delimiters.${format.delimiter === '\t' ? 'tab' : format.delimiter === ';' ? 'semicolon' : 'comma'}`)}`
            : ''}
        </p>
        {format?.hasHeader === false ? <p className="hint">{t('map.noHeader')}</p> : null}
        <p className="mt-1">{t(`kinds.${data.job.kind}`)}</p>
      </div>
      {missing.size ? (
        <div role="alert" className="mb-4 rounded-md border border-bad bg-bad-bg p-3 text-sm text-bad">
          {t('map.missing', {
            fields: [...missing].map((f) => t(`fields.${data.job.kind}.${f}`)).join(', '),
          })}
        </div>
      ) : null}
      <Form method="post" className="card space-y-4">
        <p className="text-sm">{t('map.intro')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {data.fields.map(({ field, required }) => {
            const id = `map-${field}`
            return (
              <div key={field}>
                <label htmlFor={id} className="label">
                  {t(`fields.${data.job.kind}.${field}`)}
                  {required ? <span> ({t('map.required')})</span> : null}
                </label>
                <select
                  id={id}
                  name={`map.${field}`}
                  className="input"
                  defaultValue={data.mapping[field] ?? ''}
                  aria-invalid={missing.has(field) ? true : undefined}
                  aria-describedby={missing.has(field) ? `${id}-error` : undefined}
                >
                  <option value="">{t('map.notImported')}</option>
                  {data.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                {missing.has(field) ? (
                  <p id={`${id}-error`} className="field-error">
                    {t('map.requiredField')}
                  </p>
                ) : null}
              </div>
            )
          })}
        </div>
        {data.job.kind === 'stakeholders' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor="map-default-category" className="label">
                {t('map.defaultCategory')}
              </label>
              <select
                id="map-default-category"
                name="defaultCategoryId"
                className="input"
                defaultValue={data.options.defaultCategoryId ?? ''}
                aria-invalid={missing.has('category') ? true : undefined}
                aria-describedby="map-default-category-hint"
              >
                <option value="">{t('map.noDefault')}</option>
                {data.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.key ? t(`stakeholders:categories.${c.key}`, { defaultValue: c.name }) : c.name}
                  </option>
                ))}
              </select>
              <p id="map-default-category-hint" className="hint">
                {t('map.defaultCategoryHint')}
              </p>
            </div>
            <div>
              <label htmlFor="map-owner" className="label">
                {t('map.owner')}
              </label>
              <select
                id="map-owner"
                name="ownerPartnerId"
                className="input"
                defaultValue={data.options.ownerPartnerId ?? ''}
              >
                <option value="">{t('map.noOwner')}</option>
                {data.partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        {data.job.kind === 'contacts' ? (
          <div>
            <label htmlFor="map-basis" className="label">
              {t('map.lawfulBasis')}
            </label>
            <select
              id="map-basis"
              name="lawfulBasis"
              className="input max-w-md"
              defaultValue={data.options.lawfulBasis}
              aria-describedby="map-basis-hint"
            >
              {data.lawfulBases.map((b) => (
                <option key={b} value={b}>
                  {t(`stakeholders:contacts.bases.${b}`)}
                </option>
              ))}
            </select>
            <p id="map-basis-hint" className="hint">
              {t('map.lawfulBasisHint')}
            </p>
          </div>
        ) : null}
        {data.sample.length ? (
          <div className="overflow-x-auto">
            <table className="table">
              <caption className="mb-1 text-left text-sm font-semibold">{t('map.sample')}</caption>
              <thead>
                <tr>
                  {data.headers.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.sample.map((row, i) => (
                  <tr key={i}>
                    {data.headers.map((h, j) => (
                      <td key={h}>{row[j] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'}>
            {t('map.submit')}
          </button>
          <Link to={`/${area}/import`} className="btn-secondary">
            {t('map.another')}
          </Link>
        </div>
        <p role="status" aria-live="polite" className="text-sm">
          {navigation.state !== 'idle' ? t('map.checking', { count: data.job.rows }) : ''}
        </p>
      </Form>
    </div>
  )
}

// ---------------------------------------------------------------------------------------------
// 3 preview

type PreviewData = SerializeFrom<typeof previewLoader>

function ProblemTable({
  caption,
  rows,
  total,
}: {
  caption: string
  rows: { line: number; label: string; reason: string; params?: Record<string, string | number> }[]
  total: number
}) {
  const { t } = useTranslation('import')
  if (!rows.length) return null
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="mb-1 text-left font-semibold">
          {caption} ({total})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('table.line')}</th>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.line}-${i}`}>
              <td>{r.line}</td>
              <td>{r.label}</td>
              <td>
                {t(r.reason, {
                  ...r.params,
                  field: r.params?.field
                    ? t(`fieldNames.${r.params.field}`, { defaultValue: String(r.params.field) })
                    : '',
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? (
        <p className="hint">{t('preview.more', { count: total - rows.length })}</p>
      ) : null}
    </div>
  )
}

export function PreviewPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<PreviewData>()
  const navigation = useNavigation()
  const writing = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'write'
  const decisionChoices = data.canUpdate
    ? (['skip', 'update', 'create'] as const)
    : (['skip', 'create'] as const)
  return (
    <div className="max-w-5xl">
      <Title area={area} step="preview" />
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
        {data.duplicateCount ? (
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
          </section>
        ) : null}

        <fieldset className="card">
          <legend className="label">{t('preview.mode')}</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="mode" value="valid" defaultChecked={data.mode === 'valid'} />{' '}
            {t('modes.valid')}
          </label>
          <label className="mt-2 flex items-start gap-2 text-sm">
            <input type="radio" name="mode" value="all" defaultChecked={data.mode === 'all'} />{' '}
            {t('modes.all')}
          </label>
        </fieldset>

        <div className="flex flex-wrap items-center gap-2">
          <button
            type="submit"
            name="intent"
            value="write"
            className="btn-primary"
            disabled={navigation.state !== 'idle'}
          >
            {t('preview.confirm')}
          </button>
          <button
            type="submit"
            name="intent"
            value="decide"
            className="btn-secondary"
            disabled={navigation.state !== 'idle'}
          >
            {t('preview.recount')}
          </button>
          <Link to={`/${area}/import/${data.job.id}/map`} className="btn-secondary">
            {t('preview.backToMap')}
          </Link>
        </div>
        <p role="status" aria-live="polite" className="text-sm">
          {writing ? t('preview.writing', { count: data.valid }) : ''}
        </p>
      </Form>
    </div>
  )
}

// ---------------------------------------------------------------------------------------------
// 4 report

type ReportData = SerializeFrom<typeof reportLoader>

export function ReportPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<ReportData>()
  const list = area === 'actions' ? '/actions' : '/stakeholders'
  const rowsOf = (
    rows: { line: number; label: string; reason?: string; params?: Record<string, string | number> }[],
  ) => rows.map((r) => ({ ...r, reason: r.reason ?? '' }))
  return (
    <div className="max-w-5xl">
      <Title area={area} step="report" />
      <section className="card mb-4" aria-labelledby="report-summary">
        <h2 id="report-summary" className="mb-2 text-lg font-semibold">
          {data.aborted ? t('report.aborted') : t('report.done', { file: data.job.fileName })}
        </h2>
        <ul className="grid gap-2 text-sm sm:grid-cols-3">
          <li>
            <StatusBadge tone="ok">{t('report.created', { count: data.counts.created })}</StatusBadge>
          </li>
          <li>
            <StatusBadge tone="info">{t('report.updated', { count: data.counts.updated })}</StatusBadge>
          </li>
          <li>
            <StatusBadge tone="neutral">{t('report.skipped', { count: data.counts.skipped })}</StatusBadge>
          </li>
          <li>
            <StatusBadge tone={data.counts.rejected ? 'bad' : 'ok'}>
              {t('report.rejected', { count: data.counts.rejected })}
            </StatusBadge>
          </li>
          <li>
            <StatusBadge tone={data.counts.warnings ? 'warn' : 'ok'}>
              {t('report.warnings', { count: data.counts.warnings })}
            </StatusBadge>
          </li>
        </ul>
        <div className="mt-4 flex flex-wrap gap-2">
          <a href={`/${area}/import/${data.job.id}/report.csv`} className="btn-secondary" download>
            {t('report.download')}
          </a>
          <Link to={list} className="btn-secondary">
            {t(`report.toList.${area}`)}
          </Link>
          <Link to={`/${area}/import`} className="btn-secondary">
            {t('report.another')}
          </Link>
        </div>
      </section>
      <div className="space-y-4">
        {data.rejected.length ? (
          <section className="card">
            <ProblemTable
              caption={t('report.rejectedTitle')}
              rows={rowsOf(data.rejected)}
              total={data.problemCount}
            />
          </section>
        ) : null}
        {data.warnings.length ? (
          <section className="card">
            <ProblemTable
              caption={t('report.warningsTitle')}
              rows={rowsOf(data.warnings)}
              total={data.counts.warnings}
            />
          </section>
        ) : null}
        {data.skipped.length ? (
          <section className="card">
            <ProblemTable
              caption={t('report.skippedTitle')}
              rows={rowsOf(data.skipped)}
              total={data.counts.skipped}
            />
          </section>
        ) : null}
        {data.created.length ? (
          <section className="card">
            <RecordTable
              caption={t('report.createdTitle')}
              rows={data.created}
              total={data.counts.created}
              area={area}
              kind={String(data.job.kind)}
            />
          </section>
        ) : null}
        {data.updated.length ? (
          <section className="card">
            <RecordTable
              caption={t('report.updatedTitle')}
              rows={data.updated}
              total={data.counts.updated}
              area={area}
              kind={String(data.job.kind)}
            />
          </section>
        ) : null}
      </div>
    </div>
  )
}

function RecordTable({
  caption,
  rows,
  total,
  area,
  kind,
}: {
  caption: string
  rows: { line: number; label: string; id?: number | null }[]
  total: number
  area: Area
  kind: string
}) {
  const { t } = useTranslation('import')
  const href = (id: number) =>
    area === 'actions' ? `/actions/${id}` : kind === 'stakeholders' ? `/stakeholders/${id}` : null
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="mb-1 text-left font-semibold">
          {caption} ({total})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('table.line')}</th>
            <th scope="col">{t('table.name')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const link = r.id ? href(r.id) : null
            return (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{link ? <Link to={link}>{r.label}</Link> : r.label}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {total > rows.length ? (
        <p className="hint">{t('preview.more', { count: total - rows.length })}</p>
      ) : null}
    </div>
  )
}
