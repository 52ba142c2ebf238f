import { and, eq, isNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  auditLog,
  criteria,
  project,
  scores,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
} from '#db/schema'
import {
  createCriterion,
  getPriority,
  gridPlacements,
  listCriteria,
  listRanked,
  recomputeAllPriorities,
  scoreHistory,
  scoreStakeholder,
  setCriterionArchived,
  setThresholds,
  strategyForStakeholder,
  updateCriterion,
} from '~/models/priorities/index.server'
import { weightedScore } from '~/models/priorities/scoring'

import { demo } from '../setup/actors'

const comms = demo.comms

let categoryId: number
const byKey = (key: string) => listCriteria().find((c) => c.key === key)!

function newStakeholder(name: string) {
  return db
    .insert(stakeholders)
    .values({ name, categoryId, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
    .returning({ id: stakeholders.id })
    .get().id
}

function score(stakeholderId: number, values: Record<string, number | null>) {
  return db.transaction((tx) =>
    scoreStakeholder(
      tx,
      stakeholderId,
      Object.entries(values).map(([key, value]) => ({ criterionId: byKey(key).id, value })),
      comms(),
    ),
  )
}

beforeAll(() => {
  categoryId =
    db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).get()?.id ??
    db
      .insert(stakeholderCategories)
      .values({ name: 'Test category' })
      .returning({ id: stakeholderCategories.id })
      .get().id
})

describe('the seeded criteria', () => {
  it('has the five defaults with influence and interest on the grid axes', () => {
    const keys = listCriteria().map((c) => c.key)
    expect(keys).toEqual(expect.arrayContaining(['influence', 'interest', 'reach', 'fit', 'access']))
    expect(byKey('influence').gridAxis).toBe('influence')
    expect(byKey('interest').gridAxis).toBe('interest')
  })
})

describe('stakeholder_priority kept current', () => {
  it('matches the pure weighted score, leaving missing criteria out', () => {
    const id = newStakeholder('Partial Scoring Agency')
    score(id, { influence: 5, reach: 2 })
    const p = getPriority(id)!
    const expected = weightedScore([
      { weight: byKey('influence').weight, value: 5 },
      { weight: byKey('reach').weight, value: 2 },
    ])!
    expect(p.score).toBeCloseTo(expected, 9)
    expect(p.influence).toBe(5)
    expect(p.interest).toBeNull()
  })

  it('keeps an unscored stakeholder out of the table (never zero), and removes it when all scores are cleared', () => {
    const id = newStakeholder('Never Scored Office')
    expect(getPriority(id)).toBeNull()
    score(id, { fit: 1 })
    expect(getPriority(id)!.score).toBe(0)
    score(id, { fit: null })
    expect(getPriority(id)).toBeNull()
    // The cleared score is kept in the history, superseded.
    const history = scoreHistory(id)
    expect(history).toHaveLength(1)
    expect(history[0].supersededAt).not.toBeNull()
  })

  it('keeps one current score per criterion, the rest as history, and remembers the previous score', () => {
    const id = newStakeholder('History Council')
    score(id, { influence: 2, interest: 2 })
    const first = getPriority(id)!.score
    score(id, { influence: 4 })
    score(id, { influence: 4 }) // unchanged: no new history row
    const current = db
      .select()
      .from(scores)
      .where(and(eq(scores.stakeholderId, id), isNull(scores.supersededAt)))
      .all()
    expect(current).toHaveLength(2)
    expect(scoreHistory(id)).toHaveLength(3)
    const p = getPriority(id)!
    expect(p.previousScore).toBeCloseTo(first, 9)
    expect(p.score).toBeGreaterThan(first)
    const audits = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, 'score'))
      .all()
      .filter((a) => (a.after as { stakeholderId?: number } | null)?.stakeholderId === id)
    const c = (key: string) => byKey(key).id
    expect(
      audits.map((a) => ({ action: a.action, userId: a.userId, before: a.before, after: a.after })),
    ).toEqual([
      {
        action: 'create',
        userId: comms().id,
        before: null,
        after: { stakeholderId: id, criterionId: c('influence'), value: 2, rationale: null },
      },
      {
        action: 'create',
        userId: comms().id,
        before: null,
        after: { stakeholderId: id, criterionId: c('interest'), value: 2, rationale: null },
      },
      {
        action: 'create',
        userId: comms().id,
        before: { value: 2, rationale: null },
        after: { stakeholderId: id, criterionId: c('influence'), value: 4, rationale: null },
      },
    ])
  })

  it('puts stakeholders at the threshold edges in the higher tier and re-tiers when thresholds change', () => {
    db.update(criteria).set({ weight: 1 }).run()
    recomputeAllPriorities()
    const atA = newStakeholder('Edge A Institute') // all 5 on one criterion of weight 1 and 4 of another -> 87.5
    score(atA, { fit: 3 }) // 50
    const atB = newStakeholder('Edge B Institute')
    score(atB, { fit: 2 }) // 25
    db.transaction((tx) => setThresholds(tx, { tierA: 50, tierB: 25 }, comms()))
    expect(getPriority(atA)!.tier).toBe('A')
    expect(getPriority(atB)!.tier).toBe('B')
    db.transaction((tx) => setThresholds(tx, { tierA: 50.01, tierB: 25.01 }, comms()))
    expect(getPriority(atA)!.tier).toBe('B')
    expect(getPriority(atB)!.tier).toBe('C')
    const p = db.select().from(project).get()!
    expect(p.tierAThreshold).toBe(50.01)
    const thresholds = db.select().from(auditLog).where(eq(auditLog.entity, 'project')).all().slice(-2)
    expect(thresholds.map((a) => [a.entityId, a.action, a.before, a.after])).toEqual([
      [1, 'update', { tierAThreshold: 70, tierBThreshold: 45 }, { tierAThreshold: 50, tierBThreshold: 25 }],
      [
        1,
        'update',
        { tierAThreshold: 50, tierBThreshold: 25 },
        { tierAThreshold: 50.01, tierBThreshold: 25.01 },
      ],
    ])
  })

  it('re-ranks every stakeholder at once when a weight changes', () => {
    db.update(criteria).set({ weight: 1 }).run()
    db.transaction((tx) => setThresholds(tx, { tierA: 70, tierB: 45 }, comms()))
    const influential = newStakeholder('Zz Influential Ministry')
    const interested = newStakeholder('Zz Interested Lab')
    score(influential, { influence: 5, interest: 1 })
    score(interested, { influence: 1, interest: 4 })
    recomputeAllPriorities()
    const order = () => listRanked({ q: 'zz ' }, { limit: 10, offset: 0 }).rows.map((r) => r.id)
    expect(order()).toEqual([influential, interested])
    const before = getPriority(influential)!.score
    db.transaction((tx) =>
      updateCriterion(
        tx,
        byKey('interest').id,
        { name: byKey('interest').name, weight: 10, gridAxis: 'interest' },
        comms(),
      ),
    )
    expect(order()).toEqual([interested, influential])
    // 5 with weight 1 and 1 with weight 10 -> 100 / 11
    expect(getPriority(influential)!.score).toBeCloseTo(100 / 11, 9)
    expect(getPriority(influential)!.previousScore).toBeCloseTo(before, 9)
    const update = db.select().from(auditLog).where(eq(auditLog.entity, 'criterion')).all().at(-1)!
    expect(update).toMatchObject({
      entityId: byKey('interest').id,
      action: 'update',
      userId: comms().id,
      before: { weight: 1 },
      after: { weight: 10 },
    })
  })

  it('leaves archived criteria out and brings them back on restore', () => {
    db.update(criteria).set({ weight: 1 }).run()
    const id = newStakeholder('Archive Test Forum')
    score(id, { influence: 5, access: 1 })
    recomputeAllPriorities()
    expect(getPriority(id)!.score).toBe(50)
    db.transaction((tx) => setCriterionArchived(tx, byKey('access').id, true, comms()))
    expect(getPriority(id)!.score).toBe(100)
    expect(listCriteria().some((c) => c.key === 'access')).toBe(false)
    const accessId = listCriteria({ includeArchived: true }).find((c) => c.key === 'access')!.id
    db.transaction((tx) => setCriterionArchived(tx, accessId, false, comms()))
    expect(getPriority(id)!.score).toBe(50)
  })

  it('counts a new criterion as soon as it has scores', () => {
    db.update(criteria).set({ weight: 1 }).run()
    recomputeAllPriorities()
    const id = newStakeholder('New Criterion Union')
    score(id, { influence: 5 })
    const created = db.transaction((tx) => createCriterion(tx, { name: 'Visibility', weight: 1 }, comms()))
    expect(getPriority(id)!.score).toBe(100)
    db.transaction((tx) => scoreStakeholder(tx, id, [{ criterionId: created.id, value: 1 }], comms()))
    expect(getPriority(id)!.score).toBe(50)
  })

  it('recomputes the whole register in SQL matching the pure function', () => {
    recomputeAllPriorities()
    const rows = db.select().from(stakeholderPriority).limit(50).all()
    const active = listCriteria()
    for (const row of rows) {
      const current = db
        .select()
        .from(scores)
        .where(and(eq(scores.stakeholderId, row.stakeholderId), isNull(scores.supersededAt)))
        .all()
      const expected = weightedScore(
        current.map((s) => ({
          weight: active.find((c) => c.id === s.criterionId)?.weight ?? 0,
          value: s.value,
        })),
      )
      expect(row.score).toBeCloseTo(expected!, 9)
    }
  })

  it('gives a stakeholder its quadrant strategy with messages', () => {
    db.update(criteria).set({ weight: 1 }).run()
    const id = newStakeholder('Quadrant Check Board')
    score(id, { influence: 5, interest: 2 })
    const s = strategyForStakeholder(id)
    expect(s.quadrant).toBe('keep_satisfied')
    expect(s.strategy?.quadrant).toBe('keep_satisfied')
    expect(s.strategy?.messages.en).toBeTruthy()
    expect(s.strategy?.messages.es).toBeTruthy()
    expect(Array.isArray(s.groups)).toBe(true)
    const unscored = strategyForStakeholder(newStakeholder('No Grid Yet'))
    expect(unscored.quadrant).toBeNull()
    expect(unscored.strategy).toBeNull()
  })

  it('leaves archived stakeholders out of the ranking and the grid counts', () => {
    recomputeAllPriorities()
    const rankedBefore = listRanked({}, { limit: 1, offset: 0 }).total
    const tierBefore = listRanked({ tier: 'A' }, { limit: 1, offset: 0 }).total
    const gridBefore = gridPlacements({}, 10)
    db.update(criteria).set({ weight: 1 }).run()
    const id = newStakeholder('To Be Archived Agency')
    score(id, { influence: 5, interest: 5 })
    expect(listRanked({}, { limit: 1, offset: 0 }).total).toBe(rankedBefore + 1)
    expect(gridPlacements({}, 10).quadrantCounts.manage_closely).toBe(
      gridBefore.quadrantCounts.manage_closely + 1,
    )
    db.update(stakeholders).set({ archivedAt: new Date().toISOString() }).where(eq(stakeholders.id, id)).run()
    expect(listRanked({}, { limit: 1, offset: 0 }).total).toBe(rankedBefore)
    expect(listRanked({ tier: 'A' }, { limit: 1, offset: 0 }).total).toBe(tierBefore)
    expect(gridPlacements({}, 10).quadrantCounts).toEqual(gridBefore.quadrantCounts)
    // The filtered paths (a join) agree with the unfiltered ones (a subtraction).
    const categoryTotal = listRanked({ category: categoryId }, { limit: 1, offset: 0 }).total
    expect(categoryTotal).toBeLessThanOrEqual(rankedBefore)
    const sum = Object.values(gridPlacements({ q: 'to be archived' }, 10).quadrantCounts).reduce(
      (a, b) => a + b,
      0,
    )
    expect(sum).toBe(0)
  })
})
