import { and, eq, isNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { criteria, scores, stakeholders, users } from '#db/schema'
import {
  getPriority,
  isScorableStakeholder,
  listCriteria,
  type ScoreChange,
  scoreHistory,
  scoreHistoryPanel,
  scoreStakeholder,
  stakeholderName,
} from '~/models/priorities/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { insertStakeholder as newStakeholder } from '../setup/records'

const byKey = (key: string) => listCriteria().find((c) => c.key === key)!

function apply(stakeholderId: number, changes: ScoreChange[]) {
  return db.transaction((tx) => scoreStakeholder(tx, stakeholderId, changes, demo.comms()))
}

const c = (key: string) => byKey(key).id

function current(stakeholderId: number, criterionId: number) {
  return db
    .select()
    .from(scores)
    .where(
      and(
        eq(scores.stakeholderId, stakeholderId),
        eq(scores.criterionId, criterionId),
        isNull(scores.supersededAt),
      ),
    )
    .get()
}

beforeAll(() => {
  db.update(criteria).set({ weight: 1 }).run()
})

describe('scoreStakeholder: values and reasons', () => {
  it('refuses a value off the scale and writes nothing', () => {
    const id = newStakeholder('Primăria Târgu Mureș')
    expect(() => apply(id, [{ criterionId: c('fit'), value: 6 }])).toThrow('score out of range: 6')
    expect(() => apply(id, [{ criterionId: c('fit'), value: 2.5 }])).toThrow('score out of range: 2.5')
    expect(() => apply(id, [{ criterionId: c('fit'), value: 0 }])).toThrow('score out of range: 0')
    expect(scoreHistory(id)).toEqual([])
  })

  it('refuses partners and viewers', () => {
    const id = newStakeholder('Gasteizko Udala')
    for (const actor of [demo.partner(), demo.viewer()])
      expect(() =>
        db.transaction((tx) => scoreStakeholder(tx, id, [{ criterionId: c('fit'), value: 3 }], actor)),
      ).toThrow(ForbiddenError)
    expect(getPriority(id)).toBeNull()
  })

  it('counts the changes, stores the trimmed reason with the scorer, and audits each one', () => {
    const id = newStakeholder('Urząd Miasta Łódź')
    const changed = apply(id, [
      { criterionId: c('influence'), value: 4, rationale: '  Rada Miejska decyduje  ' },
      { criterionId: c('interest'), value: 2, rationale: '   ' },
    ])
    expect(changed).toBe(2)
    const row = current(id, c('influence'))!
    expect(row).toMatchObject({ value: 4, rationale: 'Rada Miejska decyduje', userId: demo.comms().id })
    expect(current(id, c('interest'))!.rationale).toBeNull()
    const audit = lastAudit('score', current(id, c('interest'))!.id)
    expect(audit).toMatchObject({
      action: 'create',
      userId: demo.comms().id,
      before: null,
      after: { stakeholderId: id, criterionId: c('interest'), value: 2, rationale: null },
      summary: `scored stakeholder ${id}`,
    })
  })

  it('is a no-op for the same value with no reason given or the same reason, however spaced', () => {
    const id = newStakeholder('Δήμος Θεσσαλονίκης')
    apply(id, [{ criterionId: c('fit'), value: 3, rationale: 'Σύμφωνο' }])
    const first = current(id, c('fit'))!
    expect(apply(id, [{ criterionId: c('fit'), value: 3 }])).toBe(0)
    expect(apply(id, [{ criterionId: c('fit'), value: 3, rationale: ' Σύμφωνο ' }])).toBe(0)
    expect(current(id, c('fit'))!.id).toBe(first.id)
    expect(scoreHistory(id)).toHaveLength(1)
  })

  it('writes a new row for a new reason alone, and audits the reason before and after', () => {
    const id = newStakeholder('Magistrát Brna')
    apply(id, [{ criterionId: c('fit'), value: 3, rationale: 'První schůzka' }])
    const first = current(id, c('fit'))!
    expect(apply(id, [{ criterionId: c('fit'), value: 3, rationale: 'Druhá schůzka' }])).toBe(1)
    const second = current(id, c('fit'))!
    expect(second.id).not.toBe(first.id)
    expect(second).toMatchObject({ value: 3, rationale: 'Druhá schůzka' })
    const old = db.select().from(scores).where(eq(scores.id, first.id)).get()!
    expect(old.supersededAt).toBe(second.createdAt)
    expect(lastAudit('score', second.id)).toMatchObject({
      action: 'create',
      before: { value: 3, rationale: 'První schůzka' },
      after: { stakeholderId: id, criterionId: c('fit'), value: 3, rationale: 'Druhá schůzka' },
    })
  })

  it('keeps the previous reason for a new value given without one, and drops it for an empty one', () => {
    const id = newStakeholder('Donostia-San Sebastián Udala')
    apply(id, [{ criterionId: c('reach'), value: 2, rationale: 'Hedapen txikia' }])
    apply(id, [{ criterionId: c('reach'), value: 4 }])
    expect(current(id, c('reach'))).toMatchObject({ value: 4, rationale: 'Hedapen txikia' })
    apply(id, [{ criterionId: c('reach'), value: 5, rationale: '' }])
    expect(current(id, c('reach'))).toMatchObject({ value: 5, rationale: null })
    apply(id, [{ criterionId: c('reach'), value: 5, rationale: 'Berria' }])
    apply(id, [{ criterionId: c('reach'), value: 5, rationale: null }])
    expect(current(id, c('reach'))).toMatchObject({ value: 5, rationale: null })
  })
})

describe('scoreStakeholder: clearing and recomputing', () => {
  it('clears a score: supersedes it, audits an archive with the old value, and drops the priority', () => {
    const id = newStakeholder('Čeněk Šťastný – Krajský úřad')
    apply(id, [{ criterionId: c('access'), value: 4 }])
    const row = current(id, c('access'))!
    expect(apply(id, [{ criterionId: c('access'), value: null }])).toBe(1)
    expect(current(id, c('access'))).toBeUndefined()
    expect(db.select().from(scores).where(eq(scores.id, row.id)).get()!.supersededAt).not.toBeNull()
    expect(lastAudit('score', row.id)).toMatchObject({
      action: 'archive',
      userId: demo.comms().id,
      before: { stakeholderId: id, criterionId: c('access'), value: 4 },
      after: null,
      summary: `cleared score of stakeholder ${id}`,
    })
    expect(getPriority(id)).toBeNull()
  })

  it('clearing a criterion never scored changes nothing', () => {
    const id = newStakeholder('Consiliul Județean Cluj')
    expect(apply(id, [{ criterionId: c('access'), value: null }])).toBe(0)
    expect(scoreHistory(id)).toEqual([])
  })

  it('recomputes only when a score changed', () => {
    const id = newStakeholder('Ayuntamiento de Bilbao')
    apply(id, [
      { criterionId: c('influence'), value: 5 },
      { criterionId: c('fit'), value: 1 },
    ])
    expect(getPriority(id)!.score).toBe(50)
    // A weight written behind the app's back: a no-op score must not pick it up...
    db.update(criteria)
      .set({ weight: 3 })
      .where(eq(criteria.id, c('influence')))
      .run()
    expect(apply(id, [{ criterionId: c('influence'), value: 5 }])).toBe(0)
    expect(getPriority(id)!.score).toBe(50)
    // ...a real change does.
    apply(id, [{ criterionId: c('fit'), value: 2 }])
    expect(getPriority(id)!.score).toBeCloseTo(81.25, 9)
    db.update(criteria).set({ weight: 1 }).run()
  })
})

describe('isScorableStakeholder and stakeholderName', () => {
  it('scores only active, unmerged stakeholders', () => {
    const active = newStakeholder('Miasto Gdańsk')
    const archived = newStakeholder('Miasto Sopot')
    const merged = newStakeholder('Miasto Gdynia')
    db.update(stakeholders)
      .set({ archivedAt: '2026-01-01T00:00:00.000Z' })
      .where(eq(stakeholders.id, archived))
      .run()
    db.update(stakeholders).set({ mergedIntoId: active }).where(eq(stakeholders.id, merged)).run()
    expect(isScorableStakeholder(active)).toBe(true)
    expect(isScorableStakeholder(archived)).toBe(false)
    expect(isScorableStakeholder(merged)).toBe(false)
    expect(isScorableStakeholder(99_999_999)).toBe(false)
    expect(stakeholderName(archived)).toBe('Miasto Sopot')
    expect(stakeholderName(merged)).toBe('Miasto Gdynia')
  })

  it('names no stakeholder for an id that is not a positive whole number or is unknown', () => {
    const id = newStakeholder('Πανεπιστήμιο Πατρών')
    expect(stakeholderName(id)).toBe('Πανεπιστήμιο Πατρών')
    expect(stakeholderName(0)).toBeNull()
    expect(stakeholderName(-id)).toBeNull()
    expect(stakeholderName(id + 0.5)).toBeNull()
    expect(stakeholderName(99_999_999)).toBeNull()
  })
})

describe('scoreHistory and the history panel', () => {
  it('lists every score newest first with the criterion and scorer names, up to the limit', () => {
    const id = newStakeholder('Primăria Iași')
    apply(id, [{ criterionId: c('influence'), value: 2, rationale: 'început' }])
    apply(id, [{ criterionId: c('influence'), value: 3 }])
    apply(id, [{ criterionId: c('interest'), value: 5 }])
    const comms = db.select({ name: users.name }).from(users).where(eq(users.id, demo.comms().id)).get()!
    const history = scoreHistory(id)
    expect(history.map((h) => [h.criterionName, h.value, h.rationale, h.userName])).toEqual([
      [byKey('interest').name, 5, null, comms.name],
      [byKey('influence').name, 3, 'început', comms.name],
      [byKey('influence').name, 2, 'început', comms.name],
    ])
    expect(history[0]).toMatchObject({ criterionId: c('interest'), supersededAt: null })
    expect(history[2].supersededAt).toBe(history[1].createdAt)
    expect(scoreHistory(id, 2).map((h) => h.value)).toEqual([5, 3])
  })

  it('gives the panel of an active stakeholder, and none for an archived one or a bad id', () => {
    const id = newStakeholder('Județul Timiș')
    apply(id, [{ criterionId: c('fit'), value: 5 }])
    const panel = scoreHistoryPanel(id)!
    expect(panel.stakeholder).toEqual({ id, name: 'Județul Timiș' })
    expect(panel.entries.map((e) => e.value)).toEqual([5])
    expect(panel.priority).toMatchObject({ stakeholderId: id, score: 100, tier: 'A' })
    expect(scoreHistoryPanel(0)).toBeNull()
    expect(scoreHistoryPanel(-1)).toBeNull()
    expect(scoreHistoryPanel(1.5)).toBeNull()
    expect(scoreHistoryPanel(99_999_999)).toBeNull()
    db.update(stakeholders)
      .set({ archivedAt: '2026-02-02T00:00:00.000Z' })
      .where(eq(stakeholders.id, id))
      .run()
    expect(scoreHistoryPanel(id)).toBeNull()
  })
})
