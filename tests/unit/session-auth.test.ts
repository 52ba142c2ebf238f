import fs from 'node:fs'
import path from 'node:path'

import { createCookie } from '@remix-run/node'
import { and, eq, like } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'

import type * as DbClient from '#db/client'
import { db } from '#db/client'
import { loginFailures, sessions, users } from '#db/schema'
import { DEMO_PASSWORD } from '#db/seed/core'
import {
  forbidden,
  hashPassword,
  invariantResponse,
  orForbidden,
  requirePermission,
  requireUser,
  verifyLogin,
} from '~/utils/auth.server'
import { ForbiddenError } from '~/utils/permissions'
import {
  createUserSession,
  destroyUserSession,
  endSessionsOf,
  getSessionUser,
  isHttps,
  logout,
  readSessionId,
  sessionSecret,
} from '~/utils/session.server'

const userId = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!.id
const sessionsOf = (id: number) => db.select().from(sessions).where(eq(sessions.userId, id)).all()
const withCookie = (setCookie: string, url = 'http://ripple.test/') =>
  new Request(url, { headers: { Cookie: setCookie.split(';')[0] } })

async function signIn(email: string, url = 'http://ripple.test/') {
  const setCookie = await createUserSession(new Request(url), userId(email))
  return { setCookie, request: withCookie(setCookie, url) }
}

/** session.server.ts loaded anew, so its cached cookie pair is built by the calling test. */
async function freshSession() {
  vi.resetModules()
  return import('~/utils/session.server')
}

