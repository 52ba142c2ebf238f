import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'

import { databaseFile, db, sqlite } from '#db/client'
import { evidenceFolder, storedFiles } from '~/models/actions/index.server'
import { recordAudit } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { assertAdministrator } from './shared.server'
import { endTar, writeTarFile, writeTarFolder } from './tar.server'

/** The evidence files (of actions and outcomes) the copied database names (live and archived: an archive can be undone). */
function evidenceNamesIn(copy: string): string[] {
  const database = new Database(copy, { readonly: true })
  try {
    const rows = database
      .prepare(
        'select stored_name as storedName, kind from action_files union all select stored_name, kind from outcome_files',
      )
      .all() as {
      storedName: string
      kind: string
    }[]
    return rows.flatMap(storedFiles)
  } finally {
    database.close()
  }
}

/**
 * A consistent copy of the live database made with SQLite's online backup API (readers and
 * writers keep working meanwhile), packed in a tar archive with the evidence files it names:
 * `ripple.db` and `evidence/…`, as they sit in the data folder. Material files are inside the
 * database. Returns the temporary archive; the caller removes its folder.
 */
export async function backupDatabase(acting: Actor): Promise<string> {
  const userId = assertAdministrator(acting)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-backup-'))
  const copy = path.join(dir, 'ripple.db')
  await sqlite().backup(copy)
  const archive = path.join(dir, 'ripple-backup.tar')
  const fd = fs.openSync(archive, 'w')
  let files = 0
  try {
    writeTarFile(fd, 'ripple.db', copy)
    writeTarFolder(fd, 'evidence')
    for (const name of evidenceNamesIn(copy)) {
      const source = path.join(evidenceFolder(), name)
      // A file missing on disk cannot be copied; the restored page answers 404 for it, as the live one does.
      if (!fs.existsSync(source)) continue
      writeTarFile(fd, `evidence/${name}`, source)
      files++
    }
    endTar(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.rmSync(copy)
  // "create" of a backup copy: downloading the whole database is worth a trace.
  recordAudit(db, {
    userId,
    entity: 'backup',
    entityId: null,
    action: 'create',
    after: { bytes: fs.statSync(archive).size, evidenceFiles: files },
    summary: 'database backup downloaded',
  })
  return archive
}

/** The live database file's path, named in the restore steps. */
export function databaseFileName(): string {
  return databaseFile()
}

/** The evidence folder's path, named in the restore steps. */
export function evidenceFolderName(): string {
  return evidenceFolder()
}
