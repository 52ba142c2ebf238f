import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { parseDate } from '~/models/imports/index.server'
import { importContactsFromBuffer } from '~/models/imports/index.server'
import { decodeUpload, ImportRefusal } from '~/models/imports/index.server'
import { countryCode, guessMapping, languageCode } from '~/models/imports/index.server'
import { type ParsedFile, parseUpload } from '~/models/imports/index.server'
import { parseCount } from '~/models/imports/index.server'
import { importStakeholdersFromBuffer } from '~/models/imports/index.server'
import { env } from '~/utils/env.server'

import { actorFor } from '../setup/actors'
import { listFixtures, readFixture } from '../setup/fixtures'

const read = readFixture
const comms = () => actorFor('comms@demo.ripple')
const count = (sql: string) => (sqlite().prepare(sql).get() as { n: number }).n

function objects(file: ParsedFile) {
  return file.rows.map((r) => Object.fromEntries(file.headers.map((h, i) => [h, r.values[i] ?? ''])))
}

describe('csv-spectrum: every CSV parses to the JSON beside it', () => {
  const files = listFixtures('csv-spectrum/csvs', '.csv')
  it('has all twelve files', () => expect(files.length).toBe(12))
  it.each(files)('%s', (name) => {
    const expectedJson = JSON.parse(
      read('csv-spectrum/json', name.replace(/\.csv$/, '.json')).toString('utf8'),
    )
    const expected = (Array.isArray(expectedJson) ? expectedJson : [expectedJson]) as Record<string, string>[]
    const actual = objects(parseUpload({ buffer: read('csv-spectrum/csvs', name), fileName: name }))
    if (name === 'location_coordinates.csv') {
      // Upstream's JSON has a different phone number than its CSV (2095257564); every other
      // field, including the U+FFFD characters the CSV really holds, must match.
      expect(actual[0]['Contact Phone Number']).toBe('2095257564')
      for (const row of [...expected, ...actual]) delete row['Contact Phone Number']
    }
    expect(actual).toEqual(expected)
  })
})

describe('encodings from csv-parser-fixtures decode right', () => {
  const bench = (f: string) =>
    objects(
      parseUpload({
        buffer: read('csv-parser/bench', f),
        fileName: f,
      }),
    )
  it('reads Latin-1 (no BOM, not UTF-8) as Windows-1252', () => {
    expect(decodeUpload(read('csv-parser/bench/latin.csv')).encoding).toBe('windows-1252')
    expect(bench('latin.csv')).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: '4', b: '5', c: '©' },
    ])
  })
  it('reads UTF-16 LE and BE with BOM like the UTF-8 file', () => {
    const utf8 = bench('utf8.csv')
    expect(utf8[1].c).toBe('ʤ')
    expect(bench('utf16.csv')).toEqual(utf8)
    expect(bench('utf16-big.csv')).toEqual(utf8)
    expect(decodeUpload(read('csv-parser/bench/utf16-big.csv')).encoding).toBe('UTF-16BE')
  })
  it('reads old Mac line ends', () => {
    expect(bench('mac-newlines.csv')).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: 'Once upon\ra time', b: '5', c: '6' },
    ])
  })
  it('reads UTF-8 with a BOM, and detects semicolons and tabs', () => {
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Nombre;Ciudad\nUniversidad de Cádiz;Cádiz\n'),
    ])
    const parsed = parseUpload({ buffer: withBom, fileName: 'a.csv' })
    expect(parsed.format).toMatchObject({ encoding: 'UTF-8 (BOM)', delimiter: ';' })
    expect(parsed.headers).toEqual(['Nombre', 'Ciudad'])
    expect(
      parseUpload({ buffer: Buffer.from('nom\tville\nUniversité de Lyon\tLyon\n'), fileName: 'b.tsv' }).format
        .delimiter,
    ).toBe('\t')
    expect(
      objects(
        parseUpload({
          buffer: iconv.encode('nom;ville\nUniversité de Lyon;Lyon\n', 'windows-1252'),
          fileName: 'c.csv',
        }),
      ),
    ).toEqual([{ nom: 'Université de Lyon', ville: 'Lyon' }])
  })
})

