import { type PreparedEvidenceFile } from './prepare.server'
import { storedAs } from './sniff'
import {
  newStoredName,
  readStoredFile,
  removeStoredFile,
  storedFiles,
  thumbnailName,
  writeStoredFile,
} from './storage.server'

/*
 * What actions' and outcomes' evidence files share: the bytes on disk, the row's stored columns, how
 * a list is split into live and archived files, and how one file's bytes are answered. Each area
 * keeps its own table, its own "who may" check and its own audit entity.
 */

/** The name a download is offered under: the uploaded name, with the extension of what is stored. */
export function downloadName(originalName: string, contentType: string) {
  const extension = Object.values(storedAs).find((s) => s.contentType === contentType)?.extension ?? 'bin'
  const accepted = extension === 'jpg' ? ['jpg', 'jpeg'] : [extension]
  const dot = originalName.lastIndexOf('.')
  const current = dot > 0 ? originalName.slice(dot + 1).toLowerCase() : ''
  if (accepted.includes(current)) return originalName
  return `${dot > 0 ? originalName.slice(0, dot) : originalName}.${extension}`
}

/** The stored columns of one evidence file's row; the area adds its owner's id and inserts it. */
export type StoredEvidenceRow = {
  kind: PreparedEvidenceFile['kind']
  originalName: string
  storedName: string
  size: number
  contentType: string
  width: number | null
  height: number | null
}

/**
 * Writes checked files beside the database, then inserts each one's row through `insertRow` (which
 * returns its id, and writes its audit row). A failed write or insert removes every file this call
 * wrote and rethrows, so the caller's transaction rolls back with nothing left on disk.
 */
export function storeEvidenceFiles(
  ownerId: number,
  files: PreparedEvidenceFile[],
  insertRow: (row: StoredEvidenceRow) => number,
): number[] {
  const written: string[] = []
  try {
    return files.map((file) => {
      const storedName = newStoredName(ownerId, file.extension)
      written.push(...storedFiles({ storedName, kind: file.kind }))
      writeStoredFile(storedName, file.data)
      if (file.thumbnail) writeStoredFile(thumbnailName(storedName), file.thumbnail)
      return insertRow({
        kind: file.kind,
        originalName: file.originalName,
        storedName,
        size: file.data.length,
        contentType: file.contentType,
        width: file.width,
        height: file.height,
      })
    })
  } catch (error) {
    for (const name of written) removeStoredFile(name)
    throw error
  }
}

type ListedRow = { originalName: string; contentType: string; archivedAt: string | null }

/** A record's files named for download: the live ones, and the archived ones for who may restore them. */
export function splitEvidenceFiles<T extends ListedRow>(rows: T[], mayRestore: boolean) {
  const named = rows.map((r) => ({ ...r, name: downloadName(r.originalName, r.contentType) }))
  return {
    files: named.filter((r) => !r.archivedAt),
    archived: mayRestore ? named.filter((r) => r.archivedAt) : [],
  }
}

type ContentRow = ListedRow & { kind: string; storedName: string }

/**
 * One file's bytes (or its thumbnail's); an archived file only for who may restore it. Null (404)
 * when there is no such file, it is archived from this reader, or its bytes are not on disk.
 */
export function evidenceFileContent(
  row: ContentRow | undefined,
  mayRestore: boolean,
  variant: 'file' | 'thumbnail',
) {
  if (!row || (row.archivedAt && !mayRestore)) return null
  if (variant === 'thumbnail' && row.kind !== 'image') return null
  const data = readStoredFile(variant === 'thumbnail' ? thumbnailName(row.storedName) : row.storedName)
  if (!data) return null
  return {
    data,
    fileName: downloadName(row.originalName, row.contentType),
    contentType: variant === 'thumbnail' ? 'image/webp' : row.contentType,
    size: data.length,
  }
}