async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('sessions', () => {
  it('uses SESSION_SECRET when set', () => {
    expect(sessionSecret()).toBe('test-session-secret-0123456789')
  })

  it('without SESSION_SECRET keeps a random secret beside the database, readable only by its owner', async () => {
    const saved = process.env.SESSION_SECRET
    delete process.env.SESSION_SECRET
    try {
      vi.resetModules()
      const fresh = await import('~/utils/session.server')
      const file = path.join(path.dirname(path.resolve(process.env.DATABASE_URL!)), '.session-secret')
      fs.rmSync(file, { force: true })
      const secret = fresh.sessionSecret()
      expect(secret).toMatch(/^[\w-]{43}$/)
      expect(fs.readFileSync(file, 'utf8')).toBe(secret)
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
      expect(fresh.sessionSecret()).toBe(secret)
      fs.writeFileSync(file, '  kept-secret-value-0123456789\n')
      expect(fresh.sessionSecret()).toBe('kept-secret-value-0123456789')
      fs.rmSync(file)
    } finally {
      process.env.SESSION_SECRET = saved
      vi.resetModules()
    }
  })

  it('an in-memory database keeps its secret under ./data', async () => {
    const saved = process.env.SESSION_SECRET
    delete process.env.SESSION_SECRET
    try {
      vi.resetModules()
      vi.doMock('#db/client', async (original) => ({
        ...(await original<typeof DbClient>()),
        databaseFile: () => ':memory:',
      }))
      const fresh = await import('~/utils/session.server')
      const read = vi.spyOn(fs, 'readFileSync').mockReturnValue('memory-secret-0123456789\n')
      expect(fresh.sessionSecret()).toBe('memory-secret-0123456789')
      expect(read).toHaveBeenCalledWith(path.resolve('data/.session-secret'), 'utf8')
    } finally {
      process.env.SESSION_SECRET = saved
      vi.doUnmock('#db/client')
      vi.resetModules()
    }
  })

  it('knows https from http', () => {
    expect(isHttps(new Request('https://ripple.test/x'))).toBe(true)
    expect(isHttps(new Request('http://ripple.test/x'))).toBe(false)
  })

  it('starts a session: a signed, http-only, lax cookie for SESSION_MAX_AGE_DAYS and a row that expires then', async () => {
    const id = userId('viewer@demo.ripple')
    const before = Date.now()
    const { setCookie, request } = await signIn('viewer@demo.ripple')
    expect(setCookie).toMatch(/^ripple_session=[^;]+; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/)
    const sessionId = await readSessionId(request)
    expect(sessionId).toMatch(/^[\w-]{43}$/)
    const row = db.select().from(sessions).where(eq(sessions.id, sessionId!)).get()!
    expect(row.userId).toBe(id)
    const expires = Date.parse(row.expiresAt)
    expect(expires).toBeGreaterThanOrEqual(before + 1209600_000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 1209600_000)
  })

  it('marks the cookie Secure over https only', async () => {
    // A fresh module: the cookie pair is built once per module, here inside this test.
    const fresh = await freshSession()
    const secure = await fresh.createUserSession(
      new Request('https://ripple.test/'),
      userId('viewer@demo.ripple'),
    )
    expect(secure).toMatch(/^ripple_session=[^;]+; Max-Age=1209600; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
    const plain = await fresh.createUserSession(
      new Request('http://ripple.test/'),
      userId('viewer@demo.ripple'),
    )
    expect(plain).not.toContain('Secure')
  })

  it('a cookie signed with another secret, or none, is no session', async () => {
    expect(await readSessionId(new Request('http://ripple.test/'))).toBeNull()
    expect(
      await readSessionId(new Request('http://ripple.test/', { headers: { Cookie: 'ripple_session=abc' } })),
    ).toBeNull()
    expect(await getSessionUser(new Request('http://ripple.test/'))).toBeNull()
  })

  it('accepts only a session id signed with the secret', async () => {
    const fresh = await freshSession()
    const setCookie = await fresh.createUserSession(
      new Request('https://ripple.test/'),
      userId('viewer@demo.ripple'),
    )
    const sessionId = (await fresh.readSessionId(withCookie(setCookie, 'https://ripple.test/')))!
    expect(sessionId).toMatch(/^[\w-]{43}$/)
    const unsigned = await createCookie('ripple_session').serialize(sessionId)
    const otherSecret = await createCookie('ripple_session', {
      secrets: ['another-secret-0123456789'],
    }).serialize(sessionId)
    const notText = await createCookie('ripple_session', {
      secrets: ['test-session-secret-0123456789'],
    }).serialize({ id: sessionId })
    for (const url of ['http://ripple.test/', 'https://ripple.test/'])
      for (const cookie of [unsigned, otherSecret, notText]) {
        const forged = withCookie(cookie, url)
        expect(await fresh.readSessionId(forged)).toBeNull()
        expect(await fresh.getSessionUser(forged)).toBeNull()
      }
  })

  it('reads the signed-in user, and no one once the session expired or the user was deactivated', async () => {
    const { request } = await signIn('partner@demo.ripple')
    const user = await getSessionUser(request)
    const row = db.select().from(users).where(eq(users.email, 'partner@demo.ripple')).get()!
    expect(user).toEqual({
      id: row.id,
      email: row.email,
      name: row.name,
      role: 'partner',
      partnerId: row.partnerId,
      locale: row.locale,
    })
    const sessionId = (await readSessionId(request))!
    db.update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(sessions.id, sessionId))
      .run()
    expect(await getSessionUser(request)).toBeNull()
    db.update(sessions)
      .set({ expiresAt: new Date(Date.now() + 60_000).toISOString() })
      .where(eq(sessions.id, sessionId))
      .run()
    expect(await getSessionUser(request)).not.toBeNull()
    db.update(users).set({ deactivatedAt: new Date().toISOString() }).where(eq(users.id, row.id)).run()
    expect(await getSessionUser(request)).toBeNull()
    db.update(users).set({ deactivatedAt: null }).where(eq(users.id, row.id)).run()
  })

  it('a new login replaces the session it came with and clears expired sessions, keeping live ones', async () => {
    const comms = userId('comms@demo.ripple')
    const first = await signIn('comms@demo.ripple')
    const other = await signIn('comms@demo.ripple')
    db.insert(sessions)
      .values({ id: 'expired-one', userId: comms, expiresAt: new Date(Date.now() - 1).toISOString() })
      .run()
    const next = await createUserSession(first.request, comms)
    const ids = sessionsOf(comms).map((s) => s.id)
    expect(ids).not.toContain(await readSessionId(first.request))
    expect(ids).not.toContain('expired-one')
    expect(ids).toContain(await readSessionId(other.request))
    expect(ids).toContain(await readSessionId(withCookie(next)))
  })

  it('logging out deletes the session and clears the cookie', async () => {
    const { request } = await signIn('viewer@demo.ripple')
    const sessionId = (await readSessionId(request))!
    const response = await logout(request)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login')
    expect(response.headers.get('Set-Cookie')).toMatch(
      /^ripple_session=[^;]*; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/,
    )
    expect(await readSessionId(withCookie(response.headers.get('Set-Cookie')!))).toBe('')
    expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()).toBeUndefined()
    expect(await getSessionUser(request)).toBeNull()
    expect(await destroyUserSession(new Request('http://ripple.test/'))).toMatch(/Max-Age=0/)
  })

  it("ends every session of one user and no one else's", async () => {
    const viewer = userId('viewer@demo.ripple')
    const admin = userId('admin@demo.ripple')
    await signIn('viewer@demo.ripple')
    await signIn('admin@demo.ripple')
    endSessionsOf(viewer)
    expect(sessionsOf(viewer)).toEqual([])
    expect(sessionsOf(admin).length).toBeGreaterThan(0)
  })
})

