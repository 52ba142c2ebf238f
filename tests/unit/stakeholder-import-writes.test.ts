import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { contacts, stakeholders } from '#db/schema'
import { demo } from '#tests/setup/actors'
import { lastAudit } from '#tests/setup/audit'
import { insertStakeholder } from '#tests/setup/records'
import {
  type ImportReport,
  importStakeholdersFromBuffer,
  previewStakeholderImport,
} from '~/models/imports/index.server'

/*
 * The stakeholder import's adapter and one-call entry points (stakeholder-import.server.ts):
 * what it writes (stakeholder, contact, audit rows), the keys that find duplicates, and the
 * options it passes on. Small files, called directly (the HTTP tests cover the pages).
 */

const categoryId = (key: string) =>
  (sqlite().prepare('select id from stakeholder_categories where key = ?').get(key) as { id: number }).id
const contactsOf = (stakeholderId: number) =>
  db
    .select({
      name: contacts.name,
      email: contacts.email,
      languages: contacts.languages,
      lawfulBasis: contacts.lawfulBasis,
      basisObtainedAt: contacts.basisObtainedAt,
      basisSource: contacts.basisSource,
      doNotContact: contacts.doNotContact,
    })
    .from(contacts)
    .where(eq(contacts.stakeholderId, stakeholderId))
    .orderBy(contacts.id)
    .all()
const nameOf = (id: number) =>
  db.select({ name: stakeholders.name }).from(stakeholders).where(eq(stakeholders.id, id)).get()!.name
const csv = (...lines: string[]) => Buffer.from(lines.join('\n'))
const today = () => new Date().toISOString().slice(0, 10)

describe('creating stakeholders from a file', () => {
  it('writes the stakeholder, its contact and their audit rows, then audits the import', () => {
    const seen: ImportReport[] = []
    const report = importStakeholdersFromBuffer({
      buffer: csv(
        'name,website,category,contact name,e-mail',
        'Gasteizko Udala,https://www.gasteiz.example.eus,Local authority,Čeněk Šťastný,CENEK@Gasteiz.example.eus',
      ),
      fileName: 'udalak.csv',
      actor: demo.comms(),
      onAfterWrite: (_tx, r) => seen.push(r),
    })
    expect(report.kind).toBe('stakeholders')
    expect(report.mode).toBe('valid')
    expect(report.aborted).toBe(false)
    const id = report.created[0].id!
    expect(report.created).toEqual([{ line: 2, label: 'Gasteizko Udala', id }])
    expect(contactsOf(id)).toEqual([
      {
        name: 'Čeněk Šťastný',
        email: 'cenek@gasteiz.example.eus',
        languages: [],
        lawfulBasis: 'legitimate_interest',
        basisObtainedAt: today(),
        basisSource: 'import',
        doNotContact: false,
      },
    ])
    const created = lastAudit('stakeholder', id)
    expect([created.action, created.summary]).toEqual(['create', 'Gasteizko Udala'])
    expect(created.after).toMatchObject({
      name: 'Gasteizko Udala',
      categoryId: categoryId('local_authority'),
      website: 'https://www.gasteiz.example.eus',
      webDomain: 'gasteiz.example.eus',
      themeIds: [],
    })
    const imported = lastAudit('import')
    expect(imported).toMatchObject({
      entity: 'import',
      entityId: null,
      action: 'import',
      userId: demo.comms().id,
      after: {
        kind: 'stakeholders',
        fileName: 'udalak.csv',
        created: 1,
        updated: 0,
        skipped: 0,
        rejected: 0,
      },
      summary: 'udalak.csv: 1 created, 0 updated',
    })
    expect(seen).toEqual([report])
  })

  it('gives a contact with only a name or only an e-mail, and none to a row without either', () => {
    const report = importStakeholdersFromBuffer({
      buffer: csv(
        'name,category,contact name,e-mail',
        'Urząd Miasta Łodzi,Local authority,Zofia Wójcik,',
        'Δήμος Θεσσαλονίκης,Local authority,,info@thessaloniki.example.gr',
        'Primăria Târgu Mureș,Local authority,,',
      ),
      fileName: 'miasta.csv',
      actor: demo.comms(),
    })
    expect(report.created.map((c) => c.label)).toEqual([
      'Urząd Miasta Łodzi',
      'Δήμος Θεσσαλονίκης',
      'Primăria Târgu Mureș',
    ])
    const [lodz, thessaloniki, targuMures] = report.created.map((c) => contactsOf(c.id!))
    expect(lodz.map((c) => [c.name, c.email])).toEqual([['Zofia Wójcik', null]])
    expect(thessaloniki.map((c) => [c.name, c.email])).toEqual([
      ['info@thessaloniki.example.gr', 'info@thessaloniki.example.gr'],
    ])
    expect(targuMures).toEqual([])
  })

  it('in mode "all", one rejected row writes nothing and skips the valid rows', () => {
    const before = lastAudit().id
    const report = importStakeholdersFromBuffer({
      buffer: csv('name,category', 'Gasteizko Udala Berria,Local authority', ',Local authority'),
      fileName: 'denak.csv',
      actor: demo.comms(),
      mode: 'all',
    })
    expect([report.mode, report.aborted]).toEqual(['all', true])
    expect(report.created).toEqual([])
    expect(report.skipped).toEqual([
      { line: 2, label: 'Gasteizko Udala Berria', reason: 'problems.abortedByRejects' },
    ])
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'problems.missingName']])
    expect(lastAudit().id).toBe(before)
  })
})

