import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { contacts, stakeholderCategories, stakeholders } from '#db/schema'
import { demo } from '#tests/setup/actors'
import {
  createImportJob,
  getImportJob,
  importStakeholdersFromBuffer,
  previewStakeholderImport,
  runImportJob,
  saveJobValueChoices,
} from '~/models/imports/index.server'
import { nameKey } from '~/utils/text'

import { sessionUserFor } from '../setup/actors'

/*
 * One row of a stakeholder file read into a stakeholder (stakeholder-row.server.ts) and the
 * words its list fields are known by (stakeholder-words.server.ts): the values written, and
 * every problem and warning a row can carry, with its parameters.
 */

const categoryId = (key: string) =>
  (sqlite().prepare('select id from stakeholder_categories where key = ?').get(key) as { id: number }).id
const file = (...lines: string[]) => Buffer.from(lines.join('\n'))
const stakeholder = (id: number) => db.select().from(stakeholders).where(eq(stakeholders.id, id)).get()!
const preview = (lines: string[], defaultCategoryId?: number) =>
  previewStakeholderImport({
    buffer: file(...lines),
    fileName: 'erakundeak.csv',
    actor: demo.comms(),
    options: defaultCategoryId ? { defaultCategoryId } : undefined,
  })
const issues = (rows: { line: number; label: string; reason: string; params?: unknown }[]) =>
  rows.map((r) => [r.line, r.label, r.reason, r.params])

/** The category names a problem lists (the project's categories, in their order). */
const ACCEPTED_CATEGORIES =
  'University, Interreg project, URBACT network, Horizon / H2020 project, Other EU-funded project, ' +
  'Network or association of cities, Local or regional authority, National authority, ' +
  'EU institution or Urban Agenda partnership, Media, NGO / civil society, Business, Citizen group, Other'

const everyColumn =
  'name,acronym,category,programme,period,scale,country,city,website,description,languages,stage,contact name,e-mail'

describe('a row read into a stakeholder', () => {
  it('writes every column, tidying spaces (but the description’s lines) and the web address', () => {
    const partner = demo.partner().partnerId!
    const report = importStakeholdersFromBuffer({
      buffer: file(
        everyColumn,
        '"  Gasteizko   Udala ",GU,Local authority,"Interreg   Europe",2021-2027,Municipal,España,Vitoria-Gasteiz,www.vitoria-gasteiz.example.eus,"Udala.\n  Bigarren lerroa. ",eu; Polski,Contactado,"Čeněk  Šťastný",MAILTO:Cenek@Gasteiz.example.eus',
        'Târgu Mureș,,Other,,,,,,HTTP://tirgumures.example.ro,,,,,',
      ),
      fileName: 'udalak.csv',
      actor: demo.comms(),
      options: { ownerPartnerId: partner },
    })
    expect(report.rejected).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.created.map((c) => c.label)).toEqual(['Gasteizko Udala', 'Târgu Mureș'])
    const [full, bare] = report.created.map((c) => stakeholder(c.id!))
    expect(full).toMatchObject({
      name: 'Gasteizko Udala',
      acronym: 'GU',
      categoryId: categoryId('local_authority'),
      programme: 'Interreg Europe',
      period: '2021-2027',
      scale: 'local',
      country: 'ES',
      city: 'Vitoria-Gasteiz',
      website: 'https://www.vitoria-gasteiz.example.eus',
      webDomain: 'vitoria-gasteiz.example.eus',
      description: 'Udala.\n  Bigarren lerroa.',
      languages: ['eu', 'pl'],
      stage: 'contacted',
      ownerPartnerId: partner,
    })
    expect(bare).toMatchObject({
      name: 'Târgu Mureș',
      acronym: null,
      programme: null,
      period: null,
      scale: null,
      country: null,
      city: null,
      website: 'HTTP://tirgumures.example.ro',
      description: null,
      languages: [],
      stage: 'identified',
      ownerPartnerId: partner,
    })
    const people = db
      .select({ s: contacts.stakeholderId, name: contacts.name, email: contacts.email })
      .from(contacts)
      .where(eq(contacts.stakeholderId, full.id))
      .all()
    expect(people).toEqual([{ s: full.id, name: 'Čeněk Šťastný', email: 'cenek@gasteiz.example.eus' }])
  })

  it('an update changes only the columns the file gives, category included', () => {
    const comms = demo.comms()
    const id = importStakeholdersFromBuffer({
      buffer: file(
        everyColumn,
        'Donostiako Udala,DU,Local authority,URBACT,2014-2020,Local,ES,Donostia,donostia.example.eus,Hiria.,eu,Engaged,,',
      ),
      fileName: 'donostia.csv',
      actor: comms,
    }).created[0].id!
    const before = stakeholder(id)
    const report = importStakeholdersFromBuffer({
      buffer: file('name,category,city', 'Donostiako Udala,NGO,San Sebastián'),
      fileName: 'donostia-2.csv',
      actor: comms,
      decisions: { '2': 'update' },
    })
    expect(report.updated.map((u) => u.id)).toEqual([id])
    const after = stakeholder(id)
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({
      ...before,
      categoryId: categoryId('ngo'),
      city: 'San Sebastián',
      searchText: after.searchText,
    })
  })
})

