/**
 * Bar charts in HTML and CSS: one row per item with its whole label (wrapping, never cut), the bar
 * and its figure. They take the card's full width at any size, render the same on the server and
 * without JavaScript, and stack the label above the bar on a phone.
 */
import type { ReactNode } from 'react'

import { ChartLegend } from './legend'
import { chartColors } from './palette'

type Fmt = (v: number) => string

const share = (v: number, max: number) => `${max > 0 ? Math.max(0, Math.min(100, (100 * v) / max)) : 0}%`

/** Horizontal bars, one per row, with an optional target marked on each. */
export function BarList({
  data,
  valueName,
  targetName,
  formatNumber,
}: {
  data: { name: string; value: number; target?: number | null }[]
  valueName: string
  targetName?: string
  formatNumber: Fmt
}) {
  const withTarget = !!targetName && data.some((d) => d.target !== null && d.target !== undefined)
  const max = Math.max(0, ...data.map((d) => Math.max(d.value, withTarget ? (d.target ?? 0) : 0)))
  return (
    <div>
      <ul className="space-y-2">
        {data.map((d) => (
          <li key={d.name} className="grid gap-x-3 sm:grid-cols-[minmax(7rem,16rem)_1fr] sm:items-center">
            <span className="text-sm text-ink">{d.name}</span>
            <span className="flex items-center gap-2">
              <Track>
                <span
                  className="block h-full"
                  style={{ width: share(d.value, max), background: chartColors[0] }}
                />
                {withTarget && d.target !== null && d.target !== undefined ? (
                  <span
                    className="absolute inset-y-0 w-1"
                    style={{ left: `calc(${share(d.target, max)} - 2px)`, background: chartColors[5] }}
                  />
                ) : null}
              </Track>
              <span className="shrink-0 text-sm font-medium tabular-nums text-ink">
                {formatNumber(d.value)}
                {withTarget && d.target !== null && d.target !== undefined
                  ? ` / ${formatNumber(d.target)}`
                  : ''}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <ChartLegend
        items={[
          { name: valueName, color: chartColors[0] },
          ...(withTarget ? [{ name: targetName!, color: chartColors[5], line: true }] : []),
        ]}
      />
    </div>
  )
}

/** The grey track of a bar. */
function Track({ children }: { children: ReactNode }) {
  return (
    <span className="relative block h-6 min-w-0 flex-1 overflow-hidden rounded bg-slate-100">{children}</span>
  )
}

export type TargetBar = {
  id: number
  name: string
  /** "Whole project", a partner, a channel... */
  scopeName: string
  /** Compared: the progress in words ("42 of 120 (35 %) · as of 30 Nov 2026"); else why not. */
  progress: string
  percentage: number | null
  status: ReactNode
}

/** Targets as labelled progress bars: the whole name, actual of target, the date and the status in words. */
export function TargetBars({ items }: { items: TargetBar[] }) {
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} data-target-bar={item.id}>
          <p className="text-sm font-medium text-ink">
            {item.name} <span className="font-normal text-ink-muted">· {item.scopeName}</span>
          </p>
          {item.percentage !== null ? (
            <span className="relative mt-1 block h-3 w-full overflow-hidden rounded bg-slate-100">
              <span
                className="block h-full"
                style={{
                  width: `${Math.min(100, Math.max(0, item.percentage))}%`,
                  background: chartColors[0],
                }}
              />
            </span>
          ) : null}
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink">
            <span>{item.progress}</span>
            {item.status}
          </p>
        </li>
      ))}
    </ul>
  )
}
