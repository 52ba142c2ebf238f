import { Link, useNavigate } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts'

import type { Quadrant, Tier } from '#db/schema/priorities'
import { type GridCutoffs, roundScore, TIERS } from '~/models/priorities/scoring'
import { useFormat } from '~/utils/format'

import { TierBadge } from './badges'
import { spreadPoints } from './spread'

export type Placement = {
  id: number
  name: string
  influence: number
  interest: number
  score: number
  tier: Tier
  quadrant: Quadrant
}

const WIDTH = 560
const HEIGHT = 460
const MARGIN = { top: 10, right: 16, bottom: 30, left: 10 }
/** How many of the highest-scored stakeholders have their name written beside their dot. */
const LABELLED = 5

// The axes run from 0.5 to 5.5 so dots at 1 and 5 are whole, and the corners (where no dot can
// fall) hold the quadrant labels.
const LOW = 0.5
const HIGH = 5.5

type Area = { quadrant: Quadrant; x: [number, number]; y: [number, number]; fill: string; position: string }

function quadrantAreas(c: GridCutoffs): Area[] {
  return [
    {
      quadrant: 'keep_satisfied',
      x: [LOW, c.interest],
      y: [c.influence, HIGH],
      fill: '#fef3c7',
      position: 'insideTopLeft',
    },
    {
      quadrant: 'manage_closely',
      x: [c.interest, HIGH],
      y: [c.influence, HIGH],
      fill: '#dbeafe',
      position: 'insideTopRight',
    },
    {
      quadrant: 'monitor',
      x: [LOW, c.interest],
      y: [LOW, c.influence],
      fill: '#f1f5f9',
      position: 'insideBottomLeft',
    },
    {
      quadrant: 'keep_informed',
      x: [c.interest, HIGH],
      y: [LOW, c.influence],
      fill: '#dcfce7',
      position: 'insideBottomRight',
    },
  ]
}

/** Tier colours that colour-blind readers can tell apart, each with its own shape as well. */
const tierStyle: Record<Tier, { fill: string; shape: 'circle' | 'diamond' | 'triangle' }> = {
  A: { fill: '#1d4ed8', shape: 'circle' },
  B: { fill: '#c2410c', shape: 'diamond' },
  C: { fill: '#475569', shape: 'triangle' },
}

function TierMark({ tier, cx, cy, size = 6 }: { tier: Tier; cx: number; cy: number; size?: number }) {
  const { fill, shape } = tierStyle[tier]
  const common = { fill, stroke: '#fff', strokeWidth: 1 }
  if (shape === 'circle') return <circle cx={cx} cy={cy} r={size} {...common} />
  if (shape === 'diamond') {
    const d = size * 1.25
    return <path d={`M${cx},${cy - d}L${cx + d},${cy}L${cx},${cy + d}L${cx - d},${cy}Z`} {...common} />
  }
  const h = size * 1.3
  return <path d={`M${cx},${cy - h}L${cx + h},${cy + h * 0.8}L${cx - h},${cy + h * 0.8}Z`} {...common} />
}

type Active = { p: Placement; cx: number; cy: number } | null

/**
 * Recharts wraps each dot in a group with role="img" in the browser: a link inside an image is
 * neither reachable nor named for screen readers, so the role goes; the link names the dot.
 */
function useDotsWithoutImageRole() {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    for (const g of box.current?.querySelectorAll('.recharts-scatter-symbol[role="img"]') ?? [])
      g.removeAttribute('role')
  })
  return box
}

/**
 * The power/interest chart: interest across, influence up, the four quadrants (split at the
 * project's cut-offs) labelled with their strategy. Dots are coloured and shaped by tier, the
 * highest-scored are named, and each dot is a link that shows a tooltip on hover and on focus.
 * Fixed size so it renders on the server; scaled down by CSS on small screens.
 */
