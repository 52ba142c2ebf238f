import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

/**
 * The roll-ups the reach dashboard reads (migration 0020) are kept by triggers; after every kind
 * of write they must equal the same figures added up from the live actions and their links.
 */
const all = (q: string) => sqlite().prepare(q).all()
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

const languages = {
  table: () =>
    all(
      `select status, month, language, actions, participants, online_reach, engagements from action_language_months order by 1, 2, 3`,
    ),
  expected: () =>
    all(`select a.status, a.month, l.language, count(*) as actions, coalesce(sum(a.participants), 0) as participants,
           coalesce(sum(a.online_reach), 0) as online_reach, coalesce(sum(a.engagements), 0) as engagements
         from action_languages l join actions a on a.id = l.action_id where a.archived_at is null
         group by a.status, a.month, l.language order by 1, 2, 3`),
}
const categories = {
  table: () =>
    all(
      `select status, month, category_id, actions, participants, online_reach, engagements from action_category_months order by 1, 2, 3`,
    ),
  expected: () =>
    all(`select a.status, a.month, c.category_id, count(*) as actions, coalesce(sum(a.participants), 0) as participants,
           coalesce(sum(a.online_reach), 0) as online_reach, coalesce(sum(a.engagements), 0) as engagements
         from (select distinct action_id, category_id from action_stakeholders where category_id is not null) c
         join actions a on a.id = c.action_id where a.archived_at is null
         group by a.status, a.month, c.category_id order by 1, 2, 3`),
}
const reached = {
  table: () =>
    all(`select status, month, category_id, stakeholders from category_reach_months order by 1, 2, 3`),
  expected: () =>
    all(`select a.status, a.month, x.category_id, count(distinct x.stakeholder_id) as stakeholders
         from action_stakeholders x join actions a on a.id = x.action_id
         where a.archived_at is null and x.category_id is not null
         group by a.status, a.month, x.category_id order by 1, 2, 3`),
}
const lastDates = {
  table: () =>
    all(`select status, month, stakeholder_id, last_date from stakeholder_reach_months order by 1, 2, 3`),
  expected: () =>
    all(`select a.status, a.month, x.stakeholder_id, max(a.date) as last_date
         from action_stakeholders x join actions a on a.id = x.action_id where a.archived_at is null
         group by a.status, a.month, x.stakeholder_id order by 1, 2, 3`),
}
const partners = {
  table: () =>
    all(
      `select status, month, partner_id, actions, participants, online_reach, engagements from action_partner_months order by 1, 2, 3`,
    ),
  expected: () =>
    all(`select status, month, partner_id, count(*) as actions, coalesce(sum(participants), 0) as participants,
           coalesce(sum(online_reach), 0) as online_reach, coalesce(sum(engagements), 0) as engagements
         from actions where archived_at is null group by status, month, partner_id order by 1, 2, 3`),
}
function agree() {
  expect(partners.table()).toEqual(partners.expected())
  expect(lastDates.table()).toEqual(lastDates.expected())
  expect(languages.table()).toEqual(languages.expected())
  expect(categories.table()).toEqual(categories.expected())
  expect(reached.table()).toEqual(reached.expected())
}

