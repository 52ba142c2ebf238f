import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export type Area = 'stakeholders' | 'actions' | 'registrations'
const steps = ['upload', 'map', 'values', 'preview', 'report'] as const
export type Step = (typeof steps)[number]

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

/** The import's heading; `back` is the page it returns to (the list, or the event's registrants). */
export function Title({ area, step, back }: { area: Area; step: Step; back: string }) {
  const { t } = useTranslation('import')
  return (
    <>
      <div className="page-title">
        <h1>{t(`title.${area}`)}</h1>
        <Link to={back} className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <ImportSteps current={step} />
    </>
  )
}

/** Problems of rows (line, name, reason), the first ones of `total`. */
export function ProblemTable({
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

/** Records created or updated, linked to their page where they have one. */
export function RecordTable({
  caption,
  rows,
  total,
  area,
  kind,
  back,
}: {
  caption: string
  rows: { line: number; label: string; id?: number | null }[]
  total: number
  area: Area
  kind: string
  /** Registrants have no page of their own: they link to the event's registrants. */
  back: string
}) {
  const { t } = useTranslation('import')
  const href = (id: number) =>
    area === 'registrations'
      ? back
      : area === 'actions'
        ? `/actions/${id}`
        : kind === 'contacts'
          ? `/contacts/${id}`
          : `/stakeholders/${id}`
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
