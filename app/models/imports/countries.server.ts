import { countryCodes } from '~/models/stakeholders/index.server'
import { nameKey } from '~/utils/text'

// ---------------------------------------------------------------------------------------------
// Countries and languages: names in the languages users write spreadsheets in, to ISO codes.

const displayLocales = ['en', 'es', 'fr', 'pt', 'it', 'de', 'nl', 'ca']
let countryIndex: Map<string, string> | undefined
let languageIndex: Map<string, string> | undefined

// Names used by ISO 3166 lists and by the universities file that Intl does not produce.
const countryAliases: Record<string, string> = {
  'bolivia plurinational state of': 'BO',
  'congo the democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  congo: 'CG',
  'cote d ivoire': 'CI',
  'ivory coast': 'CI',
  iran: 'IR',
  'iran islamic republic of': 'IR',
  'czech republic': 'CZ',
  'holy see vatican city state': 'VA',
  'korea democratic people s republic of': 'KP',
  'korea republic of': 'KR',
  'south korea': 'KR',
  'north korea': 'KP',
  kosovo: 'XK',
  'lao people s democratic republic': 'LA',
  macao: 'MO',
  macau: 'MO',
  'moldova republic of': 'MD',
  'palestine state of': 'PS',
  'russian federation': 'RU',
  'syrian arab republic': 'SY',
  swaziland: 'SZ',
  'taiwan province of china': 'TW',
  'tanzania united republic of': 'TZ',
  turkiye: 'TR',
  turkey: 'TR',
  'venezuela bolivarian republic of': 'VE',
  'viet nam': 'VN',
  vietnam: 'VN',
  'virgin islands british': 'VG',
  'virgin islands u s': 'VI',
  'brunei darussalam': 'BN',
  'cape verde': 'CV',
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'the netherlands': 'NL',
  holland: 'NL',
  macedonia: 'MK',
  'north macedonia': 'MK',
}

/** ISO 3166-1 alpha-2 code for a code or a country name in English, Spanish, French, Portuguese and more; null if unknown. */
export function countryCode(value: string): string | null {
  const v = value.trim()
  if (!v) return null
  if (!countryIndex) {
    countryIndex = new Map(Object.entries(countryAliases))
    const codes = countryCodes
    for (const locale of displayLocales) {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
      for (const code of codes) {
        const key = nameKey(names.of(code))
        if (key && !countryIndex.has(key)) countryIndex.set(key, code)
      }
    }
    for (const code of codes) countryIndex.set(code.toLowerCase(), code)
  }
  if (/^[A-Za-z]{2}$/.test(v)) {
    const code = v.toUpperCase()
    if (code === 'UK') return 'GB'
    return countryIndex.get(code.toLowerCase()) ? code : null
  }
  return countryIndex.get(nameKey(v)) ?? null
}

/** ISO 639-1 code for a code ("es") or a language name ("Spanish", "español", "espagnol"); null if unknown. */
export function languageCode(value: string): string | null {
  const v = value.trim()
  if (!v) return null
  if (!languageIndex) {
    languageIndex = new Map()
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })
    const codes: string[] = []
    for (let a = 97; a <= 122; a++)
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b)
        if (english.of(code) !== code) codes.push(code)
      }
    for (const locale of displayLocales) {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })
      for (const code of codes) {
        const key = nameKey(names.of(code))
        if (key && !languageIndex.has(key)) languageIndex.set(key, code)
      }
    }
    for (const code of codes) languageIndex.set(code, code)
  }
  const lower = v.toLowerCase()
  if (/^[a-z]{2}([-_][a-z]{2})?$/.test(lower))
    return languageIndex.get(lower.slice(0, 2)) ? lower.slice(0, 2) : null
  return languageIndex.get(nameKey(v)) ?? null
}
