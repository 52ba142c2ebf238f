import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import {
  actionCondition,
  actionDims,
  checkBreakdown,
  endOfDay,
  hasBreakdown,
  monthSplit,
  number,
  percentageMetrics,
  stakeholderCondition,
  stakeholderDims,
  UnsupportedBreakdownError,
} from '~/models/plan/metrics/query.server'
import { reachedInMonths, ReachSet } from '~/models/plan/metrics/reach-sets.server'
import { byRegisterVersion } from '~/models/plan/metrics/register-cache.server'

/*
 * The building blocks of the plan metrics, each against values written out by hand: the month
 * split (whole months from the monthly totals, the days at either end from the actions: a period
 * starting or ending mid-month never reads a whole month), the facet conditions, the in-memory
 * reach sets and the register cache.
 */

const q = (from: string, to: string) => ({ metric: 'actions' as const, from, to })

describe('monthSplit', () => {
  it.each<[string, string, ReturnType<typeof monthSplit>]>([
    ['2033-06-01', '2033-08-31', { months: ['2033-06', '2033-08'], edges: [] }],
    ['2033-03-01', '2033-03-31', { months: ['2033-03', '2033-03'], edges: [] }],
    ['2032-02-01', '2032-02-29', { months: ['2032-02', '2032-02'], edges: [] }],
    [
      '2033-06-15',
      '2033-08-10',
      {
        months: ['2033-07', '2033-07'],
        edges: [
          ['2033-06-15', '2033-06-30'],
          ['2033-08-01', '2033-08-10'],
        ],
      },
    ],
    ['2033-06-01', '2033-08-10', { months: ['2033-06', '2033-07'], edges: [['2033-08-01', '2033-08-10']] }],
    ['2033-06-15', '2033-08-31', { months: ['2033-07', '2033-08'], edges: [['2033-06-15', '2033-06-30']] }],
    [
      '2033-12-15',
      '2034-02-10',
      {
        months: ['2034-01', '2034-01'],
        edges: [
          ['2033-12-15', '2033-12-31'],
          ['2034-02-01', '2034-02-10'],
        ],
      },
    ],
    ['2033-02-02', '2033-03-31', { months: ['2033-03', '2033-03'], edges: [['2033-02-02', '2033-02-28']] }],
    ['2033-01-01', '2033-02-10', { months: ['2033-01', '2033-01'], edges: [['2033-02-01', '2033-02-10']] }],
  ])('%s .. %s', (from, to, expected) => {
    expect(monthSplit(q(from, to))).toEqual(expected)
  })

  it.each([
    ['inside one month', '2033-03-04', '2033-03-20'],
    ['to the end of one month', '2033-03-21', '2033-03-31'],
    ['from the start of one month', '2033-03-01', '2033-03-30'],
    ['one day', '2033-03-31', '2033-03-31'],
    ['across two months, no whole one', '2033-03-15', '2033-04-10'],
    ['backwards', '2033-08-01', '2033-06-30'],
    ['months, not days', '2033-06', '2033-08-31'],
    ['to a timestamp', '2033-06-01', '2033-08-31T10:00:00.000Z'],
    ['from a timestamp', '2033-06-01T00:00:00.000Z', '2033-08-31'],
  ])('no whole month (%s): null', (_, from, to) => {
    expect(monthSplit(q(from, to))).toBeNull()
  })
})

describe('query parts', () => {
  it('a breakdown applies only with a value', () => {
    expect(hasBreakdown({ ...q('a', 'b'), breakdown: 'partner', breakdownValue: 0 })).toBe(true)
    expect(hasBreakdown({ ...q('a', 'b'), breakdown: 'tier', breakdownValue: 'A' })).toBe(true)
    for (const breakdownValue of ['', null, undefined])
      expect(hasBreakdown({ ...q('a', 'b'), breakdown: 'partner', breakdownValue })).toBe(false)
    expect(hasBreakdown({ ...q('a', 'b'), breakdown: null, breakdownValue: '7' })).toBe(false)
  })

  it('refuses a breakdown its metric has not, naming both', () => {
    expect(() =>
      checkBreakdown({ metric: 'funded_project_links', from: 'a', to: 'b', breakdown: 'language' }),
    ).toThrow(new UnsupportedBreakdownError('funded_project_links has no language breakdown'))
    expect(() =>
      checkBreakdown({ metric: 'funded_project_links', from: 'a', to: 'b', breakdown: 'tier' }),
    ).not.toThrow()
    expect(() => checkBreakdown({ metric: 'funded_project_links', from: 'a', to: 'b' })).not.toThrow()
  })

  it('ends a day at its last millisecond, leaves a timestamp alone, reads a missing figure as 0', () => {
    expect(endOfDay('2033-01-31')).toBe('2033-01-31T23:59:59.999Z')
    expect(endOfDay('2033-01-31T10:00:00.000Z')).toBe('2033-01-31T10:00:00.000Z')
    expect(number(sql`select 5 as value`)).toBe(5)
    expect(number(sql`select null as value`)).toBe(0)
    expect(number(sql`select 5 as value where 0`)).toBe(0)
  })

  it('knows which metrics are shares and which facets are of actions or of stakeholders', () => {
    expect(percentageMetrics).toEqual(['group_share_reached'])
    expect([...actionDims]).toEqual(['partner', 'type', 'channel', 'language'])
    expect([...stakeholderDims]).toEqual(['category', 'tier', 'group'])
  })

  it('facet conditions over stakeholders and actions', () => {
    const count = (table: string, where: ReturnType<typeof sql>) =>
      number(sql`select count(*) as value from ${sql.raw(table)} where ${where}`)
    const plain = (query: string) => sqlite().prepare(query).pluck().get() as number
    expect(count('stakeholders', stakeholderCondition('partner', '7'))).toBe(
      plain('select count(*) from stakeholders where owner_partner_id = 7'),
    )
    expect(count('stakeholders', stakeholderCondition('group', '999999'))).toBe(0)
    const broken = Number(
      sqlite().prepare("insert into stakeholder_groups (name, filter) values ('Zepsuta', 'not json')").run()
        .lastInsertRowid,
    )
    expect(count('stakeholders', stakeholderCondition('group', String(broken)))).toBe(0)
    expect(() => stakeholderCondition('type', '1')).toThrow(UnsupportedBreakdownError)
    expect(count('actions', actionCondition('type', '2'))).toBe(
      plain('select count(*) from actions where type_id = 2'),
    )
    expect(count('actions', actionCondition('channel', '2'))).toBe(
      plain('select count(*) from actions where channel_id = 2'),
    )
  })
})

