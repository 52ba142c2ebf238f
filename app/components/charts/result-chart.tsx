import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'

import { CHART_WIDTH, chartColors } from './palette'

/** A result indicator over time (solid), its baseline and its target (dashed lines). Fixed size, like the dashboards' charts. */
export function ResultChart({
  id,
  data,
  baseline,
  target,
  names,
  monthLabel,
  formatNumber,
}: {
  id: string
  data: { month: string; value: number }[]
  baseline: number
  target: number | null
  names: { value: string; baseline: string; target: string }
  monthLabel: (m: string) => string
  formatNumber: (v: number) => string
}) {
  const top = Math.max(target ?? 0, baseline, ...data.map((d) => d.value), 1)
  // A fixed label interval (room for about 90 px per "September 2026"): recharts' own choice
  // measures text in the browser only, so the server drew other ticks (hydration error 418).
  const interval = Math.max(0, Math.ceil((data.length * 90) / (CHART_WIDTH - 90)) - 1)
  return (
    <ComposedChart
      id={id}
      width={CHART_WIDTH}
      height={260}
      data={data}
      margin={{ top: 20, right: 20, bottom: 5, left: 10 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="month" tickFormatter={(m) => monthLabel(String(m))} interval={interval} fontSize={12} />
      <YAxis
        domain={[0, Math.ceil(top * 1.1)]}
        tickFormatter={(v) => formatNumber(Number(v))}
        width={60}
        fontSize={12}
      />
      <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(m) => monthLabel(String(m))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line
        dataKey="value"
        name={names.value}
        stroke={chartColors[0]}
        strokeWidth={3}
        dot={data.length < 40 ? { r: 2 } : false}
        type="stepAfter"
        isAnimationActive={false}
      />
      <ReferenceLine
        y={baseline}
        stroke={chartColors[8]}
        strokeDasharray="2 4"
        label={{ value: names.baseline, fontSize: 12, position: 'insideBottomLeft' }}
      />
      {target !== null ? (
        <ReferenceLine
          y={target}
          stroke={chartColors[1]}
          strokeDasharray="8 4"
          label={{ value: names.target, fontSize: 12, position: 'insideTopLeft' }}
        />
      ) : null}
    </ComposedChart>
  )
}