describe('the problems that reject a row, in the order they are found', () => {
  it('names the missing name, the category, the web address and the e-mail, labelled by what the row has', () => {
    const summary = preview([
      everyColumn,
      ',,Atlantis,,,,,,ftp://files.example.eus,,,,,mailto:not-an-email',
      ',,,,,,,,,,,,,kontaktua@example.eus',
      'Eusko Legebiltzarra,,,,,,,,not a url,,,,,',
    ])
    expect(issues(summary.rejected)).toEqual([
      [2, 'ftp://files.example.eus', 'problems.missingName', undefined],
      [
        2,
        'ftp://files.example.eus',
        'problems.unknownCategory',
        { value: 'Atlantis', accepted: ACCEPTED_CATEGORIES },
      ],
      [2, 'ftp://files.example.eus', 'problems.badUrl', { value: 'ftp://files.example.eus' }],
      [2, 'ftp://files.example.eus', 'problems.badEmail', { value: 'not-an-email' }],
      [3, 'kontaktua@example.eus', 'problems.missingName', undefined],
      [3, 'kontaktua@example.eus', 'problems.missingCategory', undefined],
      [4, 'Eusko Legebiltzarra', 'problems.missingCategory', undefined],
      [4, 'Eusko Legebiltzarra', 'problems.badUrl', { value: 'not a url' }],
    ])
    expect([summary.rejectedRows, summary.valid]).toEqual([3, 0])
  })

  it('checks the lengths only of rows without other problems, each against its limit', () => {
    const long = (n: number) => 'ł'.repeat(n)
    const summary = preview(
      [
        'name,acronym,programme,period,city,website,description',
        `${long(300)},${long(60)},${long(200)},${long(60)},${long(120)},,${long(5000)}`,
        `${long(301)},${long(61)},${long(201)},${long(61)},${long(121)},https://${'abcdefghij.'.repeat(45)}eu,${long(5001)}`,
        `,${long(61)},,,,,`,
      ],
      categoryId('other'),
    )
    const label = long(301)
    expect(issues(summary.rejected)).toEqual([
      [3, label, 'problems.tooLong', { field: 'name', max: 300 }],
      [3, label, 'problems.tooLong', { field: 'acronym', max: 60 }],
      [3, label, 'problems.tooLong', { field: 'programme', max: 200 }],
      [3, label, 'problems.tooLong', { field: 'period', max: 60 }],
      [3, label, 'problems.tooLong', { field: 'city', max: 120 }],
      [3, label, 'problems.tooLong', { field: 'website', max: 500 }],
      [3, label, 'problems.tooLong', { field: 'description', max: 5000 }],
      [4, '', 'problems.missingName', undefined],
    ])
    expect(summary.valid).toBe(1)
  })
})

