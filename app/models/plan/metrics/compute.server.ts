import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'

import {
  actionAggregates,
  actionCondition,
  actionDims,
  checkBreakdown,
  countedActions,
  endOfDay,
  hasBreakdown,
  liveStakeholder,
  type MetricQuery,
  monthSplit,
  newlyEngagedIds,
  number,
  preaggregatedStatuses,
  stakeholderCondition,
  stakeholderDims,
} from './query.server'
import { reachedInMonths, type ReachSet } from './reach-sets.server'
import { byRegisterVersion } from './register-cache.server'

/** The query's facet, when it has one: `scoped` and the value as text. */
type Scope = { scoped: boolean; value: string; base: SQL }

function actionSum(q: MetricQuery, { scoped, value, base }: Scope) {
  const where = scoped ? sql`${base} and ${actionCondition(q.breakdown!, value)}` : base
  return number(sql`select ${actionAggregates[q.metric]} as value from actions where ${where}`)
}

/** The project's working languages: "languages covered" counts only these (others are shown apart). */
const workingLanguage = (column: SQL) =>
  sql`${column} in (select value from json_each((select working_languages from project where id = 1)))`

function languagesCovered(q: MetricQuery, { scoped, value, base }: Scope) {
  const split = !q.filters && (!scoped || q.breakdown === 'language') ? monthSplit(q) : null
  if (split) {
    const only = (column: SQL) => (scoped ? sql` and ${column} = ${value}` : sql``)
    const parts: SQL[] = [
      sql`select r.language as language from action_language_months r where ${preaggregatedStatuses(q)} and r.month between ${split.months[0]} and ${split.months[1]}${only(sql`r.language`)}`,
    ]
    for (const [from, to] of split.edges) {
      parts.push(
        sql`select l.language from actions join action_languages l on l.action_id = actions.id where ${countedActions({ ...q, from, to })}${only(sql`l.language`)}`,
      )
    }
    return number(
      sql`select count(distinct u.language) as value from (${sql.join(parts, sql` union `)}) u where ${workingLanguage(sql`u.language`)}`,
    )
  }
  const where = scoped ? sql`${base} and ${actionCondition(q.breakdown!, value)}` : base
  const languageOnly =
    scoped && q.breakdown === 'language' ? sql` and action_languages.language = ${value}` : sql``
  return number(
    sql`select count(distinct action_languages.language) as value from actions join action_languages on action_languages.action_id = actions.id where ${where}${languageOnly} and ${workingLanguage(sql`action_languages.language`)}`,
  )
}

function stakeholdersReached(q: MetricQuery, { scoped, value, base }: Scope) {
  // Whole months from stakeholder_reach_months when only a stakeholder facet (or none) applies.
  const split = !q.filters && (!scoped || stakeholderDims.has(q.breakdown!)) ? monthSplit(q) : null
  if (split) {
    const reached = reachedSet(q, split)
    if (!scoped) return reached.size
    return memberIds(`${q.breakdown}:${value}`, () => stakeholderCondition(q.breakdown!, value)).filter(
      (id) => reached.has(id),
    ).length
  }
  let where = base
  if (scoped) {
    where = stakeholderDims.has(q.breakdown!)
      ? sql`${where} and ${stakeholderCondition(q.breakdown!, value)}`
      : sql`${where} and ${actionCondition(q.breakdown!, value)}`
  }
  return number(sql`select count(distinct action_stakeholders.stakeholder_id) as value
        from action_stakeholders
        join actions on actions.id = action_stakeholders.action_id
        join stakeholders on stakeholders.id = action_stakeholders.stakeholder_id
        where ${where}`)
}

/**
 * The stakeholders reached in a split period: the whole months from the in-memory monthly sets
 * (reach-sets.server.ts), the days at either end from the links.
 */
function reachedSet(q: MetricQuery, split: NonNullable<ReturnType<typeof monthSplit>>): ReachSet {
  const statuses = q.includeSubmitted ? ['validated', 'submitted'] : ['validated']
  const reached = reachedInMonths(statuses, split.months[0], split.months[1])
  for (const [from, to] of split.edges) {
    reached.add(
      db
        .all<{ sid: number }>(
          sql`select x.stakeholder_id as sid from actions join action_stakeholders x on x.action_id = actions.id
            where ${countedActions({ ...q, from, to })}`,
        )
        .map((r) => r.sid),
    )
  }
  return reached
}

