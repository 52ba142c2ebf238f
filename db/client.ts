import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'

export type DB = BetterSQLite3Database<typeof schema>

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
  return sqlite
}

export function databaseFile(): string {
  const url = process.env.DATABASE_URL ?? './data/ripple.db'
  return url.replace(/^file:/, '')
}

let instance: { sqlite: Database.Database; db: DB } | undefined

function connection() {
  if (!instance) {
    const sqlite = openSqlite(databaseFile())
    instance = { sqlite, db: drizzle(sqlite, { schema }) }
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

/** The raw better-sqlite3 handle, for hand-written SQL (aggregates, backups). */
export function sqlite(): Database.Database {
  return connection().sqlite
}

export function closeDb() {
  instance?.sqlite.close()
  instance = undefined
}
