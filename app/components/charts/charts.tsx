/**
 * Recharts wrappers for the dashboards. Fixed sizes (no ResponsiveContainer) so they render on the
 * server and print; CSS scales the SVG down on narrow screens. Animations are off so the server
 * and browser render the same markup. Each chart is shown with a DataTable of the same numbers.
 */
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts'

export const chartColors = [
  '#14707e',
  '#e07b39',
  '#5b6abf',
  '#3f9b4f',
  '#b3457f',
  '#a68a1b',
  '#2f8fcf',
  '#7a5230',
  '#6b7280',
  '#c2410c',
  '#0f766e',
  '#7c3aed',
]

export const CHART_WIDTH = 720

type Fmt = (v: number) => string

/** Longest tick label before it is cut with an ellipsis (the table has the full text). */
const MAX_LABEL = 30

/**
 * A tick label as one <text>: recharts' own ticks wrap words by measuring text in the browser,
 * which the server cannot do, so the server and browser markup would differ at hydration.
 */
function PlainTick(props: {
  x?: number
  y?: number
  payload?: { value: unknown }
  textAnchor?: string
  format?: (v: unknown) => string
  vertical?: boolean
}) {
  const { x = 0, y = 0, payload, format, vertical } = props
  const raw = format ? format(payload?.value) : String(payload?.value ?? '')
  const label = raw.length > MAX_LABEL ? `${raw.slice(0, MAX_LABEL - 1)}…` : raw
  return (
    <text
      x={x}
      y={y}
      dy={vertical ? 4 : 14}
      textAnchor={vertical ? 'end' : 'middle'}
      fontSize={12}
      fill="#52606d"
    >
      {label}
    </text>
  )
}

export function StackedMonthsChart({
  id,
  data,
  keys,
  monthLabel,
  formatNumber,
}: {
  id: string
  data: Record<string, string | number>[]
  keys: { dataKey: string; name: string }[]
  monthLabel: (m: string) => string
  formatNumber: Fmt
}) {
  return (
    <BarChart
      id={id}
      width={CHART_WIDTH}
      height={300}
      data={data}
      margin={{ top: 10, right: 10, bottom: 5, left: 10 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="month"
        tick={<PlainTick format={(m) => monthLabel(String(m))} />}
        interval={data.length > 12 ? 1 : 0}
      />
      <YAxis
        tick={<PlainTick vertical format={(v) => formatNumber(Number(v))} />}
        width={60}
        allowDecimals={false}
        interval={0}
      />
      <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(m) => monthLabel(String(m))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {keys.map((k, i) => (
        <Bar
          key={k.dataKey}
          dataKey={k.dataKey}
          name={k.name}
          stackId="a"
          fill={chartColors[i % chartColors.length]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  )
}

/** Horizontal bars, one per row, optionally with a second (target) bar beside each. */
export function HorizontalBarChart({
  id,
  data,
  valueName,
  targetName,
  formatNumber,
}: {
  id: string
  data: { name: string; value: number; target?: number | null }[]
  valueName: string
  targetName?: string
  formatNumber: Fmt
}) {
  const withTarget = !!targetName && data.some((d) => d.target !== null && d.target !== undefined)
  const height = Math.max(120, data.length * (withTarget ? 34 : 26) + 60)
  return (
    <BarChart
      id={id}
      width={CHART_WIDTH}
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: 5, right: 20, bottom: 5, left: 10 }}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        tick={<PlainTick format={(v) => formatNumber(Number(v))} />}
        allowDecimals={false}
        interval={0}
      />
      <YAxis type="category" dataKey="name" width={210} tick={<PlainTick vertical />} interval={0} />
      <Tooltip formatter={(v) => formatNumber(Number(v))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="value" name={valueName} fill={chartColors[0]} isAnimationActive={false} />
      {withTarget ? (
        <Bar
          dataKey="target"
          name={targetName}
          fill="#f2c49b"
          stroke={chartColors[1]}
          isAnimationActive={false}
        />
      ) : null}
    </BarChart>
  )
}

/** Cumulative actual (solid), target pace (dashed) and projection of the actual pace (dotted). */
export function CumulativeChart({
  id,
  data,
  names,
  monthLabel,
  formatNumber,
}: {
  id: string
  data: { month: string; actual: number | null; target: number | null; projection: number | null }[]
  names: { actual: string; target: string; projection: string }
  monthLabel: (m: string) => string
  formatNumber: Fmt
}) {
  const hasTarget = data.some((d) => d.target !== null)
  return (
    <ComposedChart
      id={id}
      width={CHART_WIDTH}
      height={300}
      data={data}
      margin={{ top: 10, right: 10, bottom: 5, left: 10 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="month"
        tick={<PlainTick format={(m) => monthLabel(String(m))} />}
        interval={data.length > 12 ? 1 : 0}
      />
      <YAxis tick={<PlainTick vertical format={(v) => formatNumber(Number(v))} />} width={60} interval={0} />
      <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(m) => monthLabel(String(m))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line
        dataKey="actual"
        name={names.actual}
        stroke={chartColors[0]}
        strokeWidth={3}
        dot={{ r: 3 }}
        connectNulls={false}
        isAnimationActive={false}
      />
      {hasTarget ? (
        <Line
          dataKey="target"
          name={names.target}
          stroke={chartColors[1]}
          strokeDasharray="8 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      ) : null}
      <Line
        dataKey="projection"
        name={names.projection}
        stroke={chartColors[2]}
        strokeDasharray="2 4"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  )
}
