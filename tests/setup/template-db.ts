import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { openSqlite } from '../../db/client'
import { runMigrations } from '../../db/migrate'
import { seedDemoIfEmpty } from '../../db/seed/index'

/** A migrated database with the demo project, made once per run and copied for each test file. */
export async function createTemplateDb(): Promise<{ dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-test-'))
  const file = path.join(dir, 'template.db')
  const sqlite = openSqlite(file)
  runMigrations(sqlite)
  await seedDemoIfEmpty(sqlite)
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.pragma('journal_mode = DELETE')
  sqlite.close()
  return { dir, file }
}

/**
 * A private copy of the template for one test file or one server, in a folder of its own: what the
 * app keeps beside its database (the mail outbox, uploads) is then private too, so test files
 * running side by side never read each other's messages.
 */
export function copyTemplate(template: string, name: string): string {
  const dir = path.join(
    path.dirname(template),
    `${name}-${process.pid}-${Math.random().toString(36).slice(2)}`,
  )
  fs.mkdirSync(dir)
  const file = path.join(dir, 'ripple.db')
  fs.copyFileSync(template, file)
  return file
}
