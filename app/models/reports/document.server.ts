import { serverT } from '~/i18n/resources.server'
import { formatDate, formatMonth, formatNumber } from '~/utils/format'

import { type ValueReportData } from './queries.server'
import { type ReportLang } from './schemas'

/*
 * The value report put in words, in the report's own language (not the reader's interface
 * language): one neutral document of sections, paragraphs, tables and stories that the page, the
 * Word document and the Markdown file all render, so the three always say the same.
 */

export type ReportTable = { caption: string; head: string[]; rows: string[][]; numeric: boolean[] }

export type ReportStory = {
  id: number
  title: string
  meta: string
  description: string | null
  evidenceUrl: string | null
  organisations: string[]
  actions: { id: number; text: string }[]
  events: { id: number; text: string }[]
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'markdown'; source: string }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'story'; story: ReportStory }

export type ReportSectionId = 'intro' | 'outputs' | 'stories' | 'indicators' | 'partners' | 'next'
export type ReportSection = { id: ReportSectionId; title: string; blocks: ReportBlock[] }

export type ReportDocument = {
  lang: ReportLang
  title: string
  subtitle: string
  generated: string
  labels: { organisations: string; actionsBehind: string; eventsBehind: string; evidence: string }
  sections: ReportSection[]
}

type T = ReturnType<typeof serverT>
type Fmt = { n: (v: number | null | undefined) => string; date: (iso: string) => string; month: (m: string) => string }

function formatter(lang: ReportLang): Fmt {
  return {
    n: (v) => formatNumber(v, lang),
    date: (iso) => formatDate(iso, lang, 'long'),
    month: (m) => formatMonth(m, lang),
  }
}

function introSection(data: ValueReportData, lang: ReportLang, t: T, f: Fmt): ReportSection {
  const count = data.outputs.verifiedOutcomes
  const summary = t('reports:doc.summary', {
    from: f.month(data.from),
    to: f.month(data.to),
    actions: f.n(data.outputs.actions),
    participants: f.n(data.outputs.participants),
    onlineReach: f.n(data.outputs.onlineReach),
    outcomes: count ? t('reports:doc.summaryOutcomes', { count }) : t('reports:doc.summaryNoOutcomes'),
  })
  const intro = data.intro[lang].trim()
  const blocks: ReportBlock[] = intro
    ? [
        { kind: 'markdown', source: intro },
        { kind: 'paragraph', text: summary },
      ]
    : [{ kind: 'paragraph', text: summary }]
  return { id: 'intro', title: t('reports:doc.sections.intro'), blocks }
}

function outputsSection(data: ValueReportData, t: T, f: Fmt): ReportSection {
  const keys = ['actions', 'participants', 'onlineReach', 'engagements', 'verifiedOutcomes'] as const
  const rows = [
    ...keys.map((k) => [t(`reports:doc.outputs.${k}`), f.n(data.outputs[k])]),
    ...data.programme.map((p) => [`${p.code} ${t(`plan:indicators.names.${p.code}`)}`, f.n(p.value)]),
  ]
  const title = t('reports:doc.sections.outputs')
  return {
    id: 'outputs',
    title,
    blocks: [
      {
        kind: 'table',
        table: {
          caption: title,
          head: [t('reports:doc.figure'), t('reports:doc.value')],
          rows,
          numeric: [false, true],
        },
      },
      { kind: 'paragraph', text: t('reports:doc.outputsNote') },
    ],
  }
}

function storiesSection(data: ValueReportData, t: T, f: Fmt): ReportSection {
  const blocks: ReportBlock[] = data.stories.map((o) => ({
    kind: 'story',
    story: {
      id: o.id,
      title: o.title,
      meta: t('reports:doc.storyMeta', {
        date: f.date(o.date),
        partner: o.partnerName,
        type: t(`results:types.${o.type}`),
      }),
      description: o.description,
      evidenceUrl: o.evidenceUrl,
      organisations: o.stakeholders.map((s) => s.name),
      actions: o.actions.map((a) => ({ id: a.id, text: `${f.date(a.date)} · ${a.title} (${a.partnerName})` })),
      events: o.events.map((e) => ({ id: e.id, text: `${f.date(e.startDate)} · ${e.title}` })),
    },
  }))
  return {
    id: 'stories',
    title: t('reports:doc.sections.stories'),
    blocks: blocks.length ? blocks : [{ kind: 'paragraph', text: t('reports:doc.noStories') }],
  }
}

