import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { databaseFile, db, sqlite } from '#db/client'
import { recordAudit } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { assertAdministrator } from './shared.server'

/**
 * A consistent copy of the live database made with SQLite's online backup API (readers and
 * writers keep working meanwhile). Returns the temporary file; the caller removes it.
 */
export async function backupDatabase(acting: Actor): Promise<string> {
  const userId = assertAdministrator(acting)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-backup-'))
  const file = path.join(dir, 'ripple.db')
  await sqlite().backup(file)
  // "create" of a backup copy: downloading the whole database is worth a trace.
  recordAudit(db, {
    userId,
    entity: 'backup',
    entityId: null,
    action: 'create',
    after: { bytes: fs.statSync(file).size },
    summary: 'database backup downloaded',
  })
  return file
}

/** The live database file's path, named in the restore steps. */
export function databaseFileName(): string {
  return databaseFile()
}
