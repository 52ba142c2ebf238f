import { describe, expect, it } from 'vitest'

import { parseUpload } from '~/models/imports/index.server'
import { looksLikeWrappedJson, parseJsonValue, readJsonText } from '~/models/imports/parse-json.server'

import { refusalOf } from '../setup/refusal'

const refused = (reason: string, params = {}) => ({ reason, params })

const łódź = [{ Nazwa: 'Urząd Miasta Łodzi', Miasto: 'Łódź' }]

describe('readJsonText: plain JSON, or JSON in a JavaScript assignment or call', () => {
  it('plain JSON is read as it is, whatever its value', () => {
    expect(readJsonText('[{"Nazwa": "Urząd Miasta Łodzi", "Miasto": "Łódź"}]')).toEqual(łódź)
    expect(readJsonText('{"Δήμος": "Θεσσαλονίκη"}')).toEqual({ Δήμος: 'Θεσσαλονίκη' })
    expect(readJsonText('null')).toBeNull()
    expect(readJsonText('"Gasteizko Udala"')).toBe('Gasteizko Udala')
  })

  const list = '[{"Nazwa": "Urząd Miasta Łodzi", "Miasto": "Łódź"}]'
  it.each([
    ['var with spaces in the JSON', `var partnerzy = ${list};`],
    ['two spaces after var', `var  partnerzy = ${list};`],
    ['a line break and indent after const', `const\n  partnerzy = ${list}`],
    ['no spaces around =', `let partnerzy=${list}`],
    ['a property without spaces', `window.partnerzy=${list};`],
    ['a bracketed, quoted property', `window['partnerzy'] = ${list}`],
    ['module.exports', `module.exports = ${list};`],
    ['export default over a line break', `export\n  default ${list};`],
    ['leading and trailing white space', `  \n var partnerzy = ${list};\n\n`],
    ['a JSONP call', `callback(${list});`],
    ['a JSONP call without a semicolon', `jQuery.cb_123(${list})`],
    ['a space before the parenthesis', `callback (${list})`],
    ['spaces inside the parentheses and before ;', `callback( ${list} ) ;`],
    ['leading white space before a call', `\n  callback(${list})`],
  ])('%s', (_, text) => {
    expect(readJsonText(text)).toEqual(łódź)
  })

  it.each([
    ['code after the assignment', 'var x = [1]; render(x)'],
    ['a comment before the assignment', '// partnerzy\nvar x = [1]'],
    ['letters glued after the JSON', 'var x = [1]junk'],
    ['something that is not a name before =', 'module.exports-x=[1]'],
    ['a comment before a call', '/* partnerzy */ callback([1])'],
    ['an expression after a call', 'callback([1]) + 1'],
    ['code after a call', 'callback([1]);x'],
    ['JSON with a trailing comma', '[{"Miasto": "Łódź",}]'],
    ['an assignment of broken JSON', "var x = [{'Miasto': 'Łódź'}];"],
    ['a CSV', 'Nazwa;Miasto\nUrząd Miasta Łodzi;Łódź'],
  ])('%s is not JSON', (_, text) => {
    expect(readJsonText(text)).toBeUndefined()
  })
})

describe('looksLikeWrappedJson: the start of an assignment or call holding JSON', () => {
  it.each([
    'var partnerzy = [',
    'var  partnerzy = [',
    'let partnerzy=[{"Miasto":"Łódź"}]',
    'window.partnerzy = {',
    'window.partnerzy={',
    'export default {',
    'export  default {',
    'callback([',
    'callback ([',
    '  \n var partnerzy = [',
  ])('%j does', (text) => {
    expect(looksLikeWrappedJson(text)).toBe(true)
  })

  it.each([
    '// partnerzy\nvar x = [',
    '//var x = [1]',
    'var x = 5',
    'Nazwa;Miasto\nUrząd Miasta Łodzi;Łódź',
    `var ${'a'.repeat(250)} = [1]`,
  ])('%j does not', (text) => {
    expect(looksLikeWrappedJson(text)).toBe(false)
  })
})

