/** Reach per month and stack key (channel or type): the monthly chart, headline and cumulative. */
import { sql } from 'drizzle-orm'

import { db } from '#db/client'

import { countedActionsWhere } from '../counted.server'
import { monthRange } from '../months'
import { figureColumns, type FigureRow, figures, zero } from '../shared.server'
import type { ActionFilters, Figures, Named } from '../types'

export type MonthlyRow = FigureRow & { month: string; key: number | null }

/**
 * Counted-action figures per month and channel or type. Without a partner or stakeholder-category
 * filter they come from `action_month_totals` (a few hundred rows a month, kept by triggers, equal
 * to the action list: tested); otherwise from the actions themselves through the covering index.
 */
export function monthlyByKey(from: string, to: string, stack: 'channel' | 'type', filters: ActionFilters) {
  type Row = MonthlyRow
  if (!filters.partner && !filters.category) {
    const statuses =
      filters.validatedOnly !== false
        ? sql`t.status = 'validated'`
        : sql`t.status in ('submitted', 'validated')`
    const key = stack === 'channel' ? sql`nullif(t.channel_id, 0)` : sql`t.type_id`
    return db.all<Row>(sql`
      select t.month as month, ${key} as key, sum(t.actions) as actions, sum(t.participants) as participants,
        sum(t.online_reach) as onlineReach, sum(t.engagements) as engagements
      from action_month_totals t
      where ${statuses} and t.month between ${from} and ${to}
        ${filters.channel ? sql`and t.channel_id = ${filters.channel}` : sql``} ${filters.type ? sql`and t.type_id = ${filters.type}` : sql``}
      group by t.month, ${key}
      having sum(t.actions) > 0`)
  }
  const stackColumn = stack === 'channel' ? sql`actions.channel_id` : sql`actions.type_id`
  return db.all<Row>(sql`
    select actions.month as month, ${stackColumn} as key, ${figureColumns}
    from actions
    where actions.month between ${from} and ${to} and ${countedActionsWhere(filters)}
    group by actions.month, ${stackColumn}`)
}

/** The figures of a month over every stack key; a month without actions is all zeros. */
export function totalsByMonth(monthly: MonthlyRow[]): (month: string) => Figures {
  const byMonth = new Map<string, Figures>()
  for (const row of monthly) {
    const total = byMonth.get(row.month) ?? zero()
    const f = figures(row)
    total.actions += f.actions
    total.participants += f.participants
    total.onlineReach += f.onlineReach
    total.engagements += f.engagements
    byMonth.set(row.month, total)
  }
  return (m: string) => byMonth.get(m) ?? zero()
}

/** Stack keys with their names (only those present in the window) and the window's monthly series. */
export function stackSeries(
  monthly: MonthlyRow[],
  { windowStart, month, stack }: { windowStart: string; month: string; stack: 'channel' | 'type' },
  totalOf: (month: string) => Figures,
) {
  const windowRows = monthly.filter((r) => r.month >= windowStart)
  const keyIds = [...new Set(windowRows.map((r) => r.key))]
  const names =
    stack === 'channel'
      ? db.all<Named>(sql`select id, name, key from channels`)
      : db.all<Named>(sql`select id, name, key from action_types`)
  const stackKeys: Named[] = keyIds
    .map((id) => names.find((n) => n.id === id) ?? { id: null, name: '', key: null })
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.name.localeCompare(b.name)))
  const series = monthRange(windowStart, month).map((m) => {
    const byKey: Record<string, Figures> = {}
    for (const r of windowRows) if (r.month === m) byKey[String(r.key)] = figures(r)
    return { month: m, total: totalOf(m), byKey }
  })
  return { stackKeys, series }
}
