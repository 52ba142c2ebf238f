/** Pieces both dashboards' queries use: the figure columns, live targets and the project row. */
import { sql } from 'drizzle-orm'

import { db } from '#db/client'

import type { Figures } from './types'

export const zero = (): Figures => ({ actions: 0, participants: 0, onlineReach: 0, engagements: 0 })
export const figureColumns = sql`count(*) as actions, coalesce(sum(actions.participants), 0) as participants,
  coalesce(sum(actions.online_reach), 0) as onlineReach, coalesce(sum(actions.engagements), 0) as engagements`

export type FigureRow = Figures & Record<string, unknown>
export function figures(row: Partial<Figures> | undefined): Figures {
  return {
    actions: Number(row?.actions ?? 0),
    participants: Number(row?.participants ?? 0),
    onlineReach: Number(row?.onlineReach ?? 0),
    engagements: Number(row?.engagements ?? 0),
  }
}

export type TargetRow = {
  id: number
  label: string | null
  metric: string
  periodKind: string
  periodStart: string
  periodEnd: string
  breakdown: string | null
  breakdownValue: string | null
  value: number
}

export function activeTargets(
  metric: string,
  from: string,
  to: string,
  breakdown: string | null,
): TargetRow[] {
  return db.all<TargetRow>(sql`select id, label, metric, period_kind as periodKind, period_start as periodStart, period_end as periodEnd,
      breakdown, breakdown_value as breakdownValue, value
    from targets where archived_at is null and metric = ${metric}
      and ${breakdown === null ? sql`breakdown is null` : sql`breakdown = ${breakdown}`}
      and period_start <= ${to} and period_end >= ${from}
    order by id`)
}

export type ProjectRow = {
  name: string
  startDate: string
  endDate: string
  workingLanguages: string
  reportingPeriods: string
}

export function projectRow() {
  return db.get<ProjectRow>(
    sql`select name, start_date as startDate, end_date as endDate, working_languages as workingLanguages, reporting_periods as reportingPeriods from project where id = 1`,
  )
}

export function workingLanguagesOf(project: ProjectRow | undefined): string[] {
  return project ? JSON.parse(project.workingLanguages || '[]') : []
}
