import { asc, eq, isNull, sql } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { criteria, partners, project, stakeholderCategories, stakeholders } from '#db/schema'
import {
  filterOptions,
  getPriority,
  gridPlacements,
  listCriteria,
  listRanked,
  type PriorityFilter,
  scoreStakeholder,
} from '~/models/priorities/index.server'

import { demo } from '../setup/actors'

const byKey = (key: string) => listCriteria().find((c) => c.key === key)!.id
let category: { id: number; name: string; key: string | null }
let gdansk: { id: number; name: string }

function scored(name: string, influence: number | null, interest: number | null, fit?: number) {
  const id = db
    .insert(stakeholders)
    .values({ name, categoryId: category.id, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
    .returning({ id: stakeholders.id })
    .get().id
  const changes = [
    { criterionId: byKey('influence'), value: influence },
    { criterionId: byKey('interest'), value: interest },
    ...(fit === undefined ? [] : [{ criterionId: byKey('fit'), value: fit }]),
  ].filter((c) => c.value !== null)
  db.transaction((tx) => scoreStakeholder(tx, id, changes, demo.comms()))
  return id
}

/** The ranking total counted the slow, obvious way: active, unmerged, scored stakeholders. */
function expectedTotal(tier?: string) {
  return db.get<{ n: number }>(sql`
    select count(*) as n from stakeholder_priority p join stakeholders s on s.id = p.stakeholder_id
     where s.archived_at is null and s.merged_into_id is null ${tier ? sql`and p.tier = ${tier}` : sql``}`).n
}

const page = { limit: 50, offset: 0 }

beforeAll(() => {
  category = db
    .select({
      id: stakeholderCategories.id,
      name: stakeholderCategories.name,
      key: stakeholderCategories.key,
    })
    .from(stakeholderCategories)
    .where(eq(stakeholderCategories.id, 2))
    .get()!
  gdansk = db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.name, 'Gdańsk'))
    .get()!
  db.update(criteria).set({ weight: 1 }).run()
  db.run(sql`update stakeholder_priority set score = score`)
})

afterEach(() => {
  db.update(project).set({ gridInfluenceCutoff: 3, gridInterestCutoff: 3 }).run()
})

describe('listRanked', () => {
  it('ranks by score, ties by the newer stakeholder first, numbering the rows from the offset', () => {
    const low = scored('Rankvista Łódź niski', 1, 2)
    const high = scored('Rankvista Łódź wysoki', 5, 5)
    const tieOld = scored('Rankvista Łódź remis stary', 4, 2)
    const tieNew = scored('Rankvista Łódź remis nowy', 2, 4)
    const all = listRanked({ q: 'rankvista' }, page)
    expect(all.rows.map((r) => [r.id, r.rank])).toEqual([
      [high, 1],
      [tieNew, 2],
      [tieOld, 3],
      [low, 4],
    ])
    expect(all.total).toBe(4)
    const second = listRanked({ q: 'rankvista' }, { limit: 2, offset: 1 })
    expect(second.rows.map((r) => [r.id, r.rank])).toEqual([
      [tieNew, 2],
      [tieOld, 3],
    ])
    expect(second.total).toBe(4)
  })

  it('gives each row its owner, category, stage, scores and quadrant under the project cut-offs', () => {
    const id = scored('Rankfield Gdańsk', 3, 4)
    db.update(stakeholders)
      .set({ ownerPartnerId: gdansk.id, stage: 'engaged' })
      .where(eq(stakeholders.id, id))
      .run()
    const [row] = listRanked({ q: 'rankfield' }, page).rows
    const p = getPriority(id)!
    expect(row).toEqual({
      id,
      name: 'Rankfield Gdańsk',
      score: 62.5,
      tier: 'B',
      previousScore: null,
      influence: 3,
      interest: 4,
      scoredAt: p.scoredAt,
      stage: 'engaged',
      ownerPartnerId: gdansk.id,
      ownerName: 'Gdańsk',
      categoryName: category.name,
      categoryKey: category.key,
      rank: 1,
      quadrant: 'keep_informed',
    })
    db.update(project).set({ gridInfluenceCutoff: 2.5 }).run()
    expect(listRanked({ q: 'rankfield' }, page).rows[0].quadrant).toBe('manage_closely')
    expect(listRanked({ q: 'rankfield', owner: gdansk.id, stage: 'engaged' }, page).total).toBe(1)
    expect(listRanked({ q: 'rankfield', stage: 'dormant' }, page).total).toBe(0)
  })

  it('filters by tier and by quadrant, in the rows and the total', () => {
    const a = scored('Rankquad Θεσσαλονίκη A', 5, 5)
    const b = scored('Rankquad Θεσσαλονίκη B', 4, 3)
    const c = scored('Rankquad Θεσσαλονίκη C', 1, 3)
    const ids = (f: PriorityFilter) => {
      const r = listRanked({ q: 'rankquad', ...f }, page)
      expect(r.total).toBe(r.rows.length)
      return r.rows.map((x) => x.id)
    }
    expect(ids({ tier: 'A' })).toEqual([a])
    expect(ids({ tier: 'B' })).toEqual([b])
    expect(ids({ tier: 'C' })).toEqual([c])
    expect(ids({ quadrant: 'manage_closely' })).toEqual([a])
    expect(ids({ quadrant: 'keep_satisfied' })).toEqual([b])
    expect(ids({ quadrant: 'monitor' })).toEqual([c])
    expect(ids({ quadrant: 'keep_informed' })).toEqual([])
    db.update(project).set({ gridInterestCutoff: 2 }).run()
    expect(ids({ quadrant: 'manage_closely' })).toEqual([a, b])
    expect(ids({ quadrant: 'keep_informed' })).toEqual([c])
  })

  it('counts the whole ranking and each tier without archived or merged stakeholders', () => {
    const archived = scored('Rankgone archived', 5, 5)
    const merged = scored('Rankgone merged', 5, 5)
    const kept = scored('Rankgone kept', 5, 5)
    const before = { all: listRanked({}, page).total, a: listRanked({ tier: 'A' }, page).total }
    expect(before.all).toBe(expectedTotal())
    expect(before.a).toBe(expectedTotal('A'))
    expect(listRanked({ tier: 'C' }, page).total).toBe(expectedTotal('C'))
    db.update(stakeholders)
      .set({ archivedAt: '2026-05-05T00:00:00.000Z' })
      .where(eq(stakeholders.id, archived))
      .run()
    db.update(stakeholders).set({ mergedIntoId: kept }).where(eq(stakeholders.id, merged)).run()
    expect(listRanked({}, page).total).toBe(before.all - 2)
    expect(listRanked({ tier: 'A' }, page).total).toBe(before.a - 2)
    expect(listRanked({ tier: 'B' }, page).total).toBe(expectedTotal('B'))
    expect(listRanked({ q: 'rankgone' }, page).rows.map((r) => r.id)).toEqual([kept])
    expect(listRanked({}, { limit: 5, offset: 0 }).rows).toHaveLength(5)
  })
})