describe('the warnings that leave a value empty', () => {
  it('an unknown country, scale, stage or language, and an unknown category with a default', () => {
    const summary = preview(
      [everyColumn, 'Bilboko Udala,,Udaletxea,,,Auzoa,Atlantis,,,,eu; klingon,Lo egiten,,'],
      categoryId('local_authority'),
    )
    expect(summary.rejected).toEqual([])
    expect(issues(summary.warnings)).toEqual([
      [2, 'Bilboko Udala', 'problems.unknownCategoryDefault', { value: 'Udaletxea' }],
      [2, 'Bilboko Udala', 'problems.unknownCountry', { value: 'Atlantis' }],
      [
        2,
        'Bilboko Udala',
        'problems.unknownScale',
        { value: 'Auzoa', accepted: 'Local, Regional, National, European, Global' },
      ],
      [
        2,
        'Bilboko Udala',
        'problems.unknownStage',
        { value: 'Lo egiten', accepted: 'Identified, Contacted, Engaged, Collaborating, Dormant' },
      ],
      [2, 'Bilboko Udala', 'problems.unknownLanguage', { value: 'klingon' }],
    ])
    // An empty category with a default is no warning.
    expect(preview(['name,category', 'Bizkaiko Foru Aldundia,'], categoryId('other')).warnings).toEqual([])
  })
})

describe('the category list', () => {
  it('an archived category is no longer matched; a category of the project’s own is, by its name', () => {
    const own = db
      .insert(stakeholderCategories)
      .values({ name: 'Kooperatiba', sortOrder: 999 })
      .returning({ id: stakeholderCategories.id })
      .get().id
    db.update(stakeholderCategories)
      .set({ archivedAt: '2026-01-01T00:00:00.000Z' })
      .where(eq(stakeholderCategories.key, 'media'))
      .run()
    try {
      const report = importStakeholdersFromBuffer({
        buffer: file('name,category', 'Mondragon Korporazioa,KOOPERATIBA', 'Berria,Media'),
        fileName: 'kooperatibak.csv',
        actor: demo.comms(),
      })
      expect(report.rejected.map((r) => [r.line, r.reason, r.params?.value])).toEqual([
        [3, 'problems.unknownCategory', 'Media'],
      ])
      expect(report.created.map((c) => stakeholder(c.id!).categoryId)).toEqual([own])
    } finally {
      db.update(stakeholderCategories)
        .set({ archivedAt: null })
        .where(eq(stakeholderCategories.key, 'media'))
        .run()
    }
  })
})

// The words of stakeholder-words.server.ts that no category name, key or translation already
// matches (so each one is the only way its row is read), then a translation and a key.
const categoryWords: [string, string][] = [
  ['Université', 'university'],
  ['Universidade', 'university'],
  ['Higher education', 'university'],
  ['Universities', 'university'],
  ['Red de ciudades', 'city_network'],
  ['Réseau de villes', 'city_network'],
  ['Rede de cidades', 'city_network'],
  ['Network', 'city_network'],
  ['Ayuntamiento', 'local_authority'],
  ['Municipality', 'local_authority'],
  ['City council', 'local_authority'],
  ['Autoridad local', 'local_authority'],
  ['Collectivité', 'local_authority'],
  ['Municipio', 'local_authority'],
  ['Câmara Municipal', 'local_authority'],
  ['Regional authority', 'local_authority'],
  ['Ministry', 'national_authority'],
  ['Ministerio', 'national_authority'],
  ['Ministère', 'national_authority'],
  ['Government', 'national_authority'],
  ['Medios', 'media'],
  ['Medio', 'media'],
  ['Prensa', 'media'],
  ['Press', 'media'],
  ['Médias', 'media'],
  ['ONG', 'ngo'],
  ['Association', 'ngo'],
  ['Asociación', 'ngo'],
  ['Associação', 'ngo'],
  ['Civil society', 'ngo'],
  ['Entreprise', 'business'],
  ['Company', 'business'],
  ['Otro', 'other'],
  ['Otra', 'other'],
  ['Autre', 'other'],
  ['Outro', 'other'],
  // The Spanish interface's names, and a key as written in the database.
  ['Proyecto Interreg', 'interreg_project'],
  ['Administración nacional', 'national_authority'],
  ['eu_institution', 'eu_institution'],
]
const scaleWords: [string, string][] = [
  ['Municipal', 'local'],
  ['Region', 'regional'],
  ['Nacional', 'national'],
  ['Nationale', 'national'],
  ['Europea', 'european'],
  ['Europeo', 'european'],
  ['Européen', 'european'],
  ['Européenne', 'european'],
  ['Europeia', 'european'],
  ['Europeu', 'european'],
  ['EU', 'european'],
  ['International', 'global'],
  ['Internacional', 'global'],
  ['Mundial', 'global'],
  ['World', 'global'],
  ['Mondial', 'global'],
  ['GLOBAL', 'global'],
]
const stageWords: [string, string][] = [
  ['Identificado', 'identified'],
  ['Identifié', 'identified'],
  ['Contactado', 'contacted'],
  ['Contacté', 'contacted'],
  ['Contatado', 'contacted'],
  ['Implicado', 'engaged'],
  ['Comprometido', 'engaged'],
  ['Engagé', 'engaged'],
  ['Envolvido', 'engaged'],
  ['Colaborando', 'collaborating'],
  ['Collaboré', 'collaborating'],
  ['Collaboration', 'collaborating'],
  ['Inactivo', 'dormant'],
  ['Latente', 'dormant'],
  ['Inactif', 'dormant'],
  ['Inativo', 'dormant'],
  ['Dormant', 'dormant'],
]