/** What each vCard holds (read from the files): name and first e-mail of every card, in order. */
const vcards: Record<string, [string, string][]> = {
  'John_Doe_ANDROID.vcf': [
    ['john.doe@company.com', 'john.doe@company.com'], // no FN or N: the e-mail stands in for the name
    ['jane.doe@company.com', 'jane.doe@company.com'],
    ['Ñ Ñ Ñ Ñ Ñ', ''], // quoted-printable UTF-8, no e-mail
    ['Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', ''], // a soft line break inside the quoted-printable value
    ['Ñ Ñ Ñ Ñ', 'bob@company.com'],
    ['ÑÑÑÑ', 'henry@company.com'],
  ],
  'John_Doe_BLACK_BERRY.vcf': [['John Doe', '']],
  'John_Doe_EVOLUTION.vcf': [['Mr. John Richter, James Doe Sr.', 'john.doe@ibm.com']],
  'John_Doe_GMAIL.vcf': [['Mr. John Richter, James Doe Sr.', 'john.doe@ibm.com']],
  'John_Doe_IPHONE.vcf': [['Mr. John Richter James Doe Sr.', 'john.doe@ibm.com']],
  'John_Doe_LOTUS_NOTES.vcf': [['Mr. Doe John I Johny', 'john.doe@ibm.com']],
  'John_Doe_MAC_ADDRESS_BOOK.vcf': [['Mr. John Richter,James Doe Sr.', 'john.doe@ibm.com']],
  'John_Doe_MS_OUTLOOK.vcf': [['Mr. John Richter James Doe Sr.', 'john.doe@ibm.cm']],
  'fullcontact.vcf': [['Prefix FirstName MiddleName LastName Suffix', 'home@example.com']],
  'gmail-list.vcf': [
    ['Arnold Smith', 'asmithk@gmail.com'],
    ['Chris Beatle', 'chrisy55d@yahoo.com'],
    ['Doug White', 'dwhite@gmail.com'],
  ],
  'gmail-single.vcf': [['Greg Dartmouth', 'gdartmouth@hotmail.com']],
  'gmail-single2.vcf': [['VCard Test', 'email@example.com']],
  'outlook-2003.vcf': [['John Doe III', 'jdoe@hotmail.com']],
  'outlook-2007.vcf': [['Mr. Michael Angstadt Jr.', 'mike.angstadt@gmail.com']],
  'rfc2426-example.vcf': [
    ['Frank Dawson', 'Frank_Dawson@Lotus.com'],
    ['Tim Howes', 'howes@netscape.com'],
  ],
  'rfc6350-example.vcf': [['Simon Perreault', 'simon.perreault@viagenie.ca']],
  'thunderbird-MoreFunctionsForAddressBook-extension.vcf': [['John Doe', 'doe.john@hotmail.com']],
}

function contactsCreated(report: { created: { id?: number | null }[] }) {
  return report.created.map(
    (c) =>
      sqlite().prepare("select name, coalesce(email, '') as email from contacts where id = ?").get(c.id) as {
        name: string
        email: string
      },
  )
}

describe('every vCard in tests/fixtures/vcard yields its contacts', () => {
  const files = listFixtures('vcard', '.vcf')
  it('has an expectation for every file', () => {
    expect(files).toEqual(Object.keys(vcards).sort())
  })
  it.each(files)('%s', (name) => {
    const report = importContactsFromBuffer({
      buffer: read('vcard', name),
      fileName: name,
      actor: comms(),
      decisions: {},
    })
    expect(report.rejected).toEqual([])
    // A card repeating an e-mail already imported by an earlier file is offered as a duplicate.
    const written = [...report.created, ...report.skipped].sort((a, b) => a.line - b.line)
    expect(written.length).toBe(vcards[name].length)
    const created = contactsCreated(report)
    const expectedCreated = vcards[name].filter((_, i) =>
      report.created.some((c) => c.line === written[i].line),
    )
    expect(created.map((c) => [c.name, c.email.toLowerCase()])).toEqual(
      expectedCreated.map(([n, e]) => [n, e.toLowerCase()]),
    )
  })
})