function indicatorsSection(data: ValueReportData, t: T, f: Fmt): ReportSection {
  const title = t('reports:doc.sections.indicators')
  if (!data.indicators.length)
    return { id: 'indicators', title, blocks: [{ kind: 'paragraph', text: t('reports:doc.noIndicators') }] }
  const rows = data.indicators.map((i) => [
    i.code,
    i.name,
    i.baselineDate ? `${f.n(i.baselineValue)} (${f.date(i.baselineDate)})` : f.n(i.baselineValue),
    f.n(i.current),
    i.target === null ? t('reports:doc.noTarget') : f.n(i.target),
    i.unit,
  ])
  const head = ['code', 'indicator', 'baseline', 'current', 'target', 'unit'].map((k) => t(`reports:doc.${k}`))
  return {
    id: 'indicators',
    title,
    blocks: [
      { kind: 'table', table: { caption: title, head, rows, numeric: [false, false, true, true, true, false] } },
    ],
  }
}

function partnersSection(data: ValueReportData, t: T, f: Fmt): ReportSection {
  const title = t('reports:doc.sections.partners')
  const head = [
    t('reports:doc.partner'),
    t('reports:doc.outputs.actions'),
    t('reports:doc.outputs.participants'),
    t('reports:doc.outputs.onlineReach'),
    t('reports:doc.outputs.engagements'),
    t('reports:doc.events'),
    t('reports:doc.outcomesVerified'),
  ]
  const rows = data.partners.map((p) => [
    p.name,
    ...[p.actions, p.participants, p.onlineReach, p.engagements, p.events, p.outcomes].map(f.n),
  ])
  const numeric = [false, true, true, true, true, true, true]
  return { id: 'partners', title, blocks: [{ kind: 'table', table: { caption: title, head, rows, numeric } }] }
}

function nextSection(data: ValueReportData, t: T, f: Fmt): ReportSection {
  const title = t('reports:doc.sections.next')
  if (!data.next.rows.length)
    return { id: 'next', title, blocks: [{ kind: 'paragraph', text: t('reports:doc.noNext') }] }
  const rows = data.next.rows.map((a) => [
    f.date(a.dueDate),
    a.eventTitle ? `${a.title} (${t('reports:doc.atEvent', { event: a.eventTitle })})` : a.title,
    a.partnerName ?? t('reports:doc.wholeProject'),
  ])
  const head = [t('reports:doc.due'), t('reports:doc.activity'), t('reports:doc.whoFor')]
  const blocks: ReportBlock[] = [
    { kind: 'table', table: { caption: title, head, rows, numeric: [false, false, false] } },
  ]
  const more = data.next.total - data.next.rows.length
  if (more > 0) blocks.push({ kind: 'paragraph', text: t('reports:doc.moreNext', { count: more }) })
  return { id: 'next', title, blocks }
}

/** The report for a period in `lang`, ready to be rendered as a page, a Word document or Markdown. */
export function valueReportDocument(
  data: ValueReportData,
  lang: ReportLang,
  today = new Date().toISOString().slice(0, 10),
): ReportDocument {
  const t = serverT(lang)
  const f = formatter(lang)
  return {
    lang,
    title: t('reports:doc.title', { project: data.projectName }),
    subtitle: t('reports:doc.subtitle', { from: f.month(data.from), to: f.month(data.to) }),
    generated: t('reports:doc.generated', { date: f.date(today) }),
    labels: {
      organisations: t('reports:doc.organisations'),
      actionsBehind: t('reports:doc.actionsBehind'),
      eventsBehind: t('reports:doc.eventsBehind'),
      evidence: t('reports:doc.evidence'),
    },
    sections: [
      introSection(data, lang, t, f),
      outputsSection(data, t, f),
      storiesSection(data, t, f),
      indicatorsSection(data, t, f),
      partnersSection(data, t, f),
      nextSection(data, t, f),
    ],
  }
}
