import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { fillContactSearchText, runMigrations } from '#db/migrate'
import {
  contactInputSchema,
  createContact,
  eraseContactNow,
  searchContacts,
  setContactArchived,
  updateContact,
} from '~/models/contacts/index.server'

import { demo } from '../setup/actors'

/**
 * The register's people search (issue 13 point 6) through the contact_search trigram index over
 * contacts.search_text (migration 0031): accent-free, every word, erased and archived people never
 * found, and contacts written before the migration filled in by runMigrations.
 */
const one = <T>(q: string, ...a: unknown[]) =>
  sqlite()
    .prepare(q)
    .get(...(a as never[])) as T

const input = (name: string, email?: string) =>
  contactInputSchema.parse({ name, email, languages: [], lawfulBasis: 'legitimate_interest' })

const add = (name: string, email?: string) =>
  db.transaction((tx) => createContact(tx, null, input(name, email), demo.comms()))

const found = (q: string) => searchContacts(q).rows.map((r) => r.name)

describe('people search', () => {
  const people = {
    pl: add('Małgorzata Wiśniewska-Żak', 'm.zak@gdansk.example.pl'),
    el: add('Αικατερίνη Παπαδοπούλου', 'k.papadopoulou@thessaloniki.example.gr'),
    cs: add('Přemysl Šťastný', 'stastny@ostrava.example.cz'),
    ro: add('Ștefania Căpățână', 'stefania@iasi.example.ro'),
    eu: add('Itziar Agirrezabalaga', 'itziar@bilbao.example.eus'),
  }

  it('finds people by any part of the name or e-mail, ignoring case and accents, in five languages', () => {
    expect(found('malgorzata zak')).toEqual(['Małgorzata Wiśniewska-Żak'])
    expect(found('WIŚNIEWSKA')).toEqual(['Małgorzata Wiśniewska-Żak'])
    expect(found('αικατερινη')).toEqual(['Αικατερίνη Παπαδοπούλου'])
    expect(found('papadopoulou@thess')).toEqual(['Αικατερίνη Παπαδοπούλου'])
    expect(found('premysl stastny')).toEqual(['Přemysl Šťastný'])
    expect(found('capatana stefania')).toEqual(['Ștefania Căpățână'])
    expect(found('agirrezabal')).toEqual(['Itziar Agirrezabalaga'])
    // Every word must appear: a word of the name with one that is not finds no one.
    expect(found('itziar wisniewska')).toEqual([])
  })

  it('checks words under three letters on the rows the long words picked, or on every row', () => {
    expect(found('zak m.')).toEqual(['Małgorzata Wiśniewska-Żak'])
    expect(found('żak xq')).toEqual([])
    expect(found('za')).toContain('Małgorzata Wiśniewska-Żak')
    // LIKE wildcards in the search are plain characters.
    expect(found('%')).toEqual([])
  })

  it('follows edits, and never finds archived or erased people', () => {
    const id = add('Ane Urkiola', 'ane@donostia.example.eus')
    db.transaction((tx) => updateContact(tx, id, input('Ane Urkiola Etxebarria'), demo.comms()))
    expect(found('etxebarria')).toEqual(['Ane Urkiola Etxebarria'])
    expect(found('ane@donostia')).toEqual([]) // the e-mail was removed by the edit
    db.transaction((tx) => setContactArchived(tx, id, true, demo.comms()))
    expect(found('urkiola')).toEqual([])
    db.transaction((tx) => setContactArchived(tx, id, false, demo.comms()))
    expect(found('urkiola')).toEqual(['Ane Urkiola Etxebarria'])
    eraseContactNow(people.cs, demo.admin())
    expect(found('stastny')).toEqual([])
    expect(one<{ t: string }>('select search_text as t from contacts where id = ?', people.cs).t).toBe('')
    expect(
      one<{ n: number }>(`select count(*) as n from contact_search where contact_search match '"stastny"'`).n,
    ).toBe(0)
  })

  it('says when there are more matches than it shows', () => {
    for (let i = 0; i < 3; i++) add(`Jon Arrizabalaga ${i}`)
    expect(searchContacts('arrizabalaga', 2)).toMatchObject({ more: true, rows: { length: 2 } })
    expect(searchContacts('arrizabalaga', 3)).toMatchObject({ more: false, rows: { length: 3 } })
  })

  it('fills the search text of contacts written before migration 0031, erased ones left blank', () => {
    sqlite().prepare(`update contacts set search_text = '' where id in (?, ?)`).run(people.pl, people.el)
    expect(found('wisniewska')).toEqual([])
    fillContactSearchText(sqlite())
    expect(found('wisniewska')).toEqual(['Małgorzata Wiśniewska-Żak'])
    expect(found('papadopoulou')).toEqual(['Αικατερίνη Παπαδοπούλου'])
    expect(one<{ t: string }>('select search_text as t from contacts where id = ?', people.cs).t).toBe('')
    expect(
      one<{ n: number }>(`select count(*) as n from contacts where search_text = '' and erased_at is null`).n,
    ).toBe(0)
  })
})

describe('upgrading a database that has contacts to migration 0031', () => {
  it('indexes and fills the existing contacts without corrupting the index', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-0031-'))
    try {
      // The migrations as they were before 0031.
      const before = path.join(dir, 'migrations')
      fs.cpSync('db/migrations', before, { recursive: true })
      fs.rmSync(path.join(before, '0031_contact_search.sql'))
      const journalFile = path.join(before, 'meta', '_journal.json')
      const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
      journal.entries = journal.entries.filter((e) => e.tag < '0031')
      fs.writeFileSync(journalFile, JSON.stringify(journal))
      const file = new Database(path.join(dir, 'old.db'))
      migrate(drizzle(file), { migrationsFolder: before })
      const insert = file.prepare('insert into contacts (name, email) values (?, ?)')
      insert.run('Ρένα Δούρου', 'rena@attica.example.gr')
      insert.run('Żaneta Kołodziej', null)

      runMigrations(file)
      const search = (q: string) =>
        file
          .prepare(
            `select c.name from contact_search s join contacts c on c.id = s.rowid where contact_search match ?`,
          )
          .all(`"${q}"`)
      expect(search('δουρου')).toEqual([{ name: 'Ρένα Δούρου' }])
      expect(search('kolodziej')).toEqual([{ name: 'Żaneta Kołodziej' }])
      // FTS5 checks its index against the contacts, and throws SQLITE_CORRUPT_VTAB when they differ.
      expect(() =>
        file.exec(`insert into contact_search(contact_search) values ('integrity-check')`),
      ).not.toThrow()
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
      file.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