describe('Thunderbird address-book exports import or are refused with a reason', () => {
  const contacts = (name: string) => {
    const report = importContactsFromBuffer({
      buffer: read('contacts-csv', name),
      fileName: name,
      actor: comms(),
    })
    return { report, created: contactsCreated(report) }
  }
  it('basic, UTF-16 and Shift-JIS exports', () => {
    expect(contacts('basic_addressbook.csv').created).toEqual([
      { name: 'John Doe', email: 'johndoe@host.invalid' },
    ])
    // The same person again, from the UTF-16 file: found as a duplicate by e-mail and skipped.
    const utf16 = contacts('utf16_addressbook.csv')
    expect(utf16.report.skipped.map((s) => s.reason)).toEqual(['problems.duplicateOf.email'])
    expect(contacts('shiftjis_addressbook.csv').created).toEqual([
      { name: '名無しの権兵衛', email: '名無しの権兵衛@host.invalid' },
    ])
  })
  it('semicolons, no header row, quotes and multi-line notes', () => {
    expect(contacts('csv_semicolon.csv').created).toEqual([
      { name: 'John Doe', email: 'john@doe.invalid' },
      { name: 'Jane Doe', email: 'jane@doe.invalid' },
    ])
    // Without a header, the e-mail column is recognised by its content: same people, duplicates now.
    const noHeader = contacts('csv_no_header.csv')
    expect(noHeader.report.duplicates).toBe(2)
    expect(
      parseUpload({ buffer: read('contacts-csv', 'csv_no_header.csv'), fileName: 'x.csv' }).format.hasHeader,
    ).toBe(false)
    // "contact1@invalid" has no dot in its domain: not an address Ripple accepts, so the rows
    // are rejected with their line and reason (the second starts on line 3 and spans two lines).
    const exported = contacts('export.csv')
    expect(exported.created).toEqual([])
    expect(exported.report.rejected).toEqual([
      {
        line: 2,
        label: 'contact number one',
        reason: 'problems.badEmail',
        params: { value: 'contact1@invalid' },
      },
      {
        line: 3,
        label: 'contact number two',
        reason: 'problems.badEmail',
        params: { value: 'contact2@invalid' },
      },
    ])
    expect(contacts('quote.csv').created).toEqual([{ name: 'Acer America', email: '' }])
  })
  it('a file mixing a comma line with tab lines: the comma line is rejected with its line and reason', () => {
    const { report, created } = contacts('tab_comma_mixed.csv')
    expect(report.rejected).toEqual([expect.objectContaining({ line: 1, reason: 'problems.fieldCount' })])
    expect(created.map((c) => c.email)).toEqual(['2@host.invalid', '3@host.invalid', '4@host.invalid'])
  })
  it('vCards with DOS line ends and empty lines; LDIF is refused', () => {
    expect(contacts('dos_vcard_addressbook.vcf').created).toEqual([
      { name: 'Name Surname', email: 'example@gmail.com' },
    ])
    expect(contacts('emptylines_vcard_addressbook.vcf').created.map((c) => c.name)).toEqual([
      'John Doe',
      'Jane Doe',
    ])
    expect(contacts('v3-binary-jpeg.vcf').created).toEqual([{ name: 'Binary JPEG', email: '' }])
    expect(() =>
      importContactsFromBuffer({
        buffer: read('contacts-csv', 'basic_ldif_addressbook.ldif'),
        fileName: 'basic_ldif_addressbook.ldif',
        actor: comms(),
      }),
    ).toThrow(expect.objectContaining({ reason: 'errors.unsupportedFormat' }))
  })
})

