import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  importStakeholdersFromBuffer,
  isSharedDomain,
  previewStakeholderImport,
} from '~/models/imports/index.server'
import { nameKey, webDomainFrom } from '~/utils/text'

import { actorFor } from '../setup/actors'
import { readFixture } from '../setup/fixtures'

type University = { name: string; web_pages: string[]; alpha_two_code: string }

const count = (sql: string) => (sqlite().prepare(sql).get() as { n: number }).n

describe('importing the world universities list', () => {
  let buffer: Buffer
  let distinct: number
  let sharedDomains: Set<string>
  beforeAll(() => {
    buffer = readFixture('universities', 'world_universities_and_domains.json')
    // An empty register: this test file has its own copy of the database.
    const db = sqlite()
    db.pragma('foreign_keys = OFF')
    db.exec('delete from contacts; delete from stakeholders;')
    db.pragma('foreign_keys = ON')
    // What "distinct" means, worked out here independently: a university whose normalised name
    // no earlier record created from the file used, nor its web domain when that domain is one
    // university's own (several differently named universities on one domain, or a shared host
    // such as a portal, make it no identity).
    const universities = JSON.parse(buffer.toString('utf8')) as University[]
    const namesOnDomain = new Map<string, Set<string>>()
    for (const u of universities) {
      const domain = webDomainFrom(u.web_pages[0])
      if (domain) namesOnDomain.set(domain, (namesOnDomain.get(domain) ?? new Set()).add(nameKey(u.name)))
    }
    sharedDomains = new Set(
      [...namesOnDomain].filter(([d, n]) => n.size > 1 || isSharedDomain(d)).map(([d]) => d),
    )
    const names = new Set<string>()
    const domains = new Set<string>()
    distinct = 0
    for (const u of universities) {
      const key = nameKey(u.name)
      const domain = webDomainFrom(u.web_pages[0])
      const repeated =
        names.has(key) || (domain !== null && !sharedDomains.has(domain) && domains.has(domain))
      if (repeated) continue
      names.add(key)
      if (domain) domains.add(domain)
      distinct++
    }
  })

  it('creates one stakeholder per distinct university and reports the duplicates', () => {
    const report = importStakeholdersFromBuffer({
      buffer,
      fileName: 'world_universities_and_domains.json',
      actor: actorFor('comms@demo.ripple'),
    })
    expect(report.total).toBe(10251)
    expect(report.rejected).toEqual([])
    expect(report.created.length).toBe(distinct)
    expect(report.created.length + report.skipped.length).toBe(10251)
    expect(report.skipped.length).toBe(10251 - distinct)
    // Rows on a shared domain are listed as possible duplicates too, but created by default.
    expect(report.duplicates).toBeGreaterThan(report.skipped.length)
    expect(report.skipped.every((s) => s.reason?.startsWith('problems.duplicateInFile.'))).toBe(true)
    expect(count('select count(*) as n from stakeholders')).toBe(distinct)
    // No two of them share a name key or a web domain of their own, and all are universities with an ISO country.
    expect(count('select count(*) - count(distinct name_key) as n from stakeholders')).toBe(0)
    const repeatedDomains = sqlite()
      .prepare('select web_domain as d from stakeholders group by web_domain having count(*) > 1')
      .all() as { d: string }[]
    expect(repeatedDomains.every((r) => sharedDomains.has(r.d))).toBe(true)
    expect(
      count(
        `select count(*) as n from stakeholders s join stakeholder_categories c on c.id = s.category_id where c.key <> 'university'`,
      ),
    ).toBe(0)
    expect(
      count(`select count(*) as n from stakeholders where country is null or length(country) <> 2`),
    ).toBe(0)
    // Accents kept in the name, found by its accent-free key, with the ISO code and web domain.
    expect(
      sqlite()
        .prepare(`select name, country, web_domain as domain from stakeholders where name_key = ?`)
        .get(nameKey('universidade de sao paulo')),
    ).toEqual({
      name: 'Universidade de São Paulo',
      country: 'BR',
      domain: 'usp.br',
    })
    expect(count(`select count(*) as n from audit_log where action = 'import'`)).toBe(1)
    // Its speed (budget 5 s) is measured by `npm run bench`, never asserted here.
  })

  it('a second time creates nothing and offers updates for every match', () => {
    const comms = actorFor('comms@demo.ripple')
    const preview = previewStakeholderImport({
      buffer,
      fileName: 'world_universities_and_domains.json',
      actor: comms,
    })
    // Every row repeats a record of the register (never a row of the file that is itself skipped).
    const register = preview.duplicates.filter((d) => d.existingId !== null)
    expect(register.length).toBe(10251)
    expect(register.every((d) => d.choices.includes('update') && d.decision === 'skip')).toBe(true)
    expect(preview.toCreate).toBe(0)

    const before = count('select count(*) as n from stakeholders')
    const report = importStakeholdersFromBuffer({
      buffer,
      fileName: 'world_universities_and_domains.json',
      actor: comms,
    })
    expect(report.created).toEqual([])
    expect(report.updated).toEqual([])
    expect(report.skipped.length).toBe(10251)
    expect(count('select count(*) as n from stakeholders')).toBe(before)

    // Choosing "update" for some matches updates those and still creates nothing.
    const chosen = Object.fromEntries(register.slice(0, 25).map((d) => [String(d.line), 'update' as const]))
    const updated = importStakeholdersFromBuffer({
      buffer,
      fileName: 'world_universities_and_domains.json',
      actor: comms,
      decisions: chosen,
    })
    expect(updated.created).toEqual([])
    expect(updated.updated.map((u) => u.line)).toEqual(register.slice(0, 25).map((d) => d.line))
    expect(updated.skipped.length).toBe(10251 - 25)
    expect(count('select count(*) as n from stakeholders')).toBe(before)
  })
})
