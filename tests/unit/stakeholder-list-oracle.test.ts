import { count } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { stakeholders } from '#db/schema'
import {
  archiveStakeholder,
  listStakeholders,
  parseStakeholderFilter,
  stakeholderWhere,
  updateStakeholder,
} from '~/models/stakeholders/index.server'
import { orderFor, whereFor } from '~/models/stakeholders/where.server'
import { normalizeText } from '~/utils/text'

import { demo } from '../setup/actors'

/*
 * The register's filters, sorts, counts and paging checked against an oracle: every stakeholder read
 * with plain SQL, filtered and sorted here in JavaScript. Each filter keeps some records and drops
 * others (the test checks both shares are non-empty), and every count path (the link-table shortcuts
 * for tier, theme and nothing, the archived records among them, the general count) is compared.
 */

type Rec = {
  id: number
  nameKey: string
  searchText: string
  categoryId: number
  country: string | null
  stage: string
  ownerPartnerId: number | null
  scale: string | null
  archivedAt: string | null
  lastContactOn: string | null
  createdAt: string
  updatedAt: string
  tier: string | null
  score: number | null
  themes: number[]
}

const stageRank: Record<string, number> = {
  identified: 1,
  contacted: 2,
  engaged: 3,
  collaborating: 4,
  dormant: 5,
}
const cmp = (a: string | number | null, b: string | number | null) => {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return a < b ? -1 : 1
}

function records(): Rec[] {
  const rows = sqlite()
    .prepare(
      `select s.id, s.name_key nameKey, s.search_text searchText, s.category_id categoryId, s.country, s.stage,
              s.owner_partner_id ownerPartnerId, s.scale, s.archived_at archivedAt, s.last_contact_on lastContactOn,
              s.created_at createdAt, s.updated_at updatedAt, p.tier, p.score,
              (select group_concat(theme_id) from stakeholder_themes t where t.stakeholder_id = s.id) themeList
         from stakeholders s left join stakeholder_priority p on p.stakeholder_id = s.id`,
    )
    .all() as (Omit<Rec, 'themes'> & { themeList: string | null })[]
  return rows.map(({ themeList, ...r }) => ({
    ...r,
    themes: themeList ? themeList.split(',').map(Number) : [],
  }))
}

/** What the register should show for a query string, in order: the oracle. */
function expected(query: string): number[] {
  const f = parseStakeholderFilter(new URLSearchParams(query))
  const words = f.q ? normalizeText(f.q).split(' ').filter(Boolean) : []
  const kept = records().filter(
    (r) =>
      (f.archived === 'only' ? r.archivedAt !== null : f.archived === '1' || r.archivedAt === null) &&
      words.every((w) => r.searchText.includes(w)) &&
      (f.category === undefined || r.categoryId === f.category) &&
      (f.country === undefined || r.country === f.country) &&
      (f.stage === undefined || r.stage === f.stage) &&
      (f.owner === undefined ||
        (f.owner === 'none' ? r.ownerPartnerId === null : r.ownerPartnerId === f.owner)) &&
      (f.scale === undefined || r.scale === f.scale) &&
      (f.notContactedSince === undefined || (r.lastContactOn ?? '') < f.notContactedSince) &&
      (f.theme === undefined || r.themes.includes(f.theme)) &&
      (f.tier === undefined || (f.tier === 'none' ? r.tier === null : r.tier === f.tier)),
  )
  const byId = (a: Rec, b: Rec) => a.id - b.id
  const byName = (a: Rec, b: Rec) => cmp(a.nameKey, b.nameKey) || byId(a, b)
  const order: Record<string, (a: Rec, b: Rec) => number> = {
    name: byName,
    '-name': (a, b) => -byName(a, b),
    created: (a, b) => cmp(a.createdAt, b.createdAt) || byId(a, b),
    '-created': (a, b) => cmp(b.createdAt, a.createdAt) || byId(b, a),
    updated: (a, b) => cmp(a.updatedAt, b.updatedAt) || byId(a, b),
    '-updated': (a, b) => cmp(b.updatedAt, a.updatedAt) || byId(b, a),
    stage: (a, b) => stageRank[a.stage]! - stageRank[b.stage]! || cmp(a.nameKey, b.nameKey),
    country: (a, b) => cmp(a.country, b.country) || cmp(a.nameKey, b.nameKey),
    lastContact: (a, b) => cmp(a.lastContactOn ?? '', b.lastContactOn ?? '') || byId(a, b),
    '-lastContact': (a, b) => cmp(b.lastContactOn ?? '', a.lastContactOn ?? '') || byId(b, a),
    // Highest score first (ties by id); the unscored last, by name, with or without a search.
    score: (a, b) =>
      Number(a.score === null) - Number(b.score === null) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      (a.score === null ? byName(a, b) : byId(a, b)),
  }
  order.tier = order.score!
  return kept.sort(order[f.sort ?? 'name']).map((r) => r.id)
}