describe('passwords and login', () => {
  const address = '203.0.113.7'
  const clearFailures = () => db.delete(loginFailures).run()
  const fail = (key: string, n: number, at = Date.now()) =>
    db
      .insert(loginFailures)
      .values(Array.from({ length: n }, () => ({ key, at })))
      .run()

  it('hashes with argon2id, and the hash checks', async () => {
    const hashed = await hashPassword('correct horse')
    expect(hashed).toMatch(/^\$argon2id\$/)
    const email = 'hash-check@demo.ripple'
    db.insert(users).values({ email, name: 'Hash', role: 'viewer', passwordHash: hashed }).run()
    expect((await verifyLogin({ email, password: 'correct horse', clientAddress: address })).ok).toBe(true)
    expect((await verifyLogin({ email, password: 'correct horsE', clientAddress: address })).ok).toBe(false)
    clearFailures()
  })

  it('a stored hash that cannot be read is a failed login, not an error', async () => {
    clearFailures()
    const email = 'broken-hash@demo.ripple'
    db.insert(users).values({ email, name: 'Broken', role: 'viewer', passwordHash: 'not-a-hash' }).run()
    expect(await verifyLogin({ email, password: 'anything', clientAddress: address })).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('signs in with the right password, whatever the case of the e-mail', async () => {
    clearFailures()
    const result = await verifyLogin({
      email: 'Partner@Demo.Ripple',
      password: DEMO_PASSWORD,
      clientAddress: address,
    })
    const row = db.select().from(users).where(eq(users.email, 'partner@demo.ripple')).get()!
    expect(result).toEqual({
      ok: true,
      user: {
        id: row.id,
        email: row.email,
        name: row.name,
        role: 'partner',
        partnerId: row.partnerId,
        locale: row.locale,
      },
    })
    expect(db.select().from(loginFailures).all()).toEqual([])
  })

  it('answers the same for a wrong password, an unknown e-mail and a deactivated account, and counts each failure under the e-mail and the address', async () => {
    clearFailures()
    const viewer = userId('viewer@demo.ripple')
    const invalid = { ok: false, reason: 'invalid' }
    const before = Date.now()
    expect(
      await verifyLogin({ email: 'Viewer@demo.ripple', password: 'nope', clientAddress: address }),
    ).toEqual(invalid)
    expect(
      await verifyLogin({ email: 'nobody@demo.ripple', password: DEMO_PASSWORD, clientAddress: address }),
    ).toEqual(invalid)
    db.update(users).set({ deactivatedAt: new Date().toISOString() }).where(eq(users.id, viewer)).run()
    expect(
      await verifyLogin({ email: 'viewer@demo.ripple', password: DEMO_PASSWORD, clientAddress: address }),
    ).toEqual(invalid)
    db.update(users).set({ deactivatedAt: null }).where(eq(users.id, viewer)).run()
    const rows = db.select().from(loginFailures).all()
    expect(rows.map((r) => r.key).sort()).toEqual([
      'email:nobody@demo.ripple',
      'email:viewer@demo.ripple',
      'email:viewer@demo.ripple',
      `ip:${address}`,
      `ip:${address}`,
      `ip:${address}`,
    ])
    for (const row of rows) {
      expect(row.at).toBeGreaterThanOrEqual(before)
      expect(row.at).toBeLessThanOrEqual(Date.now())
    }
  })

  it('refuses before checking from the 10th recent failure for one e-mail, counting only the last minute', async () => {
    clearFailures()
    fail('email:admin@demo.ripple', 9)
    fail('email:admin@demo.ripple', 20, Date.now() - 61_000)
    const login = () =>
      verifyLogin({ email: 'ADMIN@demo.ripple', password: DEMO_PASSWORD, clientAddress: address })
    expect((await login()).ok).toBe(true)
    fail('email:admin@demo.ripple', 1)
    expect(await login()).toEqual({ ok: false, reason: 'throttled' })
    expect(
      db
        .select()
        .from(loginFailures)
        .where(eq(loginFailures.key, `ip:${address}`))
        .all(),
    ).toEqual([])
  })

  it('refuses from the 30th recent failure for one address, whatever the e-mail', async () => {
    clearFailures()
    fail(`ip:${address}`, 29)
    const login = (clientAddress: string) =>
      verifyLogin({ email: 'comms@demo.ripple', password: DEMO_PASSWORD, clientAddress })
    expect((await login(address)).ok).toBe(true)
    fail(`ip:${address}`, 1)
    expect(await login(address)).toEqual({ ok: false, reason: 'throttled' })
    expect((await login('198.51.100.1')).ok).toBe(true)
  })

  it('a failure clears failures older than ten minutes and keeps newer ones', async () => {
    clearFailures()
    fail('email:old@demo.ripple', 1, Date.now() - 601_000)
    fail('email:recent@demo.ripple', 1, Date.now() - 590_000)
    await verifyLogin({ email: 'x@demo.ripple', password: 'x', clientAddress: address })
    const keys = db
      .select()
      .from(loginFailures)
      .where(like(loginFailures.key, 'email:%'))
      .all()
      .map((r) => r.key)
    expect(keys.sort()).toEqual(['email:recent@demo.ripple', 'email:x@demo.ripple'])
    expect(
      db
        .select()
        .from(loginFailures)
        .where(and(eq(loginFailures.key, 'email:old@demo.ripple')))
        .all(),
    ).toEqual([])
  })
})

describe('route guards', () => {
  it('sends a visitor without a session to /login, coming back to the page afterwards', async () => {
    const home = (await thrown(() => requireUser(new Request('http://ripple.test/')))) as Response
    expect(home.status).toBe(302)
    expect(home.headers.get('Location')).toBe('/login')
    const page = (await thrown(() =>
      requireUser(new Request('http://ripple.test/actions?status=draft&x=1')),
    )) as Response
    expect(page.headers.get('Location')).toBe('/login?redirectTo=%2Factions%3Fstatus%3Ddraft%26x%3D1')
  })

  it('returns the signed-in user, and 403 without the permission', async () => {
    const { request } = await signIn('viewer@demo.ripple')
    expect((await requireUser(request)).email).toBe('viewer@demo.ripple')
    expect((await requirePermission(request, 'action:read')).role).toBe('viewer')
    const refused = (await thrown(() => requirePermission(request, 'action:create'))) as Response
    expect(refused.status).toBe(403)
    expect(refused.statusText).toBe('Forbidden')
    expect(await refused.json()).toEqual({ message: 'forbidden' })
    const anonymous = (await thrown(() =>
      requirePermission(new Request('http://ripple.test/plan'), 'plan:read'),
    )) as Response
    expect(anonymous.headers.get('Location')).toBe('/login?redirectTo=%2Fplan')
  })

  it('forbidden answers 403 with its message', async () => {
    const response = forbidden('no way')
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ message: 'no way' })
  })

  it('orForbidden passes results through, turns ForbiddenError into 403 and rethrows anything else', async () => {
    expect(orForbidden(() => 42)).toBe(42)
    const refused = (await thrown(() =>
      orForbidden(() => {
        throw new ForbiddenError('missing x')
      }),
    )) as Response
    expect(refused).toBeInstanceOf(Response)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ message: 'forbidden' })
    const other = new Error('boom')
    expect(
      await thrown(() =>
        orForbidden(() => {
          throw other
        }),
      ),
    ).toBe(other)
  })

  it('invariantResponse throws 404 (or the given status) for a missing value only', async () => {
    expect(() => invariantResponse(1)).not.toThrow()
    expect(() => invariantResponse('x', 'gone', 410)).not.toThrow()
    for (const missing of [null, undefined, false, 0, '']) {
      const response = (await thrown(() => invariantResponse(missing))) as Response
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ message: 'not_found' })
    }
    const gone = (await thrown(() => invariantResponse(null, 'gone', 410))) as Response
    expect(gone.status).toBe(410)
    expect(await gone.json()).toEqual({ message: 'gone' })
  })
})
