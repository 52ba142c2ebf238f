import fs from 'node:fs'
import path from 'node:path'

import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'

import { normalizeText } from '../app/utils/text'
import * as schema from './schema'

export type DB = BetterSQLite3Database<typeof schema>

/** A Drizzle handle or the transaction inside `db.transaction(tx => ...)`: what every domain command writes through. */
export type Tx = Pick<DB, 'insert' | 'select' | 'update' | 'delete' | 'run' | 'all' | 'get'>

/** Opens the SQLite file with the settings every connection must have. */
export function openSqlite(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('cache_size = -64000')
  sqlite.pragma('temp_store = MEMORY')
  // Deleted and overwritten content is zeroed in the file, not left in free space: a GDPR erasure
  // must not leave the person readable in the database file (decision 021).
  sqlite.pragma('secure_delete = ON')
  // After a checkpoint the write-ahead log is cut back to 64 MB instead of keeping its largest size.
  sqlite.pragma('journal_size_limit = 67108864')
  // SQLite's lower() and LIKE fold ASCII letters only ("Αθήνα", "ŁÓDŹ" never match their lower
  // case): title searches compare fold_text() of both sides, lower-case and accent-free as the
  // register's search is (containsText in app/utils/text-search.server.ts).
  sqlite.function('fold_text', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? normalizeText(value) : value,
  )
  return sqlite
}

export function databaseFile(): string {
  const url = process.env.DATABASE_URL ?? './data/ripple.db'
  return url.replace(/^file:/, '')
}

/**
 * The connection as Drizzle sees it, with two changes:
 * - Statements are reused by their SQL text, in a bounded least-recently-used cache. Drizzle
 *   prepares every query anew, and preparing is not free (an insert into a table with triggers
 *   compiles every trigger); see docs/decisions/017.
 * - Transactions start with BEGIN IMMEDIATE, taking the write lock up front. A deferred
 *   transaction that reads first and then writes fails at once (SQLITE_BUSY, no waiting) when
 *   another process wrote in between; with the lock taken first, it waits its turn through
 *   busy_timeout instead. This is what lets several server processes share the file.
 */
export function drizzleClient(sqlite: Database.Database, cacheSize = 500): Database.Database {
  const cache = new Map<string, Database.Statement>()
  const prepare = (source: string) => {
    let statement = cache.get(source)
    if (statement) {
      cache.delete(source)
      // Drizzle switches a statement to raw (array) rows for typed selects; start each use from objects.
      if (statement.reader) statement.raw(false)
    } else {
      statement = sqlite.prepare(source)
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!)
    }
    cache.set(source, statement)
    return statement
  }
  const transaction = (fn: (...args: unknown[]) => unknown) => {
    const wrapped = sqlite.transaction(fn)
    // Drizzle calls `.deferred(tx)` unless told otherwise.
    return { deferred: wrapped.immediate, immediate: wrapped.immediate, exclusive: wrapped.exclusive }
  }
  return Object.create(sqlite, {
    prepare: { value: prepare },
    transaction: { value: transaction },
  }) as Database.Database
}

let instance: { sqlite: Database.Database; db: DB } | undefined

function connection() {
  if (!instance) {
    const sqlite = openSqlite(databaseFile())
    instance = { sqlite, db: drizzle(drizzleClient(sqlite), { schema }) }
  }
  return instance
}

/** The app's Drizzle handle, opened lazily on first use against DATABASE_URL. */
export const db: DB = new Proxy({} as DB, {
  get(_target, prop) {
    const real = connection().db as unknown as Record<string | symbol, unknown>
    const value = real[prop]
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value
  },
})

/**
 * A query built once per connection and then reused with new values (`sql.placeholder`), for
 * the paths every request takes: building the SQL text with Drizzle costs 50-75 µs per query,
 * more than SQLite takes to run it (docs/decisions/017). Runs on the app's connection, also
 * inside a `db.transaction` callback (one connection: the statement is part of the transaction).
 */
export function preparedOnce<T>(build: (db: DB) => T): () => T {
  let built: { db: DB; query: T } | undefined
  return () => {
    const current = connection().db
    if (built?.db !== current) built = { db: current, query: build(current) }
    return built.query
  }
}

/** The raw better-sqlite3 handle, for hand-written SQL (aggregates, backups). */
export function sqlite(): Database.Database {
  return connection().sqlite
}