describe('listRanked totals under one filter each', () => {
  it('counts the filtered ranking itself, not the whole register', () => {
    const id = scored('Rankone Târgu Mureș', 4, 5)
    db.update(stakeholders)
      .set({ ownerPartnerId: gdansk.id, stage: 'collaborating', categoryId: 13 })
      .where(eq(stakeholders.id, id))
      .run()
    const count = (where: ReturnType<typeof sql>) =>
      db.get<{ n: number }>(sql`
        select count(*) as n from stakeholder_priority p join stakeholders s on s.id = p.stakeholder_id
         where s.archived_at is null and s.merged_into_id is null and ${where}`).n
    const all = listRanked({}, page).total
    const cases: [PriorityFilter, number][] = [
      [{ category: 13 }, count(sql`s.category_id = 13`)],
      [{ owner: gdansk.id }, count(sql`s.owner_partner_id = ${gdansk.id}`)],
      [{ stage: 'collaborating' }, count(sql`s.stage = 'collaborating'`)],
      [{ quadrant: 'keep_informed' }, count(sql`p.influence <= 3 and p.interest > 3`)],
    ]
    for (const [filter, expected] of cases) {
      expect(expected).toBeGreaterThan(0)
      expect(expected).toBeLessThan(all)
      expect(listRanked(filter, page).total).toBe(expected)
    }
  })
})

