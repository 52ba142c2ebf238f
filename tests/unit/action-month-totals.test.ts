import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { monthlyByKey } from '~/models/dashboards/index.server'

/**
 * action_month_totals is a pre-aggregate kept by triggers on `actions`; it must always equal the
 * same figures added up from the live actions themselves.
 */
function fromActions() {
  return sqlite()
    .prepare(
      `select status, month, coalesce(channel_id, 0) as channel_id, type_id, count(*) as actions, coalesce(sum(participants), 0) as participants,
         coalesce(sum(online_reach), 0) as online_reach, coalesce(sum(engagements), 0) as engagements
       from actions where archived_at is null group by status, month, coalesce(channel_id, 0), type_id order by 1, 2, 3, 4`,
    )
    .all()
}
function totals() {
  return sqlite()
    .prepare(
      `select status, month, channel_id, type_id, actions, participants, online_reach, engagements from action_month_totals order by 1, 2, 3, 4`,
    )
    .all()
}
const one = <T>(q: string, ...a: unknown[]) =>
  sqlite()
    .prepare(q)
    .get(...(a as never[])) as T

function baseQuery(from: string, to: string, stack: 'channel' | 'type', statuses: string[], extra = '') {
  const col = stack === 'channel' ? 'channel_id' : 'type_id'
  return sqlite()
    .prepare(
      `select month, ${col} as key, count(*) as actions, coalesce(sum(participants), 0) as participants, coalesce(sum(online_reach), 0) as onlineReach,
         coalesce(sum(engagements), 0) as engagements
       from actions where archived_at is null and status in (${statuses.map(() => '?').join(',')}) and month between ? and ? ${extra}
       group by month, ${col} order by 1, 2`,
    )
    .all(...statuses, from, to)
}
const sorted = (rows: { month: string; key: number | null }[]) =>
  [...rows]
    .map((r) => ({ ...r }))
    .sort((a, b) => a.month.localeCompare(b.month) || (a.key ?? -1) - (b.key ?? -1))

