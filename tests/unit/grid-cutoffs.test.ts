import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, criteria, stakeholderCategories, stakeholders } from '#db/schema'
import { spreadPoints } from '~/components/priority/spread'
import {
  getGridCutoffs,
  gridCutoffsSchema,
  gridPlacements,
  listCriteria,
  listRanked,
  scoreStakeholder,
  setGridCutoffs,
} from '~/models/priorities/index.server'
import { DEFAULT_GRID_CUTOFFS, quadrantFor } from '~/models/priorities/scoring'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

const byKey = (key: string) => listCriteria().find((c) => c.key === key)!

function scored(name: string, influence: number, interest: number) {
  const categoryId = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).get()!.id
  const id = db
    .insert(stakeholders)
    .values({ name, categoryId, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
    .returning({ id: stakeholders.id })
    .get().id
  db.transaction((tx) =>
    scoreStakeholder(
      tx,
      id,
      [
        { criterionId: byKey('influence').id, value: influence },
        { criterionId: byKey('interest').id, value: interest },
      ],
      demo.comms(),
    ),
  )
  return id
}

afterEach(() => {
  db.transaction((tx) => setGridCutoffs(tx, DEFAULT_GRID_CUTOFFS, demo.comms()))
})

describe('quadrant assignment at the cut-offs', () => {
  it('counts a value equal to the cut-off as low and anything above it as high', () => {
    const c = { influence: 3, interest: 3 }
    expect(quadrantFor(3, 3, c)).toBe('monitor')
    expect(quadrantFor(3.5, 3, c)).toBe('keep_satisfied')
    expect(quadrantFor(3, 3.5, c)).toBe('keep_informed')
    expect(quadrantFor(3.5, 3.5, c)).toBe('manage_closely')
    expect(quadrantFor(5, 5, c)).toBe('manage_closely')
    expect(quadrantFor(1, 1, c)).toBe('monitor')
  })

  it('follows other cut-offs, each axis on its own', () => {
    const c = { influence: 4, interest: 2 }
    expect(quadrantFor(4, 2, c)).toBe('monitor')
    expect(quadrantFor(4, 2.5, c)).toBe('keep_informed')
    expect(quadrantFor(4.5, 2, c)).toBe('keep_satisfied')
    expect(quadrantFor(4.5, 2.5, c)).toBe('manage_closely')
  })

  it('accepts cut-offs from 1 up to, not including, 5', () => {
    expect(gridCutoffsSchema.safeParse({ influence: '1', interest: '4.5' }).success).toBe(true)
    expect(gridCutoffsSchema.safeParse({ influence: '5', interest: '3' }).success).toBe(false)
    expect(gridCutoffsSchema.safeParse({ influence: '0.5', interest: '3' }).success).toBe(false)
    expect(gridCutoffsSchema.safeParse({ influence: 'trzy', interest: '3' }).success).toBe(false)
  })
})

describe('the grid with the project cut-offs', () => {
  it('defaults to strictly above the middle and agrees in SQL and in code', () => {
    expect(getGridCutoffs()).toEqual({ influence: 3, interest: 3 })
    db.update(criteria).set({ weight: 1 }).run()
    const mid = scored('Δήμος Θεσσαλονίκης – μέσο', 3, 3)
    const high = scored('Urząd Marszałkowski Łódź – wysoko', 4, 4)
    const grid = gridPlacements({}, 100_000)
    expect(grid.placements.find((p) => p.id === mid)?.quadrant).toBe('monitor')
    expect(grid.placements.find((p) => p.id === high)?.quadrant).toBe('manage_closely')
    // The quadrant filter (SQL) and the quadrant of each row (code) say the same.
    for (const quadrant of ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const) {
      const { rows } = listRanked({ quadrant }, { limit: 500, offset: 0 })
      for (const r of rows) expect(r.quadrant).toBe(quadrant)
      const { placements, quadrantCounts } = gridPlacements({ quadrant }, 100_000)
      expect(placements.length).toBe(quadrantCounts[quadrant])
    }
    expect(
      listRanked({ quadrant: 'manage_closely' }, { limit: 500, offset: 0 }).rows.map((r) => r.id),
    ).toContain(high)
  })

  it('moves stakeholders between quadrants when comms changes the cut-offs, and audits it', () => {
    const id = scored('Eusko Jaurlaritza – Garraio saila', 3, 3)
    const before = gridPlacements({}, 100_000)
    expect(before.placements.find((p) => p.id === id)?.quadrant).toBe('monitor')
    const cutoffsBefore = getGridCutoffs()
    db.transaction((tx) => setGridCutoffs(tx, { influence: 2.5, interest: 2.5 }, demo.comms()))
    expect(getGridCutoffs()).toEqual({ influence: 2.5, interest: 2.5 })
    const after = gridPlacements({}, 100_000)
    expect(after.placements.find((p) => p.id === id)?.quadrant).toBe('manage_closely')
    expect(after.quadrantCounts.manage_closely).toBeGreaterThan(before.quadrantCounts.manage_closely)
    expect(after.quadrantCounts.monitor).toBeLessThan(before.quadrantCounts.monitor)
    const audit = db.select().from(auditLog).where(eq(auditLog.summary, 'grid cut-offs')).all()
    expect(audit.at(-1)).toMatchObject({
      userId: demo.comms().id,
      entity: 'project',
      entityId: 1,
      action: 'update',
      before: { gridInfluenceCutoff: cutoffsBefore.influence, gridInterestCutoff: cutoffsBefore.interest },
      after: { gridInfluenceCutoff: 2.5, gridInterestCutoff: 2.5 },
    })
  })

  it('refuses partners and viewers', () => {
    for (const actor of [demo.partner(), demo.viewer()])
      expect(() => db.transaction((tx) => setGridCutoffs(tx, { influence: 2, interest: 2 }, actor))).toThrow(
        ForbiddenError,
      )
    expect(getGridCutoffs()).toEqual(DEFAULT_GRID_CUTOFFS)
  })
})

describe('spreading dots that share a position', () => {
  const points = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, influence: 4, interest: 3, score: 50 }))

  it('is deterministic and gives every dot its own place', () => {
    const a = spreadPoints(points, DEFAULT_GRID_CUTOFFS)
    const b = spreadPoints([...points].reverse(), DEFAULT_GRID_CUTOFFS)
    for (const p of a) expect(b.find((q) => q.id === p.id)).toMatchObject({ x: p.x, y: p.y })
    expect(new Set(a.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(points.length)
  })

  it('keeps dots on a cut-off on its low side, and a lone dot in place', () => {
    for (const p of spreadPoints(points, DEFAULT_GRID_CUTOFFS)) expect(p.x).toBeLessThan(3)
    const [lone] = spreadPoints([{ id: 99, influence: 4.5, interest: 1.5, score: 10 }], DEFAULT_GRID_CUTOFFS)
    expect(lone).toMatchObject({ x: 1.5, y: 4.5 })
  })
})
