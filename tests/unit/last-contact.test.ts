import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  listStakeholders,
  parseStakeholderFilter,
  unreadableFilterParams,
} from '~/models/stakeholders/index.server'

/**
 * "Last contact" in the register: stakeholders.last_contact_on is kept by triggers (migration
 * last_contact) and must always equal the latest date of a live action with the stakeholder, in
 * any status, after every kind of write.
 */
const all = (q: string, ...a: unknown[]) =>
  sqlite()
    .prepare(q)
    .all(...(a as never[]))
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

const kept = () => all(`select id, last_contact_on from stakeholders order by id`)
const recomputed = () =>
  all(`select s.id, (select max(a.date) from action_stakeholders x join actions a on a.id = x.action_id
         where x.stakeholder_id = s.id and a.archived_at is null) as last_contact_on
       from stakeholders s order by s.id`)

const list = (query: string, limit = 1000) =>
  listStakeholders(parseStakeholderFilter(new URLSearchParams(query)), { limit, offset: 0 })

describe('last contact', () => {
  it('equals the latest live action with each stakeholder after the seed and after every kind of write', () => {
    expect(kept()).toEqual(recomputed())
    expect(one<{ n: number }>('select count(last_contact_on) as n from stakeholders').n).toBeGreaterThan(0)
    const partner = one<{ id: number }>('select id from partners order by id limit 1').id
    const type = one<{ id: number }>('select id from action_types order by id limit 1').id
    const stakeholder = (name: string) =>
      run(
        `insert into stakeholders (name, category_id, name_key, search_text) values (?, (select min(id) from stakeholder_categories), ?, ?)`,
        name,
        name.toLowerCase(),
        name.toLowerCase(),
      )
    const s1 = stakeholder('Urząd Miasta Łodzi')
    const s2 = stakeholder('Δήμος Θεσσαλονίκης')
    const insert = `insert into actions (partner_id, date, month, type_id, title, status) values (?, ?, ?, ?, ?, ?)`
    const a = run(insert, partner, '2036-03-04', '2036-03', type, 'Setkání v Brně', 'draft')
    const b = run(insert, partner, '2036-05-20', '2036-05', type, 'Întâlnire la Cluj', 'validated')
    const step = (q: string, ...args: unknown[]) => {
      run(q, ...args)
      expect(kept()).toEqual(recomputed())
    }
    const lastOf = (id: number) =>
      one<{ d: string | null }>('select last_contact_on as d from stakeholders where id = ?', id).d
    expect(lastOf(s1)).toBeNull()
    step('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)', a, s1)
    expect(lastOf(s1)).toBe('2036-03-04') // a draft counts: any live action
    step('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)', b, s1)
    expect(lastOf(s1)).toBe('2036-05-20')
    step(`update actions set date = '2036-05-02' where id = ?`, b) // an earlier day, same month
    step(`update actions set date = '2036-07-09', month = '2036-07' where id = ?`, a) // another month
    expect(lastOf(s1)).toBe('2036-07-09')
    step(`update actions set status = 'submitted' where id = ?`, a)
    step(`update actions set archived_at = '2036-08-01T00:00:00.000Z' where id = ?`, a) // archived
    expect(lastOf(s1)).toBe('2036-05-02')
    step('update actions set archived_at = null where id = ?', a) // restored
    step('update action_stakeholders set stakeholder_id = ? where action_id = ?', s2, a) // relinked
    expect([lastOf(s1), lastOf(s2)]).toEqual(['2036-05-02', '2036-07-09'])
    step('delete from action_stakeholders where action_id = ?', b)
    expect(lastOf(s1)).toBeNull()
    step('delete from action_stakeholders where action_id = ?', a)
    step('delete from actions where id in (?, ?)', a, b)
    expect(lastOf(s2)).toBeNull()
  })

  it('sorts the register by last contact both ways, the never contacted first going up', () => {
    const up = list('sort=lastContact').rows.map((r) => r.lastContactOn)
    const down = list('sort=-lastContact').rows.map((r) => r.lastContactOn)
    const key = (d: string | null) => d ?? ''
    expect(up.map(key)).toEqual([...up.map(key)].sort())
    expect(down.map(key)).toEqual([...down.map(key)].sort().reverse())
    expect(up[0]).toBeNull()
    expect(down[0]).not.toBeNull()
  })

  it('filters "not contacted since" a day: no contact on or after it, never contacted included', () => {
    const day = one<{ d: string }>(
      `select last_contact_on as d from stakeholders where last_contact_on is not null order by last_contact_on limit 1 offset 5`,
    ).d
    const expected = (
      all(
        `select id from stakeholders where archived_at is null and (last_contact_on is null or last_contact_on < ?) order by id`,
        day,
      ) as { id: number }[]
    ).map((r) => r.id)
    const page = list(`notContactedSince=${day}`)
    expect(page.total).toBe(expected.length)
    expect(page.rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(expected)
    expect(page.rows.every((r) => r.lastContactOn === null || r.lastContactOn < day)).toBe(true)
    // With another filter and either sort, the same stakeholders.
    const country = one<{ c: string }>(
      `select country as c from stakeholders where country is not null group by country order by count(*) desc limit 1`,
    ).c
    const a = list(`notContactedSince=${day}&country=${country}`)
    const b = list(`notContactedSince=${day}&country=${country}&sort=-lastContact`)
    expect(a.total).toBe(b.total)
    expect(a.rows.map((r) => r.id).sort()).toEqual(b.rows.map((r) => r.id).sort())
  })

  it('leaves out a day that is not a real date and says which parameter it was', () => {
    for (const bad of ['2026-02-30', '30/06/2026', 'yesterday', '2026-6-1', "2026-01-01' or 1=1"]) {
      const params = new URLSearchParams({ notContactedSince: bad })
      const filter = parseStakeholderFilter(params)
      expect(filter.notContactedSince).toBeUndefined()
      expect(unreadableFilterParams(params, filter)).toEqual(['notContactedSince'])
    }
    const params = new URLSearchParams({ notContactedSince: '2024-02-29' })
    const filter = parseStakeholderFilter(params)
    expect(filter.notContactedSince).toBe('2024-02-29')
    expect(unreadableFilterParams(params, filter)).toEqual([])
    expect(
      unreadableFilterParams(new URLSearchParams(), parseStakeholderFilter(new URLSearchParams())),
    ).toEqual([])
  })
})
