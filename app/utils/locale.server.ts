import { createCookie } from '@remix-run/node'

import { defaultLocale, isSupportedLocale, type SupportedLocale } from '~/i18n/i18n'
import { localeFromAcceptLanguage } from '~/i18n/resources.server'

import type { SessionUser } from './session.server'

/** Remembers the language chosen before signing in (after, it is stored on the user). */
export const localeCookie = createCookie('ripple_lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

export async function resolveLocale(request: Request, user: SessionUser | null): Promise<SupportedLocale> {
  if (user && isSupportedLocale(user.locale)) return user.locale
  const fromCookie = await localeCookie.parse(request.headers.get('Cookie'))
  if (isSupportedLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? defaultLocale
}
