import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { demo } from '#tests/setup/actors'
import {
  countryCode,
  importStakeholdersFromBuffer,
  isBlankValue,
  isSharedDomain,
  previewStakeholderImport,
} from '~/models/imports/index.server'

const categoryId = (key: string) =>
  (sqlite().prepare('select id from stakeholder_categories where key = ?').get(key) as { id: number }).id
const countryOf = (name: string) =>
  (
    sqlite().prepare('select country from stakeholders where name = ?').get(name) as {
      country: string | null
    }
  ).country

describe('countries as European files write them', () => {
  it('reads ISO alpha-2 and alpha-3, the EU’s codes, and names in every EU/EEA language, any case, with or without accents', () => {
    const cases: [string, string][] = [
      ['ΕΛΛΑΔΑ', 'GR'],
      ['Ελλάδα', 'GR'],
      ['ελλαδα', 'GR'],
      ['EL', 'GR'],
      ['el', 'GR'],
      ['GRC', 'GR'],
      ['UK', 'GB'],
      ['GBR', 'GB'],
      ['Polska', 'PL'],
      ['POLSKA', 'PL'],
      ['pol', 'PL'],
      ['Deutschland', 'DE'],
      ['DEU', 'DE'],
      ['España', 'ES'],
      ['ESPANA', 'ES'],
      ['Espainia', 'ES'],
      ['Espanya', 'ES'],
      ['Česko', 'CZ'],
      ['Cesko', 'CZ'],
      ['Czech Republic', 'CZ'],
      ['Czechia', 'CZ'],
      ['Česká republika', 'CZ'],
      ['Türkiye', 'TR'],
      ['Turkey', 'TR'],
      ['ΚΥΠΡΟΣ', 'CY'],
      ['Κύπρος', 'CY'],
      ['България', 'BG'],
      ['Magyarország', 'HU'],
      ['Österreich', 'AT'],
      ['România', 'RO'],
      ['Slovensko', 'SK'],
      ['Slovenija', 'SI'],
      ['Hrvatska', 'HR'],
      ['Eesti', 'EE'],
      ['Latvija', 'LV'],
      ['Lietuva', 'LT'],
      ['Suomi', 'FI'],
      ['Sverige', 'SE'],
      ['Danmark', 'DK'],
      ['Éire', 'IE'],
      ['Nederland', 'NL'],
      ['België', 'BE'],
      ['Belgique', 'BE'],
      ['Lëtzebuerg', 'LU'],
      ['Italia', 'IT'],
      ['Malta', 'MT'],
      ['Ísland', 'IS'],
      ['Norge', 'NO'],
      ['Liechtenstein', 'LI'],
      ['Portugal', 'PT'],
      ['the Netherlands', 'NL'],
      ['NA', 'NA'],
    ]
    expect(cases.map(([v]) => [v, countryCode(v)])).toEqual(cases)
  })

  it('reads NULL, N/A, n.a. and - as empty, and anything else unknown as null', () => {
    for (const v of ['NULL', 'null', 'N/A', 'n/a', 'n.a.', 'N.A.', '-', '—', '']) {
      expect(countryCode(v), v).toBeNull()
      if (v) expect(isBlankValue(v), v).toBe(true)
    }
    expect(isBlankValue('NA')).toBe(false)
    expect(countryCode('Atlantis')).toBeNull()
  })

  it('never rejects a row for its country: unknown ones are left empty with a warning', () => {
    const csv = [
      'name,country,category',
      'Περιφέρεια Αττικής,ΕΛΛΑΔΑ,Local authority',
      'Δήμος Αθηναίων,EL,Local authority',
      'Bristol City Council,UK,Local authority',
      'Gmina Miasta Gdańska,NULL,Local authority',
      'Atlantis Council,Atlantis,Local authority',
      'Brno City,Česko,Local authority',
    ].join('\n')
    const report = importStakeholdersFromBuffer({
      buffer: Buffer.from(csv),
      fileName: 'gr.csv',
      actor: demo.comms(),
    })
    expect(report.rejected).toEqual([])
    expect(report.created.length).toBe(6)
    expect(countryOf('Περιφέρεια Αττικής')).toBe('GR')
    expect(countryOf('Δήμος Αθηναίων')).toBe('GR')
    expect(countryOf('Bristol City Council')).toBe('GB')
    expect(countryOf('Gmina Miasta Gdańska')).toBeNull()
    expect(countryOf('Atlantis Council')).toBeNull()
    expect(countryOf('Brno City')).toBe('CZ')
    expect(report.warnings.map((w) => [w.line, w.reason, w.params?.value])).toEqual([
      [6, 'problems.unknownCountry', 'Atlantis'],
    ])
  })
})