const page = (query: string, limit: number, offset: number) =>
  listStakeholders(parseStakeholderFilter(new URLSearchParams(query)), { limit, offset })

/** The whole list, one page, and pages across the middle and past the end all agree with the oracle. */
function check(query: string) {
  const want = expected(query)
  const all = page(query, 100_000, 0)
  expect(
    all.rows.map((r) => r.id),
    query,
  ).toEqual(want)
  expect(all.total, query).toBe(want.length)
  const mid = Math.max(0, Math.floor(want.length / 2) - 3)
  for (const [limit, offset] of [
    [7, 0],
    [7, mid],
    [7, Math.max(0, want.length - 4)],
    [7, want.length + 10],
  ] as const) {
    const got = page(query, limit, offset)
    expect(
      got.rows.map((r) => r.id),
      `${query} ${limit}@${offset}`,
    ).toEqual(want.slice(offset, offset + limit))
    expect(got.total, `${query} ${limit}@${offset}`).toBe(want.length)
  }
  return want
}

const one = <T>(q: string, ...a: unknown[]) =>
  sqlite()
    .prepare(q)
    .get(...(a as never[])) as T

let fx: {
  category: number
  owner: number
  theme: number
  day: string
  live: number
  word: string
}

beforeAll(() => {
  // Archive records that a tier, a theme, a country and "no tier" each select, so that every count
  // shortcut has archived records to leave out (or keep, with archived=1).
  const pick = (where: string, order = 'id') =>
    one<{ id: number }>(
      `select id from stakeholders s where archived_at is null and ${where} order by ${order} limit 1`,
    ).id
  const theme = one<{ theme_id: number }>(
    `select theme_id from stakeholder_themes group by theme_id order by count(*) desc limit 1`,
  ).theme_id
  const toArchive = new Set([
    pick(`id in (select stakeholder_id from stakeholder_priority where tier = 'A')`),
    pick(`id in (select stakeholder_id from stakeholder_priority where tier = 'B')
          and id in (select stakeholder_id from stakeholder_themes where theme_id = ${theme})`),
    pick(`id not in (select stakeholder_id from stakeholder_priority)`),
    pick(`id in (select stakeholder_id from stakeholder_themes where theme_id = ${theme})
          and id not in (select stakeholder_id from stakeholder_priority)`),
    pick(`country = 'ES' and stage = 'engaged'`),
  ])
  for (const id of toArchive) db.transaction((tx) => archiveStakeholder(tx, id, demo.comms()))
  // The earliest created record edited now, so that "updated" and "created" order differently.
  const earliest = pick('1 = 1', 'created_at, id')
  db.transaction((tx) => updateStakeholder(tx, earliest, { city: 'Donostia-San Sebastián' }, demo.comms()))
  const day = one<{ d: string }>(
    `select last_contact_on d from stakeholders where last_contact_on is not null order by last_contact_on
      limit 1 offset (select count(last_contact_on) / 2 from stakeholders)`,
  ).d
  fx = {
    category: one<{ c: number }>(`select category_id c from stakeholders group by c order by count(*) desc`)
      .c,
    owner: one<{ o: number }>(
      `select owner_partner_id o from stakeholders where o is not null group by o order by count(*) desc`,
    ).o,
    theme,
    day,
    live: one<{ n: number }>(`select count(*) n from stakeholders where archived_at is null`).n,
    word: 'univ',
  }
})