describe('updating a matched stakeholder', () => {
  it('takes the file’s name, and adds the contact e-mail only when the stakeholder lacks it', () => {
    const comms = demo.comms()
    const first = importStakeholdersFromBuffer({
      buffer: csv(
        'name,website,category,e-mail',
        'Arabako Foru Aldundia,https://araba.example.eus,Local authority,idazkaritza@araba.example.eus',
      ),
      fileName: 'araba.csv',
      actor: comms,
    })
    const id = first.created[0].id!
    const again = (name: string, email: string) =>
      importStakeholdersFromBuffer({
        buffer: csv('name,website,e-mail', `${name},https://araba.example.eus/eu,${email}`),
        fileName: 'araba-2.csv',
        actor: comms,
        options: { defaultCategoryId: categoryId('other') },
        decisions: { '2': 'update' },
      })
    // Found by its web domain; the same e-mail again adds no second contact.
    expect(
      again('Arabako Foru Aldundia – Diputación Foral', 'IDAZKARITZA@araba.example.eus').updated,
    ).toEqual([{ line: 2, label: 'Arabako Foru Aldundia – Diputación Foral', id }])
    expect(nameOf(id)).toBe('Arabako Foru Aldundia – Diputación Foral')
    expect(contactsOf(id).map((c) => c.email)).toEqual(['idazkaritza@araba.example.eus'])
    // A new e-mail is added as a contact named by it.
    expect(again('Arabako Foru Aldundia', 'kultura@araba.example.eus').updated.map((u) => u.id)).toEqual([id])
    expect(nameOf(id)).toBe('Arabako Foru Aldundia')
    expect(contactsOf(id).map((c) => [c.name, c.email])).toEqual([
      ['idazkaritza@araba.example.eus', 'idazkaritza@araba.example.eus'],
      ['kultura@araba.example.eus', 'kultura@araba.example.eus'],
    ])
    // No e-mail in the file: nothing to add.
    expect(again('Arabako Foru Aldundia', '').updated.map((u) => u.id)).toEqual([id])
    expect(contactsOf(id)).toHaveLength(2)
  })
})

