/**
 * Recharts wrappers for the dashboards, drawn at the width of their card (`width`, measured by
 * ChartFigure; the server draws them at CHART_WIDTH and CSS scales that until the browser measures).
 * Narrow (a phone): fewer series, larger type, every other month labelled. The legend is HTML
 * below the chart in the body colour. Animations are off so the server and browser render alike.
 * Each chart is shown with a DataTable of the same numbers.
 */
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'

import { OTHER_KEY, type SeriesKey, topNWithOther } from '~/models/dashboards/reading/top'

import { ChartLegend } from './legend'
import { CHART_WIDTH, chartColors, NARROW, otherColor } from './palette'

type Fmt = (v: number) => string

const tickFill = '#3e4c59'

/** A tick label as one <text> (recharts' own ticks measure text in the browser, which the server cannot). */
function PlainTick(props: {
  x?: number
  y?: number
  payload?: { value: unknown }
  format?: (v: unknown) => string
  vertical?: boolean
  fontSize?: number
}) {
  const { x = 0, y = 0, payload, format, vertical, fontSize = 12 } = props
  const label = format ? format(payload?.value) : String(payload?.value ?? '')
  return (
    <text
      x={x}
      y={y}
      dy={vertical ? 4 : fontSize + 2}
      textAnchor={vertical ? 'end' : 'middle'}
      fontSize={fontSize}
      fill={tickFill}
    >
      {label}
    </text>
  )
}

/** Type size, height and label spacing for the chart's width. */
function layoutFor(width: number, months: number) {
  const narrow = width < NARROW
  return {
    narrow,
    fontSize: narrow ? 14 : 13,
    height: narrow ? 260 : 320,
    yWidth: narrow ? 48 : 64,
    // Label every month when there is room for about 56 px each, else every other (or third).
    interval: Math.max(0, Math.ceil((months * 56) / Math.max(width - 64, 1)) - 1),
  }
}

/** Stacked bars per month: the largest series (3 on a phone, 6 on a desk) plus "Other". */
export function StackedMonthsChart({
  id,
  width = CHART_WIDTH,
  data,
  keys,
  otherName,
  monthLabel,
  formatNumber,
}: {
  id: string
  width?: number
  data: Record<string, string | number>[]
  keys: SeriesKey[]
  otherName: string
  monthLabel: (m: string) => string
  formatNumber: Fmt
}) {
  const l = layoutFor(width, data.length)
  const shown = topNWithOther(data, keys, l.narrow ? 3 : 6, otherName)
  const color = (k: SeriesKey, i: number) =>
    k.dataKey === OTHER_KEY ? otherColor : chartColors[i % chartColors.length]
  return (
    <>
      <BarChart
        id={id}
        width={width}
        height={l.height}
        data={shown.rows}
        margin={{ top: 10, right: 8, bottom: 5, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="month"
          tick={<PlainTick fontSize={l.fontSize} format={(m) => monthLabel(String(m))} />}
          interval={l.interval}
          height={l.fontSize + 16}
        />
        <YAxis
          tick={<PlainTick vertical fontSize={l.fontSize} format={(v) => formatNumber(Number(v))} />}
          width={l.yWidth}
          allowDecimals={false}
        />
        <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(m) => monthLabel(String(m))} />
        {shown.keys.map((k, i) => (
          <Bar
            key={k.dataKey}
            dataKey={k.dataKey}
            name={k.name}
            stackId="a"
            fill={color(k, i)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
      <ChartLegend items={shown.keys.map((k, i) => ({ name: k.name, color: color(k, i) }))} />
    </>
  )
}

/** Cumulative actual (solid), target pace (dashed) and projection of the actual pace (dotted). */
export function CumulativeChart({
  id,
  width = CHART_WIDTH,
  data,
  names,
  monthLabel,
  formatNumber,
}: {
  id: string
  width?: number
  data: { month: string; actual: number | null; target: number | null; projection: number | null }[]
  names: { actual: string; target: string; projection: string }
  monthLabel: (m: string) => string
  formatNumber: Fmt
}) {
  const l = layoutFor(width, data.length)
  const hasTarget = data.some((d) => d.target !== null)
  const lines = [
    { key: 'actual', name: names.actual, color: chartColors[0], dash: undefined, widthPx: 3 },
    ...(hasTarget
      ? [{ key: 'target', name: names.target, color: chartColors[1], dash: '8 4', widthPx: 2 }]
      : []),
    { key: 'projection', name: names.projection, color: chartColors[5], dash: '2 4', widthPx: 2 },
  ]
  return (
    <>
      <ComposedChart
        id={id}
        width={width}
        height={l.height}
        data={data}
        margin={{ top: 10, right: 8, bottom: 5, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="month"
          tick={<PlainTick fontSize={l.fontSize} format={(m) => monthLabel(String(m))} />}
          interval={l.interval}
          height={l.fontSize + 16}
        />
        <YAxis
          tick={<PlainTick vertical fontSize={l.fontSize} format={(v) => formatNumber(Number(v))} />}
          width={l.yWidth}
        />
        <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(m) => monthLabel(String(m))} />
        {lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            strokeDasharray={line.dash}
            strokeWidth={line.widthPx}
            dot={line.key === 'actual' ? { r: 3 } : false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
      <ChartLegend
        items={lines.map((line) => ({ name: line.name, color: line.color, line: true, dash: line.dash }))}
      />
    </>
  )
}
