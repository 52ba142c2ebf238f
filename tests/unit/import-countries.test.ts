import { describe, expect, it } from 'vitest'

import {
  countryCode,
  isBlankValue,
  knownLanguageCodes,
  languageCode,
} from '~/models/imports/countries.server'

/*
 * The country and language columns of an import: names in the languages partners write them, the
 * long and ISO forms exports use, ISO codes (alpha-2, alpha-3, the EU's own EL and UK), and the
 * words exports write for "nothing".
 */

const pairs = (table: string) => table.split('|').map((entry) => entry.split('=') as [string, string])

describe('blank values', () => {
  it.each(['NULL', 'null', ' nil ', 'None', 'N/A', 'n/a', 'n.a.', 'N.A', 'n. a.', 'n.d.', 'N.D'])(
    '"%s" is blank',
    (value) => {
      expect(isBlankValue(value)).toBe(true)
    },
  )

  it.each(['-', '---', '–', '—', '?', '???', '.'])('"%s" is blank', (value) => {
    expect(isBlankValue(value)).toBe(true)
  })

  it.each([
    'Nullarbor',
    'anull',
    'nonexistent',
    'n/a yet',
    'na',
    'n.  a.',
    'n.ab',
    'nd',
    '-5',
    'x-',
    '?!',
    '..',
    'Łódź',
    'Târgu Mureș',
  ])('"%s" is a value', (value) => {
    expect(isBlankValue(value)).toBe(false)
  })
})

describe('country codes', () => {
  it.each(
    pairs(
      'PL=PL|pl=PL|Gr=GR|EL=GR|el=GR|UK=GB|uk=GB|ES=ES|NA=NA|' +
        'AUT=AT|CZE=CZ|cze=CZ|DEU=DE|Deu=DE|ESP=ES|GRC=GR|LTU=LT|POL=PL|PRT=PT|ROU=RO|SVK=SK|SWE=SE|UKR=UA|ZWE=ZW|USA=US',
    ),
  )('"%s" is %s', (value, code) => {
    expect(countryCode(value)).toBe(code)
  })

  it.each(['XX', 'QQQ', 'ZZ', 'Atlantis', 'Q', 'N/A', '-', '', '  ', 'null'])(
    '"%s" is no country',
    (value) => {
      expect(countryCode(value)).toBeNull()
    },
  )
})

describe('country names in the languages of Europe', () => {
  it.each(
    pairs(
      'Poland=PL|Polska=PL|Niemcy=DE|Germany=DE|Deutschland=DE|Allemagne=DE|Alemania=DE|Alemanha=DE|' +
        'Ελλάδα=GR|ΕΛΛΑΔΑ=GR|Grèce=GR|Griechenland=GR|Κύπρος=CY|ΚΥΠΡΟΣ=CY|Κυπροσ=CY|Česko=CZ|Rumunsko=RO|' +
        'România=RO|Romania=RO|Cehia=CZ|Espainia=ES|España=ES|Espanha=ES|Polonia=PL|Ausztria=AT|' +
        'Lietuva=LT|Slovensko=SK|Éire=IE|Italia=IT|Itália=IT|Nederland=NL|Nederländerna=NL|Belgique=BE|' +
        'the United Kingdom=GB|The Czech Republic=CZ|  Portugal  =PT',
    ),
  )('"%s" is %s', (value, code) => {
    expect(countryCode(value)).toBe(code)
  })
})

