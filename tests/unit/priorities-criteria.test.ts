import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  auditLog,
  criteria,
  project,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
} from '#db/schema'
import {
  createCriterion,
  getCriterion,
  getGridCutoffs,
  getPriority,
  getThresholds,
  listCriteria,
  scoreStakeholder,
  setCriterionArchived,
  setGridCutoffs,
  setThresholds,
  updateCriterion,
} from '~/models/priorities/index.server'
import { DEFAULT_GRID_CUTOFFS } from '~/models/priorities/scoring'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'

let categoryId: number
const byKey = (key: string) => listCriteria({ includeArchived: true }).find((c) => c.key === key)!
const c = (key: string) => byKey(key).id
const lastAuditId = () =>
  db
    .select({ n: sql<number>`max(${auditLog.id})` })
    .from(auditLog)
    .get()!.n

function scored(name: string, values: Record<string, number>) {
  const id = db
    .insert(stakeholders)
    .values({ name, categoryId, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
    .returning({ id: stakeholders.id })
    .get().id
  db.transaction((tx) =>
    scoreStakeholder(
      tx,
      id,
      Object.entries(values).map(([key, value]) => ({ criterionId: c(key), value })),
      demo.comms(),
    ),
  )
  return id
}

beforeAll(() => {
  categoryId = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).get()!.id
})

afterEach(() => {
  db.update(criteria).set({ weight: 1, archivedAt: null }).run()
  db.transaction((tx) => setThresholds(tx, { tierA: 70, tierB: 45 }, demo.comms()))
  db.transaction((tx) => setGridCutoffs(tx, DEFAULT_GRID_CUTOFFS, demo.comms()))
})

describe('listCriteria and getCriterion', () => {
  it('lists criteria in their sort order, the archived ones only when asked', () => {
    db.update(criteria).set({ archivedAt: '2026-03-03T00:00:00.000Z' }).where(eq(criteria.key, 'reach')).run()
    const active = listCriteria()
    expect(active.map((x) => x.key)).not.toContain('reach')
    const all = listCriteria({ includeArchived: true })
    expect(all.map((x) => x.key)).toContain('reach')
    const orders = all.map((x) => x.sortOrder)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(getCriterion(c('reach'))).toMatchObject({ key: 'reach', archivedAt: '2026-03-03T00:00:00.000Z' })
    expect(getCriterion(99_999)).toBeNull()
  })
})

describe('createCriterion', () => {
  it('appends the criterion after the last one, without key, description or axis unless given, and audits it', () => {
    const maxOrder = Math.max(...listCriteria({ includeArchived: true }).map((x) => x.sortOrder))
    const row = db.transaction((tx) =>
      createCriterion(tx, { name: 'Widoczność w mediach', description: '', weight: 2.5 }, demo.comms()),
    )
    expect(row).toMatchObject({
      key: null,
      name: 'Widoczność w mediach',
      description: null,
      weight: 2.5,
      gridAxis: null,
      sortOrder: maxOrder + 1,
      archivedAt: null,
    })
    expect(lastAudit('criterion', row.id)).toMatchObject({
      action: 'create',
      userId: demo.comms().id,
      before: null,
      after: { id: row.id, name: 'Widoczność w mediach', weight: 2.5, sortOrder: maxOrder + 1 },
      summary: 'criterion Widoczność w mediach (weight 2.5)',
    })
    const keyed = db.transaction((tx) =>
      createCriterion(
        tx,
        {
          key: 'politika',
          name: 'Politická podpora',
          description: 'Podpora rady',
          weight: 1,
          gridAxis: 'influence',
        },
        demo.comms(),
      ),
    )
    expect(keyed).toMatchObject({
      key: 'politika',
      description: 'Podpora rady',
      gridAxis: 'influence',
      sortOrder: maxOrder + 2,
    })
  })

  it('refuses partners and viewers', () => {
    const before = listCriteria({ includeArchived: true }).length
    for (const actor of [demo.partner(), demo.viewer()])
      expect(() =>
        db.transaction((tx) => createCriterion(tx, { name: 'Ανεπιθύμητο', weight: 1 }, actor)),
      ).toThrow(ForbiddenError)
    expect(listCriteria({ includeArchived: true })).toHaveLength(before)
  })
})

describe('updateCriterion', () => {
  it('returns null for an unknown criterion and writes no audit', () => {
    const mark = lastAuditId()
    expect(
      db.transaction((tx) => updateCriterion(tx, 99_999, { name: 'Nic', weight: 1 }, demo.comms())),
    ).toBeNull()
    expect(lastAuditId()).toBe(mark)
  })

  it('audits only the changed fields, stamps updatedAt, and does not re-rank for a new name', () => {
    const id = scored('Gasteizko Udala – izena', { influence: 5, fit: 1 })
    expect(getPriority(id)!.score).toBe(50)
    const before = byKey('fit')
    // A weight written behind the app's back shows whether a recompute ran.
    db.update(criteria).set({ weight: 3 }).where(eq(criteria.key, 'influence')).run()
    const after = db.transaction((tx) =>
      updateCriterion(
        tx,
        before.id,
        { name: 'Egokitasuna', description: '', weight: 1, gridAxis: undefined },
        demo.comms(),
      ),
    )!
    expect(after).toMatchObject({ name: 'Egokitasuna', description: null, weight: 1, gridAxis: null })
    expect(after.updatedAt > before.updatedAt).toBe(true)
    expect(lastAudit('criterion', before.id)).toMatchObject({
      action: 'update',
      userId: demo.comms().id,
      before: { name: before.name },
      after: { name: 'Egokitasuna' },
      summary: 'criterion Egokitasuna',
    })
    expect(getPriority(id)!.score).toBe(50)
  })

  it('re-ranks at once for a new grid axis', () => {
    const id = scored('Județul Cluj – axă', { influence: 5, fit: 2 })
    expect(getPriority(id)).toMatchObject({ influence: 5, interest: null })
    const fit = byKey('fit')
    db.transaction((tx) =>
      updateCriterion(tx, fit.id, { name: fit.name, weight: fit.weight, gridAxis: 'interest' }, demo.comms()),
    )
    expect(getPriority(id)).toMatchObject({ influence: 5, interest: 2 })
    db.transaction((tx) => updateCriterion(tx, fit.id, { name: fit.name, weight: fit.weight }, demo.comms()))
    expect(getPriority(id)).toMatchObject({ influence: 5, interest: null })
  })

  it('does not re-rank when the criterion changed is archived', () => {
    const id = scored('Městský úřad Olomouc', { influence: 5, fit: 1 })
    db.transaction((tx) => setCriterionArchived(tx, c('access'), true, demo.comms()))
    db.update(criteria).set({ weight: 3 }).where(eq(criteria.key, 'influence')).run()
    const access = byKey('access')
    db.transaction((tx) => updateCriterion(tx, access.id, { name: access.name, weight: 7 }, demo.comms()))
    expect(byKey('access').weight).toBe(7)
    expect(getPriority(id)!.score).toBe(50)
    // The same change on an active criterion re-ranks everyone.
    const fit = byKey('fit')
    db.transaction((tx) => updateCriterion(tx, fit.id, { name: fit.name, weight: 1.5 }, demo.comms()))
    // influence 5 weight 3, fit 1 weight 1.5 -> 3 / 4.5
    expect(getPriority(id)!.score).toBeCloseTo(200 / 3, 9)
  })
})

describe('setCriterionArchived', () => {
  it('archives and restores with an audit row, and is a no-op in the state it is already in', () => {
    const fit = byKey('fit')
    expect(db.transaction((tx) => setCriterionArchived(tx, fit.id, false, demo.comms()))).toEqual(fit)
    const mark = lastAuditId()
    const archived = db.transaction((tx) => setCriterionArchived(tx, fit.id, true, demo.comms()))!
    expect(archived.archivedAt).not.toBeNull()
    expect(archived.updatedAt > fit.updatedAt).toBe(true)
    expect(lastAudit('criterion', fit.id)).toMatchObject({
      id: mark + 1,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: archived.archivedAt },
      summary: `criterion ${fit.name}`,
    })
    expect(db.transaction((tx) => setCriterionArchived(tx, fit.id, true, demo.comms()))).toEqual(archived)
    expect(lastAuditId()).toBe(mark + 1)
    const restored = db.transaction((tx) => setCriterionArchived(tx, fit.id, false, demo.comms()))!
    expect(restored.archivedAt).toBeNull()
    expect(lastAudit('criterion', fit.id)).toMatchObject({ action: 'restore', after: { archivedAt: null } })
    expect(db.transaction((tx) => setCriterionArchived(tx, 99_999, true, demo.comms()))).toBeNull()
  })

  it('refuses partners', () => {
    expect(() => db.transaction((tx) => setCriterionArchived(tx, c('fit'), true, demo.partner()))).toThrow(
      ForbiddenError,
    )
    expect(byKey('fit').archivedAt).toBeNull()
  })
})

