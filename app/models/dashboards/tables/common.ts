/** Pieces of the dashboards' tables shared by the reach and coverage tables. */
import { type Cell, type Column, num, text } from '../table-model'
import type { Figures } from '../types'

export const figureColumnsModel: Column[] = [
  { key: 'actions', label: 'figures.actions', numeric: true },
  { key: 'participants', label: 'figures.participants', numeric: true },
  { key: 'onlineReach', label: 'figures.onlineReach', numeric: true },
  { key: 'engagements', label: 'figures.engagements', numeric: true },
]

export const figureCells = (f: Figures): Cell[] => [
  num(f.actions),
  num(f.participants),
  num(f.onlineReach),
  num(f.engagements),
]

/** Translation key of a channel or type name: built-in ones by key, added ones show their name. */
export function namedCell(
  n: { name: string; key: string | null } | undefined,
  kind: 'channel' | 'type',
  href?: string,
): Cell {
  if (!n) return text(null, { t: `stack.none.${kind}`, href })
  return text(n.name, {
    t: n.key ? `actions:${kind === 'channel' ? 'channels' : 'types'}.${n.key}` : undefined,
    href,
  })
}

export function breakdownKeyLabel(breakdown: string, key: string) {
  if (breakdown === 'type') return `actions:types.${key}`
  if (breakdown === 'channel') return `actions:channels.${key}`
  if (breakdown === 'category') return `stakeholders:categories.${key}`
  return undefined
}
