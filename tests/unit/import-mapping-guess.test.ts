import { describe, expect, it } from 'vitest'

import {
  cleanMapping,
  createImportJob,
  type Decision,
  fieldsOf,
  getImportJob,
  guessMapping,
  type ImportKind,
  type ParsedFile,
  previewJob,
  previewStakeholderImport,
  runImportJob,
  saveJobDecisions,
} from '~/models/imports/index.server'

import { demo, sessionUserFor } from '../setup/actors'
import { categoryId, insertStakeholder } from '../setup/records'

/*
 * The mapping step without the pages: which column fills each field, guessed from the headers
 * (in the languages people write them) or, for a file without a header row, from the content;
 * rows read through it, and the duplicates found among them (of the file, of the register).
 */

type Cell = ParsedFile['rows'][number]['values'][number]

/** Every field of the kind unmapped, except the ones given. */
const only = (kind: ImportKind, fields: Record<string, string> = {}) => ({
  ...Object.fromEntries(fieldsOf(kind).map((f) => [f, null])),
  ...fields,
})

const headed = (kind: ImportKind, headers: string[]) =>
  guessMapping(kind, { headers, rows: [], format: { type: 'csv', encoding: 'UTF-8', hasHeader: true } })

/** A file without a header row: its columns are "Column 1", "Column 2"… as parseUpload names them. */
const headless = (kind: ImportKind, rows: Cell[][]) =>
  guessMapping(kind, {
    headers: rows[0].map((_, i) => `Column ${i + 1}`),
    rows: rows.map((values, i) => ({ line: i + 1, values })),
    format: { type: 'csv', encoding: 'UTF-8', hasHeader: false },
  })

describe('headers: each part of a bilingual header is a key', () => {
  it('a Greek / English header is found by either half', () => {
    expect(
      headed('stakeholders', ['Α/Α', 'ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME', 'ΠΟΛΗ / CITY ']),
    ).toStrictEqual(
      only('stakeholders', { name: 'ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME', city: 'ΠΟΛΗ / CITY ' }),
    )
  })

  it('parts split at a slash without spaces, a line break or a parenthesis', () => {
    expect(headed('stakeholders', ['Nazwa/Skrót', 'Nr/Miasto', 'Lp.\nKraj'])).toStrictEqual(
      only('stakeholders', { name: 'Nazwa/Skrót', city: 'Nr/Miasto', country: 'Lp.\nKraj' }),
    )
    expect(headed('contacts', ['Kontakt (e-mail)', 'Nazwisko'])).toStrictEqual(
      only('contacts', { email: 'Kontakt (e-mail)', lastName: 'Nazwisko' }),
    )
  })

  it('a parenthesis inside a header does not split it: "Kraj (nazwa) partnera" is the country', () => {
    expect(headed('stakeholders', ['Nazwa partnera', 'Kraj (nazwa) partnera'])).toStrictEqual(
      only('stakeholders', { name: 'Nazwa partnera', country: 'Kraj (nazwa) partnera' }),
    )
  })
})

describe('headers: exact names first, then names that start with one', () => {
  it('"Website" beats "Website 2" wherever it stands', () => {
    expect(headed('stakeholders', ['Denumire', 'Website 2', 'Website'])).toStrictEqual(
      only('stakeholders', { name: 'Denumire', website: 'Website' }),
    )
  })

  it('"Web page 1" is the website when no header is exactly one; other fields stay unmapped', () => {
    expect(headed('stakeholders', ['Název', 'Web page 1', 'Web page 2', 'Poznámka interní'])).toStrictEqual(
      only('stakeholders', { name: 'Název', website: 'Web page 1' }),
    )
  })
})

