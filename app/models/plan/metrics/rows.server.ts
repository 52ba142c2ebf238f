import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { tiers } from '#db/schema'

import { type TargetBreakdown } from '../lists'
import { computeMetric } from './compute.server'
import {
  actionAggregates,
  checkBreakdown,
  countedActions,
  type MetricQuery,
  type MetricRow,
} from './query.server'

/** The values a breakdown can take (id or code), with a label, for forms and tables. */
export function breakdownOptions(
  breakdown: TargetBreakdown,
): { value: string; label: string; key?: string | null }[] {
  switch (breakdown) {
    case 'partner':
      return db.all<{ value: string; label: string }>(
        sql`select cast(id as text) as value, name as label from partners where archived_at is null order by name`,
      )
    case 'type':
      return db.all(
        sql`select cast(id as text) as value, name as label, key from action_types where archived_at is null order by sort_order, name`,
      )
    case 'channel':
      return db.all(
        sql`select cast(id as text) as value, name as label, key from channels where archived_at is null order by sort_order, name`,
      )
    case 'category':
      return db.all(
        sql`select cast(id as text) as value, name as label, key from stakeholder_categories where archived_at is null order by sort_order, name`,
      )
    case 'group':
      return db.all(
        sql`select cast(id as text) as value, name as label from stakeholder_groups where archived_at is null order by name`,
      )
    case 'tier':
      return tiers.map((t) => ({ value: t, label: t }))
    case 'language': {
      const row = db.get<{ languages: string } | undefined>(
        sql`select working_languages as languages from project where id = 1`,
      )
      const languages: string[] = row ? JSON.parse(row.languages) : []
      return languages.map((l) => ({ value: l, label: l }))
    }
  }
}

type KeyJoin = { join: SQL; key: SQL }
type RowsQuery = Omit<MetricQuery, 'breakdownValue'> & { breakdown: TargetBreakdown }

/** How each breakdown that can be grouped in one query keys the counted actions. */
const keyJoins: Partial<Record<TargetBreakdown, KeyJoin>> = {
  partner: { join: sql``, key: sql`actions.partner_id` },
  type: { join: sql``, key: sql`actions.type_id` },
  channel: { join: sql``, key: sql`actions.channel_id` },
  language: { join: sql`join action_languages kl on kl.action_id = actions.id`, key: sql`kl.language` },
  category: {
    join: sql`join action_stakeholders kas on kas.action_id = actions.id join stakeholders ks on ks.id = kas.stakeholder_id`,
    key: sql`ks.category_id`,
  },
  tier: {
    join: sql`join action_stakeholders kas on kas.action_id = actions.id join stakeholder_priority kp on kp.stakeholder_id = kas.stakeholder_id`,
    key: sql`kp.tier`,
  },
}

/** Action metrics (and languages) per key: each action counts once per key it belongs to. */
function groupedActionRows(q: RowsQuery, k: KeyJoin, base: SQL) {
  // An action in two languages counts in both.
  const keyed = sql`select distinct actions.id as aid, ${k.key} as k from actions ${k.join} where ${base} and ${k.key} is not null`
  const languages = q.metric === 'languages_covered'
  const aggregate = languages ? sql`count(distinct action_languages.language)` : actionAggregates[q.metric]!
  const languageJoin = languages
    ? sql`join action_languages on action_languages.action_id = actions.id and action_languages.language in (select value from json_each((select working_languages from project where id = 1)))`
    : sql``
  return db.all<MetricRow>(sql`select cast(x.k as text) as key, ${aggregate} as value
      from (${keyed}) x join actions on actions.id = x.aid ${languageJoin} group by x.k`)
}

/** Stakeholders reached per key. */
function groupedReachRows(q: RowsQuery, k: KeyJoin, base: SQL) {
  const key =
    q.breakdown === 'category' ? sql`stakeholders.category_id` : q.breakdown === 'tier' ? sql`sp.tier` : k.key
  const join =
    q.breakdown === 'category'
      ? sql``
      : q.breakdown === 'tier'
        ? sql`join stakeholder_priority sp on sp.stakeholder_id = stakeholders.id`
        : k.join
  return db.all<MetricRow>(sql`select cast(${key} as text) as key, count(distinct action_stakeholders.stakeholder_id) as value
      from action_stakeholders
      join actions on actions.id = action_stakeholders.action_id
      join stakeholders on stakeholders.id = action_stakeholders.stakeholder_id
      ${join}
      where ${base} and ${key} is not null group by ${key}`)
}

/**
 * The metric for every value of a breakdown (values with nothing are included as 0 for the
 * known lists; languages outside the working languages appear when actions use them).
 */
export function computeMetricRows(q: RowsQuery): MetricRow[] {
  checkBreakdown(q)
  const base = countedActions(q)
  const k = keyJoins[q.breakdown]
  let grouped: MetricRow[] | null = null
  if (k && (q.metric in actionAggregates || q.metric === 'languages_covered'))
    grouped = groupedActionRows(q, k, base)
  else if (k && q.metric === 'stakeholders_reached') grouped = groupedReachRows(q, k, base)
  const options = breakdownOptions(q.breakdown).map((o) => o.value)
  if (grouped) {
    const byKey = new Map(grouped.map((r) => [r.key, Number(r.value)]))
    const keys = [...options, ...[...byKey.keys()].filter((key) => !options.includes(key))]
    return keys.map((key) => ({ key, value: byKey.get(key) ?? 0 }))
  }
  // Group facets and stakeholder-state metrics: one indexed query per value (lists are short).
  return options.map((key) => ({ key, value: computeMetric({ ...q, breakdownValue: key }) }))
}
