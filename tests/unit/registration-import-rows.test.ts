import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import type { Cell } from '~/models/imports/parse.server'
import { readYesNo, registrationAdapter } from '~/models/imports/registration-import.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

/*
 * One registrant row read by the registrations import (the file and the job are in
 * registration-import.test.ts): each problem a user can meet, and what is written.
 */

const row =
  (cells: Record<string, Cell>) =>
  (field: string): Cell =>
    cells[field] ?? ''
const today = new Date().toISOString().slice(0, 10)

let event: { id: number; hostPartnerId: number | null }
let adapter: ReturnType<typeof registrationAdapter>

beforeAll(() => {
  const partner = demo.partner()
  const id = db.transaction((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind: 'webinar',
        title: 'Θεσσαλονίκη webinar',
        startDate: '2030-06-01',
        online: 'on',
        hostPartnerId: String(partner.partnerId),
      }),
      demo.comms(),
    ),
  )
  event = { id, hostPartnerId: partner.partnerId }
  adapter = registrationAdapter({ actor: partner, event, fileName: 'lista.csv' })
})

describe('a registrant row', () => {
  it('with consent: the date and the file are recorded; whitespace collapsed, the organisation cut at 300', () => {
    const result = adapter.readRow(
      row({
        name: ' Čeněk   Šťastný ',
        email: 'mailto:cenek@praha.example.cz',
        organisation: 'Ș'.repeat(301),
        consent: 'ano',
        attended: '',
      }),
      2,
    )
    expect(result).toEqual({
      label: 'Čeněk Šťastný',
      candidate: {
        input: {
          name: 'Čeněk Šťastný',
          email: 'cenek@praha.example.cz',
          organisation: 'Ș'.repeat(300),
          consent: true,
          consentAt: today,
          consentWording: 'import: lista.csv',
        },
        attended: null,
      },
      problems: [],
      warnings: [],
    })
  })

  it('without consent: no date nor wording; no e-mail nor organisation', () => {
    const result = adapter.readRow(row({ name: 'Gasteizko Udala', consent: 'ez', attended: 'bai' }), 2)
    expect(result.candidate).toEqual({
      input: {
        name: 'Gasteizko Udala',
        email: undefined,
        organisation: undefined,
        consent: false,
        consentAt: undefined,
        consentWording: undefined,
      },
      attended: true,
    })
    expect(adapter.keys(result.candidate!)).toEqual([])
  })

  it('every problem: no name, a bad e-mail, consent and attendance that are not yes or no', () => {
    expect(adapter.readRow(row({ email: 'x@@y', consent: 'może', attended: 'chyba' }), 4)).toEqual({
      label: 'x@@y',
      candidate: null,
      problems: [
        { reason: 'problems.missingName' },
        { reason: 'problems.badEmail', params: { value: 'x@@y' } },
        { reason: 'problems.yesNo', params: { field: 'consent', value: 'może' } },
        { reason: 'problems.yesNo', params: { field: 'attended', value: 'chyba' } },
      ],
      warnings: [],
    })
  })

  it('a name over 200 characters, an e-mail over 254, consent blank', () => {
    const email = `${'a'.repeat(250)}@b.pl`
    expect(adapter.readRow(row({ name: 'Ł'.repeat(201), email }), 5).problems).toEqual([
      { reason: 'problems.tooLong', params: { field: 'name', max: 200 } },
      { reason: 'problems.badEmail', params: { value: email } },
      { reason: 'problems.consentMissing' },
    ])
    const fits = `${'a'.repeat(249)}@b.pl`
    expect(adapter.readRow(row({ name: 'Ł'.repeat(200), email: fits, consent: 'tak' }), 5).problems).toEqual(
      [],
    )
  })
})

describe('writing registrants', () => {
  const registrant = (id: number) =>
    sqlite().prepare('select name, email, consent, attended from event_registrations where id = ?').get(id)

  it('created present when the file says so; found again by e-mail in any case; an update keeps attendance', () => {
    const present = adapter.readRow(
      row({ name: 'Târgu Mureș', email: 'Targu@Mures.example.ro', consent: 'da', attended: 'da' }),
      2,
    ).candidate!
    expect(adapter.keys(present)).toEqual([{ match: 'email', value: 'targu@mures.example.ro' }])
    const id = db.transaction((tx) => adapter.create(tx, present))
    expect(registrant(id)).toEqual({
      name: 'Târgu Mureș',
      email: 'Targu@Mures.example.ro',
      consent: 1,
      attended: 1,
    })
    expect(adapter.findExisting({ match: 'email', value: 'targu@mures.example.ro' })).toEqual({
      id,
      label: 'Târgu Mureș',
    })
    const again = adapter.readRow(
      row({ name: 'Târgu Mureș (2)', email: 'targu@mures.example.ro', consent: 'nu' }),
      3,
    )
    db.transaction((tx) => adapter.update!(tx, id, again.candidate!))
    expect(registrant(id)).toEqual({
      name: 'Târgu Mureș (2)',
      email: 'targu@mures.example.ro',
      consent: 0,
      attended: 1,
    })
    const absent = adapter.readRow(row({ name: 'Łódź', consent: 'tak', attended: 'nie' }), 4).candidate!
    expect(registrant(db.transaction((tx) => adapter.create(tx, absent)))).toMatchObject({ attended: 0 })
  })

  it('another event’s registrant with the same e-mail is not found', () => {
    const other = registrationAdapter({
      actor: demo.comms(),
      event: { id: 1, hostPartnerId: 4 },
      fileName: 'a.csv',
    })
    expect(other.findExisting({ match: 'email', value: 'targu@mures.example.ro' })).toBeNull()
  })

  it('a partner of another host may not import registrants', () => {
    expect(() => registrationAdapter({ actor: demo.partner2(), event, fileName: 'a.csv' })).toThrow(
      ForbiddenError,
    )
  })
})

describe('readYesNo', () => {
  it('knows every listed word for yes and for no', () => {
    const yes = [
      'yes',
      'Y',
      'true',
      '1',
      'x',
      'Sí',
      's',
      'oui',
      'ja',
      'j',
      'tak',
      't',
      'ναι',
      'da',
      'ano',
      'bai',
    ]
    for (const v of [...yes, 'igen', 'sim', '✔', '☑']) expect(readYesNo(v), v).toBe(true)
    for (const v of ['no', 'n', 'false', '0', 'non', 'nein', 'nie', 'όχι', 'ne', 'nu', 'ez', 'nem', 'não'])
      expect(readYesNo(v), v).toBe(false)
    for (const v of ['✓✓', 'xx', 'yes please']) expect(readYesNo(v), v).toBeUndefined()
  })
})
