import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, users } from '#db/schema'
import { auditChanges, auditValue, createUser, setUserActive, updateUser } from '~/models/admin/index.server'
import { projectSchema } from '~/models/admin/schemas'

import { actorFor } from '../setup/actors'

const admin = () => actorFor('admin@demo.ripple')

describe('audit values as people read them', () => {
  it('formats lists, nested objects and empty values', () => {
    expect(auditValue(['en', 'es'])).toBe('en, es')
    expect(auditValue({ linkedin: 'https://l.in/x', mastodon: 'https://m.s/@x' })).toBe(
      'linkedin: https://l.in/x; mastodon: https://m.s/@x',
    )
    expect(auditValue([{ label: 'P1', start: '2025-01-01', end: '2025-12-31' }])).toBe(
      'label: P1; start: 2025-01-01; end: 2025-12-31',
    )
    expect(auditValue(null)).toBe('—')
    expect(auditValue([])).toBe('—')
    expect(auditValue(0)).toBe('0')
  })

  it('pairs before and after per field, leaving out the side that does not exist', () => {
    expect(auditChanges({ city: 'Gent' }, { city: 'Gand' })).toEqual([
      { field: 'city', before: 'Gent', after: 'Gand' },
    ])
    expect(auditChanges(null, { name: 'New' })).toEqual([{ field: 'name', before: null, after: 'New' }])
  })
})

describe('project settings schema', () => {
  it('drops empty period rows and sorts the rest by start', () => {
    const parsed = projectSchema.parse({
      intent: 'project',
      name: 'X',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      workingLanguages: ['en'],
      stakeholderEditPolicy: 'owner',
      reportingPeriods: [
        { label: 'B', start: '2025-07-01', end: '2025-12-31' },
        {},
        { label: 'A', start: '2025-01-01', end: '2025-06-30' },
      ],
    })
    expect(parsed.reportingPeriods.map((p) => p.label)).toEqual(['A', 'B'])
  })

  it('refuses an impossible date and a period that ends before it starts', () => {
    const result = projectSchema.safeParse({
      intent: 'project',
      name: 'X',
      startDate: '2025-02-30',
      endDate: '2025-12-31',
      workingLanguages: ['en'],
      stakeholderEditPolicy: 'owner',
      reportingPeriods: [{ label: 'A', start: '2025-06-30', end: '2025-01-01' }],
    })
    expect(result.success).toBe(false)
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}=${i.message}`)
    expect(issues).toContain('startDate=common:errors.date')
    expect(issues).toContain('reportingPeriods.0.end=common:errors.dateOrder')
  })
})

describe('user accounts', () => {
  it('refuses a duplicate e-mail in any letter case and stores it lower-cased', async () => {
    const first = await createUser(
      { email: 'Mixed@Case.eu', name: 'M', role: 'viewer', locale: 'en', password: 'long-enough-1' },
      admin(),
    )
    expect(first.ok).toBe(true)
    expect(db.select().from(users).where(eq(users.email, 'mixed@case.eu')).get()).toBeDefined()
    const second = await createUser(
      { email: 'MIXED@case.EU', name: 'M2', role: 'viewer', locale: 'en', password: 'long-enough-1' },
      admin(),
    )
    expect(second).toEqual({ ok: false, error: { field: 'email', message: 'common:errors.duplicateEmail' } })
  })

  it('clears the partner when the role is not partner, and protects the acting administrator', () => {
    const me = admin()
    const id = me.id
    expect(updateUser(id, { name: 'Ane', role: 'comms', locale: 'en' }, me)).toMatchObject({
      ok: false,
      error: { field: 'role' },
    })
    expect(setUserActive(id, false, me)).toMatchObject({ ok: false })
    const viewer = db.select().from(users).where(eq(users.email, 'viewer@demo.ripple')).get()!
    expect(setUserActive(viewer.id, false, me).ok).toBe(true)
    expect(setUserActive(viewer.id, true, me).ok).toBe(true)
    const statuses = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, viewer.id))
      .all()
      .filter((r) => r.action === 'status')
    expect(statuses).toHaveLength(2)
    expect(statuses[1].after).toEqual({ deactivatedAt: null })
  })
})
