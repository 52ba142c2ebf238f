import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { createCookie, redirect } from '@remix-run/node'
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm'

import { databaseFile, db, preparedOnce } from '#db/client'
import { sessions, users } from '#db/schema'

import { env } from './env.server'

/**
 * The session secret: SESSION_SECRET when set, otherwise a random one generated on first start
 * and kept beside the database file, so sessions survive restarts without any configuration.
 */
export function sessionSecret(): string {
  const configured = env().SESSION_SECRET
  if (configured) return configured
  const file = databaseFile()
  const secretFile = path.join(
    path.dirname(path.resolve(file === ':memory:' ? './data/x' : file)),
    '.session-secret',
  )
  try {
    return fs.readFileSync(secretFile, 'utf8').trim()
  } catch {
    const secret = crypto.randomBytes(32).toString('base64url')
    fs.mkdirSync(path.dirname(secretFile), { recursive: true })
    fs.writeFileSync(secretFile, secret, { mode: 0o600 })
    return secret
  }
}

let cookies: { plain: ReturnType<typeof createCookie>; secure: ReturnType<typeof createCookie> } | undefined
function sessionCookie(request: Request) {
  // Stryker disable next-line ConditionalExpression: `true` is equivalent (rebuilding gives the same cookies, a cache); `false` breaks every session test
  if (!cookies) {
    const base = { httpOnly: true, sameSite: 'lax' as const, path: '/', secrets: [sessionSecret()] }
    cookies = {
      plain: createCookie('ripple_session', { ...base, secure: false }),
      secure: createCookie('ripple_session', { ...base, secure: true }),
    }
  }
  return isHttps(request) ? cookies.secure : cookies.plain
}

export function isHttps(request: Request) {
  return new URL(request.url).protocol === 'https:'
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get('Cookie'))
  return typeof value === 'string' ? value : null
}

export type SessionUser = {
  id: number
  email: string
  name: string
  role: (typeof users.$inferSelect)['role']
  partnerId: number | null
  locale: (typeof users.$inferSelect)['locale']
}

const sessionUserQuery = preparedOnce((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      partnerId: users.partnerId,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(users.deactivatedAt),
      ),
    )
    .prepare(),
)

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request)
  // Stryker disable next-line ConditionalExpression: equivalent, the query finds no session for no id (saves a query)
  if (!sessionId) return null
  return sessionUserQuery().get({ sessionId, now: new Date().toISOString() }) ?? null
}

/** Starts a fresh session (a new id on every login) and returns the Set-Cookie header. */
export async function createUserSession(request: Request, userId: number): Promise<string> {
  const previous = await readSessionId(request)
  // Stryker disable next-line ConditionalExpression: equivalent, deleting the session with no id deletes nothing
  if (previous) db.delete(sessions).where(eq(sessions.id, previous)).run()
  db.delete(sessions).where(lt(sessions.expiresAt, new Date().toISOString())).run()
  const id = crypto.randomBytes(32).toString('base64url')
  const maxAge = env().SESSION_MAX_AGE_DAYS * 24 * 60 * 60
  db.insert(sessions)
    .values({ id, userId, expiresAt: new Date(Date.now() + maxAge * 1000).toISOString() })
    .run()
  return sessionCookie(request).serialize(id, { maxAge })
}

export async function destroyUserSession(request: Request): Promise<string> {
  const id = await readSessionId(request)
  // Stryker disable next-line ConditionalExpression: equivalent, deleting the session with no id deletes nothing
  if (id) db.delete(sessions).where(eq(sessions.id, id)).run()
  return sessionCookie(request).serialize('', { maxAge: 0 })
}

export async function logout(request: Request) {
  return redirect('/login', { headers: { 'Set-Cookie': await destroyUserSession(request) } })
}

/** Ends every session of a user (used when an administrator deactivates them). */
export function endSessionsOf(userId: number) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run()
}