describe('setThresholds and setGridCutoffs', () => {
  it('refuses invalid thresholds and writes nothing', () => {
    expect(() => db.transaction((tx) => setThresholds(tx, { tierA: 40, tierB: 60 }, demo.comms()))).toThrow(
      'invalid thresholds',
    )
    expect(getThresholds()).toEqual({ tierA: 70, tierB: 45 })
    expect(() => db.transaction((tx) => setThresholds(tx, { tierA: 80, tierB: 40 }, demo.viewer()))).toThrow(
      ForbiddenError,
    )
    expect(getThresholds()).toEqual({ tierA: 70, tierB: 45 })
  })

  it('changes nothing and audits nothing for the same thresholds, and stamps the project on a change', () => {
    const mark = lastAuditId()
    expect(db.transaction((tx) => setThresholds(tx, { tierA: 70, tierB: 45 }, demo.comms()))).toBe(false)
    expect(lastAuditId()).toBe(mark)
    // A stamp from the past: the previous test's clean-up may have stamped the project in this very millisecond.
    const stamp = '2026-01-01T00:00:00.000Z'
    db.update(project).set({ updatedAt: stamp }).run()
    expect(db.transaction((tx) => setThresholds(tx, { tierA: 71, tierB: 45 }, demo.comms()))).toBe(true)
    expect(db.select({ updatedAt: project.updatedAt }).from(project).get()!.updatedAt > stamp).toBe(true)
    expect(lastAudit('project', 1)).toMatchObject({
      action: 'update',
      before: { tierAThreshold: 70 },
      after: { tierAThreshold: 71 },
      summary: 'tier thresholds',
    })
  })

  it('re-tiers only when the thresholds changed', () => {
    const id = scored('Primăria Sibiu – prag', { influence: 5, fit: 5 })
    expect(getPriority(id)!.tier).toBe('A')
    // A tier written behind the app's back shows whether the register was re-tiered.
    db.update(stakeholderPriority).set({ tier: 'C' }).where(eq(stakeholderPriority.stakeholderId, id)).run()
    db.transaction((tx) => setThresholds(tx, { tierA: 70, tierB: 45 }, demo.comms()))
    expect(getPriority(id)!.tier).toBe('C')
    db.transaction((tx) => setThresholds(tx, { tierA: 80, tierB: 45 }, demo.comms()))
    expect(getPriority(id)!.tier).toBe('A')
  })

  it('refuses a cut-off off the scale on either axis, and reports whether anything changed', () => {
    for (const bad of [
      { influence: 5, interest: 3 },
      { influence: 3, interest: 5 },
      { influence: 0.5, interest: 3 },
      { influence: 3, interest: Number.NaN },
    ])
      expect(() => db.transaction((tx) => setGridCutoffs(tx, bad, demo.comms()))).toThrow('invalid cut-offs')
    expect(getGridCutoffs()).toEqual({ influence: 3, interest: 3 })
    expect(db.transaction((tx) => setGridCutoffs(tx, { influence: 3, interest: 3 }, demo.comms()))).toBe(
      false,
    )
    expect(db.transaction((tx) => setGridCutoffs(tx, { influence: 3, interest: 4 }, demo.comms()))).toBe(true)
    expect(getGridCutoffs()).toEqual({ influence: 3, interest: 4 })
    expect(lastAudit('project', 1)).toMatchObject({
      action: 'update',
      userId: demo.comms().id,
      before: { gridInterestCutoff: 3 },
      after: { gridInterestCutoff: 4 },
      summary: 'grid cut-offs',
    })
  })

  it('falls back to the default thresholds and cut-offs without a project row', () => {
    const rollback = new Error('rollback')
    expect(() =>
      db.transaction((tx) => {
        tx.delete(project).where(eq(project.id, 1)).run()
        expect(getThresholds(tx)).toEqual({ tierA: 70, tierB: 45 })
        expect(getGridCutoffs(tx)).toEqual({ influence: 3, interest: 3 })
        throw rollback
      }),
    ).toThrow(rollback)
    db.update(project).set({ tierAThreshold: 66, gridInterestCutoff: 2 }).run()
    expect(getThresholds()).toEqual({ tierA: 66, tierB: 45 })
    expect(getGridCutoffs()).toEqual({ influence: 3, interest: 2 })
  })
})