describe('the words of the list fields', () => {
  it('reads categories, scales and stages in Spanish, French and Portuguese, any case, with or without accents', () => {
    const rows = categoryWords.map(([category], i) => {
      const [scale] = scaleWords[i % scaleWords.length]
      const [stage] = stageWords[i % stageWords.length]
      return `Erakundea ${i + 1},${category},${scale},${stage}`
    })
    const report = importStakeholdersFromBuffer({
      buffer: file('name,category,scale,stage', ...rows),
      fileName: 'hitzak.csv',
      actor: demo.comms(),
    })
    expect(report.rejected).toEqual([])
    expect(report.warnings).toEqual([])
    const keyOf = new Map(
      db
        .select({ id: stakeholderCategories.id, key: stakeholderCategories.key })
        .from(stakeholderCategories)
        .all()
        .map((c) => [c.id, c.key]),
    )
    const read = report.created.map((c) => {
      const s = stakeholder(c.id!)
      return [keyOf.get(s.categoryId), s.scale, s.stage]
    })
    expect(read).toEqual(
      categoryWords.map(([, key], i) => [
        key,
        scaleWords[i % scaleWords.length][1],
        stageWords[i % stageWords.length][1],
      ]),
    )
  })
})

describe('the values the user mapped in the value step', () => {
  it('fill the category (by its id), the scale and the stage, or leave a value empty without a warning', async () => {
    const user = sessionUserFor('comms@demo.ripple')
    const id = await createImportJob({
      kind: 'stakeholders',
      user,
      fileName: 'balioak.csv',
      buffer: file('name,category,scale,stage', 'Gasteizko Udaltzaingoa,Udaltzaingoa,Auzoa,Lo egiten'),
    })
    saveJobValueChoices(getImportJob(id, user, 'stakeholders')!, user, [
      { field: 'category', key: nameKey('Udaltzaingoa'), target: String(categoryId('local_authority')) },
      { field: 'scale', key: nameKey('Auzoa'), target: 'local' },
      { field: 'stage', key: nameKey('Lo egiten'), target: '' },
    ])
    const report = await runImportJob(getImportJob(id, user, 'stakeholders')!, user)
    expect([report.rejected, report.warnings]).toEqual([[], []])
    expect(stakeholder(report.created[0].id!)).toMatchObject({
      name: 'Gasteizko Udaltzaingoa',
      categoryId: categoryId('local_authority'),
      scale: 'local',
      stage: 'identified',
    })
  })
})
