import { hash, verify } from '@node-rs/argon2'
import { json, redirect } from '@remix-run/node'
import { and, eq, gt, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { loginFailures, users } from '#db/schema'

import { can, ForbiddenError, type Permission } from './permissions'
import { getSessionUser, type SessionUser } from './session.server'

export type { SessionUser }

export async function hashPassword(password: string) {
  return hash(password)
}

// A real hash of a random string: checking against it makes an unknown e-mail cost as much as a known one.
const dummyHash =
  // Stryker disable next-line StringLiteral: equivalent, any string fails the check; only the timing differs
  '$argon2id$v=19$m=19456,t=2,p=1$S1+We+J76xtBNF3pLRQ3MQ$rkmbhaRI2s1OdUiuTECDNLCk39REC4nghxW97Y0B6MM'

const FAILURE_WINDOW_MS = 60_000
const MAX_FAILURES_PER_EMAIL = 10
// Higher: a city hall's staff may all sign in from one address.
const MAX_FAILURES_PER_ADDRESS = 30

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; reason: 'invalid' | 'throttled' }

function recentFailures(key: string, now: number) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, now - FAILURE_WINDOW_MS)))
    .get()!.n
}

/**
 * Checks an e-mail and password. The same answer for an unknown e-mail and a wrong password;
 * 10 failures a minute for one e-mail (30 for one address) are refused before checking.
 */
export async function verifyLogin({
  email,
  password,
  clientAddress,
}: {
  email: string
  password: string
  clientAddress: string
}): Promise<LoginResult> {
  const now = Date.now()
  const keys = [`email:${email.toLowerCase()}`, `ip:${clientAddress}`]
  if (
    recentFailures(keys[0], now) >= MAX_FAILURES_PER_EMAIL ||
    recentFailures(keys[1], now) >= MAX_FAILURES_PER_ADDRESS
  ) {
    return { ok: false, reason: 'throttled' }
  }

  const user = db.select().from(users).where(eq(users.email, email.toLowerCase())).get()
  // Stryker disable next-line ArrowFunction: equivalent, undefined is as falsy as false
  const valid = await verify(user?.passwordHash ?? dummyHash, password).catch(() => false)
  if (!user || !valid || user.deactivatedAt) {
    db.insert(loginFailures)
      .values(keys.map((key) => ({ key, at: now })))
      .run()
    db.delete(loginFailures)
      .where(sql`${loginFailures.at} < ${now - 10 * FAILURE_WINDOW_MS}`)
      .run()
    return { ok: false, reason: 'invalid' }
  }
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      partnerId: user.partnerId,
      locale: user.locale,
    },
  }
}

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (!user) {
    const url = new URL(request.url)
    const back = url.pathname + url.search
    throw redirect(back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`)
  }
  return user
}

/** The signed-in user if they hold the permission; otherwise 403 (or the login redirect). */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!can(user, permission)) throw forbidden()
  return user
}

export function forbidden(message = 'forbidden') {
  return json({ message }, { status: 403, statusText: 'Forbidden' })
}

/**
 * Runs a domain command and answers 403 when its policy refuses (ForbiddenError), so a route
 * never repeats the policy: `const id = orForbidden(() => createAction(tx, input, user))`.
 */
export function orForbidden<T>(command: () => T): T {
  const answer = (error: unknown): never => {
    if (error instanceof ForbiddenError) throw forbidden()
    throw error
  }
  try {
    const result = command()
    // An async command (a long import step) rejects instead of throwing.
    return result instanceof Promise ? (result.catch(answer) as T) : result
  } catch (error) {
    return answer(error)
  }
}

/** Throws a 404 response when the value is missing. */
export function invariantResponse<T>(
  value: T | null | undefined | false,
  message = 'not_found',
  status = 404,
): asserts value is T {
  if (!value) throw json({ message }, { status })
}
