import { Link } from '@remix-run/react'

import { markdownClass } from '~/components/plan-nav'
import type {
  ReportBlock,
  ReportDocument,
  ReportSection,
  ReportStory,
  ReportTable,
} from '~/models/reports/index.server'

/*
 * The value report as a page: the same document the Word and Markdown downloads render (built on
 * the server in the report's language, app/models/reports/document.server.ts), with the
 * introduction's Markdown already rendered by the plan's sanitiser. Tables are the dashboards'
 * (first column as row header, cards on a phone, whole rows on paper).
 */

type Table = ReportTable
type Story = ReportStory
/** A block of the page: the introduction's Markdown arrives rendered (and sanitised) by the server. */
export type PageBlock = Exclude<ReportBlock, { kind: 'markdown' }> | { kind: 'html'; html: string }
export type PageReport = Omit<ReportDocument, 'sections'> & {
  sections: (Omit<ReportSection, 'blocks'> & { blocks: PageBlock[] })[]
}

function TableBlock({ table, id }: { table: Table; id: string }) {
  const captionId = `${id}-caption`
  return (
    <div
      className="overflow-x-auto print:overflow-visible"
      role="region"
      aria-labelledby={captionId}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <table className={`table dashboard-table${table.head.length > 4 ? ' dashboard-table--cards' : ''}`}>
        <caption id={captionId} className="sr-only">
          {table.caption}
        </caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th key={i} scope="col" className={table.numeric[i] ? 'text-right' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td
                    key={i}
                    data-label={table.head[i]}
                    className={table.numeric[i] ? 'text-right' : undefined}
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function StoryBlock({ story, labels }: { story: Story; labels: PageReport['labels'] }) {
  return (
    <article
      className="report-story space-y-2 border-l-4 border-brand-200 pl-4"
      aria-labelledby={`story-${story.id}`}
    >
      <h4 id={`story-${story.id}`} className="font-semibold">
        <Link to={`/results/${story.id}`}>{story.title}</Link>
      </h4>
      <p className="text-sm text-ink-muted">{story.meta}</p>
      {story.description ? <p>{story.description}</p> : null}
      {story.organisations.length ? (
        <p className="text-sm">
          <strong>{labels.organisations}:</strong> {story.organisations.join(', ')}
        </p>
      ) : null}
      {story.actions.length ? (
        <div className="text-sm">
          <strong>{labels.actionsBehind}:</strong>
          <ul className="list-disc pl-6">
            {story.actions.map((a) => (
              <li key={a.id}>
                <Link to={`/actions/${a.id}`}>{a.text}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {story.events.length ? (
        <div className="text-sm">
          <strong>{labels.eventsBehind}:</strong>
          <ul className="list-disc pl-6">
            {story.events.map((e) => (
              <li key={e.id}>
                <Link to={`/events/${e.id}`}>{e.text}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {story.evidenceUrl ? (
        <p className="break-words text-sm">
          <strong>{labels.evidence}:</strong>{' '}
          <a href={story.evidenceUrl} rel="nofollow noopener noreferrer">
            {story.evidenceUrl}
          </a>
        </p>
      ) : null}
    </article>
  )
}

function Block({ block, id, labels }: { block: PageBlock; id: string; labels: PageReport['labels'] }) {
  if (block.kind === 'paragraph') return <p>{block.text}</p>
  if (block.kind === 'html')
    return <div className={markdownClass} dangerouslySetInnerHTML={{ __html: block.html }} />
  if (block.kind === 'table') return <TableBlock table={block.table} id={id} />
  return <StoryBlock story={block.story} labels={labels} />
}

/** The report itself, in its own language (`lang` on the article, whatever the interface's). */
export function ValueReportArticle({ report }: { report: PageReport }) {
  return (
    <article lang={report.lang} className="value-report card space-y-8" aria-labelledby="report-title">
      <header className="space-y-1">
        <h2 id="report-title" className="text-2xl font-semibold">
          {report.title}
        </h2>
        <p className="text-ink-muted">{report.subtitle}</p>
      </header>
      {report.sections.map((section) => (
        <section
          key={section.id}
          id={`report-${section.id}`}
          aria-labelledby={`report-${section.id}-title`}
          className="report-section space-y-4"
        >
          <h3 id={`report-${section.id}-title`} className="text-xl font-semibold">
            {section.title}
          </h3>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} id={`report-${section.id}-${i}`} labels={report.labels} />
          ))}
        </section>
      ))}
      <p className="text-xs text-ink-muted">{report.generated}</p>
    </article>
  )
}
