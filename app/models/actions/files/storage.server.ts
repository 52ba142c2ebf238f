import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { databaseFile } from '#db/client'

/** The folder beside the database that holds evidence files: `evidence/` in DATABASE_URL's folder. */
export function evidenceFolder() {
  return path.join(path.dirname(path.resolve(databaseFile())), 'evidence')
}

/** A new stored name: the action's id and a random one, never anything the user sent. */
export function newStoredName(actionId: number, extension: string) {
  return `${actionId}-${randomUUID()}.${extension}`
}

/** The stored name of an image's thumbnail. */
export function thumbnailName(storedName: string) {
  return `${storedName}.thumb.webp`
}

/** Every file kept for a stored name (the file, and its thumbnail when it has one), relative to the folder. */
export function storedFiles(row: { storedName: string; kind: string }) {
  return row.kind === 'image' ? [row.storedName, thumbnailName(row.storedName)] : [row.storedName]
}

// Stored names are made by newStoredName; anything else (a path, a dot-dot) never reaches the disk.
const storedNamePattern = /^\d+-[0-9a-f-]{36}\.[a-z]{3,4}(\.thumb\.webp)?$/

function located(name: string) {
  if (!storedNamePattern.test(name)) throw new Error(`not a stored evidence file name: ${name}`)
  return path.join(evidenceFolder(), name)
}

export function writeStoredFile(name: string, data: Uint8Array) {
  fs.mkdirSync(evidenceFolder(), { recursive: true })
  fs.writeFileSync(located(name), data, { flag: 'wx' })
}

/** Removes files written for an upload that was then not saved. */
export function removeStoredFile(name: string) {
  fs.rmSync(located(name), { force: true })
}

/** The stored bytes, or null when the file is not on disk. */
export function readStoredFile(name: string): Buffer | null {
  try {
    return fs.readFileSync(located(name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
