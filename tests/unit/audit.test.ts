import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog } from '#db/schema'
import {
  auditEntities,
  changedFields,
  listAudit,
  recordArchive,
  recordAudit,
  recordUpdate,
} from '~/models/audit/index.server'

import { demo } from '../setup/actors'

const rowsOf = (entity: string) =>
  db.select().from(auditLog).where(eq(auditLog.entity, entity)).orderBy(auditLog.id).all()

let seq = 0
/** An entity name no other test (nor the seed) uses, so each test reads only its own rows. */
const freshEntity = () => `audit-test-${++seq}-żółć`

describe('changedFields', () => {
  it('keeps only the fields that differ, as before/after pairs, with missing values as null', () => {
    expect(
      changedFields(
        { name: 'Łódź', city: 'Łódź', tags: ['a'], note: undefined, gone: 'x' },
        { name: 'Łódź Fabryczna', city: 'Łódź', tags: ['a'], note: null, website: 'https://lodz.pl' },
      ),
    ).toEqual({
      before: { name: 'Łódź', website: null },
      after: { name: 'Łódź Fabryczna', website: 'https://lodz.pl' },
    })
  })

  it('ignores the timestamps and keys absent from the new version; null when nothing changed', () => {
    expect(changedFields({ updatedAt: 'a', createdAt: 'b' }, { updatedAt: 'c', createdAt: 'd' })).toBeNull()
    expect(changedFields({ name: 'Θεσσαλονίκη' }, {})).toBeNull()
    expect(changedFields({ tags: ['x', 'y'] }, { tags: ['x', 'y'] })).toBeNull()
    expect(changedFields({ tags: ['x', 'y'] }, { tags: ['y', 'x'] })).toEqual({
      before: { tags: ['x', 'y'] },
      after: { tags: ['y', 'x'] },
    })
    expect(changedFields({ a: 0 }, { a: null })).toEqual({ before: { a: 0 }, after: { a: null } })
  })
})

describe('writers', () => {
  it('recordAudit writes one row, with absent before/after/summary stored as null', () => {
    const entity = freshEntity()
    const admin = demo.admin()
    recordAudit(db, { userId: admin.id, entity, entityId: 7, action: 'create' })
    recordAudit(db, {
      userId: null,
      entity,
      entityId: null,
      action: 'import',
      before: { a: 1 },
      after: { a: 2 },
      summary: 'Donostia–San Sebastián',
    })
    expect(rowsOf(entity).map(({ id: _id, at: _at, ...rest }) => rest)).toEqual([
      { userId: admin.id, entity, entityId: 7, action: 'create', before: null, after: null, summary: null },
      {
        userId: null,
        entity,
        entityId: null,
        action: 'import',
        before: { a: 1 },
        after: { a: 2 },
        summary: 'Donostia–San Sebastián',
      },
    ])
  })

  it('recordUpdate writes only the changed fields, and nothing when nothing changed', () => {
    const entity = freshEntity()
    const base = { userId: demo.comms().id, entity, entityId: 3, summary: 'edit' }
    expect(recordUpdate(db, base, { name: 'Brno', city: 'Brno' }, { name: 'Brno', city: 'Brno' })).toBe(false)
    expect(rowsOf(entity)).toEqual([])
    expect(recordUpdate(db, base, { name: 'Brno', city: 'Brno' }, { name: 'Brno-střed', city: 'Brno' })).toBe(
      true,
    )
    const [row] = rowsOf(entity)
    expect(row).toMatchObject({
      ...base,
      action: 'update',
      before: { name: 'Brno' },
      after: { name: 'Brno-střed' },
    })
  })

  it('recordArchive records an archive when archivedAt is set and a restore when it is cleared', () => {
    const entity = freshEntity()
    const base = { userId: demo.comms().id, entity, entityId: 5 }
    recordArchive(db, base, null, '2026-03-01T10:00:00.000Z')
    recordArchive(db, base, '2026-03-01T10:00:00.000Z', null)
    expect(rowsOf(entity).map((r) => [r.action, r.before, r.after])).toEqual([
      ['archive', { archivedAt: null }, { archivedAt: '2026-03-01T10:00:00.000Z' }],
      ['restore', { archivedAt: '2026-03-01T10:00:00.000Z' }, { archivedAt: null }],
    ])
  })
})

describe('listAudit', () => {
  function seedRows() {
    const entity = freshEntity()
    const other = freshEntity()
    const comms = demo.comms()
    const admin = demo.admin()
    const insert = (at: string, values: Partial<typeof auditLog.$inferInsert>) =>
      db
        .insert(auditLog)
        .values({ at, entity, entityId: 1, userId: comms.id, action: 'update', ...values })
        .returning({ id: auditLog.id })
        .get().id
    const ids = {
      early: insert('2031-05-08T12:00:00.000Z', {}),
      dayStart: insert('2031-05-09T00:00:00.000Z', { entityId: 2 }),
      dayEnd: insert('2031-05-10T23:59:59.000Z', { userId: admin.id, action: 'archive' }),
      nextDay: insert('2031-05-11T00:00:00.000Z', { action: 'archive' }),
      other: insert('2031-05-09T10:00:00.000Z', { entity: other }),
    }
    return { entity, other, comms, admin, ids }
  }
  const all = { limit: 100, offset: 0 }
  const ids = (result: ReturnType<typeof listAudit>) => result.rows.map((r) => r.id)

  it('without filters lists the whole log, newest first, with the total and the user name', () => {
    const { ids: seeded, comms } = seedRows()
    const total = db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .get()!.n
    const result = listAudit({}, { limit: 3, offset: 0 })
    expect(result.total).toBe(total)
    expect(ids(result)).toEqual([seeded.other, seeded.nextDay, seeded.dayEnd])
    expect(result.rows[0]).toMatchObject({ userId: comms.id, userName: 'Lucía Moreno' })
    expect(ids(listAudit({}, { limit: 2, offset: 1 }))).toEqual([seeded.nextDay, seeded.dayEnd])
  })

  it('filters by entity, record, user, action and an inclusive date range', () => {
    const { entity, other, admin, ids: seeded } = seedRows()
    const byEntity = listAudit({ entity }, all)
    expect(ids(byEntity)).toEqual([seeded.nextDay, seeded.dayEnd, seeded.dayStart, seeded.early])
    expect(byEntity.total).toBe(4)
    expect(ids(listAudit({ entity: other }, all))).toEqual([seeded.other])
    expect(ids(listAudit({ entity, entityId: 2 }, all))).toEqual([seeded.dayStart])
    expect(ids(listAudit({ entity, userId: admin.id }, all))).toEqual([seeded.dayEnd])
    expect(ids(listAudit({ entity, action: 'archive' }, all))).toEqual([seeded.nextDay, seeded.dayEnd])
    const range = listAudit({ entity, from: '2031-05-09', to: '2031-05-10' }, all)
    expect(ids(range)).toEqual([seeded.dayEnd, seeded.dayStart])
    expect(range.total).toBe(2)
    expect(ids(listAudit({ entity, from: '2031-05-11' }, all))).toEqual([seeded.nextDay])
    expect(ids(listAudit({ entity, to: '2031-05-08' }, all))).toEqual([seeded.early])
  })

  it('auditEntities lists each entity once, in order', () => {
    const { entity, other } = seedRows()
    const entities = auditEntities()
    expect(entities).toEqual([...new Set(entities)].sort())
    expect(entities).toEqual(expect.arrayContaining([entity, other]))
  })
})
