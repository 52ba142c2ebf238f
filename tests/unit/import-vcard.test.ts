import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { demo } from '#tests/setup/actors'
import { importContactsFromBuffer, parseUpload, parseVCards } from '~/models/imports/index.server'

const card = (...lines: (string | Buffer)[]) =>
  Buffer.concat(lines.map((l) => (typeof l === 'string' ? Buffer.from(l, 'utf8') : l)))

function contactsOf(buffer: Buffer, fileName = 'cards.vcf') {
  const parsed = parseUpload({ buffer, fileName })
  return parsed.rows.map((r) => Object.fromEntries(parsed.headers.map((h, i) => [h, r.values[i]])))
}

describe('vCard: unfold first, then decode', () => {
  it('a line folded inside a UTF-8 character (RFC 6350 3.2) reads whole', () => {
    const a = Buffer.from('ą') // c4 85
    const delta = Buffer.from('Δ') // ce 94
    const bytes = card(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zbigniew W',
      a.subarray(0, 1),
      '\r\n ',
      a.subarray(1),
      's\r\nORG:Urz',
      a,
      'd Miasta Gda',
      Buffer.from('ń'),
      'ska\r\nEMAIL:z.was@gdansk.gda.pl\r\nEND:VCARD\r\n',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ελένη Παπα',
      delta.subarray(0, 1),
      '\r\n\t',
      delta.subarray(1),
      'οπούλου\r\nEND:VCARD\r\n',
    )
    const rows = contactsOf(bytes)
    expect(rows.map((r) => r['Full name'])).toEqual(['Zbigniew Wąs', 'Ελένη ΠαπαΔοπούλου'])
    expect(rows[0].Organisation).toBe('Urząd Miasta Gdańska')
    expect(parseUpload({ buffer: bytes, fileName: 'c.vcf' }).format.encoding).toBe('UTF-8')
  })

  it('honours CHARSET= in 2.1 cards, plain and quoted-printable with soft line breaks', () => {
    const bytes = card(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-2:',
      iconv.encode('Kowalski;Paweł', 'iso-8859-2'),
      '\r\nORG;CHARSET=WINDOWS-1250:',
      iconv.encode('Politechnika Łódzka', 'windows-1250'),
      '\r\nEND:VCARD\r\n',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ma=C5=82gorzata =\r\n',
      'Wi=C5=9B=\r\n',
      'niewska\r\nTITLE;CHARSET=ISO-8859-7;ENCODING=QUOTED-PRINTABLE:',
      iconv.encode('Δήμαρχος', 'iso-8859-7').toString('hex').replace(/(..)/g, '=$1').toUpperCase(),
      '\r\nEND:VCARD\r\n',
    )
    const rows = contactsOf(bytes)
    expect(rows.map((r) => r['Full name'])).toEqual(['Paweł Kowalski', 'Małgorzata Wiśniewska'])
    expect(rows[0].Organisation).toBe('Politechnika Łódzka')
    expect(rows[1]['Job title']).toBe('Δήμαρχος')
  })

  it('a Windows-1250 file without CHARSET is read in the detected code page', () => {
    const bytes = iconv.encode(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Małgorzata Żółkiewska\r\nORG:Urząd Marszałkowski Województwa Pomorskiego\r\nEND:VCARD\r\n',
      'windows-1250',
    )
    expect(contactsOf(bytes)[0]['Full name']).toBe('Małgorzata Żółkiewska')
    expect(parseUpload({ buffer: bytes, fileName: 'c.vcf' }).format.encoding).toBe('windows-1250')
  })

  it('keeps a telephone extension', () => {
    const [uri, text] = parseVCards(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Anna Nowak',
        'TEL;VALUE=uri;TYPE=work:tel:+48-58-323-6000;ext=123',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Jan Nowak',
        'TEL;TYPE=WORK:+48 58 323 60 00 ext. 45',
        'END:VCARD',
      ].join('\r\n'),
    )
    expect(uri.phone).toContain('ext=123')
    const report = importContactsFromBuffer({
      buffer: Buffer.from(
        [
          'BEGIN:VCARD',
          'VERSION:4.0',
          'FN:Anna Nowak-Ext',
          'EMAIL:anna.ext@gdansk.gda.pl',
          'TEL;VALUE=uri;TYPE=work:tel:+48-58-323-6000;ext=123',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:Jan Nowak-Ext',
          'TEL;TYPE=WORK:+48 58 323 60 00 ext. 45',
          'END:VCARD',
        ].join('\r\n'),
      ),
      fileName: 'ext.vcf',
      actor: demo.comms(),
    })
    expect(text.phone).toBe('+48 58 323 60 00 ext. 45')
    const phones = report.created.map(
      (c) =>
        (sqlite().prepare('select phone from contacts where id = ?').get(c.id) as { phone: string }).phone,
    )
    expect(phones).toEqual(['+48-58-323-6000 ext. 123', '+48 58 323 60 00 ext. 45'])
    expect(report.warnings.filter((w) => w.reason === 'problems.phoneIgnored')).toEqual([])
  })
})

describe('vCard: organisations and warnings', () => {
  it('a card with ORG and no name becomes a stakeholder, not a rejection', () => {
    const report = importContactsFromBuffer({
      buffer: Buffer.from(
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'ORG:Donostiako Udala Kartoi Proba',
          'TEL:+34 943 48 10 00',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:4.0',
          'KIND:org',
          'FN:Diputación de Girona Proba',
          'ORG:Diputación de Girona Proba',
          'END:VCARD',
        ].join('\r\n'),
      ),
      fileName: 'orgs.vcf',
      actor: demo.comms(),
    })
    expect(report.rejected).toEqual([])
    expect(report.created.map((c) => c.label)).toEqual([
      'Donostiako Udala Kartoi Proba',
      'Diputación de Girona Proba',
    ])
    const names = sqlite()
      .prepare(
        `select s.name, c.key from stakeholders s join stakeholder_categories c on c.id = s.category_id where s.name like '%Proba'`,
      )
      .all()
    expect(names).toEqual([
      { name: 'Donostiako Udala Kartoi Proba', key: 'other' },
      { name: 'Diputación de Girona Proba', key: 'other' },
    ])
  })

  it('"no stakeholder has this e-mail\'s domain" only when there is an e-mail', () => {
    const report = importContactsFromBuffer({
      buffer: Buffer.from(
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:Without Mail',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:With Mail',
          'EMAIL:someone@nowhere-known.example',
          'END:VCARD',
        ].join('\r\n'),
      ),
      fileName: 'warn.vcf',
      actor: demo.comms(),
    })
    expect(report.warnings.map((w) => [w.label, w.reason])).toEqual([['With Mail', 'problems.noStakeholder']])
  })
})
