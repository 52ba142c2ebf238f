import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { criteria, stakeholderPriority, stakeholders, users } from '#db/schema'
import {
  createCriterion,
  getPriority,
  listCriteria,
  recomputeAllPriorities,
  recomputePriorities,
  scoreStakeholder,
  scoringPage,
} from '~/models/priorities/index.server'

import { demo } from '../setup/actors'
import { insertStakeholder as newStakeholder } from '../setup/records'

const byKey = (key: string) => listCriteria().find((c) => c.key === key)!.id

function score(id: number, values: Record<string, number | null>, rationale?: string) {
  db.transaction((tx) =>
    scoreStakeholder(
      tx,
      id,
      Object.entries(values).map(([key, value]) => ({ criterionId: byKey(key), value, rationale })),
      demo.comms(),
    ),
  )
}

beforeAll(() => {
  db.update(criteria).set({ weight: 1 }).run()
  recomputeAllPriorities()
})

describe('recomputePriorities', () => {
  it('keeps the previous score and the time of scoring while the score stays the same', () => {
    const id = newStakeholder('Recompute Łódź')
    score(id, { influence: 5, fit: 1 })
    const first = getPriority(id)!
    expect(first).toMatchObject({ score: 50, previousScore: null, tier: 'B', influence: 5, interest: null })
    recomputeAllPriorities()
    expect(getPriority(id)).toEqual(first)
    score(id, { fit: 3 })
    const second = getPriority(id)!
    expect(second).toMatchObject({ score: 75, previousScore: 50, tier: 'A' })
    expect(second.scoredAt > first.scoredAt).toBe(true)
    // Same score, other values: the grid position moves, the previous score and time stay.
    score(id, { influence: 3, fit: 5 })
    expect(getPriority(id)).toEqual({ ...second, influence: 3 })
  })

  it('averages the criteria on each grid axis', () => {
    const extra = db.transaction((tx) =>
      createCriterion(tx, { name: 'Władza formalna', weight: 1, gridAxis: 'influence' }, demo.comms()),
    )
    const id = newStakeholder('Recompute Θεσσαλονίκη')
    score(id, { influence: 2, interest: 3 })
    db.transaction((tx) => scoreStakeholder(tx, id, [{ criterionId: extra.id, value: 5 }], demo.comms()))
    expect(getPriority(id)).toMatchObject({ influence: 3.5, interest: 3 })
    db.update(criteria).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(criteria.id, extra.id)).run()
    recomputeAllPriorities()
    expect(getPriority(id)).toMatchObject({ influence: 2, interest: 3 })
  })

  it('leaves out criteria of weight 0, and drops a stakeholder scored only on them', () => {
    const both = newStakeholder('Recompute Brno obě')
    const only = newStakeholder('Recompute Brno jen')
    score(both, { influence: 5, access: 1 })
    score(only, { access: 4 })
    expect(getPriority(both)!.score).toBe(50)
    db.update(criteria).set({ weight: 0 }).where(eq(criteria.key, 'access')).run()
    recomputeAllPriorities()
    expect(getPriority(both)!.score).toBe(100)
    expect(getPriority(only)).toBeNull()
    db.update(criteria).set({ weight: 1 }).where(eq(criteria.key, 'access')).run()
    recomputeAllPriorities()
    expect(getPriority(only)!.score).toBe(75)
  })

  it('recomputes and drops only the stakeholders given', () => {
    const a = newStakeholder('Recompute Cluj A')
    const b = newStakeholder('Recompute Cluj B')
    score(a, { influence: 5, fit: 1 })
    score(b, { influence: 5, fit: 1 })
    db.update(criteria).set({ weight: 3 }).where(eq(criteria.key, 'influence')).run()
    db.transaction((tx) => recomputePriorities(tx, [a]))
    expect(getPriority(a)!.score).toBe(75)
    expect(getPriority(b)!.score).toBe(50)
    db.transaction((tx) => recomputePriorities(tx, []))
    expect(getPriority(b)!.score).toBe(50)
    // Both lose their scores behind the app's back: only the one recomputed loses its row.
    db.update(criteria).set({ weight: 0 }).run()
    db.transaction((tx) => recomputePriorities(tx, [b]))
    expect(getPriority(b)).toBeNull()
    expect(getPriority(a)!.score).toBe(75)
    db.update(criteria).set({ weight: 1 }).run()
    recomputeAllPriorities()
    expect(getPriority(b)!.score).toBe(50)
  })

  it('puts a score on a threshold in the higher tier', () => {
    const id = newStakeholder('Recompute Iași')
    score(id, { influence: 4, fit: 3 }) // (0.75 + 0.5) / 2 = 62.5
    db.update(stakeholderPriority).set({ tier: 'C' }).where(eq(stakeholderPriority.stakeholderId, id)).run()
    recomputeAllPriorities()
    expect(getPriority(id)!.tier).toBe('B')
    const edge = newStakeholder('Recompute Iași kraj')
    score(edge, { influence: 4, fit: 4 }) // 75
    const low = newStakeholder('Recompute Iași dół')
    score(low, { influence: 1, fit: 5 }) // 50
    expect([getPriority(edge)!.tier, getPriority(low)!.tier]).toEqual(['A', 'B'])
  })
})

