import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { supportedLocales } from '~/i18n/i18n'
import { localeFromAcceptLanguage } from '~/i18n/resources.server'

const dir = path.resolve('app/locales')

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

describe('interface languages', () => {
  const namespaces = fs.readdirSync(path.join(dir, 'en')).filter((f) => f.endsWith('.json'))

  it.each(namespaces)('%s has the same keys in every language, none empty', (file) => {
    const en = JSON.parse(fs.readFileSync(path.join(dir, 'en', file), 'utf8'))
    for (const locale of supportedLocales) {
      const other = JSON.parse(fs.readFileSync(path.join(dir, locale, file), 'utf8'))
      expect(keys(other).sort(), `${locale}/${file}`).toEqual(keys(en).sort())
      const empty = keys(other).filter(
        (k) =>
          k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], other) ===
          '',
      )
      expect(empty, `${locale}/${file} empty strings`).toEqual([])
    }
  })

  it('has no namespace in one language only', () => {
    for (const locale of supportedLocales) {
      expect(fs.readdirSync(path.join(dir, locale)).sort()).toEqual(
        fs.readdirSync(path.join(dir, 'en')).sort(),
      )
    }
  })

  it('picks the language from Accept-Language', () => {
    expect(localeFromAcceptLanguage('es-ES,es;q=0.9,en;q=0.8')).toBe('es')
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9')).toBe('en')
    expect(localeFromAcceptLanguage('de;q=0.5,es;q=0.7')).toBe('es')
    expect(localeFromAcceptLanguage(null)).toBe('en')
  })
})
