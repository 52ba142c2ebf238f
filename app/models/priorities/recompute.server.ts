/**
 * The materialised priority: stakeholder_priority holds the weighted score, tier and grid
 * position of every scored stakeholder. It is recomputed in SQL (one INSERT ... SELECT with
 * aggregates) so a weight or threshold change re-ranks 100,000 stakeholders at once; the same
 * rules live as pure functions in scoring.ts for the browser and the tests.
 */
import { eq, type SQL, sql } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { stakeholderPriority } from '#db/schema'

import type { Thresholds } from './scoring'
import { getThresholds, now } from './thresholds.server'

/** The tier as a SQL CASE over a score expression (edges inclusive, as tierFor). */
function tierCase(score: SQL, t: Thresholds) {
  return sql`case when ${score} >= ${t.tierA} then 'A' when ${score} >= ${t.tierB} then 'B' else 'C' end`
}

/**
 * Recomputes stakeholder_priority from the current scores over active criteria, for every
 * stakeholder or only the given ones, in one INSERT ... SELECT ... GROUP BY. previous_score keeps
 * the score before the last change, for "change since the previous scoring"; a stakeholder with
 * no current score left loses its row (unscored, never zero).
 */
export function recomputePriorities(tx: Tx, stakeholderIds?: readonly number[]) {
  const t = getThresholds(tx)
  const only = stakeholderIds
    ? sql`and s.stakeholder_id in (${sql.join(
        stakeholderIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  if (stakeholderIds && stakeholderIds.length === 0) return
  const score = sql`(sum(c.weight * (s.value - 1) / 4.0) / sum(c.weight) * 100.0)`
  const stamp = now()
  tx.run(sql`
    insert into stakeholder_priority (stakeholder_id, score, tier, previous_score, influence, interest, scored_at)
    select s.stakeholder_id,
           ${score},
           ${tierCase(score, t)},
           null,
           avg(case when c.grid_axis = 'influence' then s.value end),
           avg(case when c.grid_axis = 'interest' then s.value end),
           ${stamp}
      from scores s
      join criteria c on c.id = s.criterion_id
     where s.superseded_at is null and c.archived_at is null and c.weight > 0 ${only}
     group by s.stakeholder_id
    on conflict (stakeholder_id) do update set
      previous_score = case when abs(stakeholder_priority.score - excluded.score) > 1e-9 then stakeholder_priority.score else stakeholder_priority.previous_score end,
      scored_at = case when abs(stakeholder_priority.score - excluded.score) > 1e-9 then excluded.scored_at else stakeholder_priority.scored_at end,
      score = excluded.score,
      tier = excluded.tier,
      influence = excluded.influence,
      interest = excluded.interest
  `)
  const onlyP = stakeholderIds
    ? sql`and p.stakeholder_id in (${sql.join(
        stakeholderIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  tx.run(sql`
    delete from stakeholder_priority as p
     where not exists (
       select 1 from scores s join criteria c on c.id = s.criterion_id
        where s.stakeholder_id = p.stakeholder_id and s.superseded_at is null and c.archived_at is null and c.weight > 0
     ) ${onlyP}
  `)
}

export function recomputeAllPriorities(tx: Tx = db) {
  recomputePriorities(tx)
}

/** New thresholds only move tiers; the scores stay. */
export function retierAll(tx: Tx, t: Thresholds) {
  tx.run(sql`update stakeholder_priority set tier = ${tierCase(sql`score`, t)}`)
}

export type Priority = typeof stakeholderPriority.$inferSelect

export function getPriority(stakeholderId: number, tx: Tx = db): Priority | null {
  return (
    tx.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, stakeholderId)).get() ??
    null
  )
}
