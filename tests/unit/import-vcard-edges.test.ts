import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import {
  looksLikeVCard,
  parseVCardBytes,
  parseVCards,
  type VCardContact,
} from '~/models/imports/vcard.server'

// The vCard reader called directly (no upload, no database): what each line of a card becomes.

const blank: VCardContact = {
  line: 1,
  name: '',
  email: '',
  emails: [],
  phone: '',
  organisation: '',
  position: '',
  website: '',
  note: '',
}
const person = (fields: Partial<VCardContact>): VCardContact => ({ ...blank, ...fields })
const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n')
const bytes = (...parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)))
const qp = (text: string, encoding = 'utf-8') =>
  iconv.encode(text, encoding).toString('hex').toUpperCase().replace(/(..)/g, '=$1')

describe('vCard file: where cards begin and end', () => {
  it('numbers each card by its BEGIN line and ignores stray END lines', () => {
    const text = [
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Čeněk Šťastný',
      'END:VCARD',
      'END:VCARD',
      '',
      'begin:vcard  ',
      'VERSION:4.0',
      'FN:Γιώργος Παπαδόπουλος',
      'End:vCard ',
    ].join('\n')
    expect(parseVCards(text)).toEqual([
      person({ line: 2, name: 'Čeněk Šťastný' }),
      person({ line: 8, name: 'Γιώργος Παπαδόπουλος' }),
    ])
  })

  it('a UTF-8 byte order mark before the first card is dropped', () => {
    const file = bytes(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(card('VERSION:3.0', 'FN:Łucja Wąs')))
    expect(parseVCardBytes(file)).toEqual({
      contacts: [person({ name: 'Łucja Wąs' })],
      encoding: 'UTF-8',
    })
  })

  it('a file without cards gives no contacts, read as UTF-8', () => {
    expect(parseVCardBytes(Buffer.from('Łódź, Gdańsk\r\n'))).toEqual({ contacts: [], encoding: 'UTF-8' })
  })

  it('UTF-16 files: detected by their BOM, or read in the UTF-16 chosen by the user', () => {
    const text = card('VERSION:3.0', 'FN:Γιώργος Παπαδόπουλος', 'ORG:Δήμος Θεσσαλονίκης')
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
    const expected = person({ name: 'Γιώργος Παπαδόπουλος', organisation: 'Δήμος Θεσσαλονίκης' })
    expect(parseVCardBytes(le)).toEqual({ contacts: [expected], encoding: 'UTF-16LE' })
    // Mostly Greek: too few zero bytes for detection without a BOM, so only the choice reads it.
    const greek = card(
      'VERSION:3.0',
      'FN:Γιώργος Παπαδόπουλος',
      'NOTE:Συνάντηση στη Θεσσαλονίκη για το σχέδιο κινητικότητας της πόλης και τις ποδηλατικές διαδρομές',
    )
    expect(parseVCardBytes(iconv.encode(greek, 'utf-16le'), 'UTF-16LE')).toEqual({
      contacts: [
        person({
          name: 'Γιώργος Παπαδόπουλος',
          note: 'Συνάντηση στη Θεσσαλονίκη για το σχέδιο κινητικότητας της πόλης και τις ποδηλατικές διαδρομές',
        }),
      ],
      encoding: 'UTF-16LE',
    })
  })

  it('an encoding chosen by the user wins over detection', () => {
    const file = iconv.encode(card('VERSION:3.0', 'FN:Łucja Wąs', 'ORG:Urząd Miasta Łodzi'), 'iso-8859-2')
    expect(parseVCardBytes(file, 'iso-8859-2')).toEqual({
      contacts: [person({ name: 'Łucja Wąs', organisation: 'Urząd Miasta Łodzi' })],
      encoding: 'iso-8859-2',
    })
  })

  it('looksLikeVCard: a BEGIN:VCARD line within the first 4096 characters', () => {
    expect(looksLikeVCard('BEGIN:VCARD')).toBe(true)
    expect(looksLikeVCard('BEGIN:VCARD\r\nVERSION:3.0')).toBe(true)
    expect(looksLikeVCard('Nazwisko;Imię\r\n  begin:vcard  \r\nFN:Łucja Wąs')).toBe(true)
    expect(looksLikeVCard('  BEGIN:VCARD')).toBe(true)
    expect(looksLikeVCard('BEGIN:VCARD  ')).toBe(true)
    expect(looksLikeVCard('NOTE:BEGIN:VCARD')).toBe(false)
    expect(looksLikeVCard('X-BEGIN:VCARD')).toBe(false)
    expect(looksLikeVCard('BEGIN:VCARD2')).toBe(false)
    expect(looksLikeVCard('BEGIN:VCARD;Łódź')).toBe(false)
    expect(looksLikeVCard(`${'Łódź '.repeat(900)}\nBEGIN:VCARD`)).toBe(false)
  })
})

