import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { and, eq, isNull, ne } from 'drizzle-orm'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseFile, db } from '#db/client'
import { actionFiles, actions, auditLog } from '#db/schema'
import { evidenceFormat } from '~/models/actions/files/sniff'
import {
  actionFileContent,
  addActionFiles,
  downloadName,
  evidenceFolder,
  listActionFiles,
  newStoredName,
  prepareEvidenceFiles,
  readStoredFile,
  removeStoredFile,
  setActionFileArchived,
  storedFiles,
  storeEvidenceFiles,
  thumbnailName,
  writeStoredFile,
} from '~/models/actions/index.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'

const limit = 10 * 1024 * 1024
const received = (fileName: string, bytes: Uint8Array) => ({ fileName, bytes, tooLarge: false })
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

const tinyPng = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#1b8a9a' } })
    .png()
    .toBuffer()
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (data: Buffer) => {
  let c = 0xffffffff
  for (const b of data) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}
/** A valid black 1-bit PNG of 10 001 × 10 001 pixels (100 020 001, just over the limit) in about 12 kB. */
function pngBomb() {
  const side = 10_001
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header.set([1, 0, 0, 0, 0], 8) // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = zlib.deflateSync(Buffer.alloc(side * (1 + Math.ceil(side / 8))))
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  const end = chunk('IEND', Buffer.alloc(0))
  return Buffer.concat([Buffer.from(signature), chunk('IHDR', header), chunk('IDAT', rows), end])
}

async function prepared(name: string, data: Uint8Array) {
  const result = await prepareEvidenceFiles([received(name, data)], limit)
  if (!result.ok) throw new Error(`${name}: ${result.error}`)
  return result.files
}

let own: number
beforeAll(() => {
  own = db
    .select({ id: actions.id })
    .from(actions)
    .where(
      and(
        eq(actions.partnerId, demo.partner().partnerId!),
        isNull(actions.archivedAt),
        ne(actions.status, 'validated'),
      ),
    )
    .limit(1)
    .get()!.id
})

