import { describe, expect, it } from 'vitest'

import { guessMapping, type ImportKind, parseUpload } from '~/models/imports/index.server'

const refusal = (buffer: Uint8Array, fileName: string) => {
  try {
    parseUpload({ buffer, fileName })
  } catch (e) {
    return (e as { reason?: string }).reason
  }
  return 'parsed'
}

const geo = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Ajuntament de Barcelona', country: 'ES', members: ['a', 'b'] },
      geometry: { type: 'Point', coordinates: [2.1768, 41.3828] },
    },
    {
      type: 'Feature',
      properties: { name: 'Δήμος Θεσσαλονίκης', country: 'EL' },
      geometry: { type: 'Point', coordinates: [22.9444, 40.6401] },
    },
  ],
}

describe('JSON and GeoJSON', () => {
  it('a GeoJSON FeatureCollection: properties are columns, the point gives latitude and longitude', () => {
    const parsed = parseUpload({ buffer: Buffer.from(JSON.stringify(geo)), fileName: 'members.geojson' })
    expect(parsed.format.type).toBe('geojson')
    expect(parsed.headers).toEqual(['name', 'country', 'members', 'latitude', 'longitude'])
    expect(parsed.rows.map((r) => r.values)).toEqual([
      ['Ajuntament de Barcelona', 'ES', ['a', 'b'], '41.3828', '2.1768'],
      ['Δήμος Θεσσαλονίκης', 'EL', '', '40.6401', '22.9444'],
    ])
  })

  it('GeoJSON or a JSON list wrapped in a JavaScript assignment or call', () => {
    for (const wrap of [
      (j: string) => `var members = ${j};\n`,
      (j: string) => `window.UAdata = ${j}`,
      (j: string) => `export default ${j};`,
      (j: string) => `callback(${j});`,
    ]) {
      const parsed = parseUpload({ buffer: Buffer.from(wrap(JSON.stringify(geo))), fileName: 'members.js' })
      expect(parsed.rows.length).toBe(2)
      expect(parsed.headers).toContain('latitude')
    }
    const list = `var partners = ${JSON.stringify([{ name: 'Gemeente Gent', city: 'Gent' }])};`
    expect(parseUpload({ buffer: Buffer.from(list), fileName: 'p.txt' }).rows[0].values).toEqual([
      'Gemeente Gent',
      'Gent',
    ])
  })
})

describe('anything else is refused with a reason, never read as a CSV of junk columns', () => {
  it('workbooks, PDF, HTML, XML, RTF and wide junk', () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(200, 0x41)])
    expect(refusal(zip, 'list.xlsx')).toBe('errors.workbook')
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x41]), 'old.xls')).toBe(
      'errors.workbook',
    )
    expect(refusal(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n'), 'list.pdf')).toBe(
      'errors.document',
    )
    expect(
      refusal(Buffer.from('<!DOCTYPE html>\n<html><body><table><tr><td>a,b</td></tr></table>'), 'l.csv'),
    ).toBe('errors.markup')
    expect(refusal(Buffer.from('<?xml version="1.0"?><rows><row a="1,2"/></rows>'), 'l.xml')).toBe(
      'errors.markup',
    )
    expect(refusal(Buffer.from('{\\rtf1\\ansi Name, City}'), 'l.rtf')).toBe('errors.document')
    const junk = Array.from({ length: 3000 }, (_, i) => `x${i}`).join(',')
    expect(refusal(Buffer.from(`${junk}\n`), 'junk.csv')).toBe('errors.notTable')
    expect(refusal(Buffer.from('{"type":"FeatureCollection","features":7}'), 'a.geojson')).toBe(
      'errors.geojsonShape',
    )
  })
})