describe('vCard lines: folding, groups, colons', () => {
  it('unfolds CRLF, LF and CR lines continued by a space or a tab', () => {
    const text = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Čeněk\r\n  Šťastný',
      'NOTE:Spotkanie w \r\n\tOstravě\n  o dopravě\rEMAIL:cenek.stastny@ostrava.cz',
      'END:VCARD',
    ].join('\n')
    expect(parseVCards(text)).toEqual([
      person({
        name: 'Čeněk Šťastný',
        note: 'Spotkanie w Ostravě o dopravě',
        email: 'cenek.stastny@ostrava.cz',
        emails: ['cenek.stastny@ostrava.cz'],
      }),
    ])
  })

  it('reads grouped properties (item1.EMAIL) and colons inside quoted parameters', () => {
    const text = card(
      'VERSION:3.0',
      'FN:Łucja Wąs',
      'item1.EMAIL;type=INTERNET:lucja.was@uml.lodz.pl',
      'item1.X-ABLabel:praca',
      'item2.TEL;X-LABEL="Biuro: Łódź":+48 42 638 40 00',
      'Łódź',
    )
    expect(parseVCards(text)).toEqual([
      person({
        name: 'Łucja Wąs',
        email: 'lucja.was@uml.lodz.pl',
        emails: ['lucja.was@uml.lodz.pl'],
        phone: '+48 42 638 40 00',
      }),
    ])
  })

  it('pictures, sounds and keys never reach the parser, even with a parameter it refuses', () => {
    const names = ['PHOTO', 'LOGO', 'SOUND', 'KEY', 'X-MS-OL-DESIGN', 'AGENT']
    const text = names
      .map((n) => card('VERSION:3.0', 'FN:Miren Etxeberria', `${n};=x;TYPE=JPEG:QmFzZTY0`))
      .join('\r\n')
    expect(parseVCards(text).map((c) => c.name)).toEqual(names.map(() => 'Miren Etxeberria'))
  })

  it('a card the parser refuses comes back empty, with no e-mails', () => {
    const text = card('VERSION:3.0', 'FN:Ioana Năstase', 'EMAIL;=x:ioana.nastase@primariatgm.ro')
    expect(parseVCards(text)).toEqual([blank])
  })
})