describe('headers: a name column beside a surname column is the first name', () => {
  it.each([
    ['Name', 'Surname'],
    ['Nombre', 'Apellidos'],
    ['Nom', 'Nom de famille'],
    ['Nome', 'Sobrenome'],
  ])('"%s" beside "%s"', (first, last) => {
    expect(headed('contacts', [first, last, 'E-mail'])).toStrictEqual(
      only('contacts', { firstName: first, lastName: last, email: 'E-mail' }),
    )
  })

  it('without a surname column, or when the name is a full name, it stays the name', () => {
    expect(headed('contacts', ['Nombre', 'Correo'])).toStrictEqual(
      only('contacts', { name: 'Nombre', email: 'Correo' }),
    )
    expect(headed('contacts', ['Imię i nazwisko', 'Nazwisko', 'Adres e-mail'])).toStrictEqual(
      only('contacts', { name: 'Imię i nazwisko', lastName: 'Nazwisko', email: 'Adres e-mail' }),
    )
  })
})

describe('files without a header row: the content tells', () => {
  it('a column of e-mail addresses is the contact e-mail; the first column with letters the name', () => {
    expect(
      headless('stakeholders', [
        ['kontakt@uml.lodz.pl', 'Urząd Miasta Łodzi'],
        ['info@vitoria-gasteiz.eus', 'Gasteizko Udala'],
      ]),
    ).toStrictEqual(only('stakeholders', { contactEmail: 'Column 1', name: 'Column 2' }))
  })

  it('the name may be the first column; without e-mails no e-mail is mapped', () => {
    expect(headless('stakeholders', [['Gasteizko Udala', '2026']])).toStrictEqual(
      only('stakeholders', { name: 'Column 1' }),
    )
  })

  it('a column without letters is no name; no name is mapped when no column has letters', () => {
    expect(headless('contacts', [['12', '2026-03-14']])).toStrictEqual(only('contacts'))
  })

  it('contacts: cells are trimmed, lists read by their first value, blank cells skipped', () => {
    expect(
      headless('contacts', [
        ['12', ['Čeněk Šťastný'], ' cenek@example.cz'],
        [[], ['Ioana Pop', 'Ioana Popescu'], 'ioana@example.ro '],
        ['7', '', ''],
      ]),
    ).toStrictEqual(only('contacts', { email: 'Column 3', name: 'Column 2' }))
  })

  it('an address with a name before or after it is text, not an e-mail column', () => {
    expect(headless('contacts', [['Čeněk Šťastný cenek@example.cz']])).toStrictEqual(
      only('contacts', { name: 'Column 1' }),
    )
    expect(headless('contacts', [['ioana@example.ro Ioana Pop']])).toStrictEqual(
      only('contacts', { name: 'Column 1' }),
    )
  })

  it('actions: the text column is the title; actions have no e-mail field', () => {
    expect(headless('actions', [['2026-03-14', 'Warsztaty w Łodzi', 'warsztaty@example.pl']])).toStrictEqual(
      only('actions', { title: 'Column 2' }),
    )
  })

  it('registrations: the e-mail column is the e-mail, the name the next text column', () => {
    expect(
      headless('registrations', [
        ['jan.kowalski@example.pl', 'Jan Kowalski', 'tak'],
        ['eleni@example.gr', 'Ελένη Παπαδοπούλου', 'ναι'],
      ]),
    ).toStrictEqual(only('registrations', { email: 'Column 1', name: 'Column 2' }))
  })
})

describe('a mapping sent back by the page is cleaned', () => {
  it('keeps this kind’s fields mapped to this file’s headers; drops the rest', () => {
    expect(
      cleanMapping('contacts', ['Adres e-mail', 'Nazwisko'], {
        email: 'Adres e-mail',
        lastName: 'Nazwisko ',
        phone: 7,
        notes: ['Nazwisko'],
        city: 'Nazwisko',
      }),
    ).toStrictEqual(only('contacts', { email: 'Adres e-mail' }))
  })
})

const preview = (csv: string, extra: { defaultDecision?: Decision } = {}) =>
  previewStakeholderImport({
    buffer: Buffer.from(csv),
    fileName: 'partnerzy.csv',
    actor: demo.comms(),
    options: { defaultCategoryId: categoryId('ngo') },
    ...extra,
  })

