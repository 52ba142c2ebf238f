import fs from 'node:fs'
import path from 'node:path'

import {
  createI18n,
  defaultLocale,
  isSupportedLocale,
  type LocaleResources,
  type SupportedLocale,
  supportedLocales,
} from './i18n'

/**
 * Every interface string lives in app/locales/<locale>/<namespace>.json. Each area of the app
 * owns its namespace file; this module reads them all, so adding a namespace needs no registry.
 */
const localesDir = path.resolve(process.cwd(), 'app/locales')
let cache: Map<SupportedLocale, LocaleResources> | undefined

function load(): Map<SupportedLocale, LocaleResources> {
  const map = new Map<SupportedLocale, LocaleResources>()
  for (const locale of supportedLocales) {
    const dir = path.join(localesDir, locale)
    const resources: LocaleResources = {}
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      resources[file.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
    }
    map.set(locale, resources)
  }
  return map
}

export function resourcesFor(locale: SupportedLocale): LocaleResources {
  if (!cache || process.env.NODE_ENV === 'development') cache = load()
  return cache.get(locale) ?? cache.get(defaultLocale)!
}

/** A translate function for server-side text (CSV headers, import reports, e-mails). */
export function serverT(locale: SupportedLocale) {
  return createI18n(locale, resourcesFor(locale)).t
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): SupportedLocale {
  if (!header) return defaultLocale
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=')
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q) : 1 }
    })
    .sort((a, b) => b.q - a.q)
  return ranked.map((r) => r.lang).find(isSupportedLocale) ?? defaultLocale
}
