/** The coverage dashboard's tables: the same cells for the page and the CSV export. */
import type { Coverage } from '../coverage/index.server'
import { actionsLink } from '../links'
import { addMonths } from '../months'
import { actualAsOf } from '../reading/scope'
import { type Cell, dateCell, num, pct, type TableModel, text } from '../table-model'
import { breakdownKeyLabel } from './common'

export const coverageTableIds = [
  'targets',
  'unreached',
  'partners',
  'languages',
  'materials',
  'events',
] as const

type TargetOfView = Coverage['targets'][number]

function targetFor(t: TargetOfView): Cell {
  if (!t.breakdown) return text('all', { t: 'coverage.wholeProject' })
  return text(t.breakdownLabel, {
    t:
      t.breakdown === 'language'
        ? `common:languages.${t.breakdownValue}`
        : t.breakdownKey
          ? breakdownKeyLabel(t.breakdown, t.breakdownKey)
          : undefined,
  })
}

/** Actual, as of, achieved, projection and status; in words when the filter keeps the target from being compared. */
function progressCells(t: TargetOfView, asOf: string): Cell[] {
  if (t.scope.kind === 'not_compared') {
    const why = text(null, {
      t: t.breakdown ? 'reading:scope.notCompared' : 'reading:scope.projectWide',
      tDims: { by: t.scope.by },
    })
    return [why, text(null), pct(null), num(null), why]
  }
  const day = actualAsOf(t, asOf)
  return [
    num(t.actual),
    day ? dateCell(day) : text(null, { t: 'reading:targets.notStarted' }),
    pct(t.percentage),
    num(t.projection),
    text(t.status, { t: `status.${t.status}` }),
  ]
}

function targetsTable(c: Coverage): TableModel {
  return {
    id: 'targets',
    caption: 'tables.targets',
    columns: [
      { key: 'target', label: 'columns.targetName' },
      { key: 'breakdown', label: 'columns.for' },
      { key: 'period', label: 'columns.period' },
      { key: 'value', label: 'columns.targetValue', numeric: true },
      { key: 'actual', label: 'columns.actual', numeric: true },
      { key: 'asOf', label: 'reading:targets.asOfColumn' },
      { key: 'percentage', label: 'columns.percentage', numeric: true },
      { key: 'projection', label: 'columns.projection', numeric: true },
      { key: 'status', label: 'columns.status' },
    ],
    rows: c.targets.map((t) => [
      text(t.label ?? t.metric, { t: t.label ? undefined : `metrics.${t.metric}`, href: `/plan/targets` }),
      targetFor(t),
      text(`${t.periodStart} – ${t.periodEnd}`),
      num(t.value),
      ...progressCells(t, c.asOf),
    ]),
  }
}

function unreachedTable(c: Coverage): TableModel {
  return {
    id: 'unreached',
    caption: c.priority.group ? 'tables.unreachedGroup' : 'tables.unreached',
    captionParams: { months: c.since, group: c.priority.group?.name ?? '' },
    columns: [
      { key: 'stakeholder', label: 'columns.stakeholder' },
      { key: 'category', label: 'columns.category' },
      { key: 'tier', label: 'columns.tier' },
      { key: 'owner', label: 'columns.owner' },
      { key: 'lastReached', label: 'columns.lastReached' },
    ],
    rows: c.priority.rows.map((s) => [
      text(s.name, { href: `/stakeholders/${s.id}` }),
      text(s.category, { t: s.categoryKey ? `stakeholders:categories.${s.categoryKey}` : undefined }),
      text(s.tier),
      s.owner ? text(s.owner) : text(null, { t: 'coverage.noOwner' }),
      s.lastReached ? dateCell(s.lastReached) : text(null, { t: 'coverage.never' }),
    ]),
  }
}

function partnersTable(c: Coverage): TableModel {
  return {
    id: 'partners',
    caption: 'tables.inactivePartners',
    captionParams: { month: c.month },
    columns: [
      { key: 'partner', label: 'columns.partner' },
      { key: 'lastAction', label: 'columns.lastAction' },
    ],
    rows: c.partners.inactive.map((p) => [
      text(p.name, { href: actionsLink(c.filters, addMonths(c.month, -11), c.month, { partner: p.id }) }),
      p.lastAction ? dateCell(p.lastAction) : text(null, { t: 'coverage.never' }),
    ]),
  }
}

function languagesTable(c: Coverage): TableModel {
  return {
    id: 'languages',
    caption: 'tables.workingLanguages',
    captionParams: { months: c.since },
    columns: [
      { key: 'language', label: 'columns.language' },
      { key: 'actions', label: 'figures.actions', numeric: true },
      { key: 'used', label: 'columns.used' },
    ],
    rows: c.languages.working.map((l) => [
      text(l.language, {
        t: `common:languages.${l.language}`,
        href: actionsLink(c.filters, c.windowStart, c.month, { language: l.language }),
      }),
      num(l.actions),
      text(l.actions > 0 ? 'yes' : 'no', { t: l.actions > 0 ? 'coverage.used' : 'coverage.notUsed' }),
    ]),
  }
}

function materialsTable(c: Coverage): TableModel {
  return {
    id: 'materials',
    caption: 'tables.materials',
    columns: [
      { key: 'language', label: 'columns.language' },
      { key: 'materials', label: 'columns.materials', numeric: true },
      { key: 'working', label: 'columns.workingLanguage' },
    ],
    rows: c.materials.map((m) => [
      text(m.language, { t: `common:languages.${m.language}` }),
      num(m.materials),
      text(m.working ? 'yes' : 'no', { t: m.working ? 'common:yes' : 'common:no' }),
    ]),
  }
}

/** Each event's and campaign's key figures in the window (the same as on its page). */
function eventsTable(c: Coverage): TableModel {
  return {
    id: 'events',
    caption: 'people:tables.events',
    captionParams: { from: c.windowStart, to: c.month },
    columns: [
      { key: 'event', label: 'people:columns.event' },
      { key: 'kind', label: 'people:columns.kind' },
      { key: 'start', label: 'people:columns.start' },
      { key: 'registrations', label: 'people:kpis.registrations', numeric: true },
      { key: 'attended', label: 'people:kpis.attended', numeric: true },
      { key: 'attendanceRate', label: 'people:kpis.attendanceRate', numeric: true },
      { key: 'stakeholders', label: 'people:kpis.stakeholders', numeric: true },
      { key: 'byCategory', label: 'people:columns.byCategory' },
      { key: 'actions', label: 'people:kpis.actions', numeric: true },
      { key: 'outcomes', label: 'people:kpis.outcomes', numeric: true },
      { key: 'responses', label: 'people:columns.responses', numeric: true },
      { key: 'average', label: 'people:columns.average', numeric: true },
    ],
    rows: c.events.map((e) => [
      text(e.title, { href: `/events/${e.id}` }),
      text(e.kind, { t: `plan:eventKinds.${e.kind}` }),
      dateCell(e.startDate),
      num(e.kpis.registrations),
      num(e.kpis.attended),
      pct(e.kpis.attendanceRate),
      num(e.kpis.stakeholders),
      text(e.kpis.byCategory.map((k) => `${k.name ?? '—'}: ${k.count}`).join(' · ') || null),
      num(e.kpis.actions),
      num(e.kpis.outcomes),
      num(e.kpis.satisfactionResponses),
      num(e.kpis.satisfactionAverage),
    ]),
  }
}

export function coverageTables(c: Coverage): TableModel[] {
  return [
    targetsTable(c),
    unreachedTable(c),
    partnersTable(c),
    languagesTable(c),
    materialsTable(c),
    eventsTable(c),
  ]
}
