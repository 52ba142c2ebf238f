import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { useFormat } from '~/utils/format'

import { categoryLabel } from './stakeholders'

type Category = { id: number; key: string | null; name: string; colour: number; shown: number }
type Node = {
  id: number
  name: string
  categoryId: number
  colour: number
  links: number
  x: number
  y: number
  r: number
  label: { text: string; x: number; y: number; anchor: 'start' | 'end' } | null
}
type Edge = { source: number; target: number; d: string; width: number }
export type ActorGraphData = {
  width: number
  height: number
  nodes: Node[]
  edges: Edge[]
  categories: Category[]
  total: number
}
export type ActorRow = {
  id: number
  name: string
  categoryKey: string | null
  categoryName: string
  links: number
  actions: number
  events: number
  outcomes: number
}

/** Colours colour-blind readers can tell apart (Okabe-Ito and darker companions), by category. */
const palette = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#8C6D00',
  '#56B4E9',
  '#5E3C99',
  '#000000',
  '#B2182B',
  '#4D7F17',
]
const colourOf = (i: number) => palette[i % palette.length]!

/**
 * The actor map drawn from the server's layout: plain SVG, no script. Each actor is a link to its
 * stakeholder page named with its category and links; the lines between them are decoration (the
 * table beside holds the figures). Scales to the width of its box, so nothing runs off a phone.
 */
export function ActorGraph({ graph }: { graph: ActorGraphData }) {
  const { t } = useTranslation('actors')
  const f = useFormat()
  const categories = new Map(graph.categories.map((c) => [c.id, categoryLabel(t, c)]))
  return (
    <figure className="w-full">
      {graph.total > graph.nodes.length ? (
        <p className="mb-2 text-sm text-ink-muted" data-testid="graph-limited">
          {t('graph.limited', { shown: f.number(graph.nodes.length), total: f.number(graph.total) })}
        </p>
      ) : null}
      <svg
        viewBox={`0 0 ${graph.width} ${graph.height}`}
        className="h-auto w-full max-w-[900px]"
        aria-labelledby="actor-graph-title"
      >
        <title id="actor-graph-title">{t('graph.label', { count: graph.nodes.length })}</title>
        <g aria-hidden="true" fill="none" stroke="#64748b" strokeOpacity={0.45}>
          {graph.edges.map((e) => (
            <path key={`${e.source}-${e.target}`} d={e.d} strokeWidth={e.width} />
          ))}
        </g>
        {graph.nodes.map((n) => {
          const name = t('graph.node', {
            name: n.name,
            category: categories.get(n.categoryId) ?? '',
            links: f.number(n.links),
          })
          return (
            <a key={n.id} href={`/stakeholders/${n.id}`} aria-label={name}>
              <title>{name}</title>
              <circle cx={n.x} cy={n.y} r={n.r} fill={colourOf(n.colour)} stroke="#fff" strokeWidth={1.5} />
            </a>
          )
        })}
        {/* The names written beside the most linked: outside the links (which are named in full). */}
        <g aria-hidden="true" fontSize={14} fill="#0f172a" pointerEvents="none">
          {graph.nodes.map((n) =>
            n.label ? (
              <text key={n.id} x={n.label.x} y={n.label.y} textAnchor={n.label.anchor}>
                {n.label.text}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <figcaption className="mt-2 text-xs text-ink-muted">{t('graph.caption')}</figcaption>
      <CategoryLegend categories={graph.categories} />
    </figure>
  )
}

function CategoryLegend({ categories }: { categories: Category[] }) {
  const { t } = useTranslation('actors')
  const f = useFormat()
  return (
    <ul aria-label={t('graph.legend')} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {categories.map((c) => (
        <li key={c.id} className="flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="6" fill={colourOf(c.colour)} />
          </svg>
          {categoryLabel(t, c)} ({f.number(c.shown)})
        </li>
      ))}
    </ul>
  )
}

/** The table beside the map: every actor of the filter with its links and what it shares. */
export function ActorTable({ rows }: { rows: ActorRow[] }) {
  const { t } = useTranslation('actors')
  const f = useFormat()
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.actor')}</th>
            <th scope="col">{t('table.category')}</th>
            <th scope="col" className="text-right">
              {t('table.links')}
            </th>
            <th scope="col" className="text-right">
              {t('table.actions')}
            </th>
            <th scope="col" className="text-right">
              {t('table.events')}
            </th>
            <th scope="col" className="text-right">
              {t('table.outcomes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/stakeholders/${r.id}`}>{r.name}</Link>
              </td>
              <td>{categoryLabel(t, { key: r.categoryKey, name: r.categoryName })}</td>
              <td className="text-right">{f.number(r.links)}</td>
              <td className="text-right">{f.number(r.actions)}</td>
              <td className="text-right">{f.number(r.events)}</td>
              <td className="text-right">{f.number(r.outcomes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