describe('headers in many languages', () => {
  const guess = (kind: ImportKind, headers: string[]) =>
    guessMapping(kind, { headers, rows: [], format: { type: 'csv', encoding: 'UTF-8', hasHeader: true } })

  it('bilingual headers, line breaks and trailing spaces', () => {
    expect(
      guess('stakeholders', [
        'Α/Α',
        'ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME',
        'ΠΟΛΗ / CITY ',
        'ΧΩΡΑ\nCOUNTRY',
        'Ιστοσελίδα  ',
      ]),
    ).toMatchObject({
      name: 'ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME',
      city: 'ΠΟΛΗ / CITY ',
      country: 'ΧΩΡΑ\nCOUNTRY',
      website: 'Ιστοσελίδα  ',
    })
    expect(
      guess('stakeholders', ['Nazwa\nbeneficjenta', 'Tytuł projektu', 'Miejscowość ', 'Kraj']),
    ).toMatchObject({
      name: 'Nazwa\nbeneficjenta',
      city: 'Miejscowość ',
      country: 'Kraj',
    })
  })

  it.each([
    ['de', ['Name der Organisation', 'Stadt', 'Land', 'Webseite', 'E-Mail-Adresse', 'Ansprechpartner']],
    ['it', ['Denominazione', 'Comune', 'Paese', 'Sito web', 'Posta elettronica', 'Referente']],
    ['pt', ['Designação', 'Cidade', 'País', 'Sítio web', 'E-mail', 'Contacto']],
    [
      'pl',
      ['Nazwa podmiotu', 'Miejscowość', 'Kraj', 'Strona internetowa', 'Adres e-mail', 'Osoba kontaktowa'],
    ],
    ['nl', ['Naam organisatie', 'Plaats', 'Land', 'Website', 'E-mailadres', 'Contactpersoon']],
    ['el', ['Επωνυμία', 'Πόλη', 'Χώρα', 'Ιστοσελίδα', 'Ηλεκτρονικό ταχυδρομείο', 'Υπεύθυνος επικοινωνίας']],
    ['ro', ['Denumire', 'Localitate', 'Țara', 'Pagina web', 'Adresa de e-mail', 'Persoana de contact']],
    ['cs', ['Název organizace', 'Obec', 'Stát', 'Webové stránky', 'E-mailová adresa', 'Kontaktní osoba']],
    ['hu', ['Szervezet neve', 'Település', 'Ország', 'Honlap', 'E-mail cím', 'Kapcsolattartó']],
    ['fr', ['Nom du bénéficiaire', 'Commune', 'Pays', 'Site internet', 'Courriel', 'Nom du contact']],
  ])('stakeholder headers in %s', (_, headers) => {
    const [name, city, country, website, contactEmail, contactName] = headers
    expect(guess('stakeholders', headers)).toMatchObject({
      name,
      city,
      country,
      website,
      contactEmail,
      contactName,
    })
  })

  it('contact and action headers', () => {
    expect(
      guess('contacts', ['Vorname', 'Nachname', 'E-Mail-Adresse', 'Telefon', 'Funktion', 'Firma']),
    ).toMatchObject({
      firstName: 'Vorname',
      lastName: 'Nachname',
      email: 'E-Mail-Adresse',
      phone: 'Telefon',
      position: 'Funktion',
      organisation: 'Firma',
    })
    expect(guess('contacts', ['Imię', 'Nazwisko', 'Stanowisko', 'Instytucja'])).toMatchObject({
      firstName: 'Imię',
      lastName: 'Nazwisko',
      position: 'Stanowisko',
      organisation: 'Instytucja',
    })
    expect(guess('actions', ['Data', 'Rodzaj', 'Tytuł', 'Uczestnicy', 'Zasięg', 'Opis'])).toMatchObject({
      date: 'Data',
      type: 'Rodzaj',
      title: 'Tytuł',
      participants: 'Uczestnicy',
      onlineReach: 'Zasięg',
      description: 'Opis',
    })
    expect(guess('actions', ['Ημερομηνία', 'Τύπος', 'Τίτλος', 'Συμμετέχοντες'])).toMatchObject({
      date: 'Ημερομηνία',
      type: 'Τύπος',
      title: 'Τίτλος',
      participants: 'Συμμετέχοντες',
    })
  })
})