describe('refused files write nothing', () => {
  const refuse = (buffer: Uint8Array, fileName = 'file.csv') => {
    const before = [
      count('select count(*) as n from stakeholders'),
      count('select count(*) as n from audit_log'),
    ]
    let error: unknown
    try {
      importStakeholdersFromBuffer({ buffer, fileName, actor: comms() })
    } catch (e) {
      error = e
    }
    expect([
      count('select count(*) as n from stakeholders'),
      count('select count(*) as n from audit_log'),
    ]).toEqual(before)
    expect(error).toBeInstanceOf(ImportRefusal)
    return (error as ImportRefusal).reason
  }
  it('empty, blank, binary, one column, too large', () => {
    expect(refuse(new Uint8Array())).toBe('errors.empty')
    expect(refuse(Buffer.from('\r\n\r\n  \n'))).toBe('errors.empty')
    expect(refuse(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))).toBe(
      'errors.binary',
    )
    expect(refuse(Buffer.from('name\nCity of Porto\nCity of Bologna\n'))).toBe('errors.oneColumn')
    expect(refuse(Buffer.from('[{"name":"Only a name"}]'), 'a.json')).toBe('errors.oneColumn')
    expect(refuse(Buffer.from('{"name":"x","city":"y"}'), 'a.json')).toBe('errors.jsonShape')
    expect(refuse(Buffer.alloc(Math.ceil((env().UPLOAD_LIMIT_MB + 1) * 1024 * 1024), 'a'))).toBe(
      'errors.tooLarge',
    )
  })
})

describe('guessing columns and values', () => {
  const guess = (headers: string[]) =>
    guessMapping('stakeholders', {
      headers,
      rows: [],
      format: { type: 'csv', encoding: 'UTF-8', hasHeader: true },
    })
  it('guesses English, Spanish, French and Portuguese headers', () => {
    expect(guess(['Nombre', 'Sitio web', 'País', 'Ciudad', 'Correo'])).toMatchObject({
      name: 'Nombre',
      website: 'Sitio web',
      country: 'País',
      city: 'Ciudad',
      contactEmail: 'Correo',
    })
    expect(guess(['Nom', 'Site web', 'Pays', 'Ville', 'Courriel'])).toMatchObject({
      name: 'Nom',
      website: 'Site web',
      country: 'Pays',
      city: 'Ville',
      contactEmail: 'Courriel',
    })
    expect(guess(['Nome', 'Site', 'País', 'Cidade', 'E-mail'])).toMatchObject({
      name: 'Nome',
      website: 'Site',
      country: 'País',
      city: 'Cidade',
      contactEmail: 'E-mail',
    })
    expect(guess(['name', 'domains', 'web_pages', 'country', 'alpha_two_code'])).toMatchObject({
      name: 'name',
      website: 'web_pages',
      country: 'alpha_two_code',
    })
  })
  it('turns country and language names into ISO codes', () => {
    expect(
      ['España', 'Allemagne', 'Alemanha', 'Korea, Republic of', 'Turkiye', 'united kingdom', 'fr', 'UK'].map(
        countryCode,
      ),
    ).toEqual(['ES', 'DE', 'DE', 'KR', 'TR', 'GB', 'FR', 'GB'])
    expect(countryCode('Atlantis')).toBeNull()
    expect(['español', 'Français', 'Portuguese', 'pt-BR', 'EN'].map(languageCode)).toEqual([
      'es',
      'fr',
      'pt',
      'pt',
      'en',
    ])
    expect(languageCode('Klingonese')).toBeNull()
  })
  it('reads dates and counts as spreadsheets write them', () => {
    expect(['2026-03-14', '14/03/2026', '4.3.2026', '2026/3/4', '46095'].map(parseDate)).toEqual([
      '2026-03-14',
      '2026-03-14',
      '2026-03-04',
      '2026-03-04',
      '2026-03-14',
    ])
    expect(parseDate('2026-02-30')).toBeNull()
    expect(parseDate('tomorrow')).toBeNull()
    expect(['1,200', '1.200', '1 200', '35', ''].map((v) => parseCount(v))).toEqual([
      { ok: true, value: 1200 },
      { ok: true, value: 1200 },
      { ok: true, value: 1200 },
      { ok: true, value: 35 },
      { ok: true, value: null },
    ])
    expect(parseCount('-3')).toEqual({ ok: false, reason: 'negativeNumber' })
    expect(parseCount('2.5')).toEqual({ ok: false, reason: 'badNumber' })
  })
})
