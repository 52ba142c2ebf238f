import { parse } from 'csv-parse/sync'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, actionTypes, auditLog, users } from '#db/schema'

import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

const typeId = () =>
  String(
    db.select({ id: actionTypes.id }).from(actionTypes).where(eq(actionTypes.key, 'social_post')).get()!.id,
  )
const userId = (email: string) =>
  db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
const row = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!
const archiveRows = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, id), eq(auditLog.action, 'archive')))
    .all()

/** Logs an action as the San Sebastián partner through the quick form and returns its id. */
async function logAction(title = `Archive me ${Math.random()}`) {
  const response = await app.post(
    '/actions/new',
    { typeId: typeId(), date: '2026-10-02', title },
    { as: 'partner' },
  )
  expect(response.status).toBe(302)
  return Number(response.headers.get('location')!.match(/\/actions\/(\d+)/)![1])
}

describe('archiving an action over HTTP (POST /actions/:id intent=archive)', () => {
  it.each<DemoUser>(['viewer', 'partner2'])(
    'as %s (a reader, another partner) answers 403 and leaves the action as it was',
    async (as) => {
      const id = await logAction()
      const before = row(id)
      const response = await app.post(`/actions/${id}`, { intent: 'archive' }, { as })
      expect(response.status).toBe(403)
      expect(row(id)).toEqual(before)
      expect(before.archivedAt).toBeNull()
      expect(archiveRows(id)).toEqual([])
    },
  )

  it.each<DemoUser>(['partner', 'comms'])(
    'as %s (the owning partner, the communications lead) archives it and audits entity, action, before and after',
    async (as) => {
      const id = await logAction()
      const response = await app.post(`/actions/${id}`, { intent: 'archive' }, { as })
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/actions')
      const after = row(id)
      expect(after.archivedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
      const audit = archiveRows(id)
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({
        entity: 'action',
        entityId: id,
        action: 'archive',
        userId: userId(`${as}@demo.ripple`),
        before: { archivedAt: null },
        after: { archivedAt: after.archivedAt },
      })
      // Archived: a second archive is refused as not found, and the row is unchanged.
      expect((await app.post(`/actions/${id}`, { intent: 'archive' }, { as })).status).toBe(404)
      expect(archiveRows(id)).toHaveLength(1)
    },
  )
})

describe('CSV exports never hand a spreadsheet a formula', () => {
  it('/actions.csv writes a title starting with = as text (prefixed with a quote)', async () => {
    const marker = `${Math.random().toString(36).slice(2)}`
    const title = `=HYPERLINK("https://evil.example/${marker}","click")`
    const id = await logAction(title)
    const response = await app.fetch(`/actions.csv?q=${marker}`, { as: 'comms' })
    expect(response.status).toBe(200)
    const records = parse((await response.text()).replace(/^\uFEFF/, '')) as string[][]
    const line = records.find((r) => r[0] === String(id))
    expect(line).toBeDefined()
    expect(line).toContain(`'${title}`)
    expect(line).not.toContain(title)
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})