describe('a shared web domain is not an identity', () => {
  it('knows webmail, public portals and programme sites', () => {
    for (const d of [
      'gmail.com',
      'outlook.com',
      'yahoo.es',
      'gmx.de',
      'wp.pl',
      'o2.pl',
      'seznam.cz',
      'libero.it',
      'orange.fr',
      'web.de',
      't-online.de',
      'europa.eu',
      'ec.europa.eu',
      'interregeurope.eu',
      'projects2014-2020.interregeurope.eu',
      'urbact.eu',
      'gov.pl',
      'gov.gr',
      'gouv.fr',
      'be.brussels',
    ])
      expect(isSharedDomain(d), d).toBe(true)
    for (const d of ['uni-lyon.fr', 'gdansk.pl', 'mos.gov.pl', 'donostia.eus'])
      expect(isSharedDomain(d), d).toBe(false)
  })

  it('creates all 26 organisations of a Brussels-like list that share the regional portal', () => {
    const names = [
      'Bruxelles Environnement',
      'Brussels Mobility',
      'Perspective.brussels',
      'hub.brussels',
      'Innoviris',
      'Actiris',
      'Bruxelles Propreté',
      'Citydev.brussels',
      'urban.brussels',
      'Bruxelles Fiscalité',
      'talent.brussels',
      'Brupartners',
      'Bruxelles Pouvoirs locaux',
      'Safe.brussels',
      'Logement Bruxelles',
      'Visit.brussels',
      'Brussels Airport Region',
      'Port de Bruxelles',
      'STIB-MIVB',
      'SIAMU',
      'Bruxelles Formation',
      'Easy.brussels',
      'Paradigm',
      'Brussels Regional Informatics Centre',
      'Equal.brussels',
      'Housing Fund Brussels',
    ]
    const csv = ['name,website', ...names.map((n, i) => `"${n}",https://be.brussels/org-${i}`)].join('\n')
    const args = {
      buffer: Buffer.from(csv),
      fileName: 'bruxelles.csv',
      actor: demo.comms(),
      options: { defaultCategoryId: categoryId('local_authority') },
    }
    const preview = previewStakeholderImport(args)
    expect(preview.toSkip).toBe(0)
    expect(preview.toCreate).toBe(26)
    // Still shown, as a weak hint naming the first row that used the domain.
    expect(preview.duplicates.every((d) => d.weak && d.decision === 'create' && d.firstLine === 2)).toBe(true)
    const report = importStakeholdersFromBuffer(args)
    expect(report.skipped).toEqual([])
    expect(report.created.length).toBe(26)
  })

  it('does the same for a domain the file gives to several differently named organisations', () => {
    const csv = [
      'name,website',
      'Agence régionale A,https://agences.example.be/a',
      'Agence régionale B,https://agences.example.be/b',
      'Agence régionale C,https://agences.example.be/c',
    ].join('\n')
    const report = importStakeholdersFromBuffer({
      buffer: Buffer.from(csv),
      fileName: 'agences.csv',
      actor: demo.comms(),
      options: { defaultCategoryId: categoryId('local_authority') },
    })
    expect(report.created.length).toBe(3)
  })

  it('the demo’s interregeurope.eu projects are no duplicate group: a new project on it is created by default', () => {
    const domain = 'projects2014-2020.interregeurope.eu'
    const onIt = sqlite()
      .prepare('select count(distinct name_key) as n from stakeholders where web_domain = ?')
      .get(domain) as { n: number }
    expect(onIt.n).toBeGreaterThan(1)
    const args = {
      buffer: Buffer.from(`name,website\nBRIDGES for cities,https://${domain}/bridges-new\n`),
      fileName: 'projects.csv',
      actor: demo.comms(),
      options: { defaultCategoryId: categoryId('other') },
    }
    const preview = previewStakeholderImport(args)
    expect(preview.duplicates.map((d) => [d.match, d.weak, d.decision])).toEqual([['domain', true, 'create']])
    expect(preview.toCreate).toBe(1)
  })

  it('a domain one organisation of the register owns still finds it (skipped by default)', () => {
    const comms = demo.comms()
    importStakeholdersFromBuffer({
      buffer: Buffer.from('name,website\nUniversidad de Ejemplo,https://www.uni-ejemplo.example.es\n'),
      fileName: 'a.csv',
      actor: comms,
      options: { defaultCategoryId: categoryId('university') },
    })
    const preview = previewStakeholderImport({
      buffer: Buffer.from('name,website\nUniversity of Ejemplo,https://uni-ejemplo.example.es/en\n'),
      fileName: 'b.csv',
      actor: comms,
      options: { defaultCategoryId: categoryId('university') },
    })
    expect(preview.duplicates.map((d) => [d.match, d.weak ?? false, d.decision])).toEqual([
      ['domain', false, 'skip'],
    ])
  })

  it('a duplicate names the first row it repeats, never a row that was itself skipped', () => {
    const csv = [
      'name,website,e-mail',
      'Gamma Institute,https://gamma.example.org,',
      'Gamma Institute,https://other.example.org,info@other.example.org',
      'Delta Centre,https://other.example.org,',
      'Gamma Institute,,',
    ].join('\n')
    const report = importStakeholdersFromBuffer({
      buffer: Buffer.from(csv),
      fileName: 'chain.csv',
      actor: demo.comms(),
      options: { defaultCategoryId: categoryId('ngo') },
    })
    const skippedLines = new Set(report.skipped.map((s) => s.line))
    expect([...skippedLines]).toEqual([3, 5])
    for (const s of report.skipped) expect(skippedLines.has(Number(s.params?.firstLine))).toBe(false)
    expect(report.skipped.map((s) => s.params?.firstLine)).toEqual([2, 2])
    // Line 3 (skipped) never makes Delta Centre (line 4) a duplicate of it.
    expect(report.created.map((c) => c.line)).toEqual([2, 4])
  })
})
