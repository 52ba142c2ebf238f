import crypto from 'node:crypto'

import { env } from '~/utils/env.server'
import { sessionSecret } from '~/utils/session.server'

import { isNotificationKind } from './kinds'
import type { NotificationKind } from './types'

/** The app's public address for links in messages: APP_URL, or this server on localhost. */
export function appUrl(): string {
  const configured = env().APP_URL
  return (configured ?? `http://localhost:${env().PORT}`).replace(/\/+$/, '')
}

export function absoluteUrl(path: string): string {
  return `${appUrl()}${path}`
}

function signature(userId: number, kind: string): string {
  return crypto
    .createHmac('sha256', sessionSecret())
    .update(`unsubscribe:${userId}:${kind}`)
    .digest('base64url')
}

/** The signed one-click link that switches one kind off for one user, without signing in. */
export function unsubscribeUrl(userId: number, kind: NotificationKind): string {
  const params = new URLSearchParams({ u: String(userId), k: kind, s: signature(userId, kind) })
  return absoluteUrl(`/unsubscribe?${params}`)
}

/** Checks a link's user, kind and signature; null when anything is missing or was changed. */
export function verifyUnsubscribe(params: {
  u?: string | null
  k?: string | null
  s?: string | null
}): { userId: number; kind: NotificationKind } | null {
  const { u, k, s } = params
  if (!u || !k || !s || !/^[1-9]\d{0,9}$/.test(u) || !isNotificationKind(k)) return null
  const userId = Number(u)
  const expected = Buffer.from(signature(userId, k))
  const given = Buffer.from(s)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return { userId, kind: k }
}