describe('the register against an oracle', () => {
  it('each filter keeps some records and drops others, with the right count and pages', () => {
    const queries = [
      `category=${fx.category}`,
      'country=ES',
      'stage=engaged',
      `owner=${fx.owner}`,
      'owner=none',
      'scale=local',
      `theme=${fx.theme}`,
      'tier=A',
      'tier=B',
      'tier=none',
      `notContactedSince=${fx.day}`,
      'archived=only',
    ]
    for (const query of queries) {
      const kept = check(query).length
      expect(kept, query).toBeGreaterThan(0)
      expect(kept, query).toBeLessThan(fx.live)
    }
    expect(check('').length).toBe(fx.live)
    expect(check('archived=1').length).toBeGreaterThan(fx.live)
  })

  it('counts the archived records among a tier, a theme or "no tier" only when they are asked for', () => {
    for (const filter of ['tier=A', 'tier=B', 'tier=none', `theme=${fx.theme}`, '']) {
      const live = check(filter).length
      const withArchived = check(`${filter}&archived=1`).length
      const archivedOnly = check(`${filter}&archived=only`).length
      expect(archivedOnly, filter).toBeGreaterThan(0)
      expect(withArchived, filter).toBe(live + archivedOnly)
    }
  })

  it('combines filters: tier with theme, tier or theme with another filter, and the last contact with a tier', () => {
    for (const query of [
      `tier=B&theme=${fx.theme}`,
      `tier=none&theme=${fx.theme}`,
      'tier=A&country=ES',
      `theme=${fx.theme}&stage=engaged`,
      'tier=none&scale=local',
      `tier=B&notContactedSince=${fx.day}`,
      `theme=${fx.theme}&notContactedSince=${fx.day}`,
      `category=${fx.category}&country=ES&archived=1`,
      `notContactedSince=${fx.day}&sort=lastContact`,
      `notContactedSince=${fx.day}&sort=-lastContact&tier=A`,
    ])
      expect(check(query).length, query).toBeGreaterThan(0)
    // A tier or a theme with another filter: the other filter narrows the count (the link table alone cannot).
    for (const [first, other] of [
      ['tier=A', 'stage=engaged'],
      ['tier=B', `theme=${fx.theme}`],
      ['tier=none', 'scale=local'],
      [`theme=${fx.theme}`, 'stage=engaged'],
      ['tier=B', `notContactedSince=${fx.day}`],
    ]) {
      const both = check(`${first}&${other}`).length
      expect(both, `${first}&${other}`).toBeGreaterThan(0)
      expect(both, `${first}&${other}`).toBeLessThan(expected(first!).length)
      expect(both, `${first}&${other}`).toBeLessThan(expected(other!).length)
    }
  })

  it('sorts by every order, alone and under a tier or theme filter', () => {
    const sorts = ['name', '-name', 'created', '-created', 'updated', '-updated', 'stage', 'country']
    for (const sort of [...sorts, 'score', 'tier', 'lastContact', '-lastContact']) {
      check(`sort=${sort}`)
      check(`sort=${sort}&tier=B`)
      check(`sort=${sort}&theme=${fx.theme}`)
    }
    // The orders differ from one another on this data (a sort left out would show).
    const firsts = new Set(
      [...sorts, 'score', 'lastContact', '-lastContact'].map((s) => expected(`sort=${s}`).slice(0, 5).join()),
    )
    expect(firsts.size).toBe(11)
  })

  it('sorted by score, pages across the last scored record into the unscored ones', () => {
    const scored = one<{ n: number }>(
      `select count(*) n from stakeholder_priority p join stakeholders s on s.id = p.stakeholder_id where s.archived_at is null`,
    ).n
    const want = expected('sort=score')
    for (const offset of [scored - 3, scored, scored + 5]) {
      const got = page('sort=score', 7, offset)
      expect(got.rows.map((r) => r.id)).toEqual(want.slice(offset, offset + 7))
    }
    expect(page('sort=score&tier=A', 5, 0).rows.map((r) => r.id)).toEqual(
      expected('sort=score&tier=A').slice(0, 5),
    )
    expect(page('sort=score&tier=none', 5, 3).rows.map((r) => r.id)).toEqual(
      expected('sort=score&tier=none').slice(3, 8),
    )
  })

  it('searches with long and short words, with filters and sorts, and pages past the last match', () => {
    for (const query of [
      `q=${fx.word}`,
      `q=${fx.word}&sort=score`,
      `q=${fx.word}&sort=tier`,
      `q=${fx.word}&sort=country`,
      `q=${fx.word}&sort=-name`,
      `q=${fx.word}&theme=${fx.theme}`,
      `q=${fx.word}&archived=1`,
      'q=ub',
      'q=ub&sort=score',
      'q=de ub',
      `q=${fx.word} de`,
    ]) {
      const kept = check(query).length
      expect(kept, query).toBeGreaterThan(0)
    }
    check(`q=${fx.word}&tier=A`)
    check(`q=${fx.word}&tier=none&sort=-created`)
    expect(check('q=zzzqqq')).toEqual([])
    expect(page('q=zzzqqq', 5, 10)).toEqual({ rows: [], total: 0 })
  })
})

/** SQLite's plan for the register's page (probe) or count (list) query with the filter read that way. */
function plan(query: string, tierAs: 'list' | 'probe') {
  const filter = parseStakeholderFilter(new URLSearchParams(query))
  const where = whereFor(filter, tierAs)
  const built = (
    tierAs === 'probe'
      ? db
          .select({ id: stakeholders.id })
          .from(stakeholders)
          .where(where)
          .orderBy(...orderFor(filter.sort))
          .limit(50)
      : db.select({ n: count() }).from(stakeholders).where(where)
  ).toSQL()
  const rows = sqlite()
    .prepare(`explain query plan ${built.sql}`)
    .all(...(built.params as never[])) as { detail: string }[]
  return rows.map((r) => r.detail).join('\n')
}

