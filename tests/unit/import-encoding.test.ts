import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'

import { decodeUpload, parseUpload } from '~/models/imports/index.server'

import { corpus, corpusCsv } from './encoding-corpus'

const legacy = [
  'windows-1250',
  'iso-8859-2',
  'windows-1251',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'windows-1253',
  'iso-8859-7',
  'windows-1254',
  'windows-1257',
]
const unicode = ['UTF-8', 'UTF-8 (BOM)', 'UTF-16LE', 'UTF-16BE']

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'UTF-8') return Buffer.from(text, 'utf8')
  if (encoding === 'UTF-8 (BOM)') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
  if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE')
    return iconv.encode(text, encoding, { addBOM: true })
  return iconv.encode(text, encoding)
}

/** Every code page that holds the whole text (it survives a round trip). */
function holders(text: string) {
  return legacy.filter((e) => iconv.decode(iconv.encode(text, e), e) === text)
}

type Case = { language: string; encoding: string; rows: number }
const cases: Case[] = []
for (const [language, text] of Object.entries(corpus)) {
  const all = corpusCsv(text, 200).csv
  for (const encoding of [...unicode, ...holders(all)])
    for (const rows of [5, 20, 200]) cases.push({ language, encoding, rows })
}

const results: { case: Case; textRight: boolean; nameRight: boolean; detected: string }[] = []

afterAll(() => {
  const right = results.filter((r) => r.textRight).length
  const named = results.filter((r) => r.nameRight).length
  const legacyCases = results.filter((r) => legacy.includes(r.case.encoding))
  const lines = [
    `encoding corpus: ${right}/${results.length} files decoded to the right text (${((100 * right) / results.length).toFixed(1)}%)`,
    `  legacy code pages: ${legacyCases.filter((r) => r.textRight).length}/${legacyCases.length}; ` +
      `the very code page named (not an equivalent one for that text): ${named}/${results.length}`,
    ...results
      .filter((r) => !r.textRight)
      .map((r) => `  wrong: ${JSON.stringify(r.case)} read as ${r.detected}`),
  ]
  console.log(lines.join('\n'))
})

describe('encoding detection corpus: 27 languages, every code page that holds them, 5/20/200 rows', () => {
  it('covers every language in Unicode and the legacy code pages of Europe', () => {
    expect(Object.keys(corpus).length).toBe(28) // 27 languages + Romanian with cedillas
    const used = new Set(cases.map((c) => c.encoding))
    for (const e of [...legacy, ...unicode]) expect(used).toContain(e)
    expect(cases.length).toBeGreaterThan(400)
  })

  it.each(cases)('$language in $encoding, $rows rows', ({ language, encoding, rows }) => {
    const { csv, expected } = corpusCsv(corpus[language], rows)
    const parsed = parseUpload({ buffer: encode(csv, encoding), fileName: `${language}.csv` })
    const got = parsed.rows.map((r) => r.values)
    const textRight = JSON.stringify(got) === JSON.stringify(expected)
    results.push({
      case: { language, encoding, rows },
      textRight,
      nameRight: parsed.format.encoding === encoding,
      detected: parsed.format.encoding,
    })
    expect(parsed.headers).toEqual(['Name', 'City', 'Note'])
    expect(got).toEqual(expected)
  })
})

describe('the encoding chosen by hand', () => {
  it('reads the bytes in the chosen code page and names it', () => {
    const bytes = iconv.encode('Tytuł projektu;Miasto\nUrząd Miasta Gdańska;Gdańsk\n', 'windows-1250')
    expect(decodeUpload(bytes)).toMatchObject({ encoding: 'windows-1250' })
    expect(decodeUpload(bytes).text).toContain('Tytuł projektu')
    const forced = parseUpload({ buffer: bytes, fileName: 'a.csv', encoding: 'windows-1252' })
    expect(forced.format.encoding).toBe('windows-1252')
    expect(forced.headers[0]).toBe('Tytu³ projektu')
    expect(parseUpload({ buffer: bytes, fileName: 'a.csv', encoding: 'nonsense' }).headers[0]).toBe(
      'Tytuł projektu',
    )
  })

  it('finds UTF-16 without a byte order mark', () => {
    const text = 'Name,City\nGemeente Amsterdam,Amsterdam\n'
    expect(decodeUpload(iconv.encode(text, 'utf-16le'))).toEqual({ text, encoding: 'UTF-16LE' })
    expect(decodeUpload(iconv.encode(text, 'utf-16be'))).toEqual({ text, encoding: 'UTF-16BE' })
  })
})