describe('parseJsonValue: a list of objects', () => {
  it('headers in order of first appearance, keys of later rows appended, missing cells empty', () => {
    const rows = [
      { Nazwa: 'Urząd Miasta Łodzi', Miasto: 'Łódź' },
      { Miasto: 'Brno', Kontakt: 'Čeněk Šťastný', Nazwa: 'Statutární město Brno' },
      { Herria: 'Vitoria-Gasteiz' },
    ]
    expect(parseJsonValue(rows, 'UTF-8')).toEqual({
      format: { type: 'json', encoding: 'UTF-8', hasHeader: true },
      headers: ['Nazwa', 'Miasto', 'Kontakt', 'Herria'],
      rows: [
        { line: 1, values: ['Urząd Miasta Łodzi', 'Łódź', '', ''] },
        { line: 2, values: ['Statutární město Brno', 'Brno', 'Čeněk Šťastný', ''] },
        { line: 3, values: ['', '', '', 'Vitoria-Gasteiz'] },
      ],
    })
  })

  it('numbers, booleans and null become text; lists stay lists; objects become their JSON', () => {
    const row = {
      Nazwa: 'Primăria Târgu Mureș',
      Locuitori: 134290,
      Suprafața: 49.3,
      Membru: true,
      Activ: false,
      Zero: 0,
      Note: null,
      Site: ['https://www.tirgumures.ro', null, 7, { limba: 'ro' }, ['ro', 'hu']],
      Adresa: { strada: 'Piața Victoriei 3', cod: '540026' },
      Gol: [],
    }
    expect(parseJsonValue([row], 'windows-1250').rows).toEqual([
      {
        line: 1,
        values: [
          'Primăria Târgu Mureș',
          '134290',
          '49.3',
          'true',
          'false',
          '0',
          '',
          ['https://www.tirgumures.ro', '7', '{"limba":"ro"}', '["ro","hu"]'],
          '{"strada":"Piața Victoriei 3","cod":"540026"}',
          [],
        ],
      },
    ])
  })

  it.each([
    ['an empty list', [], 'errors.empty'],
    ['one column', [{ Nazwa: 'Gasteizko Udala' }, { Nazwa: 'Bilboko Udala' }], 'errors.oneColumn'],
    [
      'an object that is not GeoJSON',
      { Nazwa: 'Gasteizko Udala', Herria: 'Vitoria-Gasteiz' },
      'errors.jsonShape',
    ],
    [
      'a list inside a wrapper key',
      { udalak: [{ Nazwa: 'Gasteizko Udala', Herria: 'Gasteiz' }] },
      'errors.jsonShape',
    ],
    ['a list with a number', [...łódź, 5], 'errors.jsonShape'],
    ['a list with text', [...łódź, 'Łódź'], 'errors.jsonShape'],
    ['a list with null', [...łódź, null], 'errors.jsonShape'],
    ['a list with a list', [...łódź, ['Łódź', 'Polska']], 'errors.jsonShape'],
    [
      'a list of lists',
      [
        ['Nazwa', 'Miasto'],
        ['Urząd Miasta Łodzi', 'Łódź'],
      ],
      'errors.jsonShape',
    ],
    ['null', null, 'errors.jsonShape'],
    ['text', 'Łódź', 'errors.jsonShape'],
    ['a number', 42, 'errors.jsonShape'],
  ])('%s is refused', (_, json, reason) => {
    expect(refusalOf(() => parseJsonValue(json, 'UTF-8'))).toEqual(refused(reason))
  })
})

describe('parseJsonValue: the caps on columns and rows', () => {
  const wide = (n: number) => [
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`Pole ${i + 1}`, 'ś'])),
  ]

  it('200 columns are read, 201 refused with both numbers, 501 are not a table', () => {
    const file = parseJsonValue(wide(200), 'UTF-8')
    expect([file.headers.length, file.headers[199], file.rows[0].values[199]]).toEqual([200, 'Pole 200', 'ś'])
    expect(refusalOf(() => parseJsonValue(wide(201), 'UTF-8'))).toEqual(
      refused('errors.tooManyColumns', { max: 200, found: 201 }),
    )
    expect(refusalOf(() => parseJsonValue(wide(501), 'UTF-8'))).toEqual(refused('errors.notTable'))
  })

  it('20,000 rows are read, 20,001 refused', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ Nazwa: `Gmina ${i + 1}`, Kraj: 'PL' }))
    const file = parseJsonValue(rows(20_000), 'UTF-8')
    expect(file.rows.at(-1)).toEqual({ line: 20_000, values: ['Gmina 20000', 'PL'] })
    expect(refusalOf(() => parseJsonValue(rows(20_001), 'UTF-8'))).toEqual(
      refused('errors.tooManyRows', { max: 20_000 }),
    )
  })
})

describe('the upload around it', () => {
  const upload = (bytes: Buffer, fileName: string) => parseUpload({ buffer: bytes, fileName })

  it('a UTF-8 BOM before the JSON is dropped by the decoder', () => {
    const json = JSON.stringify([{ Izena: 'Gasteizko Udala', Herria: 'Vitoria-Gasteiz' }])
    const file = upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), 'udalak.json')
    expect([file.format, file.headers, file.rows]).toEqual([
      { type: 'json', encoding: 'UTF-8 (BOM)', hasHeader: true },
      ['Izena', 'Herria'],
      [{ line: 1, values: ['Gasteizko Udala', 'Vitoria-Gasteiz'] }],
    ])
  })

  it('broken JSON in a .json file is refused as such, without a position', () => {
    expect(refusalOf(() => upload(Buffer.from('[{"Miasto": "Łódź",}]'), 'miasta.json'))).toEqual(
      refused('errors.badJson'),
    )
  })
})
