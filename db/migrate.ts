import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Applies every committed migration in db/migrations that this database has not seen. */
export function runMigrations(sqlite: Database.Database) {
  migrate(drizzle(sqlite), { migrationsFolder: path.join(here, 'migrations') })
}
