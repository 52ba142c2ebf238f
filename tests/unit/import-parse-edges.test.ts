import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { detectDelimiter, parseUpload } from '~/models/imports/index.server'
import { firstOf, listOf } from '~/models/imports/parse.server'

/** The refusal's reason, the parse error's code, the error's name for anything else, or 'parsed'. */
function outcome(run: () => unknown) {
  try {
    run()
  } catch (e) {
    return (e as { reason?: string }).reason ?? (e as { code?: string }).code ?? (e as Error).name
  }
  return 'parsed'
}

const parse = (text: string, fileName = 'lista.csv') => parseUpload({ buffer: Buffer.from(text), fileName })
const refusalOf = (text: string, fileName = 'lista.csv') => outcome(() => parse(text, fileName))

const vcard = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Čeněk Šťastný',
  'EMAIL:cenek.stastny@brno.cz',
  'ORG:Statutární město Brno',
  'END:VCARD',
  '',
].join('\r\n')

describe('sniffing: what is refused or read whole before any CSV parsing', () => {
  it('an LDIF address book is refused by its name or by a dn: line at the top', () => {
    expect(refusalOf('Nazwa;Miasto\r\nUrząd Miasta Łodzi;Łódź\r\n', 'KSIĄŻKA.LDIF')).toBe(
      'errors.unsupportedFormat',
    )
    expect(refusalOf('dn: cn=Čeněk Šťastný,o=Brno\ncn: Čeněk Šťastný\n', 'kontakty.txt')).toBe(
      'errors.unsupportedFormat',
    )
    expect(refusalOf('\r\ndn: cn=Gasteizko Udala\ncn: Gasteizko Udala\n', 'kontakty.txt')).toBe(
      'errors.unsupportedFormat',
    )
    expect(refusalOf('version: 1\r\n\r\ndn: cn=Târgu Mureș,o=Primăria\n', 'kontakty.txt')).toBe(
      'errors.unsupportedFormat',
    )
  })

  it('a CSV that mentions dn: further on, or names a column dn: after a letter, is a CSV', () => {
    const file = parse('Nazwa;Notatka\r\nUrząd Miasta Łodzi;LDAP dn: ou=Łódź\r\n', 'kontakty.txt')
    expect(file.rows[0].values).toEqual(['Urząd Miasta Łodzi', 'LDAP dn: ou=Łódź'])
    expect(parse('Ldn:;Miasto\r\nŁódź;Łódź\r\n').headers).toEqual(['Ldn:', 'Miasto'])
  })

  it('a .vcf or .vcard file is read as vCards; one holding none is refused as empty', () => {
    const file = parse(vcard, 'Kontakty.VCF')
    expect(file.format).toEqual({ type: 'vcard', encoding: 'UTF-8', hasHeader: true })
    expect(file.rows).toEqual([
      {
        line: 1,
        values: ['Čeněk Šťastný', 'cenek.stastny@brno.cz', '', 'Statutární město Brno', '', '', ''],
      },
    ])
    const notCards = 'Imię;Nazwisko\r\nČeněk;Šťastný\r\n'
    expect(refusalOf(notCards, 'kontakty.vcf')).toBe('errors.empty')
    expect(refusalOf(notCards, 'kontakty.vcard')).toBe('errors.empty')
    expect(parse(vcard, 'kontakty.txt').format.type).toBe('vcard')
  })

  it('markup is refused after leading blank lines, but a cell holding markup is only text', () => {
    expect(refusalOf('\r\n\r\n<html><body>Łódź</body></html>', 'strona.csv')).toBe('errors.markup')
    expect(refusalOf('<!DOCTYPE\r\n  html><html></html>', 'strona.csv')).toBe('errors.markup')
    expect(parse('Nazwa;Opis\r\nGasteizko Udala;<html> w opisie\r\n').rows[0].values).toEqual([
      'Gasteizko Udala',
      '<html> w opisie',
    ])
  })

  it('JSON is read by its name, or by a first [ or { under any name', () => {
    const list = JSON.stringify([{ nazwa: 'Urząd Miasta Łodzi', miasto: 'Łódź' }])
    for (const name of ['partnerzy.json', 'partnerzy.txt']) {
      const file = parse(list, name)
      expect(file.format.type).toBe('json')
      expect(file.rows[0].values).toEqual(['Urząd Miasta Łodzi', 'Łódź'])
    }
    const one = JSON.stringify({ type: 'FeatureCollection', features: [] })
    expect(
      parse(
        `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nazwa":"Łódź","kraj":"PL"},"geometry":null}]}`,
        'mapa.txt',
      ).format.type,
    ).toBe('geojson')
    expect(refusalOf(one, 'PARTNERZY.JSON')).toBe('errors.empty')
  })

  it('a .json file that is not JSON is refused; a CSV opening with [ under another name is a CSV', () => {
    expect(refusalOf('Nazwa;Miasto\r\nUrząd Miasta Łodzi;Łódź\r\n', 'Partnerzy.JSON')).toBe('errors.badJson')
    const file = parse('[PL] Nazwa;Miasto\r\nUrząd Miasta Łodzi;Łódź\r\n', 'partnerzy.txt')
    expect(file.headers).toEqual(['[PL] Nazwa', 'Miasto'])
    expect(parse('Nazwa;Miasto\r\nŁódź;Łódź\r\n', 'partnerzy.json.csv').format.type).toBe('csv')
  })

  it('the chosen encoding is used instead of the detected one', () => {
    const ascii = Buffer.from('Nazwa;Miasto\r\nGasteizko Udala;Vitoria-Gasteiz\r\n')
    expect(parseUpload({ buffer: ascii, fileName: 'lista.csv' }).format.encoding).toBe('UTF-8')
    const chosen = parseUpload({ buffer: ascii, fileName: 'lista.csv', encoding: 'iso-8859-2' })
    expect(chosen.format.encoding).toBe('iso-8859-2')
    const bytes = iconv.encode('Nazwa;Miasto\r\nUrząd Miasta Łodzi;Łódź\r\n', 'iso-8859-2')
    const file = parseUpload({ buffer: bytes, fileName: 'lista.csv', encoding: 'iso-8859-2' })
    expect(file.rows[0].values).toEqual(['Urząd Miasta Łodzi', 'Łódź'])
  })
})