export function PowerInterestChart({
  placements,
  cutoffs,
}: {
  placements: Placement[]
  cutoffs: GridCutoffs
}) {
  const { t } = useTranslation('priorities')
  const navigate = useNavigate()
  const [active, setActive] = useState<Active>(null)
  const data = spreadPoints(placements, cutoffs)
  const labelled = labelRows(placements.slice(0, LABELLED))
  const box = useDotsWithoutImageRole()
  return (
    <figure className="w-full max-w-[560px] [&_.recharts-wrapper]:!h-auto [&_.recharts-wrapper]:!w-full [&_svg]:h-auto [&_svg]:w-full">
      <p className="sr-only">{t('grid.chartLabel', { count: placements.length })}</p>
      <div ref={box} className="relative" onMouseLeave={() => setActive(null)}>
        <ScatterChart width={WIDTH} height={HEIGHT} margin={MARGIN} accessibilityLayer={false}>
          {quadrantAreas(cutoffs).map((q) => (
            <ReferenceArea
              key={q.quadrant}
              x1={q.x[0]}
              x2={q.x[1]}
              y1={q.y[0]}
              y2={q.y[1]}
              fill={q.fill}
              fillOpacity={0.8}
              ifOverflow="hidden"
              label={{
                value: t(`quadrants.${q.quadrant}`),
                position: q.position as 'insideTopLeft',
                offset: 4,
                fontSize: 12,
                fontWeight: 600,
                fill: '#1e293b',
              }}
            />
          ))}
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={t('grid.interest')}
            domain={[LOW, HIGH]}
            ticks={[1, 2, 3, 4, 5]}
            allowDataOverflow
            label={{ value: t('grid.interest'), position: 'insideBottom', offset: -18 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={t('grid.influence')}
            domain={[LOW, HIGH]}
            ticks={[1, 2, 3, 4, 5]}
            allowDataOverflow
            width={50}
            label={{ value: t('grid.influence'), angle: -90, position: 'insideLeft', offset: 10 }}
          />
          <ZAxis range={[60, 60]} />
          <ReferenceLine x={cutoffs.interest} stroke="#64748b" />
          <ReferenceLine y={cutoffs.influence} stroke="#64748b" />
          <Scatter
            data={data}
            isAnimationActive={false}
            // Recharts re-wraps the shape in the browser (the link below serves the server render
            // and no-JavaScript), so the click is handled here.
            onClick={(point: { id?: number; payload?: { id?: number } }) => {
              const id = point?.payload?.id ?? point?.id
              if (id) navigate(`/stakeholders/${id}`)
            }}
            shape={(props: DotProps) => (
              <GridDot {...props} labelRow={labelled.get(props.payload!.id)} onActive={setActive} />
            )}
          />
        </ScatterChart>
        {active ? <DotTooltip active={active} /> : null}
      </div>
      <TierLegend />
      <figcaption className="mt-1 text-xs text-ink-muted">{t('grid.caption')}</figcaption>
    </figure>
  )
}

/** The named dots, each with its label's line among the named dots that share its position. */
function labelRows(top: Placement[]) {
  const rows = new Map<number, number>()
  const seen = new Map<string, number>()
  for (const p of top) {
    const key = `${p.interest}|${p.influence}`
    const row = seen.get(key) ?? 0
    seen.set(key, row + 1)
    rows.set(p.id, row)
  }
  return rows
}

function dotDescription(t: TFunction<'priorities'>, p: Placement) {
  return `${p.name}: ${t('grid.dotTitle', { influence: roundScore(p.influence), interest: roundScore(p.interest) })}; ${t('tierLabel', { tier: p.tier })}`
}

/** The tooltip, placed over the dot in percentages so it follows the chart as CSS scales it. */
function DotTooltip({ active }: { active: NonNullable<Active> }) {
  const { t } = useTranslation('priorities')
  const left = (active.cx / WIDTH) * 100
  const top = (active.cy / HEIGHT) * 100
  return (
    <div
      role="tooltip"
      id="grid-tooltip"
      data-testid="grid-tooltip"
      className={`pointer-events-none absolute z-10 max-w-[14rem] rounded border border-slate-300 bg-white px-2 py-1 text-xs text-ink shadow ${left > 60 ? '-translate-x-full' : ''}`}
      style={{ left: `${left}%`, top: `calc(${top}% + 10px)` }}
    >
      <strong className="block">{active.p.name}</strong>
      {t('grid.dotTitle', {
        influence: roundScore(active.p.influence),
        interest: roundScore(active.p.interest),
      })}
      <span className="block">
        {t('tierLabel', { tier: active.p.tier })} · {t(`quadrants.${active.p.quadrant}`)}
      </span>
    </div>
  )
}

function TierLegend() {
  const { t } = useTranslation('priorities')
  return (
    <ul className="mt-2 flex flex-wrap gap-4 text-sm" aria-label={t('columns.tier')}>
      {TIERS.map((tier) => (
        <li key={tier} className="flex items-center gap-1 whitespace-nowrap">
          <svg width="16" height="16" aria-hidden="true">
            <TierMark tier={tier} cx={8} cy={8} size={5} />
          </svg>
          {t('tierLabel', { tier })}
        </li>
      ))}
    </ul>
  )
}

type DotProps = { cx?: number; cy?: number; payload?: Placement }

/** One stakeholder on the chart: a focusable link to it, named, with a tooltip on hover and focus. */
function GridDot({
  cx = 0,
  cy = 0,
  payload,
  labelRow,
  onActive,
}: DotProps & { labelRow: number | undefined; onActive: (a: Active) => void }) {
  const { t } = useTranslation('priorities')
  const p = payload!
  const show = () => onActive({ p, cx, cy })
  const description = dotDescription(t, p)
  return (
    <g>
      <a
        href={`/stakeholders/${p.id}`}
        aria-label={description}
        data-testid="grid-dot"
        data-stakeholder={p.id}
        data-tier={p.tier}
        className="cursor-pointer focus:outline-none [&:focus>.ring]:stroke-ink"
        onMouseEnter={show}
        onFocus={show}
        onBlur={() => onActive(null)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onActive(null)
        }}
      >
        <title>{description}</title>
        <circle
          className="ring"
          cx={cx}
          cy={cy}
          r={9}
          fill="transparent"
          stroke="transparent"
          strokeWidth={2}
        />
        <TierMark tier={p.tier} cx={cx} cy={cy} />
      </a>
      {/* The name beside the dot, outside the link: the link's name is the full description. */}
      {labelRow !== undefined ? (
        <text
          // Names of dots on the right half are written to their left, so they stay on the chart.
          x={p.interest > 3.5 ? cx - 10 : cx + 10}
          y={cy + 4 + labelRow * 13}
          textAnchor={p.interest > 3.5 ? 'end' : 'start'}
          fontSize={11}
          fontWeight={600}
          fill="#0f172a"
          stroke="#fff"
          strokeWidth={3}
          paintOrder="stroke"
          data-testid="grid-label"
          aria-hidden
        >
          {p.name.length > 28 ? `${p.name.slice(0, 27)}…` : p.name}
        </text>
      ) : null}
    </g>
  )
}

/** The same placements as a table: the accessible twin of the chart. */
export function PlacementTable({ placements }: { placements: Placement[] }) {
  const { t } = useTranslation('priorities')
  const f = useFormat()
  return (
    <table className="table" data-testid="placements">
      <caption className="sr-only">{t('grid.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.name')}</th>
          <th scope="col" className="text-right">
            {t('grid.influence')}
          </th>
          <th scope="col" className="text-right">
            {t('grid.interest')}
          </th>
          <th scope="col">{t('columns.quadrant')}</th>
          <th scope="col">{t('columns.tier')}</th>
        </tr>
      </thead>
      <tbody>
        {placements.map((p) => (
          <tr key={p.id} data-stakeholder={p.id}>
            <td>
              <Link to={`/stakeholders/${p.id}`}>{p.name}</Link>
            </td>
            <td className="text-right tabular-nums">{f.number(roundScore(p.influence))}</td>
            <td className="text-right tabular-nums">{f.number(roundScore(p.interest))}</td>
            <td>{t(`quadrants.${p.quadrant}`)}</td>
            <td>
              <TierBadge tier={p.tier} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