describe('rows read through the mapping', () => {
  it('a row shorter than the header row reads its missing cells as empty', () => {
    const summary = preview('Nazwa;Miasto;Kraj\nGasteizko Udala;Vitoria-Gasteiz\n')
    expect(summary).toMatchObject({ total: 1, valid: 1, rejectedRows: 0, warnings: [], duplicates: [] })
  })
})

describe('duplicates: of an earlier row, of the register', () => {
  it('a row repeating an earlier row of the file may be skipped or created; skipped by default', () => {
    expect(
      preview('Nazwa;Miasto\nUrząd Gminy Čeněk;Brno\nURZĄD GMINY ČENĚK;Brno\n').duplicates,
    ).toStrictEqual([
      {
        line: 3,
        label: 'URZĄD GMINY ČENĚK',
        match: 'name',
        value: 'urzad gminy cenek',
        existingId: null,
        existingLabel: 'Urząd Gminy Čeněk',
        firstLine: 2,
        choices: ['skip', 'create'],
        decision: 'skip',
      },
    ])
  })

  it('a stakeholder of the register may be updated: the default chosen applies to it', () => {
    const id = insertStakeholder('Δήμος Θεσσαλονίκης')
    const file = 'Nazwa;Miasto\nΔήμος Θεσσαλονίκης;Θεσσαλονίκη\n'
    const match = {
      line: 2,
      label: 'Δήμος Θεσσαλονίκης',
      match: 'name',
      value: 'δημος θεσσαλονικης',
      existingId: id,
      existingLabel: 'Δήμος Θεσσαλονίκης',
      firstLine: null,
      choices: ['skip', 'update', 'create'],
    }
    expect(preview(file, { defaultDecision: 'update' }).duplicates).toStrictEqual([
      { ...match, decision: 'update' },
    ])
    expect(preview(file).duplicates).toStrictEqual([{ ...match, decision: 'skip' }])
  })

  it('a web domain two organisations of the file share is a hint: the register’s name still matches', () => {
    const id = insertStakeholder('Primăria Municipiului Târgu Mureș')
    const { duplicates } = preview(
      [
        'Nazwa;Strona www',
        'Consiliul Județean Mureș;https://www.tirgumures.ro/cj',
        'Primăria Municipiului Târgu Mureș;https://www.tirgumures.ro',
      ].join('\n'),
    )
    expect(duplicates.map((d) => [d.line, d.match, d.existingId, d.firstLine, d.decision])).toEqual([
      [3, 'name', id, null, 'skip'],
    ])
  })
})

describe('duplicates of actions: they cannot be updated', () => {
  const partner = () => sessionUserFor('partner@demo.ripple')
  async function actionsJob(lines: string[]) {
    const id = await createImportJob({
      kind: 'actions',
      user: partner(),
      fileName: 'działania.csv',
      buffer: Buffer.from(lines.join('\n')),
      partnerId: partner().partnerId,
    })
    return () => getImportJob(id, partner(), 'actions')!
  }

  it('an action of the register may be skipped or created; a default of "update" means skip', async () => {
    const lines = ['title;date;type', 'Warsztaty w Łodzi;2026-03-14;Webinar']
    const created = (await runImportJob((await actionsJob(lines))(), partner())).created[0].id
    const again = await actionsJob(lines)
    saveJobDecisions(again(), { mode: 'valid', defaultDecision: 'update', perLine: {} })
    expect((await previewJob(again(), partner())).summary.duplicates).toStrictEqual([
      {
        line: 2,
        label: 'Warsztaty w Łodzi',
        match: 'action',
        value: '2026-03-14|warsztaty w lodzi',
        existingId: created,
        existingLabel: 'Warsztaty w Łodzi',
        firstLine: null,
        choices: ['skip', 'create'],
        decision: 'skip',
      },
    ])
  })
})