describe('scoringPage', () => {
  it('lists the stakeholders by name with their current values and who gave them', () => {
    const b = newStakeholder('Scorepage Bilbo')
    const a = newStakeholder('Scorepage Arrasate')
    const c = newStakeholder('Scorepage Zarautz')
    score(b, { influence: 4, fit: 2 }, 'Udal handia')
    score(b, { fit: 3 })
    const comms = db.select({ name: users.name }).from(users).where(eq(users.id, demo.comms().id)).get()!.name
    const result = scoringPage({ q: 'scorepage' }, { limit: 50, offset: 0 })
    expect(result.total).toBe(3)
    expect(result.rows.map((r) => r.id)).toEqual([a, b, c])
    const row = result.rows[1]
    expect(row).toMatchObject({
      name: 'Scorepage Bilbo',
      score: 62.5,
      tier: 'B',
      values: { [byKey('influence')]: 4, [byKey('fit')]: 3 },
    })
    expect(row.meta[byKey('influence')]).toMatchObject({ by: comms, rationale: 'Udal handia' })
    expect(row.meta[byKey('fit')]).toMatchObject({ by: comms, rationale: 'Udal handia' })
    expect(typeof row.meta[byKey('fit')].at).toBe('string')
    expect(result.rows[0]).toMatchObject({ score: null, tier: null, values: {}, meta: {} })
    const second = scoringPage({ q: 'scorepage' }, { limit: 1, offset: 1 })
    expect(second.rows.map((r) => r.id)).toEqual([b])
    expect(second.total).toBe(3)
  })

  it('filters the unscored, or one tier, in the rows and the total', () => {
    const none = newStakeholder('Scoretier Nada')
    const tierA = newStakeholder('Scoretier Alfa')
    const tierC = newStakeholder('Scoretier Ce')
    score(tierA, { influence: 5 })
    score(tierC, { influence: 1 })
    const ids = (f: Parameters<typeof scoringPage>[0]) => {
      const r = scoringPage({ q: 'scoretier', ...f }, { limit: 50, offset: 0 })
      expect(r.total).toBe(r.rows.length)
      return r.rows.map((x) => x.id)
    }
    expect(ids({})).toEqual([tierA, tierC, none])
    expect(ids({ unscored: true })).toEqual([none])
    expect(ids({ tier: 'A' })).toEqual([tierA])
    expect(ids({ tier: 'C' })).toEqual([tierC])
    expect(ids({ unscored: true, tier: 'A' })).toEqual([none])
    db.update(stakeholders)
      .set({ archivedAt: '2026-01-01T00:00:00.000Z' })
      .where(eq(stakeholders.id, none))
      .run()
    expect(ids({})).toEqual([tierA, tierC])
    db.update(stakeholders)
      .set({ archivedAt: null, mergedIntoId: tierA })
      .where(eq(stakeholders.id, none))
      .run()
    expect(ids({})).toEqual([tierA, tierC])
    expect(scoringPage({ q: 'nothing-like-this' }, { limit: 50, offset: 0 })).toEqual({ rows: [], total: 0 })
  })
})
