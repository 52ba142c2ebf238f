import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ChartFigure } from '~/components/charts/ChartFigure'
import { ResultChart } from '~/components/charts/result-chart'
import type { TableModel } from '~/models/dashboards/table-model'
import { useFormat } from '~/utils/format'

export type ResultFigureView = {
  indicator: {
    id: number
    code: string
    kind: 'programme' | 'kpi'
    name: string
    definition: string
    unit: string
    baselineValue: number
    baselineDate: string | null
    target: number | null
    source: string | null
    method: 'computed' | 'entered'
  }
  current: number
  months: { month: string; value: number }[]
  records: {
    outcomeId: number
    title: string
    date: string
    partnerName: string
    organisations: { id: number; name: string }[]
  }[]
  values: {
    id: number
    date: string
    value: number
    evidenceUrl: string | null
    note: string | null
    createdByName: string | null
    createdAt: string
  }[]
}

/** The name and definition of an indicator: the programme's in the reader's language, a KPI's as typed. */
export function useIndicatorText() {
  const { t } = useTranslation('results')
  return (i: ResultFigureView['indicator']) => ({
    name:
      i.kind === 'programme' ? t(`indicators.programme.${i.code}.name`, { defaultValue: i.name }) : i.name,
    definition:
      i.kind === 'programme'
        ? t(`indicators.programme.${i.code}.definition`, { defaultValue: i.definition })
        : i.definition,
  })
}

function monthsTable(fig: ResultFigureView): TableModel {
  return {
    id: `result-${fig.indicator.id}`,
    caption: 'results:indicators.tableCaption',
    captionParams: { code: fig.indicator.code },
    columns: [
      { key: 'month', label: 'results:indicators.month' },
      { key: 'value', label: 'results:indicators.value', numeric: true },
    ],
    rows: fig.months.map((m) => [
      { v: m.month, kind: 'month' },
      { v: m.value, kind: 'number' },
    ]),
  }
}

/** Baseline, current and target of one indicator, its chart with the table of the same months, and what is behind it. */
export function ResultIndicatorCard({
  fig,
  recordsShown = 10,
}: {
  fig: ResultFigureView
  recordsShown?: number
}) {
  const { t } = useTranslation('results')
  const f = useFormat()
  const text = useIndicatorText()(fig.indicator)
  const i = fig.indicator
  return (
    <ChartFigure
      id={`indicator-${i.id}`}
      title={`${i.code} · ${text.name}`}
      description={text.definition}
      split
      table={monthsTable(fig)}
      chart={
        // Drawn at a fixed width: scrolls inside its card on a phone, never the page.
        <div className="max-w-full overflow-x-auto">
          <ResultChart
            id={`chart-${i.id}`}
            data={fig.months}
            baseline={i.baselineValue}
            target={i.target}
            names={{
              value: t('indicators.current'),
              baseline: t('indicators.baseline'),
              target: t('indicators.target'),
            }}
            monthLabel={(m) => f.month(m)}
            formatNumber={(v) => f.number(v)}
          />
        </div>
      }
    >
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-ink-muted">{t('indicators.baseline')}</dt>
          <dd className="font-semibold">
            {f.number(i.baselineValue)} {i.unit}
            {i.baselineDate ? (
              <span className="block text-xs font-normal">{f.date(i.baselineDate)}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t('indicators.current')}</dt>
          <dd className="font-semibold">
            {f.number(fig.current)} {i.unit}
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t('indicators.target')}</dt>
          <dd className="font-semibold">{i.target !== null ? `${f.number(i.target)} ${i.unit}` : '—'}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t('indicators.source')}</dt>
          <dd>{i.source ?? '—'}</dd>
        </div>
      </dl>
      <p className="text-xs text-ink-muted">{t(`indicators.method.${i.method}`)}</p>
      <IndicatorRecords fig={fig} shown={recordsShown} />
    </ChartFigure>
  )
}

function IndicatorRecords({ fig, shown }: { fig: ResultFigureView; shown: number }) {
  const { t } = useTranslation('results')
  const f = useFormat()
  if (fig.indicator.method === 'entered')
    return fig.values.length ? (
      <ul className="space-y-1 text-sm">
        {fig.values.slice(-shown).map((v) => (
          <li key={v.id}>
            {f.date(v.date)}: <strong>{f.number(v.value)}</strong>
            {v.evidenceUrl ? (
              <>
                {' · '}
                <a href={v.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                  {t('indicators.evidence')}
                </a>
              </>
            ) : null}
            {v.note ? ` · ${v.note}` : ''}
            <span className="text-xs text-ink-muted">
              {' '}
              ({t('indicators.enteredBy', { name: v.createdByName ?? '—', date: f.dateTime(v.createdAt) })})
            </span>
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-sm text-ink-muted">{t('indicators.noValues')}</p>
    )
  return fig.records.length ? (
    <div className="space-y-1 text-sm">
      <p className="font-semibold">{t('indicators.records', { count: fig.records.length })}</p>
      <ul className="list-disc pl-5">
        {fig.records.slice(0, shown).map((r) => (
          <li key={r.outcomeId}>
            <Link to={`/results/${r.outcomeId}`}>{r.title}</Link> · {f.date(r.date)} · {r.partnerName}
            {r.organisations.length ? ` · ${r.organisations.map((o) => o.name).join('; ')}` : ''}
          </li>
        ))}
      </ul>
      {fig.records.length > shown ? (
        <Link to={`/plan/indicators/results/${fig.indicator.id}`}>{t('indicators.allRecords')}</Link>
      ) : null}
    </div>
  ) : (
    <p className="text-sm text-ink-muted">{t('indicators.noRecords')}</p>
  )
}