describe('ReachSet', () => {
  it('adds, unites and counts stakeholder ids', () => {
    const set = new ReachSet()
    expect(set.size).toBe(0)
    expect(set.has(0)).toBe(false)
    set.add([])
    expect(set.size).toBe(0)
    set.add([31, 1, 64, 1])
    expect([0, 1, 2, 31, 32, 63, 64, 65, 1000].map((id) => set.has(id))).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
    ])
    expect(set.size).toBe(3)
    const every = new ReachSet()
    every.add(Array.from({ length: 96 }, (_, i) => i))
    expect(every.size).toBe(96)
    every.or(new Uint32Array([0, 0]))
    expect(every.size).toBe(96)
    set.or(new Uint32Array([0b110, 0, 0, 0, 1]))
    expect(set.size).toBe(5)
    expect(set.has(128)).toBe(true)
    expect(set.has(2)).toBe(true)
  })

  it('reads each month once per version, keyed by status and month', () => {
    const s = sqlite()
    s.prepare("delete from reach_month_versions where month in ('2038-01', '2038-02')").run()
    s.prepare(
      "insert into reach_month_versions (status, month, version) values ('validated', '2038-01', 7), ('validated', '2038-02', 7), ('submitted', '2038-01', 7)",
    ).run()
    const add = (status: string, month: string, id: number) =>
      s
        .prepare(
          'insert into stakeholder_reach_months (status, month, stakeholder_id, actions) values (?, ?, ?, 1)',
        )
        .run(status, month, id)
    const ids = (s.prepare('select id from stakeholders order by id limit 3').pluck().all() as number[]).sort(
      (a, b) => a - b,
    )
    add('validated', '2038-01', ids[0])
    add('validated', '2038-02', ids[1])
    add('submitted', '2038-01', ids[2])
    // The insert triggers move the versions; set them equal again so only the keys tell the months apart.
    s.prepare("update reach_month_versions set version = 7 where month in ('2038-01', '2038-02')").run()
    const validated = reachedInMonths(['validated'], '2038-01', '2038-02')
    expect(ids.map((id) => validated.has(id))).toEqual([true, true, false])
    expect(validated.size).toBe(2)
    expect(reachedInMonths(['validated', 'submitted'], '2038-01', '2038-01').size).toBe(2)
    expect(reachedInMonths(['validated'], '2038-02', '2038-02').size).toBe(1)
  })
})

describe('byRegisterVersion', () => {
  const counted = () => {
    let calls = 0
    return { fn: () => ++calls, calls: () => calls }
  }
  const stakeholder = () =>
    sqlite()
      .prepare(
        "insert into stakeholders (category_id, name, name_key, search_text) values (1, 'Gasteizko Udala', 'gasteizko udala', 'gasteizko udala')",
      )
      .run()

  it('computes once per register version and key', () => {
    const a = counted()
    expect(byRegisterVersion('parts:a', a.fn)).toBe(1)
    expect(byRegisterVersion('parts:a', a.fn)).toBe(1)
    expect(a.calls()).toBe(1)
    expect(byRegisterVersion('parts:b', () => 'other')).toBe('other')
    stakeholder()
    expect(byRegisterVersion('parts:a', a.fn)).toBe(2)
    expect(a.calls()).toBe(2)
  })

  it('keeps at most 500 entries, dropping the oldest', () => {
    stakeholder()
    const first = counted()
    const second = counted()
    byRegisterVersion('evict:0', first.fn)
    byRegisterVersion('evict:1', second.fn)
    for (let i = 2; i < 500; i++) byRegisterVersion(`evict:${i}`, () => i)
    // 500 kept (with the entries of the test before, dropped first); one more drops the oldest.
    byRegisterVersion('evict:500', () => 500)
    byRegisterVersion('evict:1', second.fn)
    expect(second.calls()).toBe(1)
    byRegisterVersion('evict:0', first.fn)
    expect(first.calls()).toBe(2)
  })

  it('computes every time when the register has no version row', () => {
    sqlite().prepare('delete from stakeholder_register_version').run()
    const c = counted()
    byRegisterVersion('parts:none', c.fn)
    byRegisterVersion('parts:none', c.fn)
    expect(c.calls()).toBe(2)
    expect(db.get(sql`select count(*) as n from stakeholder_register_version`)).toEqual({ n: 0 })
  })
})
