import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { coverage } from '~/models/dashboards/index.server'
import { computeMetric } from '~/models/plan/index.server'

/**
 * The coverage dashboard keeps what it computes from the register (group members, new
 * stakeholders engaged, links with funded projects, the priority population) until
 * stakeholder_register_version moves (triggers, migration register_version). After every kind of
 * write, its figures must equal the same figures recomputed from the tables.
 */
const all = <T>(q: string, ...a: unknown[]) =>
  sqlite()
    .prepare(q)
    .all(...(a as never[])) as T[]
const one = <T>(q: string, ...a: unknown[]) =>
  sqlite()
    .prepare(q)
    .get(...(a as never[])) as T
const run = (q: string, ...a: unknown[]) =>
  Number(
    sqlite()
      .prepare(q)
      .run(...(a as never[])).lastInsertRowid,
  )

const month = '2026-10'
const windowStart = '2026-05'
const version = () =>
  one<{ v: number }>('select version as v from stakeholder_register_version where id = 1').v

/** Tier A stakeholders not reached by a validated action in the window, recomputed from the links. */
function unreachedRecomputed() {
  const population = all<{ id: number }>(
    `select s.id from stakeholders s join stakeholder_priority sp on sp.stakeholder_id = s.id
     where s.archived_at is null and s.merged_into_id is null and sp.tier = 'A'`,
  )
  const reached = new Set(
    all<{ id: number }>(
      `select distinct x.stakeholder_id as id from action_stakeholders x join actions a on a.id = x.action_id
       where a.archived_at is null and a.status = 'validated' and a.month between ? and ?`,
      windowStart,
      month,
    ).map((r) => r.id),
  )
  const unreached = all<{ id: number; score: number | null; name: string }>(
    `select s.id, sp.score, s.name from stakeholders s join stakeholder_priority sp on sp.stakeholder_id = s.id
     where s.archived_at is null and s.merged_into_id is null and sp.tier = 'A'
     order by sp.score is null, sp.score desc, s.name, s.id`,
  ).filter((r) => !reached.has(r.id))
  return {
    total: population.length,
    unreached: unreached.length,
    first: unreached.slice(0, 100).map((r) => r.id),
  }
}

const engagedRecomputed = (from: string, to: string) =>
  one<{ n: number }>(
    `select count(*) as n from (
       select entity_id as id from audit_log where entity = 'stakeholder' and action in ('update', 'create')
         and at >= ? and at <= ? and json_extract(after, '$.stage') in ('engaged', 'collaborating')
         and coalesce(json_extract(before, '$.stage'), '') not in ('engaged', 'collaborating')
       union
       select s2.id from stakeholders s2 where s2.created_at >= ? and s2.created_at <= ?
         and s2.stage in ('engaged', 'collaborating')
         and not exists (select 1 from audit_log a2 where a2.entity = 'stakeholder' and a2.entity_id = s2.id and a2.action = 'create')
     ) e join stakeholders s on s.id = e.id where s.archived_at is null and s.merged_into_id is null`,
    from,
    `${to}T23:59:59.999Z`,
    from,
    `${to}T23:59:59.999Z`,
  ).n

const fundedRecomputed = (to: string) =>
  one<{ n: number }>(
    `select count(*) as n from stakeholders s join stakeholder_categories c on c.id = s.category_id
     where s.archived_at is null and s.merged_into_id is null and c.is_funded_project = 1
       and s.stage = 'collaborating' and s.created_at <= ?`,
    `${to}T23:59:59.999Z`,
  ).n

