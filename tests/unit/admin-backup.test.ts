import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { db, sqlite } from '#db/client'
import { actionFiles, outcomeFiles } from '#db/schema'
import { evidenceFolder } from '~/models/actions/index.server'
import { backupDatabase, databaseFileName, evidenceFolderName } from '~/models/admin/backup.server'
import { endTar, writeTarFile, writeTarFolder } from '~/models/admin/tar.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { auditCount, lastAudit } from '../setup/audit'

/** One entry of a ustar archive as the test reads it, field by field, from the raw 512-byte header. */
type Entry = {
  name: string
  mode: string
  uid: string
  gid: string
  size: string
  mtime: string
  checksum: string
  type: string
  magic: string
  version: string
  /** The header's own sum, with the checksum field counted as eight spaces (POSIX). */
  expectedSum: number
  /** Everything the writer leaves empty (link name, owner names, devices, prefix) is zero. */
  restIsZero: boolean
  data: Buffer
  padding: Buffer
}

const ascii = (h: Buffer, from: number, length: number) => h.subarray(from, from + length).toString('latin1')

/** An independent ustar reader: returns the entries and the bytes after the last one (the end blocks). */
function readTar(archive: Buffer): { entries: Entry[]; trailer: Buffer } {
  const entries: Entry[] = []
  let at = 0
  while (at < archive.length && archive.subarray(at, at + 512).some((b) => b !== 0)) {
    const h = archive.subarray(at, at + 512)
    const nameEnd = h.indexOf(0)
    const size = parseInt(ascii(h, 124, 11), 8)
    let sum = 0
    h.forEach((b, i) => (sum += i >= 148 && i < 156 ? 32 : b))
    const padded = Math.ceil(size / 512) * 512
    entries.push({
      name: h.subarray(0, nameEnd === -1 || nameEnd > 100 ? 100 : nameEnd).toString('utf8'),
      mode: ascii(h, 100, 8),
      uid: ascii(h, 108, 8),
      gid: ascii(h, 116, 8),
      size: ascii(h, 124, 12),
      mtime: ascii(h, 136, 12),
      checksum: ascii(h, 148, 8),
      type: ascii(h, 156, 1),
      magic: ascii(h, 257, 6),
      version: ascii(h, 263, 2),
      expectedSum: sum,
      restIsZero: h.subarray(157, 257).every((b) => b === 0) && h.subarray(265).every((b) => b === 0),
      data: archive.subarray(at + 512, at + 512 + size),
      padding: archive.subarray(at + 512 + size, at + 512 + padded),
    })
    at += 512 + padded
  }
  return { entries, trailer: archive.subarray(at) }
}

/** The checksum field as POSIX writes it: six octal digits, a NUL and a space. */
const checksumField = (sum: number) => `${sum.toString(8).padStart(6, '0')}\0 `

/** The header fields every entry of ours shares, checked exactly. */
function expectUstar(entry: Entry) {
  expect(entry.uid).toBe('0000000\0')
  expect(entry.gid).toBe('0000000\0')
  expect(entry.checksum).toBe(checksumField(entry.expectedSum))
  expect(entry.magic).toBe('ustar\0')
  expect(entry.version).toBe('00')
  expect(entry.restIsZero).toBe(true)
  expect(entry.padding.every((b) => b === 0)).toBe(true)
}