describe('the header row and the rows kept', () => {
  it.each([
    ['an e-mail', 'sekretariat@uml.lodz.pl'],
    ['a web address', 'http://www.vitoria-gasteiz.org'],
    ['a whole number, padded', ' 1250 '],
    ['a decimal comma', '12,75'],
    ['a negative decimal point', '-3.5'],
  ])('a first row holding %s is data: columns are named by position', (_, cell) => {
    const file = parse(`Gasteizko Udala;${cell};Vitoria-Gasteiz\r\nΔήμος Θεσσαλονίκης;x;Θεσσαλονίκη\r\n`)
    expect(file.format.hasHeader).toBe(false)
    expect(file.headers).toEqual(['Column 1', 'Column 2', 'Column 3'])
    expect(file.rows.map((r) => r.line)).toEqual([1, 2])
  })

  it.each([
    'Adres e-mail: sekretariat@uml.lodz.pl',
    'sekretariat@uml.lodz.pl lub telefon',
    'Strona, np. https://uml.lodz.pl',
    '1. Nazwa organizacji',
  ])('a first row cell like %j is a header', (cell) => {
    const file = parse(`${cell};Miasto\r\nUrząd Miasta Łodzi;Łódź\r\n`)
    expect(file.format.hasHeader).toBe(true)
    expect(file.headers).toEqual([cell, 'Miasto'])
  })

  it('headers are trimmed, blank ones named by position, repeated ones numbered, short rows widened', () => {
    const file = parse(
      ' Nazwa ;;Telefon;Telefon\r\nPrimăria Târgu Mureș;x;+40 265 268 330;+40 265 268 331;RO\r\n',
    )
    expect(file.headers).toEqual(['Nazwa', 'Column 2', 'Telefon', 'Telefon (2)', 'Column 5'])
  })

  it('a row wider than the first fifty widens nothing; rows of empty cells are padding, not data', () => {
    const rows = Array.from({ length: 55 }, (_, i) => `Urząd ${i};Łódź\r\n`).join('')
    const file = parse(`Nazwa;Miasto\r\n${rows}Gasteizko Udala;Vitoria-Gasteiz;Araba\r\n;\r\n  ;  \r\n`)
    expect(file.headers).toEqual(['Nazwa', 'Miasto'])
    expect(file.rows.length).toBe(56)
    expect(file.rows[55]).toEqual({ line: 57, values: ['Gasteizko Udala', 'Vitoria-Gasteiz', 'Araba'] })
  })

  it('a row past the first fifty beyond the column cap is refused', () => {
    const rows = Array.from({ length: 55 }, (_, i) => `Urząd ${i};Łódź\r\n`).join('')
    const wide = Array.from({ length: 201 }, (_, i) => `k${i}`).join(';')
    expect(refusalOf(`Nazwa;Miasto\r\n${rows}${wide}\r\n`)).toBe('errors.tooManyColumns')
  })
})

