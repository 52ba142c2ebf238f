import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'

export const supportedLocales = ['en', 'es'] as const
export type SupportedLocale = (typeof supportedLocales)[number]
export const defaultLocale: SupportedLocale = 'en'

export type LocaleResources = Record<string, Record<string, unknown>>

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)
}

/**
 * One i18next instance per render (server) or per locale (browser), initialised synchronously
 * from the resources the root loader sent, so the server and the browser render the same text.
 */
export function createI18n(locale: SupportedLocale, resources: LocaleResources): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: resources },
    ns: Object.keys(resources),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // No advertisement in the server's log (i18next 25 prints one on first init).
    showSupportNotice: false,
  })
  return instance
}
