import { and, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, outcomes, users } from '#db/schema'

import { type DemoUser, useTestApp } from './app'

/*
 * The outcomes register per role over HTTP: who may list, propose, edit, verify and return, and
 * that every refusal is a 403 that leaves the record (and the audit log) as it was.
 */
const app = useTestApp()

const roles: DemoUser[] = ['admin', 'comms', 'partner', 'partner2', 'viewer']
const row = (id: number) => db.select().from(outcomes).where(eq(outcomes.id, id)).get()!
const audits = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'outcome'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .all()
const userId = (user: DemoUser) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, `${user}@demo.ripple`))
    .get()!.id

const form = (title: string) => ({
  type: 'practice_adopted',
  date: '2026-04-21',
  title,
  description: 'Rada Miasta Łodzi przyjęła uchwałę; η Κατερίνη ακολουθεί.',
})

/** Proposes an outcome as the San Sebastián partner over HTTP and returns its id. */
async function propose(title = `Donostia adopts the guide ${Math.random()}`) {
  const response = await app.post('/results/new', form(title), { as: 'partner' })
  expect(response.status).toBe(302)
  return Number(response.headers.get('location')!.match(/\/results\/(\d+)/)![1])
}

describe('/results per role', () => {
  it.each(roles)('the list answers 200 to %s', async (as) => {
    expect((await app.fetch('/results', { as })).status).toBe(200)
  })

  it.each<[DemoUser, number]>([
    ['comms', 200],
    ['partner', 200],
    ['viewer', 403],
  ])('the new form answers %s with %i', async (as, status) => {
    expect((await app.fetch('/results/new', { as })).status).toBe(status)
  })

  it('a partner proposes: pending, its own partner, audited with the record', async () => {
    const title = `Gdańsk pilots the guide ${Math.random()}`
    const id = await propose(title)
    expect(row(id)).toMatchObject({ title, status: 'pending', createdBy: userId('partner') })
    expect(audits(id)[0]).toMatchObject({
      entity: 'outcome',
      action: 'create',
      userId: userId('partner'),
      after: { title, status: 'pending' },
    })
  })

  it('a viewer may not propose: 403 and nothing written', async () => {
    const title = `Viewer outcome ${Math.random()}`
    const response = await app.post('/results/new', form(title), { as: 'viewer' })
    expect(response.status).toBe(403)
    expect(db.select().from(outcomes).where(eq(outcomes.title, title)).all()).toEqual([])
  })

  it.each<[DemoUser, number]>([
    ['partner', 200],
    ['comms', 200],
    ['partner2', 403],
    ['viewer', 403],
  ])('the edit form of a pending outcome answers %s with %i', async (as, status) => {
    const id = await propose()
    expect((await app.fetch(`/results/${id}/edit`, { as })).status).toBe(status)
  })

  it.each<DemoUser>(['partner2', 'viewer'])('an edit by %s is refused, the record unchanged', async (as) => {
    const id = await propose()
    const before = row(id)
    const response = await app.post(`/results/${id}/edit`, form('Hijacked'), { as })
    expect(response.status).toBe(403)
    expect(row(id)).toEqual(before)
    expect(audits(id)).toHaveLength(1)
  })

  it.each<[DemoUser, string]>([
    ['partner', 'verify'],
    ['partner2', 'verify'],
    ['viewer', 'verify'],
    ['partner', 'return'],
    ['viewer', 'return'],
  ])('%s may not %s: 403, the record and its audit unchanged', async (as, intent) => {
    const id = await propose()
    const before = row(id)
    const response = await app.post(`/results/${id}`, { intent, comment: 'Looks fine to me' }, { as })
    expect(response.status).toBe(403)
    expect(row(id)).toEqual(before)
    expect(audits(id)).toHaveLength(1)
  })

  it('the comms lead verifies; a second verify is a conflict (409) that changes nothing', async () => {
    const id = await propose()
    const response = await app.post(`/results/${id}`, { intent: 'verify' }, { as: 'comms' })
    expect(response.status).toBe(302)
    const verified = row(id)
    expect(verified).toMatchObject({ status: 'verified', verifiedBy: userId('comms') })
    expect(audits(id)[0]).toMatchObject({
      action: 'status',
      userId: userId('comms'),
      before: { status: 'pending', verifiedBy: null },
      after: { status: 'verified', verifiedBy: userId('comms') },
    })
    expect((await app.post(`/results/${id}`, { intent: 'verify' }, { as: 'comms' })).status).toBe(409)
    expect(row(id)).toEqual(verified)
    // Verified: closed to its partner.
    expect((await app.fetch(`/results/${id}/edit`, { as: 'partner' })).status).toBe(403)
  })

  it('returning needs a comment (400, unchanged); with one the outcome is returned', async () => {
    const id = await propose()
    const before = row(id)
    expect(
      (await app.post(`/results/${id}`, { intent: 'return', comment: ' ' }, { as: 'comms' })).status,
    ).toBe(400)
    expect(row(id)).toEqual(before)
    const comment = 'Dołącz uchwałę rady, prosimy'
    expect((await app.post(`/results/${id}`, { intent: 'return', comment }, { as: 'comms' })).status).toBe(
      302,
    )
    expect(row(id)).toMatchObject({ status: 'returned', returnComment: comment })
    expect(audits(id)[0]).toMatchObject({
      action: 'status',
      before: { status: 'pending', returnComment: null },
      after: { status: 'returned', returnComment: comment },
    })
  })

  it('hostile ids answer 4xx, never 500', async () => {
    for (const path of ['/results/abc', '/results/0', '/results/99999999', '/results/-1/edit']) {
      const status = (await app.fetch(path, { as: 'comms' })).status
      expect(status, path).toBeGreaterThanOrEqual(400)
      expect(status, path).toBeLessThan(500)
    }
  })
})