describe('vCard parameters: encodings and charsets', () => {
  it('quoted-printable: ENCODING= or bare, soft line breaks, CHARSET, N components kept', () => {
    const text = card(
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('Wąs')};${qp('Łucja')};;;`,
      `TITLE;QUOTED-PRINTABLE;CHARSET=UTF-8:${qp('Kierowniczka Wydziału')}=`,
      `${qp(' Kultury')}`,
      `ORG;ENCODING = QUOTED-PRINTABLE ; CHARSET = ISO-8859-2:${qp('Urząd Miasta Łodzi', 'iso-8859-2')}`,
    )
    expect(parseVCards(text)).toEqual([
      person({
        name: 'Łucja Wąs',
        position: 'Kierowniczka Wydziału Kultury',
        organisation: 'Urząd Miasta Łodzi',
      }),
    ])
  })

  it('quoted-printable text keeps backslashes, new lines and commas', () => {
    const text = card(
      'VERSION:2.1',
      'FN:Łucja Wąs',
      `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${qp('Łódź, Piotrkowska 104\r\nC:\\Dane\\Łucja')}`,
    )
    expect(parseVCards(text)).toEqual([
      person({ name: 'Łucja Wąs', note: 'Łódź, Piotrkowska 104\nC:\\Dane\\Łucja' }),
    ])
  })

  it('quoted-printable without CHARSET: UTF-8 bytes as UTF-8, others in the file encoding', () => {
    const file = bytes(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:',
      iconv.encode('Čeněk Šťastný', 'windows-1250'),
      '\r\nORG:',
      iconv.encode('Statutární město Ostrava, Magistrát', 'windows-1250'),
      `\r\nTITLE;ENCODING=QUOTED-PRINTABLE:${qp('Vedoucí odboru', 'windows-1250')}`,
      `\r\nNOTE;ENCODING=QUOTED-PRINTABLE:${qp('Schůzka v Ostravě')}`,
      '\r\nEND:VCARD\r\n',
    )
    expect(parseVCardBytes(file)).toEqual({
      contacts: [
        person({
          name: 'Čeněk Šťastný',
          organisation: 'Statutární město Ostrava, Magistrát',
          position: 'Vedoucí odboru',
          note: 'Schůzka v Ostravě',
        }),
      ],
      encoding: 'windows-1250',
    })
  })

  it('CHARSET in any case and place; an unknown one falls back to the file encoding', () => {
    const file = bytes(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=X-UNKNOWN-8:',
      Buffer.from('Čeněk Šťastný', 'utf8'),
      '\r\nTITLE;charset=iso-8859-2:',
      iconv.encode('Kierowniczka Wydziału', 'iso-8859-2'),
      '\r\nORG;CHARSET=WINDOWS-1250;TYPE=WORK:',
      iconv.encode('Urząd Miasta Łodzi', 'windows-1250'),
      '\r\nEND:VCARD\r\n',
    )
    expect(parseVCardBytes(file, 'UTF-8').contacts).toEqual([
      person({
        name: 'Čeněk Šťastný',
        position: 'Kierowniczka Wydziału',
        organisation: 'Urząd Miasta Łodzi',
      }),
    ])
  })

  it('only QUOTED-PRINTABLE decodes "=XX": 8BIT and plain values keep them', () => {
    const text = card(
      'VERSION:2.1',
      'FN:Miren Etxeberria',
      'URL;ENCODING=8BIT:https://www.vitoria-gasteiz.org/?id=42&lang=eu',
      'NOTE;TYPE=WORK:a=3Db',
    )
    expect(parseVCards(text)).toEqual([
      person({
        name: 'Miren Etxeberria',
        website: 'https://www.vitoria-gasteiz.org/?id=42&lang=eu',
        note: 'a=3Db',
      }),
    ])
  })
})

describe('vCard versions: 2.1 text rules, 3.0 and 4.0 read as such', () => {
  it('2.1: commas are text, "\\n" a new line, other backslashes kept', () => {
    const text = card('VERSION:2.1', 'FN:Wąs\\, Łucja', 'NOTE:Łódź, Gdańsk\\nC:\\Dane\\Łucja')
    expect(parseVCards(text)).toEqual([person({ name: 'Wąs, Łucja', note: 'Łódź, Gdańsk\nC:\\Dane\\Łucja' })])
  })

  it('the VERSION line decides, even padded or after other *-VERSION lines', () => {
    const text = [
      card('X-EXPORT-VERSION:4.0', 'VERSION:2.1 ', 'FN:Ioana Năstase', 'NOTE:Târgu Mureș, România'),
      card('VERSION:3.0', 'FN:Ioana Năstase', 'NOTE:Târgu Mureș, România'),
      card('VERSION: 4.0', 'FN:Ioana Năstase', 'NOTE:Târgu Mureș, România'),
      card('FN:Ioana Năstase', 'NOTE:Târgu Mureș, România'),
    ].join('\r\n')
    // 3.0 (and a card without VERSION, read as 3.0) splits a NOTE at an unescaped comma.
    expect(parseVCards(text).map((c) => [c.line, c.note])).toEqual([
      [1, 'Târgu Mureș, România'],
      [7, 'Târgu Mureș'],
      [12, 'Târgu Mureș, România'],
      [17, 'Târgu Mureș'],
    ])
  })
})

describe('vCard fields: names, e-mails, organisation, position', () => {
  it('every field of a 4.0 card; the first well-formed e-mail is the e-mail', () => {
    const text = card(
      'VERSION:4.0',
      'FN:Miren   Etxeberria  ',
      'EMAIL:',
      'EMAIL;TYPE=home:zaharra: miren@gmail.com',
      'EMAIL:miren@old.eus (zaharra)',
      'EMAIL;VALUE=uri:mailto:Miren.Etxeberria@vitoria-gasteiz.eus  ',
      'TEL;VALUE=uri:tel:+34-945-16-11-00',
      'ORG:Gasteizko Udala;Hirigintza Saila',
      'ROLE:Arkitektoa',
      'URL:https://www.vitoria-gasteiz.org',
      'NOTE:  Lehen lerroa\\nBigarren  ',
    )
    expect(parseVCards(text)).toEqual([
      person({
        name: 'Miren Etxeberria',
        email: 'Miren.Etxeberria@vitoria-gasteiz.eus',
        emails: [
          'zaharra: miren@gmail.com',
          'miren@old.eus (zaharra)',
          'Miren.Etxeberria@vitoria-gasteiz.eus',
        ],
        phone: '+34-945-16-11-00',
        organisation: 'Gasteizko Udala',
        position: 'Arkitektoa',
        website: 'https://www.vitoria-gasteiz.org',
        note: 'Lehen lerroa\nBigarren',
      }),
    ])
  })

  it('without FN the name is N in reading order; TITLE comes before ROLE', () => {
    const text = card('VERSION:4.0', 'N:Năstase;Ioana;Maria,Elena;dr;jr.', 'TITLE:Consilier', 'ROLE:Arhitect')
    expect(parseVCards(text)).toEqual([
      person({ name: 'dr Ioana Maria Elena Năstase jr.', position: 'Consilier' }),
    ])
  })

  it("an organisation's own card (KIND:org, Apple's X-ABShowAs:COMPANY) names no person", () => {
    const text = [
      card('VERSION:4.0', 'KIND:org ', 'FN:Gasteizko Udala', 'ORG:Gasteizko Udala'),
      card('VERSION:3.0', 'FN:Gasteizko Udala', 'ORG:Gasteizko Udala', 'X-ABShowAs:COMPANY '),
      card('VERSION:4.0', 'KIND:organization', 'FN:Gasteizko Udala', 'ORG:Gasteizko Udala'),
      card('VERSION:4.0', 'KIND:org', 'FN:Gasteizko Udala'),
    ].join('\r\n')
    expect(parseVCards(text)).toEqual([
      person({ line: 1, organisation: 'Gasteizko Udala' }),
      person({ line: 7, organisation: 'Gasteizko Udala' }),
      person({ line: 13, name: 'Gasteizko Udala', organisation: 'Gasteizko Udala' }),
      person({ line: 19, name: 'Gasteizko Udala' }),
    ])
  })
})

describe('vCard text: blank lines, quoted parameters, semicolons', () => {
  it('a blank line inside a card is skipped; a fold after it still continues the property', () => {
    const text = card('VERSION:3.0', 'FN:Čeněk Šťastný', 'NOTE:Schůzka v ', '', ' Ostravě')
    expect(parseVCards(text)).toEqual([person({ name: 'Čeněk Šťastný', note: 'Schůzka v Ostravě' })])
  })

  it('a colon inside a quoted parameter does not hide ENCODING after it', () => {
    const text = card(
      'VERSION:2.1',
      'FN:Łucja Wąs',
      `NOTE;X-LABEL="Biuro: Łódź";ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${qp('Piotrkowska 104')}`,
    )
    expect(parseVCards(text)).toEqual([person({ name: 'Łucja Wąs', note: 'Piotrkowska 104' })])
  })

  it('semicolons in 2.1 and quoted-printable text stay plain text, with no backslash', () => {
    const text = card(
      'VERSION:2.1',
      'FN:Łucja Wąs',
      'TITLE:Kierowniczka; Wydział Kultury',
      `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${qp('Piotrkowska 104; Łódź')}`,
    )
    expect(parseVCards(text)).toEqual([
      person({ name: 'Łucja Wąs', position: 'Kierowniczka; Wydział Kultury', note: 'Piotrkowska 104; Łódź' }),
    ])
  })

  it('an escaped semicolon in 3.0 and 4.0 text is a plain semicolon', () => {
    for (const version of ['3.0', '4.0'])
      expect(
        parseVCards(
          card(
            `VERSION:${version}`,
            'FN:Ioana Năstase\\; Primăria',
            'TITLE:Directoare\\; Direcția Cultură\\, Sibiu',
            'NOTE:Întâlnire\\; apoi\\ncafea',
          ),
        ),
      ).toEqual([
        person({
          name: 'Ioana Năstase; Primăria',
          position: 'Directoare; Direcția Cultură, Sibiu',
          note: 'Întâlnire; apoi\ncafea',
        }),
      ])
  })
})
