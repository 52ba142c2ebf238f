import { Link, useNavigate } from '@remix-run/react'
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
import { GRID_MIDPOINT, roundScore } from '~/models/priorities/scoring'
import { useFormat } from '~/utils/format'

import { TierBadge } from './badges'

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

/** Spreads dots that share a position (averages of 1-5 often coincide) by a small fixed offset per id. */
function jitter(id: number) {
  const a = Math.sin(id * 12.9898) * 43758.5453
  const b = Math.sin(id * 78.233) * 12345.6789
  return { dx: (a - Math.floor(a) - 0.5) * 0.3, dy: (b - Math.floor(b) - 0.5) * 0.3 }
}

// The axes run from 0.5 to 5.5 so dots at 1 and 5 are whole, and the corners (where no dot can
// fall) hold the quadrant labels.
const LOW = 0.5
const HIGH = 5.5
const quadrantAreas: {
  quadrant: Quadrant
  x: [number, number]
  y: [number, number]
  fill: string
  position: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight'
}[] = [
  {
    quadrant: 'keep_satisfied',
    x: [LOW, GRID_MIDPOINT],
    y: [GRID_MIDPOINT, HIGH],
    fill: '#fef3c7',
    position: 'insideTopLeft',
  },
  {
    quadrant: 'manage_closely',
    x: [GRID_MIDPOINT, HIGH],
    y: [GRID_MIDPOINT, HIGH],
    fill: '#dbeafe',
    position: 'insideTopRight',
  },
  {
    quadrant: 'monitor',
    x: [LOW, GRID_MIDPOINT],
    y: [LOW, GRID_MIDPOINT],
    fill: '#f1f5f9',
    position: 'insideBottomLeft',
  },
  {
    quadrant: 'keep_informed',
    x: [GRID_MIDPOINT, HIGH],
    y: [LOW, GRID_MIDPOINT],
    fill: '#dcfce7',
    position: 'insideBottomRight',
  },
]

/**
 * The power/interest chart: interest across, influence up, the four quadrants labelled with
 * their strategy. Fixed size so it renders on the server; scaled down by CSS on small screens.
 * Each dot links to its stakeholder; keyboard and screen-reader users have the table beside it.
 */
export function PowerInterestChart({ placements }: { placements: Placement[] }) {
  const { t } = useTranslation('priorities')
  const navigate = useNavigate()
  const data = placements.map((p) => {
    const { dx, dy } = jitter(p.id)
    return { ...p, x: p.interest + dx, y: p.influence + dy }
  })
  return (
    <figure className="w-full max-w-[560px] [&_.recharts-wrapper]:!h-auto [&_.recharts-wrapper]:!w-full [&_svg]:h-auto [&_svg]:w-full">
      {/* Screen readers get one sentence and the table beside the chart; the picture itself (and
          its dot links, out of the tab order) is hidden from them, so nothing interactive sits in an image. */}
      <p className="sr-only">{t('grid.chartLabel', { count: placements.length })}</p>
      <div aria-hidden="true">
        <ScatterChart width={WIDTH} height={HEIGHT} margin={{ top: 10, right: 16, bottom: 30, left: 10 }}>
          {quadrantAreas.map((q) => (
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
                position: q.position,
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
          <ReferenceLine x={GRID_MIDPOINT} stroke="#64748b" />
          <ReferenceLine y={GRID_MIDPOINT} stroke="#64748b" />
          <Scatter
            data={data}
            isAnimationActive={false}
            // Recharts re-wraps the shape in the browser (the link below serves the server render
            // and no-JavaScript), so the click is handled here.
            onClick={(point: { id?: number; payload?: { id?: number } }) => {
              const id = point?.payload?.id ?? point?.id
              if (id) navigate(`/stakeholders/${id}`)
            }}
            shape={(props: DotProps) => <GridDot {...props} />}
          />
        </ScatterChart>
      </div>
      <figcaption className="mt-1 text-xs text-ink-muted">{t('grid.caption')}</figcaption>
    </figure>
  )
}

type DotProps = { cx?: number; cy?: number; payload?: Placement }

/** One stakeholder on the chart: a link to it, with its name and position as the tooltip. */
function GridDot({ cx, cy, payload }: DotProps) {
  const { t } = useTranslation('priorities')
  const p = payload!
  return (
    <a href={`/stakeholders/${p.id}`} tabIndex={-1} data-testid="grid-dot" data-stakeholder={p.id}>
      <circle
        cx={cx}
        cy={cy}
        r={6}
        fill="#1d4ed8"
        fillOpacity={0.75}
        stroke="#fff"
        strokeWidth={1}
        className="cursor-pointer"
      />
      <title>{`${p.name}: ${t('grid.dotTitle', { influence: roundScore(p.influence), interest: roundScore(p.interest) })}`}</title>
    </a>
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
