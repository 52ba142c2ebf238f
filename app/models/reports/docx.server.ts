import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { Lexer, type Token, type Tokens } from 'marked'

import { type ReportBlock, type ReportDocument, type ReportStory, type ReportTable } from './document.server'

/*
 * The value report as a Word document (the `docx` package): real headings (so a funder's template
 * can restyle them and build its table of contents), real tables with a repeated header row and
 * rows that do not split across pages, and each section after the introduction on a new page.
 */

type Inline = { text: string; bold?: boolean; italics?: boolean }

/** The inline Markdown of the introduction as runs: bold, italics, code and links kept as text. */
function inlineRuns(tokens: Token[] | undefined, style: Omit<Inline, 'text'> = {}): Inline[] {
  return (tokens ?? []).flatMap((token): Inline[] => {
    const nested = (token as { tokens?: Token[] }).tokens
    if (token.type === 'strong') return inlineRuns(nested, { ...style, bold: true })
    if (token.type === 'em') return inlineRuns(nested, { ...style, italics: true })
    if (token.type === 'link') {
      const link = token as Tokens.Link
      return [...inlineRuns(nested, style), { ...style, text: ` (${link.href})` }]
    }
    if (token.type === 'br') return [{ ...style, text: '\n' }]
    if (nested?.length) return inlineRuns(nested, style)
    return [{ ...style, text: decode((token as { text?: string }).text ?? token.raw) }]
  })
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]!)

const runs = (inline: Inline[]) => inline.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics }))
const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)] })

/** The introduction's Markdown as Word paragraphs, headings, bullets and tables. */
function markdownBlocks(source: string): (Paragraph | Table)[] {
  const headings = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const
  return new Lexer({ gfm: true }).lex(source).flatMap((token): (Paragraph | Table)[] => {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading
      return [new Paragraph({ heading: headings[Math.min(h.depth, 3) - 1], children: runs(inlineRuns(h.tokens)) })]
    }
    if (token.type === 'list')
      return (token as Tokens.List).items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, children: runs(inlineRuns(item.tokens)) }),
      )
    if (token.type === 'table') {
      const t = token as Tokens.Table
      const text = (c: Tokens.TableCell) => inlineRuns(c.tokens).map((r) => r.text).join('')
      return [
        table({
          caption: '',
          head: t.header.map(text),
          rows: t.rows.map((r) => r.map(text)),
          numeric: t.header.map(() => false),
        }),
      ]
    }
    if (token.type === 'space' || token.type === 'hr') return []
    const nested = (token as { tokens?: Token[] }).tokens
    return [new Paragraph({ children: runs(nested ? inlineRuns(nested) : [{ text: token.raw.trim() }]) })]
  })
}

function tableCell(text: string, options: { header?: boolean; numeric?: boolean }) {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header })],
      }),
    ],
  })
}

function table(t: ReportTable) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.head.map((h, i) => tableCell(h, { header: true, numeric: t.numeric[i] })),
      }),
      ...t.rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: row.map((c, i) => tableCell(c, { numeric: t.numeric[i] })) }),
      ),
    ],
  })
}

function story(s: ReportStory, labels: ReportDocument['labels']): Paragraph[] {
  const labelled = (label: string, text: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] })
  const list = (items: { text: string }[]) =>
    items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(i.text)] }))
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(s.title)] }),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: s.meta, italics: true })] }),
    ...(s.description ? [paragraph(s.description)] : []),
    ...(s.organisations.length ? [labelled(labels.organisations, s.organisations.join(', '))] : []),
    ...(s.actions.length ? [labelled(labels.actionsBehind, ''), ...list(s.actions)] : []),
    ...(s.events.length ? [labelled(labels.eventsBehind, ''), ...list(s.events)] : []),
    ...(s.evidenceUrl
      ? [
          new Paragraph({
            children: [
              new TextRun({ text: `${labels.evidence}: `, bold: true }),
              new ExternalHyperlink({
                link: s.evidenceUrl,
                children: [new TextRun({ text: s.evidenceUrl, style: 'Hyperlink' })],
              }),
            ],
          }),
        ]
      : []),
  ]
}

function blockContent(b: ReportBlock, labels: ReportDocument['labels']): (Paragraph | Table)[] {
  if (b.kind === 'paragraph') return [paragraph(b.text)]
  if (b.kind === 'markdown') return markdownBlocks(b.source)
  if (b.kind === 'table') return [table(b.table), new Paragraph({ children: [] })]
  return story(b.story, labels)
}

/** The report as the bytes of a .docx file. */
export async function valueReportDocx(doc: ReportDocument): Promise<Buffer> {
  const language = { value: doc.lang === 'es' ? 'es-ES' : 'en-GB' }
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
  ]
  doc.sections.forEach((section, i) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i > 0,
        keepNext: true,
        children: [new TextRun(section.title)],
      }),
    )
    for (const b of section.blocks) children.push(...blockContent(b, doc.labels))
  })
  children.push(paragraph(doc.generated))
  const document = new Document({
    creator: 'Ripple',
    title: doc.title,
    description: doc.subtitle,
    styles: { default: { document: { run: { language } } } },
    sections: [{ children }],
  })
  return Packer.toBuffer(document)
}
