import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it, vi } from 'vitest'

import { drizzleClient, openSqlite } from '#db/client'

const things = sqliteTable('things', { id: integer('id').primaryKey(), name: text('name').notNull() })

function setup(size?: number) {
  const sqlite = new Database(':memory:')
  sqlite.exec(`create table things (id integer primary key, name text not null)`)
  const prepare = vi.spyOn(sqlite, 'prepare')
  const db = drizzle(drizzleClient(sqlite, size))
  return { sqlite, db, prepare }
}

describe('the connection Drizzle runs through', () => {
  it('prepares a query once and reuses it with new values', () => {
    const { db, prepare } = setup()
    for (const name of ['a', 'b', 'c']) db.insert(things).values({ name }).run()
    expect(
      db
        .select()
        .from(things)
        .all()
        .map((t) => t.name),
    ).toEqual(['a', 'b', 'c'])
    const inserts = prepare.mock.calls.filter(([source]) => source.startsWith('insert'))
    expect(inserts).toHaveLength(1)
  })

  it('gives rows as objects again after Drizzle used the same statement for arrays', () => {
    const { db } = setup()
    db.insert(things).values({ name: 'a' }).run()
    // A typed select reads arrays (raw mode); the same SQL text run untyped must still give objects.
    expect(db.select({ id: things.id, name: things.name }).from(things).get()).toEqual({ id: 1, name: 'a' })
    expect(db.get(sql`select "id", "name" from "things"`)).toEqual({ id: 1, name: 'a' })
  })

  it('keeps at most the given number of statements, dropping the least recently used', () => {
    const { db, prepare } = setup(2)
    const count = (n: number) => db.get(sql.raw(`select ${n} as n`))
    count(1)
    count(2)
    count(1)
    count(3) // evicts "select 2"
    count(1)
    count(2)
    expect(prepare.mock.calls.map(([source]) => source)).toEqual([
      'select 1 as n',
      'select 2 as n',
      'select 3 as n',
      'select 2 as n',
    ])
  })

  it('takes the write lock when a transaction begins, so a second process waits instead of failing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-tx-'))
    const file = path.join(dir, 'tx.db')
    const first = openSqlite(file)
    first.exec(`create table things (id integer primary key, name text not null)`)
    const other = openSqlite(file)
    other.pragma('busy_timeout = 0')
    const db = drizzle(drizzleClient(first))
    try {
      db.transaction((tx) => {
        // Only a read so far: a deferred transaction would not hold the write lock yet.
        tx.select().from(things).all()
        expect(() => other.exec(`insert into things (name) values ('other')`)).toThrow(/locked|busy/i)
        tx.insert(things).values({ name: 'mine' }).run()
      })
      other.exec(`insert into things (name) values ('other')`)
      expect(first.prepare('select name from things order by id').pluck().all()).toEqual(['mine', 'other'])
    } finally {
      first.close()
      other.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('runs transactions on the real connection', () => {
    const { db, sqlite } = setup()
    expect(() =>
      db.transaction((tx) => {
        tx.insert(things).values({ name: 'kept?' }).run()
        throw new Error('roll back')
      }),
    ).toThrow('roll back')
    expect(sqlite.prepare('select count(*) as n from things').get()).toEqual({ n: 0 })
    db.transaction((tx) => tx.insert(things).values({ name: 'kept' }).run())
    expect(sqlite.prepare('select name from things').all()).toEqual([{ name: 'kept' }])
  })
})
