import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'

import { contactSearchText } from '../app/models/contacts/search-text'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Applies every committed migration in db/migrations that this database has not seen. */
export function runMigrations(sqlite: Database.Database) {
  migrate(drizzle(sqlite), { migrationsFolder: path.join(here, 'migrations') })
  fillContactSearchText(sqlite)
}

/**
 * Fills contacts.search_text where it is blank (contacts written before migration 0031): the
 * accent-free text is made by contactSearchText (normalizeText), which SQL cannot do. The index follows by trigger.
 * Erased contacts keep it blank. Cheap when there is nothing to fill (one pass over the table).
 */
export function fillContactSearchText(sqlite: Database.Database) {
  const blank = sqlite
    .prepare<[], { id: number; name: string; email: string | null }>(
      `select id, name, email from contacts where search_text = '' and erased_at is null`,
    )
    .all()
  if (!blank.length) return
  const fill = sqlite.prepare<[string, number]>(`update contacts set search_text = ? where id = ?`)
  sqlite.transaction(() => {
    for (const c of blank) fill.run(contactSearchText(c), c.id)
  })()
}
