import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { sessions, users } from '#db/schema'

import { useTestApp } from './app'

const app = useTestApp()

describe("an administrator's password reset", () => {
  it('ends every session of that user: a stolen cookie stops working, the new password signs in', async () => {
    const viewer = db.select({ id: users.id }).from(users).where(eq(users.email, 'viewer@demo.ripple')).get()!
    // Two sessions of the viewer (two browsers, or a thief's copy), and the admin's own.
    const stolen = await app.cookieFor('viewer')
    expect((await app.fetch('/', { headers: { Cookie: stolen } })).status).toBe(200)
    const admin = await app.cookieFor('admin')

    const reset = await app.post(
      `/admin/users/${viewer.id}`,
      { intent: 'password', password: 'a-brand-new-secret-1' },
      { headers: { Cookie: admin } },
    )
    expect(reset.status).toBe(302)

    expect(db.select().from(sessions).where(eq(sessions.userId, viewer.id)).all()).toEqual([])
    const after = await app.fetch('/', { headers: { Cookie: stolen } })
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toBe('/login')
    // The administrator who reset it stays signed in.
    expect((await app.fetch('/admin/users', { headers: { Cookie: admin } })).status).toBe(200)

    const signIn = await app.post('/login', { email: 'viewer@demo.ripple', password: 'a-brand-new-secret-1' })
    expect(signIn.status).toBe(302)
  })
})
