import type { SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'
import type { reportLoader } from '~/routes/_shared/import.server'

import { type Area, ProblemTable, RecordTable, Title } from './shared'

type ReportData = SerializeFrom<typeof reportLoader>

function ReportSummary({ area, data }: { area: Area; data: ReportData }) {
  const { t } = useTranslation('import')
  return (
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
        <a href={`${data.base}/${data.job.id}/report.csv`} className="btn-secondary" download>
          {t('report.download')}
        </a>
        <Link to={data.back} className="btn-secondary">
          {t(`report.toList.${area}`)}
        </Link>
        <Link to={data.base} className="btn-secondary">
          {t('report.another')}
        </Link>
      </div>
    </section>
  )
}

const rowsOf = (
  rows: { line: number; label: string; reason?: string; params?: Record<string, string | number> }[],
) => rows.map((r) => ({ ...r, reason: r.reason ?? '' }))

/** The rows of the report: problems, warnings and skipped rows, then the records written. */
function ReportTables({ area, data }: { area: Area; data: ReportData }) {
  const { t } = useTranslation('import')
  return (
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
            back={data.back}
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
            back={data.back}
            kind={String(data.job.kind)}
          />
        </section>
      ) : null}
    </div>
  )
}

export function ReportPage({ area }: { area: Area }) {
  const data = useLoaderData<ReportData>()
  return (
    <div className="max-w-5xl">
      <Title area={area} step="report" back={data.back} />
      <ReportSummary area={area} data={data} />
      <ReportTables area={area} data={data} />
    </div>
  )
}