describe('sniffing: each magic number, short buffers and look-alikes', () => {
  it('knows every HEIF brand a phone writes, and nothing else in an ISO-BMFF box', () => {
    const box = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0])
    for (const brand of ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])
      expect([brand, evidenceFormat(box(brand))]).toEqual([brand, 'heic'])
    for (const brand of ['avif', 'isom', 'mp42', 'qt  ', ''])
      expect([brand, evidenceFormat(box(brand))]).toEqual([brand, null])
    // A HEIC brand where no `ftyp` box announces it is no HEIC.
    expect(evidenceFormat(bytes([0, 0, 0, 0x18], 'moovheic', [0, 0, 0, 0]))).toBeNull()
    expect(evidenceFormat(bytes([0, 0, 0, 0x18], 'ftyp'))).toBeNull()
  })

  it('takes RIFF as WebP only with the WEBP form type at byte 8', () => {
    expect(evidenceFormat(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('webp')
    // A WAV or AVI file is RIFF too; WEBP at byte 8 of a non-RIFF file is nothing.
    expect(evidenceFormat(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull()
    expect(evidenceFormat(bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST'))).toBeNull()
    expect(evidenceFormat(bytes('RIFX', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBeNull()
    expect(evidenceFormat(bytes('RIFF'))).toBeNull()
  })

  it('needs the whole signature: too short buffers and near misses are refused', () => {
    expect(evidenceFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(evidenceFormat(bytes([0xff, 0xd8]))).toBeNull()
    expect(evidenceFormat(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('png')
    expect(evidenceFormat(bytes([0x89], 'PNG\r\n\x1a'))).toBeNull()
    expect(evidenceFormat(bytes([0x89], 'PNG\n\r\x1a\n'))).toBeNull()
    expect(evidenceFormat(bytes('%PDF-'))).toBe('pdf')
    expect(evidenceFormat(bytes('%PDF'))).toBeNull()
    expect(evidenceFormat(bytes('%!PS-Adobe-3.0 Łódź'))).toBeNull()
    expect(evidenceFormat(new Uint8Array())).toBeNull()
  })
})

describe('preparing: the stored format, the size limit, thumbnails and bombs', () => {
  it('keeps a PNG a PNG and a WebP a WebP (only HEIC changes format)', async () => {
    const [png] = await prepared('Plakat – Θεσσαλονίκη.png', await tinyPng())
    expect([evidenceFormat(png.data), png.contentType, png.extension]).toEqual(['png', 'image/png', 'png'])
    const webpIn = await sharp(await tinyPng())
      .webp()
      .toBuffer()
    const [webp] = await prepared('Čeněk Šťastný.webp', webpIn)
    expect([evidenceFormat(webp.data), webp.contentType, webp.extension]).toEqual([
      'webp',
      'image/webp',
      'webp',
    ])
    const jpegIn = await sharp(await tinyPng())
      .jpeg()
      .toBuffer()
    const [jpeg] = await prepared('Târgu Mureș.jpg', jpegIn)
    expect([evidenceFormat(jpeg.data), jpeg.contentType, jpeg.extension]).toEqual([
      'jpeg',
      'image/jpeg',
      'jpg',
    ])
  })

  it('never enlarges a small picture for its thumbnail', async () => {
    const [file] = await prepared('ikona.png', await tinyPng())
    const thumb = await sharp(file.thumbnail!).metadata()
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 40, 30])
  })

  it('takes a file of exactly the limit, and refuses one byte more', async () => {
    expect(await prepareEvidenceFiles([received('Gasteizko Udala.pdf', pdf)], pdf.length)).toMatchObject({
      ok: true,
      files: [{ kind: 'pdf', originalName: 'Gasteizko Udala.pdf' }],
    })
    expect(await prepareEvidenceFiles([received('Gasteizko Udala.pdf', pdf)], pdf.length - 1)).toEqual({
      ok: false,
      error: 'size',
      fileName: 'Gasteizko Udala.pdf',
    })
  })

  it('refuses a decompression bomb by its header, without decoding it', async () => {
    const bomb = pngBomb()
    expect(bomb.length).toBeLessThan(50_000)
    expect(await prepareEvidenceFiles([received('bomba.png', bomb)], limit)).toEqual({
      ok: false,
      error: 'image',
      fileName: 'bomba.png',
    })
  })
})

describe('storage: names, paths, missing files and removal', () => {
  const onDisk = (name: string) => fs.existsSync(path.join(evidenceFolder(), name))

  it('keeps a thumbnail beside an image only', () => {
    expect(storedFiles({ storedName: '7-a.jpg', kind: 'image' })).toEqual(['7-a.jpg', '7-a.jpg.thumb.webp'])
    expect(storedFiles({ storedName: '7-a.pdf', kind: 'pdf' })).toEqual(['7-a.pdf'])
  })

  it('writes a new name once, reads it back, and answers null once it is removed', () => {
    const name = newStoredName(4242, 'pdf')
    expect(name).toMatch(/^4242-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.pdf$/)
    writeStoredFile(name, Buffer.from('Prezentacja – Łódź'))
    expect(readStoredFile(name)?.toString()).toBe('Prezentacja – Łódź')
    // Never over an existing file.
    expect(() => writeStoredFile(name, Buffer.from('Θεσσαλονίκη'))).toThrow(/EEXIST/)
    expect(readStoredFile(name)?.toString()).toBe('Prezentacja – Łódź')
    removeStoredFile(name)
    expect(onDisk(name)).toBe(false)
    expect(readStoredFile(name)).toBeNull()
    // Removing what is already gone is no error.
    expect(() => removeStoredFile(name)).not.toThrow()
  })

  it('throws on a read that fails for another reason than a missing file', () => {
    const name = newStoredName(4243, 'pdf')
    fs.mkdirSync(path.join(evidenceFolder(), name), { recursive: true })
    try {
      expect(() => readStoredFile(name)).toThrow(/EISDIR/)
    } finally {
      fs.rmdirSync(path.join(evidenceFolder(), name))
    }
  })

  it('touches no path that is not a stored name: no folder before it, nothing after it', () => {
    const name = newStoredName(4244, 'pdf')
    const database = path.basename(databaseFile())
    for (const bad of [`../${name}`, `${name}/../../${database}`, 'Zdjęcie – Łódź.jpg', `${name}.exe`]) {
      expect(() => readStoredFile(bad)).toThrow(`not a stored evidence file name: ${bad}`)
      expect(() => writeStoredFile(bad, pdf)).toThrow(`not a stored evidence file name: ${bad}`)
      expect(() => removeStoredFile(bad)).toThrow(`not a stored evidence file name: ${bad}`)
    }
    expect(fs.existsSync(path.join(evidenceFolder(), '..', name))).toBe(false)
  })
})

describe('download names: the uploaded name with the extension of what is stored', () => {
  it.each([
    ['Zdjęcie.jpeg', 'image/jpeg', 'Zdjęcie.jpeg'],
    ['IMG_0001.JPG', 'image/jpeg', 'IMG_0001.JPG'],
    ['IMG_4521.HEIC', 'image/jpeg', 'IMG_4521.jpg'],
    ['Prezentace.PDF', 'application/pdf', 'Prezentace.PDF'],
    ['Θεσσαλονίκη.pdf', 'image/png', 'Θεσσαλονίκη.png'],
    ['Argazkia.jpg', 'image/webp', 'Argazkia.webp'],
    ['photo.jpg', 'application/pdf', 'photo.pdf'],
    ['Sprawozdanie z wizyty', 'application/pdf', 'Sprawozdanie z wizyty.pdf'],
    ['PDF', 'application/pdf', 'PDF.pdf'],
    ['Raport.final.doc', 'application/pdf', 'Raport.final.pdf'],
    ['.pdf', 'application/pdf', '.pdf.pdf'],
    ['Gasteizko Udala.gif', 'image/gif', 'Gasteizko Udala.bin'],
  ])('%s stored as %s is offered as %s', (original, contentType, offered) => {
    expect(downloadName(original, contentType)).toBe(offered)
  })
})

describe('stored evidence: writing a batch, and leaving nothing behind when it fails', () => {
  const ownedBy = (ownerId: number) =>
    fs.existsSync(evidenceFolder())
      ? fs.readdirSync(evidenceFolder()).filter((n) => n.startsWith(`${ownerId}-`))
      : []

  it('writes each file and its thumbnail, hands each row to the caller and returns their ids', async () => {
    const files = [
      ...(await prepared('Târgu Mureș.pdf', pdf)),
      ...(await prepared('plakat.png', await tinyPng())),
    ]
    const rows: unknown[] = []
    const ids = storeEvidenceFiles(990_001, files, (row) => rows.push(row) * 10)
    expect(ids).toEqual([10, 20])
    const [first, second] = rows as { storedName: string }[]
    expect(rows).toEqual([
      {
        kind: 'pdf',
        originalName: 'Târgu Mureș.pdf',
        storedName: first.storedName,
        size: pdf.length,
        contentType: 'application/pdf',
        width: null,
        height: null,
      },
      {
        kind: 'image',
        originalName: 'plakat.png',
        storedName: second.storedName,
        size: files[1].data.length,
        contentType: 'image/png',
        width: 40,
        height: 30,
      },
    ])
    expect(first.storedName).toMatch(/^990001-[0-9a-f-]{36}\.pdf$/)
    expect(ownedBy(990_001).sort()).toEqual(
      [first.storedName, second.storedName, `${second.storedName}.thumb.webp`].sort(),
    )
    expect(readStoredFile(thumbnailName(second.storedName))!.equals(files[1].thumbnail!)).toBe(true)
  })

  it('removes every file it wrote when an insert fails, and rethrows that failure', async () => {
    const files = [...(await prepared('ikona.png', await tinyPng())), ...(await prepared('Łódź.pdf', pdf))]
    const seen: string[][] = []
    const insert = () => {
      seen.push(ownedBy(990_002).sort())
      if (seen.length === 2) throw new Error('Łódź: insert refused')
      return 1
    }
    expect(() => storeEvidenceFiles(990_002, files, insert)).toThrow('Łódź: insert refused')
    // The image, its thumbnail and the PDF were all on disk before the failure...
    expect(seen[1]).toHaveLength(3)
    // ...and none is left.
    expect(ownedBy(990_002)).toEqual([])
  })
})

describe('evidence files on an action: listing, content, audit and archiving twice', () => {
  it('audits an added file with what was added', async () => {
    const files = await prepared('Sprawozdanie – Târgu Mureș.pdf', pdf)
    const [id] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    expect(lastAudit('action_file', id)).toMatchObject({
      userId: demo.partner().id,
      action: 'create',
      before: null,
      after: { actionId: own, kind: 'pdf', originalName: 'Sprawozdanie – Târgu Mureș.pdf', size: pdf.length },
      summary: 'Sprawozdanie – Târgu Mureș.pdf',
    })
  })

  it('archives or restores once: doing it again changes nothing and writes no audit row', async () => {
    const files = await prepared('Plan – Θεσσαλονίκη.pdf', pdf)
    const [id] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    const archive = (archived: boolean) =>
      db.transaction((tx) => setActionFileArchived(tx, own, id, archived, demo.partner()))
    const archivedAt = () => db.select().from(actionFiles).where(eq(actionFiles.id, id)).get()!.archivedAt
    const trail = () =>
      db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'action_file'), eq(auditLog.entityId, id)))
        .all()
        .map((r) => r.action)
    expect(archive(true)).toBe(true)
    const when = archivedAt()
    expect(when).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(archive(true)).toBe(true)
    expect(archivedAt()).toBe(when)
    expect(trail()).toEqual(['create', 'archive'])
    expect(archive(false)).toBe(true)
    expect(archive(false)).toBe(true)
    expect(archivedAt()).toBeNull()
    expect(trail()).toEqual(['create', 'archive', 'restore'])
  })

  it('lists live and archived files apart, each under its download name', async () => {
    const before = listActionFiles(own, demo.partner())
    const files = [
      ...(await prepared('Θεσσαλονίκη.pdf', await tinyPng())),
      ...(await prepared('Raport.final.doc', pdf)),
    ]
    const [pngId, pdfId] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    db.transaction((tx) => setActionFileArchived(tx, own, pdfId, true, demo.partner()))
    const listed = listActionFiles(own, demo.partner())
    expect(listed.files.map((f) => f.id)).toEqual([...before.files.map((f) => f.id), pngId])
    expect(listed.archived.map((f) => f.id)).toEqual([...before.archived.map((f) => f.id), pdfId])
    expect(listed.files.at(-1)).toMatchObject({
      name: 'Θεσσαλονίκη.png',
      contentType: 'image/png',
      width: 40,
    })
    expect(listed.archived.at(-1)).toMatchObject({ name: 'Raport.final.pdf', contentType: 'application/pdf' })
    expect(listActionFiles(own, demo.viewer()).archived).toEqual([])
  })
})

describe('evidence file content: the file, its thumbnail, or nothing', () => {
  const storedName = (id: number) =>
    db.select().from(actionFiles).where(eq(actionFiles.id, id)).get()!.storedName

  it("answers an image's thumbnail as WebP under the file's download name", async () => {
    const files = await prepared('Čeněk Šťastný.pdf', await tinyPng())
    const [id] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    const thumb = readStoredFile(thumbnailName(storedName(id)))!
    expect(thumb.equals(files[0].thumbnail!)).toBe(true)
    expect(actionFileContent(own, id, demo.viewer(), 'thumbnail')).toEqual({
      data: thumb,
      fileName: 'Čeněk Šťastný.png',
      contentType: 'image/webp',
      size: thumb.length,
    })
    expect(actionFileContent(own, id, demo.viewer(), 'file')).toEqual({
      data: files[0].data,
      fileName: 'Čeněk Šťastný.png',
      contentType: 'image/png',
      size: files[0].data.length,
    })
    // Bytes gone from the disk: no file (404), though the row is still there.
    removeStoredFile(storedName(id))
    expect(actionFileContent(own, id, demo.viewer(), 'file')).toBeNull()
    expect(actionFileContent(own, id, demo.viewer(), 'thumbnail')?.size).toBe(thumb.length)
  })

  it('never answers a thumbnail for a PDF, even with such a file on disk', async () => {
    const files = await prepared('Gasteizko Udala.pdf', pdf)
    const [id] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    writeStoredFile(thumbnailName(storedName(id)), files[0].data)
    expect(actionFileContent(own, id, demo.comms(), 'thumbnail')).toBeNull()
    expect(actionFileContent(own, id, demo.comms(), 'file')?.contentType).toBe('application/pdf')
  })
})
