import { countryCodes } from '~/models/stakeholders/index.server'
import { nameKey } from '~/utils/text'

// ---------------------------------------------------------------------------------------------
// Countries and languages: names in the languages users write spreadsheets in, to ISO codes.

/** Interface languages first (their names win a clash), then every language of the EU and the EEA. */
const displayLocales = ['en', 'es', 'fr', 'pt', 'it', 'de', 'nl', 'ca']
const europeanLocales = [
  ...displayLocales,
  ...'bg cs da el et fi ga hr hu lt lv mt pl ro sk sl sv is nb nn no eu gl lb cy gd fy br co sc rm tr sq mk sr bs uk'.split(
    ' ',
  ),
]
let countryIndex: Map<string, string> | undefined
let languageIndex: Map<string, string> | undefined

/** "NULL", "N/A", "n.a.", "-": what exports write for "nothing"; read as an empty cell. */
export function isBlankValue(value: string): boolean {
  return /^(?:null|nil|none|n\/a|n\.\s?a\.?|n\.d\.?|-+|–|—|\?+|\.)$/i.test(value.trim())
}

/** ISO 3166-1 alpha-3 codes, in the order of `countryCodes` (alpha-2). */
const alpha3 = (
  'AND ARE AFG ATG AIA ALB ARM AGO ATA ARG ASM AUT AUS ABW ALA AZE BIH BRB BGD BEL BFA BGR BHR BDI BEN BLM BMU BRN BOL BES BRA BHS BTN BVT BWA BLR BLZ CAN CCK COD CAF COG CHE CIV COK CHL CMR CHN COL CRI CUB CPV CUW CXR CYP CZE ' +
  'DEU DJI DNK DMA DOM DZA ECU EST EGY ESH ERI ESP ETH FIN FJI FLK FSM FRO FRA GAB GBR GRD GEO GUF GGY GHA GIB GRL GMB GIN GLP GNQ GRC SGS GTM GUM GNB GUY HKG HMD HND HRV HTI HUN IDN IRL ISR IMN IND IOT IRQ IRN ISL ITA JEY JAM JOR JPN ' +
  'KEN KGZ KHM KIR COM KNA PRK KOR KWT CYM KAZ LAO LBN LCA LIE LKA LBR LSO LTU LUX LVA LBY MAR MCO MDA MNE MAF MDG MHL MKD MLI MMR MNG MAC MNP MTQ MRT MSR MLT MUS MDV MWI MEX MYS MOZ NAM NCL NER NFK NGA NIC NLD NOR NPL NRU NIU NZL ' +
  'OMN PAN PER PYF PNG PHL PAK POL SPM PCN PRI PSE PRT PLW PRY QAT REU ROU SRB RUS RWA SAU SLB SYC SDN SWE SGP SHN SVN SJM SVK SLE SMR SEN SOM SUR SSD STP SLV SXM SYR SWZ TCA TCD ATF TGO THA TJK TKL TLS TKM TUN TON TUR TTO TUV TWN TZA ' +
  'UKR UGA UMI USA URY UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM XKX YEM MYT ZAF ZMB ZWE'
).split(' ')

/** The EU's own two-letter codes where they differ from ISO 3166 (Greece, the United Kingdom). */
const euCodes: Record<string, string> = { EL: 'GR', UK: 'GB' }

// Names used by ISO 3166 lists, official long forms and exports that Intl does not produce.
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
  'republic of north macedonia': 'MK',
  'slovak republic': 'SK',
  hellas: 'GR',
  'hellenic republic': 'GR',
  'republic of cyprus': 'CY',
  'republic of ireland': 'IE',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'federal republic of germany': 'DE',
  'kingdom of spain': 'ES',
  'kingdom of the netherlands': 'NL',
  'kingdom of belgium': 'BE',
  'grand duchy of luxembourg': 'LU',
  'republic of poland': 'PL',
  'rzeczpospolita polska': 'PL',
  'ceska republika': 'CZ',
  'slovenska republika': 'SK',
  'republic of moldova': 'MD',
  moldova: 'MD',
  russia: 'RU',
  bosnia: 'BA',
  'bosnia herzegovina': 'BA',
  'holy see': 'VA',
  vatican: 'VA',
  'united states': 'US',
  'u s a': 'US',
  'u s': 'US',
  'u k': 'GB',
}

/** ISO 3166-1 alpha-2 code for a code or a country name in English, Spanish, French, Portuguese and more; null if unknown. */
export function countryCode(value: string): string | null {
  const v = value.trim()
  if (!v || isBlankValue(v)) return null
  const index = countries()
  if (/^[A-Za-z]{2,3}$/.test(v)) {
    const code = v.toUpperCase()
    const hit = euCodes[code] ?? index.codes.get(code)
    if (hit) return hit
  }
  return index.names.get(countryKey(v)) || null
}

/** Greek final sigma and a leading "the" do not make another country. */
function countryKey(value: string) {
  return nameKey(value).replace(/ς/g, 'σ').replace(/^the /, '')
}

/**
 * Every country's name in the languages of the EU and the EEA (and the interface languages), as
 * Intl.DisplayNames writes them, accent- and case-free; codes alpha-2 and alpha-3.
 */
function countries() {
  if (countryIndex) return { names: countryIndex, codes: codeIndex! }
  const names = new Map<string, string>()
  for (const [k, code] of Object.entries(countryAliases)) names.set(countryKey(k), code)
  for (const locale of europeanLocales) {
    const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
    for (const code of countryCodes) {
      const key = countryKey(display.of(code) ?? '')
      if (key && key !== code.toLowerCase() && !names.has(key)) names.set(key, code)
    }
  }
  const codes = new Map<string, string>()
  countryCodes.forEach((code, i) => {
    codes.set(code, code)
    if (alpha3[i]) codes.set(alpha3[i], code)
  })
  countryIndex = names
  codeIndex = codes
  return { names, codes }
}
let codeIndex: Map<string, string> | undefined

/** Two-letter ISO 639-1 codes Intl can name, without the deprecated ones (mo, iw, in, ji, jw). */
export function knownLanguageCodes(): string[] {
  if (!languageCodes) {
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })
    languageCodes = []
    for (let a = 97; a <= 122; a++)
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b)
        // A deprecated code standing for another two-letter one (mo for ro, iw for he) is left out:
        // mo, before ro, took that language's names ("Romanian", "română" were read as mo).
        const canonical = Intl.getCanonicalLocales(code)[0]
        if (english.of(code) !== code && (canonical === code || canonical.length > 2))
          languageCodes.push(code)
      }
  }
  return languageCodes
}
let languageCodes: string[] | undefined

/** ISO 639-1 code for a code ("es") or a language name ("Spanish", "español", "polski"); null if unknown. */
export function languageCode(value: string): string | null {
  const v = value.trim()
  if (!v || isBlankValue(v)) return null
  if (!languageIndex) {
    languageIndex = new Map()
    const codes = knownLanguageCodes()
    for (const locale of europeanLocales) {
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
