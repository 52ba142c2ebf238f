import fs from 'node:fs'
import path from 'node:path'

import type Database from 'better-sqlite3'

import { databaseFile } from '#db/client'

type Check = { status: 'ok' | 'error'; error?: string } & Record<string, unknown>

export type Health = {
  status: 'ok' | 'error'
  /** The names of the checks that failed, for a monitor to show. */
  failed: string[]
  database: Check
  write: Check
  disk: Check
}

const round = (n: number) => Math.round(n * 100) / 100

function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string }
  const message = e?.message ?? String(error)
  return e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message
}

/**
 * Whether the database takes a write: a table created and a few pages filled inside a transaction
 * that is rolled back, so nothing stays, but SQLite had to find room for new pages (a full disk, a
 * database at its size limit, a read-only file or a lock held too long all fail here).
 */
function checkWrite(sqlite: Database.Database): Check {
  const started = performance.now()
  try {
    sqlite.exec('BEGIN IMMEDIATE')
    try {
      sqlite.exec(
        'CREATE TABLE __ripple_health_probe (x BLOB); INSERT INTO __ripple_health_probe VALUES (zeroblob(16384))',
      )
    } finally {
      sqlite.exec('ROLLBACK')
    }
    return { status: 'ok', latencyMs: round(performance.now() - started) }
  } catch (error) {
    return { status: 'error', error: errorText(error) }
  }
}

/** Free space in the database's folder against the floor (HEALTH_MIN_FREE_MB). */
function checkDisk(minFreeMb: number): Check {
  const file = databaseFile()
  if (file === ':memory:') return { status: 'ok' }
  try {
    const stats = fs.statfsSync(path.dirname(path.resolve(file)))
    const freeMb = Math.floor((stats.bavail * stats.bsize) / 1024 / 1024)
    return freeMb >= minFreeMb
      ? { status: 'ok', freeMb, minFreeMb }
      : {
          status: 'error',
          freeMb,
          minFreeMb,
          error: `only ${freeMb} MB free, below the ${minFreeMb} MB floor`,
        }
  } catch (error) {
    return { status: 'error', minFreeMb, error: errorText(error) }
  }
}

/** The database reads, takes a write, and its disk has room: what /healthz reports. */
export function checkHealth(sqlite: () => Database.Database, minFreeMb: number): Health {
  const started = performance.now()
  let database: Check
  let connection: Database.Database | null = null
  try {
    connection = sqlite()
    const row = connection.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
    database = { status: 'ok', migrations: row.n, latencyMs: round(performance.now() - started) }
  } catch (error) {
    database = { status: 'error', error: errorText(error) }
  }
  const write = connection
    ? checkWrite(connection)
    : { status: 'error' as const, error: 'no database connection' }
  const disk = checkDisk(minFreeMb)
  const checks = { database, write, disk }
  const failed = Object.entries(checks)
    .filter(([, c]) => c.status !== 'ok')
    .map(([name]) => name)
  return { status: failed.length ? 'error' : 'ok', failed, ...checks }
}
