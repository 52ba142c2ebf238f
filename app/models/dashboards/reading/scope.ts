/**
 * Which targets a filtered view may compare with its figures. A target counts the actions of its
 * own scope (the whole project, or one partner, channel or action type); a view filtered by a
 * partner, channel, type or category counts fewer. Only a target whose scope is exactly the
 * filter is compared; a project-wide target is "not compared when filtered by partner"; a target of
 * another partner (channel, type) is out of the view. Client-safe: no database.
 */
import type { ActionFilters } from '../types'

export const scopeDims = ['partner', 'channel', 'type', 'category'] as const
export type ScopeDim = (typeof scopeDims)[number]

export type TargetScope =
  | { kind: 'compared' }
  /** The target is for another partner (channel, type, category) than the one the view shows. */
  | { kind: 'other' }
  /** The view is narrower than the target: these filters make the comparison meaningless. */
  | { kind: 'not_compared'; by: ScopeDim[] }

/**
 * The scope of a target in a view. `dims` are the filters that narrow the figures compared with
 * the target (the coverage dashboard's targets ignore the category, which narrows stakeholders there).
 */
export function targetScope(
  target: { breakdown: string | null; breakdownValue: string | null },
  filters: ActionFilters,
  dims: readonly ScopeDim[] = scopeDims,
): TargetScope {
  const active = dims.filter((d) => filters[d] !== undefined)
  if (!active.length) return { kind: 'compared' }
  const own = dims.find((d) => d === target.breakdown)
  if (own && active.includes(own) && String(filters[own]) !== target.breakdownValue) return { kind: 'other' }
  const rest = active.filter((d) => d !== own)
  return rest.length ? { kind: 'not_compared', by: rest } : { kind: 'compared' }
}

/** The targets a view shows, each with its scope, and how many belong to another partner (channel, ...). */
export function scopeTargets<T extends { breakdown: string | null; breakdownValue: string | null }>(
  targets: T[],
  filters: ActionFilters,
  dims: readonly ScopeDim[] = scopeDims,
): { shown: (T & { scope: TargetScope })[]; otherScope: number } {
  const scoped = targets.map((t) => ({ ...t, scope: targetScope(t, filters, dims) }))
  const shown = scoped.filter((t) => t.scope.kind !== 'other')
  return { shown, otherScope: scoped.length - shown.length }
}

/** The day a target's actual is counted to: `asOf`, or the period's end once it is over; null before it starts. */
export function actualAsOf(target: { periodStart: string; periodEnd: string }, asOf: string): string | null {
  if (asOf < target.periodStart) return null
  return target.periodEnd < asOf ? target.periodEnd : asOf
}

/** "partner", "partner and channel", "partner, channel and action type", translated. */
export function dimsInWords(
  dims: readonly string[],
  t: (key: string, params?: Record<string, unknown>) => string,
) {
  const words = dims.map((d) => t(`reading:scope.dims.${d}`))
  if (words.length <= 1) return words[0] ?? ''
  return t('reading:scope.list', { head: words.slice(0, -1).join(', '), last: words[words.length - 1] })
}

/** A table cell's dimension-list parameters put in words (see Cell.tDims). */
export function dimParams(
  cell: { tDims?: Record<string, string[]> },
  t: (key: string, params?: Record<string, unknown>) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(cell.tDims ?? {}).map(([k, dims]) => [k, dimsInWords(dims, t)]))
}
