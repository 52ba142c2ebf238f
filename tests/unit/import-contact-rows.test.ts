import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { contactAdapter } from '~/models/imports/contact-import.server'
import { importContactsFromBuffer } from '~/models/imports/index.server'
import type { Cell } from '~/models/imports/parse.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { insertStakeholder } from '../setup/records'

/*
 * One row of an address book read by the contacts import, and the writes of its adapter: what
 * becomes of each field, each problem and warning, the stakeholder found, and merged updates.
 */

const row =
  (cells: Record<string, Cell>) =>
  (field: string): Cell =>
    cells[field] ?? ''
const today = new Date().toISOString().slice(0, 10)
const one = <T>(sql: string, ...args: unknown[]) =>
  sqlite()
    .prepare(sql)
    .get(...args) as T

let comms: Actor
let adapter: ReturnType<typeof contactAdapter>
let praha: number
const deusto = 1 // Universidad de Deusto, deusto.es (seeded)

beforeAll(() => {
  comms = demo.comms()
  praha = insertStakeholder('Magistrát hlavního města Prahy', { webDomain: 'praha.example.cz' })
  adapter = contactAdapter({ actor: comms, fileName: 'kontakty.csv' })
})

const base = { lawfulBasis: 'legitimate_interest', basisObtainedAt: today, doNotContact: false }

describe('a full contact row', () => {
  it('reads each field, notes what was given, and finds the stakeholder by the e-mail’s parent domain', () => {
    const result = adapter.readRow(
      row({
        firstName: ' Čeněk ',
        lastName: 'Šťastný',
        email: 'mailto:cenek@odbor.praha.example.cz',
        phone: 'tel:+420 222 123 456;ext=12',
        position: '"Ředitel  odboru"',
        notes: 'Poznámka:\n  Praha',
        languages: 'cs, pl; Klingon',
      }),
      2,
    )
    expect(result).toEqual({
      label: 'Čeněk Šťastný',
      candidate: {
        input: {
          ...base,
          name: 'Čeněk Šťastný',
          email: 'cenek@odbor.praha.example.cz',
          phone: '+420 222 123 456 ext. 12',
          position: 'Ředitel odboru',
          notes: 'Poznámka:\n  Praha',
          languages: ['cs', 'pl'],
          basisSource: 'import: kontakty.csv',
        },
        stakeholderId: praha,
        given: ['name', 'email', 'phone', 'position', 'notes', 'languages'],
      },
      problems: [],
      warnings: [{ reason: 'problems.unknownLanguage', params: { value: 'Klingon' } }],
    })
  })

  it('a name column wins over first and last names; long position and notes are cut', () => {
    const result = adapter.readRow(
      row({
        name: 'Târgu Mureș',
        firstName: 'X',
        position: 'Ș'.repeat(201),
        notes: 'Θ'.repeat(5001),
        organisation: 'universidad de deusto',
      }),
      2,
    )
    expect(result.label).toBe('Târgu Mureș')
    expect(result.candidate?.input.position).toBe('Ș'.repeat(200))
    expect(result.candidate?.input.notes).toBe('Θ'.repeat(5000))
    expect(result.candidate?.stakeholderId).toBe(deusto)
    expect(result.candidate?.given).toEqual(['name', 'position', 'notes'])
    expect(result.warnings).toEqual([])
  })

  it('an e-mail alone is the name; its own domain finds the stakeholder', () => {
    const result = adapter.readRow(row({ email: 'info@deusto.es' }), 2)
    expect(result.label).toBe('info@deusto.es')
    expect(result.candidate?.input.name).toBe('info@deusto.es')
    expect(result.candidate?.stakeholderId).toBe(deusto)
  })

  it('a file name is kept in the source up to 500 characters', () => {
    const long = contactAdapter({ actor: comms, fileName: `${'ł'.repeat(600)}.csv` })
    const input = long.readRow(row({ name: 'Łódź' }), 2).candidate?.input
    expect(input?.basisSource).toBe(`import: ${'ł'.repeat(600)}`.slice(0, 500))
  })
})

describe('the problems and warnings of a contact row', () => {
  it('no name, no e-mail, no organisation: a missing name, unlabelled', () => {
    expect(adapter.readRow(row({ phone: '' }), 3)).toEqual({
      label: '',
      candidate: null,
      problems: [{ reason: 'problems.missingName' }],
      warnings: [],
    })
  })

  it('a bad e-mail and a name over 200 characters', () => {
    const result = adapter.readRow(row({ name: 'Č'.repeat(201), email: 'cenek@@praha' }), 3)
    expect(result.candidate).toBeNull()
    expect(result.problems).toEqual([
      { reason: 'problems.badEmail', params: { value: 'cenek@@praha' } },
      { reason: 'problems.tooLong', params: { field: 'name', max: 200 } },
    ])
  })

  it('a name of exactly 200 characters is kept', () => {
    expect(adapter.readRow(row({ name: 'Č'.repeat(200) }), 3).problems).toEqual([])
  })

  it('a phone that is no phone, or longer than 40 characters, is ignored with a warning', () => {
    for (const phone of ['zavolejte mi', `+420 ${'1'.repeat(36)}`]) {
      const result = adapter.readRow(row({ name: 'Čeněk Šťastný', phone }), 3)
      expect(result.candidate?.input.phone).toBeUndefined()
      expect(result.candidate?.given).toEqual(['name'])
      expect(result.warnings).toEqual([{ reason: 'problems.phoneIgnored', params: { value: phone } }])
    }
    const ok = adapter.readRow(row({ name: 'Čeněk Šťastný', phone: `+420 ${'1'.repeat(35)}` }), 3)
    expect(ok.candidate?.input.phone).toBe(`+420 ${'1'.repeat(35)}`)
  })

  it('an organisation not in the register, and an e-mail domain of no stakeholder, are warnings', () => {
    const org = adapter.readRow(row({ name: 'Ana', organisation: 'Gasteizko Udala (nowa)' }), 4)
    expect(org.candidate?.stakeholderId).toBeNull()
    expect(org.warnings).toEqual([
      { reason: 'problems.organisationNotFound', params: { value: 'Gasteizko Udala (nowa)' } },
    ])
    const mail = adapter.readRow(row({ name: 'Ana', email: 'ana@a.b.nowhere.example' }), 5)
    expect(mail.warnings).toEqual([{ reason: 'problems.noStakeholder', params: { value: '' } }])
    expect(adapter.readRow(row({ name: 'Ana' }), 6).warnings).toEqual([])
  })

  it('the stakeholder chosen for the whole file wins over the organisation and the e-mail', () => {
    const fixed = contactAdapter({ actor: comms, fileName: 'a.csv', stakeholderId: praha })
    const result = fixed.readRow(row({ name: 'Ana', organisation: 'Universidad de Deusto' }), 2)
    expect(result.candidate?.stakeholderId).toBe(praha)
  })
})