describe('long forms, ISO list names and what exports write instead', () => {
  it.each([
    ['Bolivia, Plurinational State of', 'BO'],
    ['Congo, The Democratic Republic of the', 'CD'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Congo', 'CG'],
    ["Côte d'Ivoire", 'CI'],
    ['Ivory Coast', 'CI'],
    ['Iran', 'IR'],
    ['Iran, Islamic Republic of', 'IR'],
    ['Czech Republic', 'CZ'],
    ['Holy See (Vatican City State)', 'VA'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ['Korea, Republic of', 'KR'],
    ['South Korea', 'KR'],
    ['North Korea', 'KP'],
    ['Kosovo', 'XK'],
    ["Lao People's Democratic Republic", 'LA'],
    ['Macao', 'MO'],
    ['Macau', 'MO'],
    ['Moldova, Republic of', 'MD'],
    ['Palestine, State of', 'PS'],
    ['Russian Federation', 'RU'],
    ['Syrian Arab Republic', 'SY'],
    ['Swaziland', 'SZ'],
    ['Taiwan, Province of China', 'TW'],
    ['Tanzania, United Republic of', 'TZ'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Venezuela, Bolivarian Republic of', 'VE'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['Virgin Islands, British', 'VG'],
    ['Virgin Islands, U.S.', 'VI'],
    ['Brunei Darussalam', 'BN'],
    ['Cape Verde', 'CV'],
    ['United States of America', 'US'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Wales', 'GB'],
    ['The Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Macedonia', 'MK'],
    ['North Macedonia', 'MK'],
    ['Republic of North Macedonia', 'MK'],
    ['Slovak Republic', 'SK'],
    ['Hellas', 'GR'],
    ['Hellenic Republic', 'GR'],
    ['Republic of Cyprus', 'CY'],
    ['Republic of Ireland', 'IE'],
    ['Northern Ireland', 'GB'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['Federal Republic of Germany', 'DE'],
    ['Kingdom of Spain', 'ES'],
    ['Kingdom of the Netherlands', 'NL'],
    ['Kingdom of Belgium', 'BE'],
    ['Grand Duchy of Luxembourg', 'LU'],
    ['Republic of Poland', 'PL'],
    ['Rzeczpospolita Polska', 'PL'],
    ['Česká republika', 'CZ'],
    ['Slovenská republika', 'SK'],
    ['Republic of Moldova', 'MD'],
    ['Moldova', 'MD'],
    ['Russia', 'RU'],
    ['Bosnia', 'BA'],
    ['Bosnia-Herzegovina', 'BA'],
    ['Holy See', 'VA'],
    ['Vatican', 'VA'],
    ['United States', 'US'],
    ['U.S.A.', 'US'],
    ['U.S.', 'US'],
    ['U.K.', 'GB'],
  ])('"%s" is %s', (value, code) => {
    expect(countryCode(value)).toBe(code)
  })
})

describe('languages', () => {
  it.each(
    pairs(
      'es=es|ES=es|es-ES=es|pt_BR=pt|eu=eu|EL=el|zu=zu|az=az|Spanish=es|español=es|gaztelania=es|polski=pl|' +
        'Polish=pl|Ελληνικά=el|ελληνικα=el|čeština=cs|Czech=cs|română=ro|Romanian=ro|euskara=eu|Basque=eu|' +
        'Deutsch=de|German=de|Chinese=zh|  italiano  =it',
    ),
  )('"%s" is %s', (value, code) => {
    expect(languageCode(value)).toBe(code)
  })

  it.each(['mo', 'iw', 'xx', 'qq', 'zz', 'es-419', 'spa', 'e', 'Klingonese', 'N/A', 'n.d.', '-', '', '   '])(
    '"%s" is no language',
    (value) => {
      expect(languageCode(value)).toBeNull()
    },
  )

  it('knows the two-letter codes Intl can name, and only those', () => {
    const codes = knownLanguageCodes()
    expect(codes).toEqual(expect.arrayContaining(['aa', 'az', 'cs', 'el', 'eu', 'pl', 'ro', 'za', 'zu']))
    expect(codes).not.toContain('qq')
    expect(codes).not.toContain('xx')
    expect(codes).not.toContain('zz')
    expect(codes.filter((c) => ['in', 'iw', 'ji', 'jw', 'mo', 'sh', 'tl'].includes(c))).toEqual(['sh', 'tl'])
    expect(codes).toEqual([...codes].sort())
    expect(knownLanguageCodes()).toBe(codes)
  })
})