/** The files of this process's open descriptors that lie under `folder` (Linux). */
const openFilesUnder = (folder: string) =>
  fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`)
      } catch {
        return ''
      }
    })
    .filter((target) => target.startsWith(folder))

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-tar-test-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

const mtime = new Date('2025-03-14T09:26:53.000Z')
const source = (name: string, bytes: Buffer) => {
  const file = path.join(work, name)
  fs.writeFileSync(file, bytes)
  fs.utimesSync(file, mtime, mtime)
  return file
}
const greek = Buffer.from('Θεσσαλονίκη – Δήμος Θεσσαλονίκης, διάδοση αποτελεσμάτων. '.repeat(12))
const exact512 = Buffer.alloc(512, 'Târgu Mureș ')
/** Just over the writer's 1 MB piece, so the copy takes two reads. */
const large = Buffer.alloc(1024 * 1024 + 700)
for (let i = 0; i < large.length; i++) large[i] = (i * 31 + 7) % 251

describe('the tar writer (read back by the test and by tar)', () => {
  let archive: Buffer
  let entries: Entry[]
  let trailer: Buffer
  let before: number
  let after: number
  const longName = 'Č'.repeat(50) // 100 bytes of UTF-8 in 50 characters: the longest name there is room for

  beforeAll(() => {
    const file = path.join(work, 'writer.tar')
    const fd = fs.openSync(file, 'w')
    before = Math.floor(Date.now() / 1000)
    writeTarFolder(fd, 'evidence')
    writeTarFolder(fd, 'Łódź/')
    after = Math.floor(Date.now() / 1000)
    writeTarFile(fd, 'Łódź/Łódź – zdjęcie.jpg', source('a.bin', greek))
    writeTarFile(fd, 'Θεσσαλονίκη.pdf', source('b.bin', exact512))
    writeTarFile(fd, 'pusty.txt', source('c.bin', Buffer.alloc(0)))
    writeTarFile(fd, longName, source('d.bin', large))
    endTar(fd)
    fs.closeSync(fd)
    archive = fs.readFileSync(file)
    ;({ entries, trailer } = readTar(archive))
  })

  it('writes one header per entry with the exact names, types and modes', () => {
    expect(entries.map((e) => [e.name, e.type, e.mode])).toEqual([
      ['evidence/', '5', '0000755\0'],
      ['Łódź/', '5', '0000755\0'],
      ['Łódź/Łódź – zdjęcie.jpg', '0', '0000644\0'],
      ['Θεσσαλονίκη.pdf', '0', '0000644\0'],
      ['pusty.txt', '0', '0000644\0'],
      [longName, '0', '0000644\0'],
    ])
    for (const entry of entries) expectUstar(entry)
  })

  it('writes sizes and modification times as zero-padded octal, and folders as now', () => {
    expect(entries.map((e) => e.size)).toEqual([
      '00000000000\0',
      '00000000000\0',
      '00000002404\0', // 1284 bytes
      '00000001000\0',
      '00000000000\0',
      '00004001274\0',
    ])
    const seconds = (mtime.getTime() / 1000).toString(8)
    expect(seconds).toBe('14764773135')
    expect(entries.slice(2).map((e) => e.mtime)).toEqual(Array(4).fill(`${seconds}\0`))
    for (const folder of entries.slice(0, 2)) {
      expect(folder.mtime).toMatch(/^[0-7]{11}\0$/)
      const at = parseInt(folder.mtime, 8)
      expect(at).toBeGreaterThanOrEqual(before)
      expect(at).toBeLessThanOrEqual(after)
    }
  })

  it('copies the contents byte for byte, pads them to 512 and ends with two zero blocks', () => {
    const contents = [Buffer.alloc(0), Buffer.alloc(0), greek, exact512, Buffer.alloc(0), large]
    expect(entries.map((e, i) => e.data.equals(contents[i]))).toEqual(Array(6).fill(true))
    expect(entries.map((e) => e.padding.length)).toEqual([0, 0, 252, 0, 0, 324])
    expect(trailer.length).toBe(1024)
    expect(trailer.every((b) => b === 0)).toBe(true)
    // six headers, 3 + 1 + 0 + 2050 content blocks, two end blocks
    expect(archive.length).toBe((6 + 3 + 1 + 2050 + 2) * 512)
  })

  it('is read by the tar command, names, mode and contents alike', () => {
    const listing = execFileSync('tar', ['-tvf', path.join(work, 'writer.tar')], { encoding: 'utf8' })
    expect(listing.split('\n').map((line) => line.slice(0, 10))).toEqual([
      'drwxr-xr-x',
      'drwxr-xr-x',
      '-rw-r--r--',
      '-rw-r--r--',
      '-rw-r--r--',
      '-rw-r--r--',
      '',
    ])
    const out = path.join(work, 'out')
    fs.mkdirSync(out)
    execFileSync('tar', ['-xf', path.join(work, 'writer.tar'), '-C', out])
    expect(fs.readFileSync(path.join(out, 'Łódź', 'Łódź – zdjęcie.jpg')).equals(greek)).toBe(true)
    expect(fs.readFileSync(path.join(out, 'Θεσσαλονίκη.pdf')).equals(exact512)).toBe(true)
    expect(fs.readFileSync(path.join(out, 'pusty.txt')).length).toBe(0)
    expect(fs.readFileSync(path.join(out, longName)).equals(large)).toBe(true)
    expect(fs.statSync(path.join(out, longName)).mtime.toISOString()).toBe('2025-03-14T09:26:53.000Z')
  })
})

describe('the tar writer refuses what it cannot write', () => {
  it('refuses a name over 100 bytes, writing nothing', () => {
    const file = path.join(work, 'refused.tar')
    const fd = fs.openSync(file, 'w')
    const name = `${'Ł'.repeat(50)}x` // 51 characters, 101 bytes
    try {
      expect(() => writeTarFile(fd, name, source('e.bin', greek))).toThrow(`tar entry name too long: ${name}`)
    } finally {
      fs.closeSync(fd)
    }
    expect(fs.statSync(file).size).toBe(0)
  })

  it('stops when the file turns out shorter than its size, and closes it', () => {
    const file = path.join(work, 'short.tar')
    const input = source('f.bin', exact512)
    const real = fs.statSync(input)
    vi.spyOn(fs, 'statSync').mockReturnValueOnce({ ...real, size: 600, mtime: real.mtime } as fs.Stats)
    const fd = fs.openSync(file, 'w')
    try {
      expect(() => writeTarFile(fd, 'Gasteizko Udala.pdf', input)).toThrow(
        `${input} became shorter while it was copied`,
      )
    } finally {
      fs.closeSync(fd)
    }
    expect(openFilesUnder(work)).toEqual([])
    // the header (saying 600 bytes) and the 512 bytes there were
    expect(fs.statSync(file).size).toBe(1024)
  })
})

/** Evidence rows with files on disk (a PDF, an image and its thumbnail, an outcome's PDF) and one without. */
function addEvidence() {
  const actionId = (sqlite().prepare('select min(id) as id from actions').get() as { id: number }).id
  const outcomeId = (sqlite().prepare('select min(id) as id from outcomes').get() as { id: number }).id
  const stored = (extension: string) => `${actionId}-${randomUUID()}.${extension}`
  const files = {
    pdf: stored('pdf'),
    image: stored('jpg'),
    outcome: stored('pdf'),
    missing: stored('pdf'),
  }
  const row = (storedName: string, kind: 'pdf' | 'image', originalName: string) => ({
    kind,
    originalName,
    storedName,
    size: 10,
    contentType: kind === 'pdf' ? 'application/pdf' : 'image/jpeg',
  })
  db.insert(actionFiles)
    .values([
      { actionId, ...row(files.pdf, 'pdf', 'Θεσσαλονίκη.pdf') },
      { actionId, ...row(files.image, 'image', 'Łódź – zdjęcie.jpg') },
      { actionId, ...row(files.missing, 'pdf', 'Čeněk Šťastný.pdf') },
    ])
    .run()
  db.insert(outcomeFiles)
    .values({ outcomeId, ...row(files.outcome, 'pdf', 'Gasteizko Udala.pdf') })
    .run()
  const bytes = {
    [files.pdf]: Buffer.from('%PDF-1.4 Θεσσαλονίκη\n'),
    [files.image]: greek,
    [`${files.image}.thumb.webp`]: exact512,
    [files.outcome]: Buffer.from('%PDF-1.4 Gasteizko Udala\n'),
  }
  fs.mkdirSync(evidenceFolder(), { recursive: true })
  for (const [name, content] of Object.entries(bytes))
    fs.writeFileSync(path.join(evidenceFolder(), name), content)
  return { files, bytes }
}

describe('backupDatabase', () => {
  let evidence: ReturnType<typeof addEvidence>
  let archive: string
  let entries: Entry[]
  let trailer: Buffer

  beforeAll(async () => {
    evidence = addEvidence()
    archive = await backupDatabase(demo.admin())
    ;({ entries, trailer } = readTar(fs.readFileSync(archive)))
  })
  afterAll(() => fs.rmSync(path.dirname(archive), { recursive: true, force: true }))

  it('packs the database copy, the evidence folder and every evidence file on disk', () => {
    const { files, bytes } = evidence
    expect(entries.map((e) => [e.name, e.type, e.mode])).toEqual([
      ['ripple.db', '0', '0000644\0'],
      ['evidence/', '5', '0000755\0'],
      [`evidence/${files.pdf}`, '0', '0000644\0'],
      [`evidence/${files.image}`, '0', '0000644\0'],
      [`evidence/${files.image}.thumb.webp`, '0', '0000644\0'],
      [`evidence/${files.outcome}`, '0', '0000644\0'],
    ])
    for (const entry of entries) expectUstar(entry)
    for (const entry of entries.slice(2)) expect(entry.data.equals(bytes[entry.name.slice(9)])).toBe(true)
    expect(trailer.equals(Buffer.alloc(1024))).toBe(true)
  })

  it('leaves only the archive in its own temporary folder, with nothing left open', () => {
    expect(path.basename(archive)).toBe('ripple-backup.tar')
    expect(path.dirname(path.dirname(archive))).toBe(os.tmpdir())
    expect(path.basename(path.dirname(archive))).toMatch(/^ripple-backup-[A-Za-z0-9]{6}$/)
    // The copy itself is gone once packed (SQLite's -wal/-shm of it may remain: the caller removes the folder).
    const left = fs.readdirSync(path.dirname(archive))
    expect(left).toContain('ripple-backup.tar')
    expect(left).not.toContain('ripple.db')
    expect(openFilesUnder(path.dirname(archive))).toEqual([])
  })

  it('holds a database copy that opens with the project rows and the new evidence rows', () => {
    const out = fs.mkdtempSync(path.join(work, 'restore-'))
    execFileSync('tar', ['-xf', archive, '-C', out])
    const copy = new Database(path.join(out, 'ripple.db'), { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      const live = sqlite().prepare('select id, name from stakeholders order by id').all()
      expect(copy.prepare('select id, name from stakeholders order by id').all()).toEqual(live)
      expect(
        copy
          .prepare('select original_name from action_files where stored_name = ?')
          .pluck()
          .get(evidence.files.missing),
      ).toBe('Čeněk Šťastný.pdf')
    } finally {
      copy.close()
    }
    expect(
      fs
        .readFileSync(path.join(out, 'evidence', evidence.files.outcome))
        .equals(evidence.bytes[evidence.files.outcome]),
    ).toBe(true)
  })

  it('records who took it, with the archive size and the number of evidence files', () => {
    expect(lastAudit('backup')).toMatchObject({
      userId: demo.admin().id,
      entity: 'backup',
      entityId: null,
      action: 'create',
      before: null,
      after: { bytes: fs.statSync(archive).size, evidenceFiles: 4 },
      summary: 'database backup downloaded',
    })
  })

  it('is refused to anyone but an administrator, with no audit row', async () => {
    const audits = auditCount()
    for (const actor of [demo.comms(), demo.partner(), demo.viewer()]) {
      await expect(backupDatabase(actor)).rejects.toThrow(ForbiddenError)
    }
    expect(auditCount()).toBe(audits)
  })

  it('names the live database file and the evidence folder beside it', () => {
    expect(databaseFileName()).toBe(process.env.DATABASE_URL!.replace(/^file:/, ''))
    expect(evidenceFolderName()).toBe(path.join(path.dirname(path.resolve(databaseFileName())), 'evidence'))
  })
})