describe('gridPlacements', () => {
  it('places stakeholders with both axes, highest score first, up to the limit, with their quadrant', () => {
    const top = scored('Gridvista Donostia goia', 5, 4, 5)
    const mid = scored('Gridvista Donostia erdia', 2, 4)
    scored('Gridvista Donostia ardatz bakarra', 5, null)
    const grid = gridPlacements({ q: 'gridvista' })
    expect(grid.placements).toEqual([
      {
        id: top,
        name: 'Gridvista Donostia goia',
        influence: 5,
        interest: 4,
        score: getPriority(top)!.score,
        tier: 'A',
        quadrant: 'manage_closely',
      },
      {
        id: mid,
        name: 'Gridvista Donostia erdia',
        influence: 2,
        interest: 4,
        score: 50,
        tier: 'B',
        quadrant: 'keep_informed',
      },
    ])
    expect(grid.quadrantCounts).toEqual({
      manage_closely: 1,
      keep_satisfied: 0,
      keep_informed: 1,
      monitor: 0,
    })
    expect(grid.total).toBe(2)
    expect(grid.cutoffs).toEqual({ influence: 3, interest: 3 })
    expect(gridPlacements({ q: 'gridvista' }, 1).placements.map((p) => p.id)).toEqual([top])
    expect(gridPlacements({ q: 'gridvista' }, 1).total).toBe(2)
  })

  it('counts each quadrant under the project cut-offs, with the tier and quadrant filters', () => {
    scored('Gridquad Brno 1', 5, 5)
    scored('Gridquad Brno 2', 4, 2)
    scored('Gridquad Brno 3', 4, 1)
    scored('Gridquad Brno 4', 2, 5)
    scored('Gridquad Brno 5', 3, 3)
    const counts = (f: PriorityFilter) => gridPlacements({ q: 'gridquad', ...f }).quadrantCounts
    expect(counts({})).toEqual({ manage_closely: 1, keep_satisfied: 2, keep_informed: 1, monitor: 1 })
    expect(counts({ quadrant: 'keep_satisfied' })).toEqual({
      manage_closely: 0,
      keep_satisfied: 2,
      keep_informed: 0,
      monitor: 0,
    })
    expect(counts({ tier: 'C' })).toEqual({
      manage_closely: 0,
      keep_satisfied: 1,
      keep_informed: 0,
      monitor: 0,
    })
    expect(counts({ tier: 'B' })).toEqual({
      manage_closely: 0,
      keep_satisfied: 1,
      keep_informed: 1,
      monitor: 1,
    })
    db.update(project).set({ gridInfluenceCutoff: 4, gridInterestCutoff: 1.5 }).run()
    const g = gridPlacements({ q: 'gridquad' })
    expect(g.quadrantCounts).toEqual({ manage_closely: 1, keep_satisfied: 0, keep_informed: 3, monitor: 1 })
    expect(g.cutoffs).toEqual({ influence: 4, interest: 1.5 })
    expect(g.placements.find((p) => p.name === 'Gridquad Brno 2')!.quadrant).toBe('keep_informed')
  })

  it('counts the whole grid without archived or merged stakeholders, agreeing with the placements', () => {
    const archived = scored('Gridgone archived', 5, 1)
    const merged = scored('Gridgone merged', 1, 5)
    const before = gridPlacements({}, 100_000)
    const tally = (list: { quadrant: string }[]) => {
      const t = { manage_closely: 0, keep_satisfied: 0, keep_informed: 0, monitor: 0 } as Record<
        string,
        number
      >
      for (const p of list) t[p.quadrant]++
      return t
    }
    expect(before.quadrantCounts).toEqual(tally(before.placements))
    db.update(stakeholders)
      .set({ archivedAt: '2026-05-05T00:00:00.000Z' })
      .where(eq(stakeholders.id, archived))
      .run()
    db.update(stakeholders).set({ mergedIntoId: archived }).where(eq(stakeholders.id, merged)).run()
    const after = gridPlacements({}, 100_000)
    expect(after.quadrantCounts).toEqual({
      ...before.quadrantCounts,
      keep_satisfied: before.quadrantCounts.keep_satisfied - 1,
      keep_informed: before.quadrantCounts.keep_informed - 1,
    })
    expect(after.quadrantCounts).toEqual(tally(after.placements))
    expect(after.total).toBe(after.placements.length)
    for (const tier of ['A', 'B', 'C'] as const) {
      const g = gridPlacements({ tier }, 100_000)
      expect(g.quadrantCounts).toEqual(tally(g.placements))
    }
    const g = gridPlacements({ quadrant: 'monitor' }, 100_000)
    expect(g.quadrantCounts.monitor).toBe(g.placements.length)
    expect(g.total).toBe(g.placements.length)
  })
})

describe('gridPlacements counts under one register filter each', () => {
  it('counts the filtered grid itself, agreeing with its placements', () => {
    const id = scored('Gridone Târgu Mureș', 2, 5)
    db.update(stakeholders)
      .set({ ownerPartnerId: gdansk.id, stage: 'collaborating', categoryId: 13 })
      .where(eq(stakeholders.id, id))
      .run()
    const whole = gridPlacements({}, 100_000).total
    for (const filter of [{ category: 13 }, { owner: gdansk.id }, { stage: 'collaborating' as const }]) {
      const g = gridPlacements(filter, 100_000)
      const tally = { manage_closely: 0, keep_satisfied: 0, keep_informed: 0, monitor: 0 }
      for (const p of g.placements) tally[p.quadrant]++
      expect(g.placements.map((p) => p.id)).toContain(id)
      expect(g.quadrantCounts).toEqual(tally)
      expect(g.total).toBeLessThan(whole)
    }
  })
})

describe('filterOptions', () => {
  it('lists the active categories in their order and the active partners by name', () => {
    db.update(stakeholderCategories)
      .set({ archivedAt: '2026-01-01T00:00:00.000Z' })
      .where(eq(stakeholderCategories.id, 14))
      .run()
    db.update(stakeholderCategories).set({ sortOrder: 5 }).where(eq(stakeholderCategories.id, 13)).run()
    db.update(partners).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(partners.name, 'Lyon')).run()
    const { categories, partners: owners } = filterOptions()
    expect(categories[0]).toEqual({ id: 13, name: 'Citizen group', key: 'citizen_group' })
    expect(categories.map((c) => c.id)).not.toContain(14)
    expect(categories).toHaveLength(
      db.select().from(stakeholderCategories).where(isNull(stakeholderCategories.archivedAt)).all().length,
    )
    expect(owners.map((p) => p.name)).toEqual(
      db
        .select({ name: partners.name })
        .from(partners)
        .where(isNull(partners.archivedAt))
        .orderBy(asc(partners.name))
        .all()
        .map((p) => p.name),
    )
    expect(owners.map((p) => p.name)).not.toContain('Lyon')
    expect(owners.find((p) => p.name === 'Gdańsk')).toEqual(gdansk)
  })
})