describe('an organisation card', () => {
  it('a row with an organisation and no person becomes a stakeholder, keyed by its name', () => {
    const result = adapter.readRow(row({ organisation: `Gasteizko Udala ${'x'.repeat(300)}` }), 2)
    const name = `Gasteizko Udala ${'x'.repeat(300)}`.slice(0, 300)
    expect(result).toEqual({
      label: name,
      candidate: {
        input: { name, languages: [], lawfulBasis: 'legitimate_interest', doNotContact: false },
        stakeholderId: null,
        given: [],
        organisationOnly: name,
      },
      problems: [],
      warnings: [],
    })
    expect(adapter.keys(result.candidate!)).toEqual([
      { match: 'name', value: `gasteizko udala ${'x'.repeat(284)}` },
    ])
  })

  it('is written in the category "Other"; an update of it writes nothing', () => {
    const candidate = adapter.readRow(row({ organisation: 'Gasteizko Udala' }), 2).candidate!
    const id = db.transaction((tx) => adapter.create(tx, candidate))
    expect(
      one<{ name: string; key: string; stage: string }>(
        'select s.name, c.key, s.stage from stakeholders s join stakeholder_categories c on c.id = s.category_id where s.id = ?',
        id,
      ),
    ).toEqual({ name: 'Gasteizko Udala', key: 'other', stage: 'identified' })
    expect(adapter.findExisting({ match: 'name', value: 'gasteizko udala' })).toEqual({
      id,
      label: 'Gasteizko Udala',
    })
    const audits = lastAudit().id
    db.transaction((tx) => adapter.update!(tx, id, candidate))
    expect(lastAudit().id).toBe(audits)
  })
})

describe('writing contacts', () => {
  it('keys by the e-mail, finds the contact, and an update changes only the given fields', () => {
    const first = adapter.readRow(
      row({ name: 'Čeněk Šťastný', email: 'Cenek.Stastny@Praha.example.cz', position: 'Ředitel' }),
      2,
    ).candidate!
    expect(adapter.keys(first)).toEqual([{ match: 'email', value: 'cenek.stastny@praha.example.cz' }])
    expect(adapter.keys(adapter.readRow(row({ name: 'Bez E-mailu' }), 2).candidate!)).toEqual([])
    const id = db.transaction((tx) => adapter.create(tx, first))
    expect(adapter.findExisting({ match: 'email', value: 'cenek.stastny@praha.example.cz' })).toEqual({
      id,
      label: 'Čeněk Šťastný',
    })
    expect(adapter.findExisting({ match: 'email', value: 'nikdo@praha.example.cz' })).toBeNull()
    const again = adapter.readRow(row({ email: 'cenek.stastny@praha.example.cz', phone: '+420 1' }), 3)
    db.transaction((tx) => adapter.update!(tx, id, again.candidate!))
    expect(
      one('select name, email, phone, position, stakeholder_id as s from contacts where id = ?', id),
    ).toEqual({
      name: 'cenek.stastny@praha.example.cz',
      email: 'cenek.stastny@praha.example.cz',
      phone: '+420 1',
      position: 'Ředitel',
      s: praha,
    })
    expect(lastAudit('contact', id).action).toBe('update')
  })

  it('only who may import stakeholders may import contacts', () => {
    expect(() => contactAdapter({ actor: demo.viewer(), fileName: 'a.csv' })).toThrow(ForbiddenError)
  })

  it('the one-call import audits the file; "write nothing" writes nothing when a row is rejected', () => {
    const csv = 'name,email\nGasteizko Udala,udala@gasteiz.example.eus\nČeněk,cenek@@praha\n'
    const all = importContactsFromBuffer({
      buffer: Buffer.from(csv),
      fileName: 'g.csv',
      actor: comms,
      mode: 'all',
    })
    expect(all).toMatchObject({
      aborted: true,
      created: [],
      skipped: [{ line: 2, reason: 'problems.abortedByRejects' }],
    })
    const report = importContactsFromBuffer({ buffer: Buffer.from(csv), fileName: 'g.csv', actor: comms })
    expect(report.created.map((c) => c.line)).toEqual([2])
    expect(lastAudit('import')).toMatchObject({
      userId: comms.id,
      entityId: null,
      action: 'import',
      after: { kind: 'contacts', fileName: 'g.csv', created: 1, updated: 0, skipped: 0, rejected: 1 },
      summary: 'g.csv: 1 contacts created',
    })
  })
})