function agree() {
  const shown = coverage({ month, since: 6, today: '2026-11-22' }).priority
  const expected = unreachedRecomputed()
  expect({ total: shown.total, unreached: shown.unreached, first: shown.rows.map((r) => r.id) }).toEqual(
    expected,
  )
  const period = { from: '2025-01-01', to: '2026-10-31' }
  expect(computeMetric({ metric: 'new_stakeholders_engaged', ...period })).toBe(
    engagedRecomputed(period.from, period.to),
  )
  expect(computeMetric({ metric: 'funded_project_links', ...period })).toBe(fundedRecomputed(period.to))
  // The member lists kept in memory against the same figures read from the links (filters: not split).
  const groups = all<{ id: number }>('select id from stakeholder_groups where archived_at is null')
  for (const facet of [{}, ...groups.map((g) => ({ breakdown: 'group' as const, breakdownValue: g.id }))]) {
    for (const metric of ['group_share_reached', 'stakeholders_reached'] as const) {
      expect(computeMetric({ metric, ...period, ...facet })).toBe(
        computeMetric({ metric, ...period, ...facet, filters: sql`1` }),
      )
    }
  }
}

describe('register figures kept in memory by the coverage dashboard', () => {
  it('equal a recomputation from the tables after the seed and after every kind of write', () => {
    agree()
    const before = version()
    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const type = one<{ id: number }>('select id from action_types order by id limit 1').id
    const tierA = all<{ id: number }>(
      `select stakeholder_id as id from stakeholder_priority where tier = 'A' order by score desc limit 3`,
    ).map((r) => r.id)
    const funded = one<{ id: number }>(
      'select id from stakeholder_categories where is_funded_project = 1 order by id limit 1',
    ).id
    const step = (q: string, ...args: unknown[]) => {
      run(q, ...args)
      agree()
    }

    // An action reaching a tier-A stakeholder: the register does not change, the list does.
    const action = run(
      `insert into actions (partner_id, date, month, type_id, title, status) values (?, '2026-10-12', '2026-10', ?, 'Spotkanie w Łodzi', 'validated')`,
      partner,
      type,
    )
    step('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)', action, tierA[0])
    expect(version()).toBe(before) // logging an action never moves the register's version
    step(`update actions set status = 'submitted' where id = ?`, action)
    step('delete from action_stakeholders where action_id = ?', action)
    step('delete from actions where id = ?', action)
    expect(version()).toBe(before)

    // The register itself: created, restaged, rescored, archived, recategorised, grouped.
    const created = run(
      `insert into stakeholders (name, category_id, stage, name_key, search_text, created_at)
       values ('Δήμος Αθηναίων', ?, 'collaborating', 'dimos athinaion', 'dimos athinaion', '2026-03-02T10:00:00.000Z')`,
      funded,
    )
    agree()
    expect(version()).not.toBe(before)
    step(
      `insert into audit_log (entity, entity_id, action, before, after) values ('stakeholder', ?, 'update', '{"stage":"identified"}', '{"stage":"engaged"}')`,
      tierA[1],
    )
    step(`update stakeholders set stage = 'engaged' where id = ?`, created)
    step(
      `insert into stakeholder_priority (stakeholder_id, score, tier, scored_at) values (?, 99.5, 'A', '2026-10-01')`,
      created,
    )
    step(`update stakeholder_priority set tier = 'B' where stakeholder_id = ?`, tierA[2])
    step(`update stakeholders set archived_at = '2026-10-20T00:00:00.000Z' where id = ?`, tierA[0])
    step('update stakeholders set archived_at = null where id = ?', tierA[0])
    step(`update stakeholders set name = 'Ajuntament de Girona' where id = ?`, tierA[1])
    step(`update stakeholder_categories set is_funded_project = 0 where id = ?`, funded)
    step(`update stakeholder_categories set is_funded_project = 1 where id = ?`, funded)
    const group = one<{ id: number } | undefined>('select id from stakeholder_groups order by id limit 1')
    if (group) step(`update stakeholder_groups set filter = '{"stage":"engaged"}' where id = ?`, group.id)
    step('delete from stakeholder_priority where stakeholder_id = ?', created)
    step(
      `delete from audit_log where entity = 'stakeholder' and entity_id = ? and action = 'update'`,
      tierA[1],
    )
    step('delete from stakeholders where id = ?', created)
  })
})