describe('the keys that find a stakeholder again', () => {
  it('a contact e-mail of the register finds its stakeholder; the same e-mail later in the file repeats that row', () => {
    const comms = demo.comms()
    const existing = importStakeholdersFromBuffer({
      buffer: csv('name,category,e-mail', 'Gmina Miasta Łódź,Local authority,sekretariat@lodz.example.pl'),
      fileName: 'lodz.csv',
      actor: comms,
    }).created[0].id!
    const preview = previewStakeholderImport({
      buffer: csv(
        'name,category,e-mail',
        'Urząd Miasta Łódź,Local authority,SEKRETARIAT@lodz.example.pl',
        'Ośrodek Kultury Górna,Local authority,kultura@gorna.example.pl',
        'Centrum Kultury Górna,Local authority,kultura@gorna.example.pl',
      ),
      fileName: 'lodz-2.csv',
      actor: comms,
    })
    expect(
      preview.duplicates.map((d) => [d.line, d.match, d.value, d.existingId, d.existingLabel, d.firstLine]),
    ).toEqual([
      [2, 'email', 'sekretariat@lodz.example.pl', existing, 'Gmina Miasta Łódź', null],
      [4, 'email', 'kultura@gorna.example.pl', null, 'Ośrodek Kultury Górna', 3],
    ])
    expect(preview.duplicates.map((d) => [d.weak ?? false, d.decision])).toEqual([
      [false, 'skip'],
      [false, 'skip'],
    ])
  })

  it('a web domain that two differently named organisations of the register use is only a hint', () => {
    const website = 'https://agentziak.example.eus'
    const first = insertStakeholder('Garapen Agentzia', { website, webDomain: 'agentziak.example.eus' })
    insertStakeholder('Berrikuntza Agentzia', { website, webDomain: 'agentziak.example.eus' })
    const preview = previewStakeholderImport({
      buffer: csv('name,website,category', `Enplegu Agentzia,${website}/enplegua,Local authority`),
      fileName: 'agentziak.csv',
      actor: demo.comms(),
    })
    expect(preview.duplicates.map((d) => [d.match, d.value, d.existingId, d.weak, d.decision])).toEqual([
      ['domain', 'agentziak.example.eus', first, true, 'create'],
    ])
    expect([preview.toCreate, preview.toSkip]).toEqual([1, 0])
  })

  it('the preview applies the per-line decisions and the default for the register’s duplicates', () => {
    const comms = demo.comms()
    importStakeholdersFromBuffer({
      buffer: csv(
        'name,category',
        'Ayuntamiento de Vitoria-Gasteiz,Local authority',
        'Eusko Jaurlaritza,Other',
      ),
      fileName: 'eus.csv',
      actor: comms,
    })
    const preview = previewStakeholderImport({
      buffer: csv(
        'name,category',
        'Ayuntamiento de Vitoria-Gasteiz,Local authority',
        'Eusko Jaurlaritza,Other',
      ),
      fileName: 'eus-2.csv',
      actor: comms,
      decisions: { '3': 'create' },
      defaultDecision: 'update',
    })
    expect(preview.duplicates.map((d) => [d.line, d.decision])).toEqual([
      [2, 'update'],
      [3, 'create'],
    ])
    expect([preview.toUpdate, preview.toCreate, preview.toSkip]).toEqual([1, 1, 0])
  })
})

describe('a file named after universities', () => {
  const load = (fileName: string, lines: string[], defaultCategoryId?: number) =>
    importStakeholdersFromBuffer({
      buffer: csv(...lines),
      fileName,
      actor: demo.comms(),
      options: defaultCategoryId ? { defaultCategoryId } : undefined,
    })
  const categoryOf = (id: number) =>
    db.select({ c: stakeholders.categoryId }).from(stakeholders).where(eq(stakeholders.id, id)).get()!.c

  it('gets the university category when it has no category column and no default', () => {
    const report = load('Polish-Universities.csv', ['name,country', 'Uniwersytet Łódzki,PL'])
    expect(report.rejected).toEqual([])
    expect(categoryOf(report.created[0].id!)).toBe(categoryId('university'))
  })

  it('keeps a chosen default, and a category column, even so', () => {
    const chosen = load('universities.csv', ['name,country', 'Politechnika Łódzka,PL'], categoryId('other'))
    expect(categoryOf(chosen.created[0].id!)).toBe(categoryId('other'))
    const column = load('universities.csv', [
      'name,category',
      'Πανεπιστήμιο Θεσσαλίας,NGO',
      'Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης,',
    ])
    expect(column.created.map((c) => categoryOf(c.id!))).toEqual([categoryId('ngo')])
    expect(column.rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'problems.missingCategory']])
  })

  it('any other file without a category must choose one', () => {
    const report = load('uczelnie.csv', ['name,country', 'Akademia Sztuk Pięknych w Łodzi,PL'])
    expect(report.created).toEqual([])
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'problems.missingCategory']])
  })

  it('without a "university" category in the list, must choose one too', () => {
    const raw = sqlite()
    raw.prepare(`update stakeholder_categories set key = 'university_old' where key = 'university'`).run()
    try {
      const report = load('universities.csv', ['name,country', 'Universitatea din Târgu Mureș,RO'])
      expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'problems.missingCategory']])
    } finally {
      raw.prepare(`update stakeholder_categories set key = 'university' where key = 'university_old'`).run()
    }
  })
})