describe('action_month_totals', () => {
  it('equals the live actions after the seed, inserts, edits, status changes, archive, restore and delete', () => {
    expect(totals().length).toBeGreaterThan(0)
    expect(totals()).toEqual(fromActions())

    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const [type1, type2] = (
      sqlite().prepare('select id from action_types order by id limit 2').all() as { id: number }[]
    ).map((r) => r.id)
    const channel = one<{ id: number }>('select id from channels order by id limit 1').id
    const insert = sqlite().prepare(
      `insert into actions (partner_id, date, month, type_id, channel_id, title, participants, online_reach, engagements, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const a = Number(
      insert.run(partner, '2032-03-04', '2032-03', type1, channel, 'Totals A', 10, 200, null, 'submitted')
        .lastInsertRowid,
    )
    const b = Number(
      insert.run(partner, '2032-03-09', '2032-03', type1, null, 'Totals B', null, 50, 5, 'validated')
        .lastInsertRowid,
    )
    const c = Number(
      insert.run(partner, '2032-04-01', '2032-04', type2, channel, 'Totals C', 7, null, 3, 'draft')
        .lastInsertRowid,
    )
    expect(totals()).toEqual(fromActions())
    expect(
      one(
        'select actions, participants, online_reach, engagements from action_month_totals where status = ? and month = ? and channel_id = 0 and type_id = ?',
        'validated',
        '2032-03',
        type1,
      ),
    ).toEqual({
      actions: 1,
      participants: 0,
      online_reach: 50,
      engagements: 5,
    })

    const update = (q: string, ...args: unknown[]) => {
      sqlite()
        .prepare(q)
        .run(...(args as never[]))
      expect(totals()).toEqual(fromActions())
    }
    update(`update actions set status = 'validated', validated_at = '2032-03-05' where id = ?`, a) // status change
    update('update actions set participants = 25, engagements = 4 where id = ?', a) // figures edited
    update('update actions set channel_id = null, type_id = ? where id = ?', type2, a) // channel removed, type changed
    update(`update actions set date = '2032-05-02', month = '2032-05' where id = ?`, b) // moved to another month
    update(`update actions set status = 'returned' where id = ?`, c)
    update(`update actions set archived_at = '2032-06-01T00:00:00.000Z' where id = ?`, a) // archived
    update('update actions set archived_at = null where id = ?', a) // restored
    update('update actions set title = ? where id = ?', 'Totals A renamed', a) // nothing counted changes
    update('delete from actions where id = ?', c)
    expect(one('select count(*) as n from action_month_totals where actions <= 0')).toEqual({ n: 0 })
  })

  it('gives monthlyByKey the same figures as the actions themselves', () => {
    const months = one<{ from: string; to: string }>(
      'select min(month) as "from", max(month) as "to" from actions',
    )
    const channel = one<{ id: number }>(
      'select channel_id as id from actions where channel_id is not null limit 1',
    ).id
    const checks: [Parameters<typeof monthlyByKey>, unknown[]][] = [
      [
        [months.from, months.to, 'channel', { validatedOnly: true }],
        baseQuery(months.from, months.to, 'channel', ['validated']),
      ],
      [
        [months.from, months.to, 'type', { validatedOnly: false }],
        baseQuery(months.from, months.to, 'type', ['submitted', 'validated']),
      ],
      [
        [months.from, months.to, 'type', { validatedOnly: true, channel }],
        baseQuery(months.from, months.to, 'type', ['validated'], `and channel_id = ${channel}`),
      ],
    ]
    for (const [args, expected] of checks) {
      const rows = monthlyByKey(...args).map((r) => ({
        month: r.month,
        key: r.key,
        actions: r.actions,
        participants: r.participants,
        onlineReach: r.onlineReach,
        engagements: r.engagements,
      }))
      expect(rows.length).toBeGreaterThan(0)
      expect(sorted(rows)).toEqual(sorted(expected as { month: string; key: number | null }[]))
    }
  })
})

describe('stakeholder_reach_months', () => {
  const fromLinks = () =>
    sqlite()
      .prepare(
        `select a.status, a.month, x.stakeholder_id, count(*) as actions from action_stakeholders x join actions a on a.id = x.action_id
         where a.archived_at is null group by a.status, a.month, x.stakeholder_id order by 1, 2, 3`,
      )
      .all()
  const table = () =>
    sqlite()
      .prepare('select status, month, stakeholder_id, actions from stakeholder_reach_months order by 1, 2, 3')
      .all()

  it('equals the live actions’ links after the seed, new links, status and month changes, archive, restore, relinking and removal', () => {
    expect(table().length).toBeGreaterThan(0)
    expect(table()).toEqual(fromLinks())
    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const type = one<{ id: number }>('select id from action_types order by id limit 1').id
    const [s1, s2, s3] = (
      sqlite().prepare('select id from stakeholders order by id limit 3').all() as { id: number }[]
    ).map((r) => r.id)
    const insert = sqlite().prepare(
      `insert into actions (partner_id, date, month, type_id, title, status) values (?, ?, ?, ?, ?, ?)`,
    )
    const link = sqlite().prepare('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)')
    const a = Number(
      insert.run(partner, '2033-01-04', '2033-01', type, 'Reach A', 'submitted').lastInsertRowid,
    )
    const b = Number(
      insert.run(partner, '2033-01-20', '2033-01', type, 'Reach B', 'submitted').lastInsertRowid,
    )
    link.run(a, s1)
    link.run(a, s2)
    link.run(b, s1)
    expect(table()).toEqual(fromLinks())
    expect(
      one(
        'select actions from stakeholder_reach_months where status = ? and month = ? and stakeholder_id = ?',
        'submitted',
        '2033-01',
        s1,
      ),
    ).toEqual({ actions: 2 })

    const step = (q: string, ...args: unknown[]) => {
      sqlite()
        .prepare(q)
        .run(...(args as never[]))
      expect(table()).toEqual(fromLinks())
    }
    step(`update actions set status = 'validated' where id = ?`, a)
    step(`update actions set date = '2033-02-01', month = '2033-02' where id = ?`, b)
    step(`update actions set archived_at = '2033-03-01T00:00:00.000Z' where id = ?`, a)
    step('update actions set archived_at = null where id = ?', a)
    step(
      'update action_stakeholders set stakeholder_id = ? where action_id = ? and stakeholder_id = ?',
      s3,
      a,
      s2,
    ) // merge-style relink
    step('delete from action_stakeholders where action_id = ?', b) // links replaced on edit
    step('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)', b, s2)
    step(`update actions set title = 'Reach B renamed' where id = ?`, b)
    expect(one('select count(*) as n from stakeholder_reach_months where actions <= 0')).toEqual({ n: 0 })
  })
})

describe('action_language_months', () => {
  const fromLinks = () =>
    sqlite()
      .prepare(
        `select a.status, a.month, l.language, count(*) as actions from action_languages l join actions a on a.id = l.action_id
         where a.archived_at is null group by a.status, a.month, l.language order by 1, 2, 3`,
      )
      .all()
  const table = () =>
    sqlite()
      .prepare('select status, month, language, actions from action_language_months order by 1, 2, 3')
      .all()

  it('equals the live actions’ languages after the seed, new languages, status and month changes, archive, restore, edits and removal', () => {
    expect(table().length).toBeGreaterThan(0)
    expect(table()).toEqual(fromLinks())
    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const type = one<{ id: number }>('select id from action_types order by id limit 1').id
    const insert = sqlite().prepare(
      `insert into actions (partner_id, date, month, type_id, title, status) values (?, ?, ?, ?, ?, ?)`,
    )
    const language = sqlite().prepare('insert into action_languages (action_id, language) values (?, ?)')
    const a = Number(
      insert.run(partner, '2034-01-04', '2034-01', type, 'Lang A', 'submitted').lastInsertRowid,
    )
    const b = Number(
      insert.run(partner, '2034-01-20', '2034-01', type, 'Lang B', 'validated').lastInsertRowid,
    )
    language.run(a, 'es')
    language.run(a, 'eu')
    language.run(b, 'es')
    expect(table()).toEqual(fromLinks())
    const step = (q: string, ...args: unknown[]) => {
      sqlite()
        .prepare(q)
        .run(...(args as never[]))
      expect(table()).toEqual(fromLinks())
    }
    step(`update actions set status = 'validated' where id = ?`, a)
    step(`update actions set date = '2034-02-01', month = '2034-02' where id = ?`, b)
    step(`update actions set archived_at = '2034-03-01T00:00:00.000Z' where id = ?`, a)
    step('update actions set archived_at = null where id = ?', a)
    step(`update action_languages set language = 'ca' where action_id = ? and language = 'eu'`, a)
    step('delete from action_languages where action_id = ?', b)
    step(`insert into action_languages (action_id, language) values (?, 'fr')`, b)
    expect(one('select count(*) as n from action_language_months where actions <= 0')).toEqual({ n: 0 })
  })
})

describe('computeMetric over whole months from the pre-aggregates', () => {
  it('equals the same metric read from the actions (a no-op filter forces that path), for whole and partial months', async () => {
    const { sql } = await import('drizzle-orm')
    const { computeMetric } = await import('~/models/plan/index.server')
    const range = one<{ from: string; to: string }>(
      `select min(date) as "from", max(date) as "to" from actions where status = 'validated'`,
    )
    const group = one<{ id: number } | undefined>('select id from stakeholder_groups order by id limit 1')
    const category = one<{ id: number }>('select id from stakeholder_categories order by id limit 1').id
    const periods: [string, string][] = [
      [range.from, range.to],
      [`${range.from.slice(0, 7)}-01`, `${range.to.slice(0, 7)}-28`],
      [`${range.from.slice(0, 7)}-14`, `${range.to.slice(0, 7)}-03`],
    ]
    const compared: { label: string; metric: string; fast: number; base: number }[] = []
    for (const [from, to] of periods) {
      for (const includeSubmitted of [false, true]) {
        const queries = [
          { metric: 'stakeholders_reached' as const },
          {
            metric: 'stakeholders_reached' as const,
            breakdown: 'category' as const,
            breakdownValue: category,
          },
          { metric: 'languages_covered' as const },
          { metric: 'languages_covered' as const, breakdown: 'language' as const, breakdownValue: 'es' },
          { metric: 'group_share_reached' as const },
          ...(group
            ? [
                {
                  metric: 'group_share_reached' as const,
                  breakdown: 'group' as const,
                  breakdownValue: group.id,
                },
              ]
            : []),
        ]
        for (const q of queries) {
          const label = `${q.metric} ${q.breakdown ?? ''} ${from}..${to} ${includeSubmitted}`
          const fast = computeMetric({ ...q, from, to, includeSubmitted })
          const base = computeMetric({ ...q, from, to, includeSubmitted, filters: sql`1` })
          compared.push({ label, metric: q.metric, fast, base })
        }
      }
    }
    expect(compared.map((c) => `${c.label}: ${c.fast}`)).toEqual(compared.map((c) => `${c.label}: ${c.base}`))
    // Not a comparison of zeros: every metric has a figure above zero in some period.
    const nonZero = new Set(compared.filter((c) => c.base > 0).map((c) => c.metric))
    expect([...nonZero].sort()).toEqual(['group_share_reached', 'languages_covered', 'stakeholders_reached'])
    // Partial months (the second and third periods) differ from the whole range somewhere.
    expect(
      new Set(compared.filter((c) => c.metric === 'stakeholders_reached').map((c) => c.base)).size,
    ).toBeGreaterThan(1)
    expect(computeMetric({ metric: 'stakeholders_reached', from: range.from, to: range.to })).toBeGreaterThan(
      0,
    )
  })
})

describe('the stakeholder category each action link carries', () => {
  const stale = () =>
    sqlite()
      .prepare(
        `select x.action_id, x.stakeholder_id, x.category_id, s.category_id as actual from action_stakeholders x join stakeholders s on s.id = x.stakeholder_id
         where x.category_id is not s.category_id`,
      )
      .all()

  it("equals the stakeholder's category after the seed, new links, relinking and a category change", () => {
    expect(one<{ n: number }>('select count(*) as n from action_stakeholders').n).toBeGreaterThan(0)
    expect(stale()).toEqual([])
    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const type = one<{ id: number }>('select id from action_types order by id limit 1').id
    const [c1, c2] = (
      sqlite().prepare('select id from stakeholder_categories order by id limit 2').all() as { id: number }[]
    ).map((r) => r.id)
    const [s1, s2] = (
      sqlite().prepare('select id from stakeholders order by id limit 2').all() as { id: number }[]
    ).map((r) => r.id)
    sqlite().prepare('update stakeholders set category_id = ? where id = ?').run(c1, s1)
    sqlite().prepare('update stakeholders set category_id = ? where id = ?').run(c2, s2)
    const a = Number(
      sqlite()
        .prepare(
          `insert into actions (partner_id, date, month, type_id, title, status) values (?, '2034-01-04', '2034-01', ?, 'Category A', 'validated')`,
        )
        .run(partner, type).lastInsertRowid,
    )
    sqlite().prepare('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)').run(a, s1)
    expect(one('select category_id from action_stakeholders where action_id = ?', a)).toEqual({
      category_id: c1,
    })
    sqlite().prepare('update action_stakeholders set stakeholder_id = ? where action_id = ?').run(s2, a) // merge-style relink
    expect(one('select category_id from action_stakeholders where action_id = ?', a)).toEqual({
      category_id: c2,
    })
    sqlite().prepare('update stakeholders set category_id = ? where id = ?').run(c1, s2)
    expect(one('select category_id from action_stakeholders where action_id = ?', a)).toEqual({
      category_id: c1,
    })
    expect(stale()).toEqual([])
  })
})