describe('the dashboards’ roll-ups by language and stakeholder category, and each stakeholder’s last date reached', () => {
  it('equal the live actions after the seed and after every kind of write', () => {
    expect(categories.table().length).toBeGreaterThan(0)
    expect(reached.table().length).toBeGreaterThan(0)
    expect(
      one<{ n: number }>('select count(*) as n from action_language_months where participants > 0').n,
    ).toBeGreaterThan(0)
    agree()

    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const type = one<{ id: number }>('select id from action_types order by id limit 1').id
    const [c1, c2, c3] = (
      all('select id from stakeholder_categories order by id limit 3') as { id: number }[]
    ).map((r) => r.id)
    const [s1, s2, s3] = (all('select id from stakeholders order by id limit 3') as { id: number }[]).map(
      (r) => r.id,
    )
    run('update stakeholders set category_id = ? where id in (?, ?)', c1, s1, s2)
    run('update stakeholders set category_id = ? where id = ?', c2, s3)
    agree()

    const insert = `insert into actions (partner_id, date, month, type_id, title, participants, online_reach, engagements, status)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    const a = run(
      insert,
      partner,
      '2035-01-04',
      '2035-01',
      type,
      'Spotkanie w Łodzi',
      40,
      null,
      3,
      'submitted',
    )
    const b = run(insert, partner, '2035-01-20', '2035-01', type, 'Συνάντηση', null, 900, 12, 'validated')
    const link = (action: number, stakeholder: number) =>
      run('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)', action, stakeholder)
    link(a, s1)
    link(a, s2) // a second stakeholder of the same category: the action still counts once there
    link(a, s3)
    link(b, s1)
    run(`insert into action_languages (action_id, language) values (?, 'pl'), (?, 'en'), (?, 'el')`, a, a, b)
    agree()
    expect(
      one(
        'select actions, participants from action_category_months where status = ? and month = ? and category_id = ?',
        'submitted',
        '2035-01',
        c1,
      ),
    ).toEqual({ actions: 1, participants: 40 })
    expect(
      one(
        'select stakeholders from category_reach_months where status = ? and month = ? and category_id = ?',
        'submitted',
        '2035-01',
        c1,
      ),
    ).toEqual({ stakeholders: 2 })

    const step = (q: string, ...args: unknown[]) => {
      run(q, ...args)
      agree()
    }
    step(`update actions set status = 'validated' where id = ?`, a) // now two actions reach s1 in one month
    step('update actions set participants = 55, online_reach = 10 where id = ?', a) // figures edited
    step(`update actions set date = '2035-02-01', month = '2035-02' where id = ?`, b) // another month
    step(`update actions set date = '2035-01-28' where id = ?`, a) // a later day in the same month
    step(`update actions set date = '2035-01-02' where id = ?`, a) // an earlier one
    step(`update actions set archived_at = '2035-03-01T00:00:00.000Z' where id = ?`, a) // archived
    step('update actions set archived_at = null where id = ?', a) // restored
    step('update stakeholders set category_id = ? where id = ?', c3, s2) // a stakeholder changes category
    step('update stakeholders set category_id = ? where id = ?', c3, s1)
    step(
      'update action_stakeholders set stakeholder_id = ? where action_id = ? and stakeholder_id = ?',
      s3,
      b,
      s1,
    ) // relinked
    step('delete from action_stakeholders where action_id = ? and stakeholder_id = ?', a, s2) // one link of two in c3
    step('delete from action_stakeholders where action_id = ?', a) // links replaced on edit
    step(
      'insert into action_stakeholders (action_id, stakeholder_id, category_id) values (?, ?, ?)',
      a,
      s2,
      c3,
    ) // inserted with its category
    step(`update action_languages set language = 'eu' where action_id = ? and language = 'en'`, a)
    step('delete from action_languages where action_id = ?', b)
    const partner2 = one<{ id: number }>('select id from partners order by id desc limit 1').id
    step('update actions set partner_id = ? where id = ?', partner2, b) // moved to another partner
    step(`update actions set title = 'Ekitaldia Bilbon' where id = ?`, a) // nothing counted changes
    const c = run(insert, partner, '2035-04-01', '2035-04', type, 'Ștergere', 5, 5, 5, 'validated')
    step('delete from actions where id = ?', c) // an action without links deleted
    for (const table of ['action_language_months', 'action_category_months', 'action_partner_months'])
      expect(one(`select count(*) as n from ${table} where actions <= 0`)).toEqual({ n: 0 })
    expect(one('select count(*) as n from category_reach_months where stakeholders <= 0')).toEqual({ n: 0 })
  })
})

describe('the monthly sets of stakeholders reached, kept in memory', () => {
  it('follow every write: a metric read twice around a write equals the same metric read from the links', async () => {
    const { sql } = await import('drizzle-orm')
    const { computeMetric } = await import('~/models/plan/index.server')
    const range = one<{ from: string; to: string }>(
      `select min(month) as "from", max(month) as "to" from actions`,
    )
    const q = { from: `${range.from}-01`, to: '2036-12-31', includeSubmitted: false }
    const group = one<{ id: number } | undefined>('select id from stakeholder_groups order by id limit 1')
    const category = one<{ id: number }>('select id from stakeholder_categories order by id limit 1').id
    const queries = [
      { metric: 'stakeholders_reached' as const },
      { metric: 'stakeholders_reached' as const, breakdown: 'category' as const, breakdownValue: category },
      { metric: 'group_share_reached' as const },
      ...(group
        ? [{ metric: 'group_share_reached' as const, breakdown: 'group' as const, breakdownValue: group.id }]
        : []),
    ]
    const figures = () => queries.map((m) => computeMetric({ ...q, ...m }))
    const fromLinks = () => queries.map((m) => computeMetric({ ...q, ...m, filters: sql`1` }))
    const before = figures()
    expect(before).toEqual(fromLinks())
    expect(before[0]).toBeGreaterThan(0)

    // A stakeholder nobody reached yet (highest id: beyond any bitmap read so far), in the category.
    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const type = one<{ id: number }>('select id from action_types order by id limit 1').id
    const fresh = run(
      `insert into stakeholders (name, name_key, search_text, category_id, created_at, updated_at) values ('Kaunas ąžuolynas', 'kaunas azuolynas', 'kaunas azuolynas', ?, '2036-01-01', '2036-01-01')`,
      category,
    )
    const a = run(
      `insert into actions (partner_id, date, month, type_id, title, status) values (?, '2036-05-05', '2036-05', ?, 'Nowe', 'validated')`,
      partner,
      type,
    )
    run('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)', a, fresh)
    const after = figures()
    expect(after).toEqual(fromLinks())
    expect(after[0]).toBe(before[0] + 1)
    expect(after[1]).toBe(before[1] + 1)

    run(`update actions set status = 'returned' where id = ?`, a) // no longer counted
    const returned = figures()
    expect(returned.slice(0, 2)).toEqual(before.slice(0, 2)) // the shares have one more member now
    expect(returned).toEqual(fromLinks())
  })
})
