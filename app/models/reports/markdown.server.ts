import { type ReportBlock, type ReportDocument, type ReportStory, type ReportTable } from './document.server'

/** The value report as Markdown (GitHub tables), for pasting into a funder's template or a wiki. */

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
const line = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim()

function table(t: ReportTable) {
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  return [row(t.head), `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`, ...t.rows.map(row)].join(
    '\n',
  )
}

function story(s: ReportStory, labels: ReportDocument['labels']) {
  const parts = [`### ${line(s.title)}`, `*${line(s.meta)}*`]
  if (s.description) parts.push(s.description.trim())
  if (s.organisations.length) parts.push(`**${labels.organisations}:** ${s.organisations.map(line).join(', ')}`)
  if (s.actions.length)
    parts.push(`**${labels.actionsBehind}:**\n\n${s.actions.map((a) => `- ${line(a.text)}`).join('\n')}`)
  if (s.events.length)
    parts.push(`**${labels.eventsBehind}:**\n\n${s.events.map((e) => `- ${line(e.text)}`).join('\n')}`)
  if (s.evidenceUrl) parts.push(`**${labels.evidence}:** <${s.evidenceUrl}>`)
  return parts.join('\n\n')
}

function block(b: ReportBlock, labels: ReportDocument['labels']) {
  if (b.kind === 'paragraph') return b.text
  if (b.kind === 'markdown') return b.source.trim()
  if (b.kind === 'table') return table(b.table)
  return story(b.story, labels)
}

export function valueReportMarkdown(doc: ReportDocument): string {
  const parts = [`# ${line(doc.title)}`, `*${doc.subtitle}*`]
  for (const section of doc.sections) {
    parts.push(`## ${section.title}`)
    for (const b of section.blocks) parts.push(block(b, doc.labels))
  }
  parts.push(`---\n\n${doc.generated}`)
  return `${parts.join('\n\n')}\n`
}