/** The ids of the stakeholders a register condition picks, kept until the register changes. */
function memberIds(key: string, where: () => SQL): number[] {
  return byRegisterVersion(`members:${key}`, () =>
    db
      .all<{ id: number }>(sql`select stakeholders.id as id from stakeholders where ${where()}`)
      .map((r) => r.id),
  )
}

/** The condition "this member was reached" for the group share, when the period has no whole month. */
function reachedCondition(q: MetricQuery, { scoped, value, base }: Scope): SQL {
  const reachingActions =
    scoped && actionDims.has(q.breakdown!) ? sql`${base} and ${actionCondition(q.breakdown!, value)}` : base
  return sql`exists (select 1 from action_stakeholders
            join actions on actions.id = action_stakeholders.action_id
            where action_stakeholders.stakeholder_id = stakeholders.id and ${reachingActions})`
}

function groupShareReached(q: MetricQuery, scope: Scope) {
  // Population: the live stakeholders of the facet (group, tier, category), or all of them;
  // an action facet (partner, type, channel, language) narrows which actions count as reaching.
  const facet = scope.scoped && stakeholderDims.has(q.breakdown!)
  const population = () =>
    facet ? sql`${liveStakeholder} and ${stakeholderCondition(q.breakdown!, scope.value)}` : liveStakeholder
  const split = !q.filters && !(scope.scoped && actionDims.has(q.breakdown!)) ? monthSplit(q) : null
  if (split) {
    // Whole months: the members' ids checked against the monthly sets of stakeholders reached.
    const members = memberIds(facet ? `live:${q.breakdown}:${scope.value}` : 'live', population)
    if (!members.length) return 0
    const reached = reachedSet(q, split)
    return Math.round((1000 * members.filter((id) => reached.has(id)).length) / members.length) / 10
  }
  const row = db.get<{ members: number; reached: number }>(sql`select count(*) as members,
          coalesce(sum(${reachedCondition(q, scope)}), 0) as reached
        from stakeholders where ${population()}`)
  if (!row || !row.members) return 0
  return Math.round((1000 * row.reached) / row.members) / 10
}

// Both read the register and its audit entries only: kept until the register changes.
function newStakeholdersEngaged(q: MetricQuery, { scoped, value }: Scope) {
  return byRegisterVersion(`engaged:${q.from}:${q.to}:${scoped ? `${q.breakdown}:${value}` : ''}`, () => {
    const facet = scoped ? sql` and ${stakeholderCondition(q.breakdown!, value)}` : sql``
    // Driven from the (short) list of ids: "stakeholders.id in (...)" let SQLite walk every live stakeholder.
    return number(sql`select count(*) as value from (${newlyEngagedIds(q.from, q.to)}) engaged
        cross join stakeholders on stakeholders.id = engaged.entity_id
        where ${liveStakeholder}${facet}`)
  })
}

function fundedProjectLinks(q: MetricQuery, { scoped, value }: Scope) {
  return byRegisterVersion(`funded:${q.to}:${scoped ? `${q.breakdown}:${value}` : ''}`, () => {
    const facet = scoped ? sql` and ${stakeholderCondition(q.breakdown!, value)}` : sql``
    return number(sql`select count(*) as value from stakeholders
        join stakeholder_categories c on c.id = stakeholders.category_id
        where ${liveStakeholder} and c.is_funded_project = 1 and stakeholders.stage = 'collaborating'
          and stakeholders.created_at <= ${endOfDay(q.to)}${facet}`)
  })
}

/** The figure for one metric over a period (restricted to `breakdownValue` when given). */
export function computeMetric(q: MetricQuery): number {
  checkBreakdown(q)
  const scoped = hasBreakdown(q)
  const scope: Scope = { scoped, value: scoped ? String(q.breakdownValue) : '', base: countedActions(q) }
  switch (q.metric) {
    case 'actions':
    case 'participants':
    case 'online_reach':
    case 'engagements':
    case 'partners_active':
      return actionSum(q, scope)
    case 'languages_covered':
      return languagesCovered(q, scope)
    case 'stakeholders_reached':
      return stakeholdersReached(q, scope)
    case 'group_share_reached':
      return groupShareReached(q, scope)
    case 'new_stakeholders_engaged':
      return newStakeholdersEngaged(q, scope)
    case 'funded_project_links':
      return fundedProjectLinks(q, scope)
  }
}
