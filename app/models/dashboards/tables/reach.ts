/** The reach dashboard's tables: the same cells for the page and the CSV export. */
import { actionsLink } from '../links'
import type { MonthlyReach } from '../reach/index.server'
import { dateCell, monthCell, num, pct, percentChange, type TableModel, text } from '../table-model'
import { figureKey } from '../types'
import { figureCells, figureColumnsModel, namedCell } from './common'

export const reachTableIds = [
  'headline',
  'monthly',
  'partners',
  'categories',
  'languages',
  'cumulative',
  'top',
] as const

function headlineTable(r: MonthlyReach): TableModel {
  return {
    id: 'headline',
    caption: 'tables.headline',
    captionParams: { month: r.month },
    columns: [
      { key: 'figure', label: 'columns.figure' },
      { key: 'value', label: 'columns.thisMonth', numeric: true },
      { key: 'previous', label: 'columns.previousMonth', numeric: true },
      { key: 'previousChange', label: 'columns.changePercent', numeric: true },
      { key: 'yearAgo', label: 'columns.yearAgo', numeric: true },
      { key: 'yearAgoChange', label: 'columns.changePercent', numeric: true },
    ],
    rows: r.headline.map((h) => [
      text(h.key, { t: `figures.${h.key}` }),
      num(h.value),
      num(h.previous),
      pct(percentChange(h.value, h.previous)),
      num(h.yearAgo),
      pct(percentChange(h.value, h.yearAgo)),
    ]),
  }
}

function monthlyTable(r: MonthlyReach): TableModel {
  const fk = figureKey[r.metric]
  return {
    id: 'monthly',
    caption: 'tables.monthly',
    captionParams: { metric: r.metric, months: r.months },
    columns: [
      { key: 'month', label: 'columns.month' },
      ...r.stackKeys.map((k) => ({
        key: `k${k.id}`,
        label:
          k.id === null
            ? `stack.none.${r.stack}`
            : k.key
              ? `actions:${r.stack === 'channel' ? 'channels' : 'types'}.${k.key}`
              : 'stack.custom',
        labelParams: { defaultValue: k.name, name: k.name },
      })),
      { key: 'total', label: 'columns.total', numeric: true },
    ].map((c, i) => (i === 0 ? c : { ...c, numeric: true })),
    rows: r.series.map((s) => [
      monthCell(s.month, { href: actionsLink(r.filters, s.month, s.month) }),
      ...r.stackKeys.map((k) => num(s.byKey[String(k.id)]?.[fk] ?? 0)),
      num(s.total[fk]),
    ]),
  }
}

function partnersTable(r: MonthlyReach): TableModel {
  const fk = figureKey[r.metric]
  const partnerTotal = r.byPartner.reduce(
    (acc, p) => ({
      ...acc,
      actions: acc.actions + p.actions,
      participants: acc.participants + p.participants,
      onlineReach: acc.onlineReach + p.onlineReach,
      engagements: acc.engagements + p.engagements,
    }),
    { actions: 0, participants: 0, onlineReach: 0, engagements: 0 },
  )
  return {
    id: 'partners',
    caption: 'tables.partners',
    captionParams: { month: r.month },
    columns: [
      { key: 'partner', label: 'columns.partner' },
      ...figureColumnsModel,
      { key: 'target', label: 'columns.target', labelParams: { metric: r.metric }, numeric: true },
      { key: 'targetShare', label: 'columns.ofTarget', numeric: true },
    ],
    rows: r.byPartner.map((p) => [
      text(p.name, { href: actionsLink(r.filters, r.month, r.month, { partner: p.id }) }),
      ...figureCells(p),
      num(p.target),
      pct(p.target ? Math.round((p[fk] / p.target) * 1000) / 10 : null),
    ]),
    footer: [text('total', { t: 'columns.total' }), ...figureCells(partnerTotal), num(null), pct(null)],
  }
}

function categoriesTable(r: MonthlyReach): TableModel {
  return {
    id: 'categories',
    caption: 'tables.categories',
    captionParams: { month: r.month },
    columns: [
      { key: 'category', label: 'columns.category' },
      ...figureColumnsModel,
      { key: 'stakeholders', label: 'figures.stakeholdersReached', numeric: true },
    ],
    rows: r.byCategory.map((c) => [
      text(c.name, { t: c.key ? `stakeholders:categories.${c.key}` : undefined }),
      ...figureCells(c),
      num(c.stakeholders),
    ]),
  }
}

function languagesTable(r: MonthlyReach): TableModel {
  return {
    id: 'languages',
    caption: 'tables.languages',
    captionParams: { month: r.month },
    columns: [{ key: 'language', label: 'columns.language' }, ...figureColumnsModel],
    rows: r.byLanguage.map((l) => [
      text(l.language, {
        t: `common:languages.${l.language}`,
        href: actionsLink(r.filters, r.month, r.month, { language: l.language }),
      }),
      ...figureCells(l),
    ]),
  }
}

function cumulativeTable(r: MonthlyReach): TableModel {
  return {
    id: 'cumulative',
    caption: 'tables.cumulative',
    captionParams: { metric: r.metric },
    columns: [
      { key: 'month', label: 'columns.month' },
      { key: 'actual', label: 'columns.cumulativeActual', numeric: true },
      { key: 'target', label: 'columns.targetPace', numeric: true },
      { key: 'projection', label: 'columns.projection', numeric: true },
    ],
    rows: r.cumulative.rows.map((c) => [monthCell(c.month), num(c.actual), num(c.target), num(c.projection)]),
  }
}

function topTable(r: MonthlyReach): TableModel {
  return {
    id: 'top',
    caption: 'tables.top',
    captionParams: { month: r.month },
    columns: [
      { key: 'title', label: 'columns.action' },
      { key: 'date', label: 'columns.date' },
      { key: 'partner', label: 'columns.partner' },
      { key: 'type', label: 'columns.type' },
      { key: 'channel', label: 'columns.channel' },
      { key: 'participants', label: 'figures.participants', numeric: true },
      { key: 'onlineReach', label: 'figures.onlineReach', numeric: true },
      { key: 'engagements', label: 'figures.engagements', numeric: true },
    ],
    rows: r.topActions.map((a) => [
      text(a.title, { href: `/actions/${a.id}` }),
      dateCell(a.date),
      text(a.partner),
      namedCell({ name: a.type, key: a.typeKey }, 'type'),
      a.channel
        ? namedCell({ name: a.channel, key: a.channelKey }, 'channel')
        : namedCell(undefined, 'channel'),
      num(a.participants),
      num(a.onlineReach),
      num(a.engagements),
    ]),
  }
}

export function reachTables(r: MonthlyReach): TableModel[] {
  return [
    headlineTable(r),
    monthlyTable(r),
    partnersTable(r),
    categoriesTable(r),
    languagesTable(r),
    cumulativeTable(r),
    topTable(r),
  ]
}