describe('detectDelimiter', () => {
  it('one column, or only empty cells, is refused as one column', () => {
    expect(outcome(() => detectDelimiter('Nazwa\nŁódź\nGasteiz\n'))).toBe('errors.oneColumn')
    expect(outcome(() => detectDelimiter(';;\r\n  ;  \r\n'))).toBe('errors.oneColumn')
  })

  it('rows that disagree are refused as mixed; half agreeing is enough', () => {
    const ragged =
      'Nazwa,Miasto\nŁódź,PL,Łódzkie\nBrno,CZ,Jihomoravský,Brno-město\nGasteiz,ES,Araba,Euskadi,Vitoria\n'
    expect(outcome(() => detectDelimiter(ragged))).toBe('errors.mixedDelimiters')
    const half = 'Nazwa;Miasto\nŁódź\nGasteizko Udala;Vitoria;Araba\nΔήμος Θεσσαλονίκης;Θεσσαλονίκη\n'
    expect(detectDelimiter(half)).toBe(';')
  })

  it('the delimiter giving more columns wins; on a tie the comma', () => {
    expect(
      detectDelimiter(
        'Nazwa, wydział;Miasto;Kraj\nUrząd Miasta Łodzi, Wydział;Łódź;PL\nMagistrat, Brno;Brno;CZ\n',
      ),
    ).toBe(';')
    expect(detectDelimiter('Miasto, kraj;Kwota\nŁódź, PL;12\nBrno, CZ;7\n')).toBe(',')
  })

  it('of two column counts as frequent as each other, the wider one counts', () => {
    const text = [
      'Nazwa, skrót;Miasto',
      'Urząd Miasta Łodzi, UMŁ;Łódź',
      'Gasteizko Udala, Vitoria, Araba, Euskadi, ES;Vitoria-Gasteiz',
      'Primăria, Târgu Mureș, Mureș, Transilvania, RO;Târgu Mureș',
    ].join('\n')
    expect(detectDelimiter(text)).toBe(',')
  })

  it('rows of empty cells, however wide, do not count', () => {
    const text = 'Nazwa;Miasto\nŁódź;PL\nBrno;CZ\nGasteiz;ES\n ; ; ; \n;;;\n ; ; ;\n ; ; \n;;\n ; ;\n'
    expect(detectDelimiter(text)).toBe(';')
  })

  it('a short file is read to its last line', () => {
    expect(detectDelimiter('Nazwa;Miasto, region\nŁódź;Łódzkie')).toBe(';')
  })

  it('a long file is judged by its first 64 kB, cut at a line end', () => {
    const long = (i: number) => `Urząd ${i} ${'x'.repeat(2200)};Łódź\n`
    const head = Array.from({ length: 30 }, (_, i) => long(i)).join('')
    const tail = Array.from({ length: 31 }, (_, i) => `a${i},b,c\n`).join('')
    expect(head.length).toBeGreaterThan(65536)
    expect(detectDelimiter(head + tail)).toBe(';')
  })

  it('a quoted cell open at the 64 kB cut does not stop the detection', () => {
    const row = (i: number) => `Urząd ${i};"Uwagi\n${'y'.repeat(3000)}"\n`
    const text = Array.from({ length: 30 }, (_, i) => row(i)).join('')
    expect(detectDelimiter(text)).toBe(';')
  })
})

describe('firstOf and listOf', () => {
  it('firstOf: the first text of a cell, trimmed; nothing gives an empty text', () => {
    expect(firstOf(undefined)).toBe('')
    expect(firstOf(' Θεσσαλονίκη ')).toBe('Θεσσαλονίκη')
    expect(firstOf([' Łódź ', 'Brno'])).toBe('Łódź')
    expect(firstOf([])).toBe('')
  })

  it('listOf: a JSON list or a text split on ; , | and new lines, trimmed, no empties', () => {
    expect(listOf(undefined)).toEqual([])
    expect(listOf(' Łódź ;Brno,, Târgu Mureș |Gasteiz\nΘεσσαλονίκη')).toEqual([
      'Łódź',
      'Brno',
      'Târgu Mureș',
      'Gasteiz',
      'Θεσσαλονίκη',
    ])
    expect(listOf([' Łódź ', '', 'Brno'])).toEqual(['Łódź', 'Brno'])
    expect(listOf('Łódź / Brno', /\//)).toEqual(['Łódź', 'Brno'])
  })
})