describe('the register reads its filters in the shape each query needs', () => {
  it('a page probes tier and theme row by row, a count reads them from the link table as a list', () => {
    expect(plan(`theme=${fx.theme}`, 'probe')).toMatch(/stakeholder_themes EXISTS/)
    expect(plan(`theme=${fx.theme}`, 'probe')).not.toMatch(/LIST SUBQUERY/)
    expect(plan(`theme=${fx.theme}`, 'list')).toMatch(/LIST SUBQUERY/)
    expect(plan(`theme=${fx.theme}`, 'list')).not.toMatch(/EXISTS/)
    for (const tier of ['A', 'none']) {
      expect(plan(`tier=${tier}`, 'probe')).toMatch(/CORRELATED SCALAR SUBQUERY/)
      expect(plan(`tier=${tier}`, 'list')).not.toMatch(/CORRELATED/)
    }
    expect(plan('tier=A', 'list')).toMatch(/LIST SUBQUERY/)
    expect(plan('tier=none', 'list')).toMatch(/FOR IN-OPERATOR/)
    // The register's own filter (groups, dashboards, export) is the list shape.
    const sqlOf = (query: string) =>
      db
        .select({ id: stakeholders.id })
        .from(stakeholders)
        .where(stakeholderWhere(parseStakeholderFilter(new URLSearchParams(query))))
        .toSQL().sql
    expect(sqlOf('tier=A&theme=1')).not.toMatch(/exists/)
    expect(sqlOf('tier=A&theme=1')).toMatch(/"id" in \(select .*"id" in \(select/s)
  })

  it('"not contacted since" is a range of the last-contact index only where that index serves the query', () => {
    const ranged = /stakeholders_active_last_contact_idx \(archived_at=\? AND <expr><\?\)/
    const day = '2026-01-01'
    // A page sorted by last contact, and a count that nothing else narrows, read the range.
    expect(plan(`notContactedSince=${day}&sort=lastContact`, 'probe')).toMatch(ranged)
    expect(plan(`notContactedSince=${day}&sort=-lastContact`, 'probe')).toMatch(ranged)
    expect(plan(`notContactedSince=${day}`, 'list')).toMatch(ranged)
    expect(plan(`notContactedSince=${day}&sort=country`, 'list')).toMatch(ranged)
    // Otherwise the sort's or the other filter's index is kept (the range would probe every match).
    for (const query of [`notContactedSince=${day}`, `notContactedSince=${day}&sort=country`])
      expect(plan(query, 'probe'), query).not.toMatch(ranged)
    for (const other of [
      'q=univ',
      'category=1',
      'country=ES',
      'stage=engaged',
      'owner=1',
      'scale=local',
      `theme=${fx.theme}`,
      'tier=A',
      'tier=none',
    ])
      expect(plan(`notContactedSince=${day}&${other}`, 'list'), other).not.toMatch(ranged)
  })
})

describe("the register's SQL", () => {
  const sqlOf = (filter: string, tierAs: 'list' | 'probe') =>
    db
      .select({ id: stakeholders.id })
      .from(stakeholders)
      .where(whereFor(parseStakeholderFilter(new URLSearchParams(filter)), tierAs))
      .toSQL().sql

  it('keeps "not contacted since" off the last-contact index (a unary +) unless that index serves the query', () => {
    const day = 'notContactedSince=2026-01-01'
    const ranged = (filter: string, tierAs: 'list' | 'probe') => !/\+coalesce/.test(sqlOf(filter, tierAs))
    expect(ranged(`${day}&sort=lastContact`, 'probe')).toBe(true)
    expect(ranged(`${day}&sort=-lastContact&country=ES`, 'probe')).toBe(true)
    expect(ranged(`${day}&sort=name`, 'probe')).toBe(false)
    expect(ranged(day, 'probe')).toBe(false)
    expect(ranged(day, 'list')).toBe(true)
    expect(ranged(`${day}&sort=name`, 'list')).toBe(true)
    expect(ranged(`${day}&country=ES`, 'list')).toBe(false)
    expect(ranged(`${day}&tier=B`, 'list')).toBe(false)
  })

  it('searches through the trigram index of the register', () => {
    expect(sqlOf('q=univ', 'list')).toMatch(
      /select rowid from stakeholder_search where stakeholder_search match/,
    )
  })

  it('orders every sort by its columns, ties broken', () => {
    const orderOf = (sort: Parameters<typeof orderFor>[0]) =>
      db
        .select({ id: stakeholders.id })
        .from(stakeholders)
        .orderBy(...orderFor(sort))
        .toSQL()
        .sql.split(' order by ')[1]
    expect(orderOf('country')).toBe('"stakeholders"."country" asc, "stakeholders"."name_key" asc')
    expect(orderOf('name')).toBe('"stakeholders"."name_key" asc, "stakeholders"."id" asc')
    expect(orderOf(undefined)).toBe(orderOf('name'))
  })
})
