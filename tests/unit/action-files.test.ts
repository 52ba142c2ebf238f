import fs from 'node:fs'
import path from 'node:path'

import { and, eq, isNull, ne } from 'drizzle-orm'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionFiles, actions, auditLog } from '#db/schema'
import { evidenceFormat } from '~/models/actions/files/sniff'
import {
  actionFileContent,
  ActionForbiddenError,
  addActionFiles,
  archiveAction,
  evidenceFolder,
  listActionFiles,
  prepareEvidenceFiles,
  setActionFileArchived,
} from '~/models/actions/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { readFixture } from '../setup/fixtures'

const limit = 10 * 1024 * 1024
const received = (fileName: string, bytes: Uint8Array) => ({ fileName, bytes, tooLarge: false })

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#1b8a9a' } })
    .png()
    .toBuffer()
/** A phone photo as it leaves the camera: GPS position, camera make, rotated by its EXIF orientation. */
const gpsJpeg = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'Ripple Test Camera', Model: 'Gdańsk 1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '54/1 21/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '18/1 39/1 0/1',
        },
      },
    })
    .toBuffer()
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const heicHeader = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mif1heic'),
  Buffer.from('not really an image, cut short'),
])

/** Does this EXIF block hold a GPS directory (tag 0x8825, either byte order)? */
const hasGps = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])))

let own: number
let other: number
beforeAll(() => {
  const live = (partnerId: number) =>
    db
      .select({ id: actions.id })
      .from(actions)
      .where(
        and(eq(actions.partnerId, partnerId), isNull(actions.archivedAt), ne(actions.status, 'validated')),
      )
      .limit(1)
      .get()!.id
  own = live(demo.partner().partnerId!)
  other = live(demo.partner2().partnerId!)
})

describe('evidence files: checked by their bytes', () => {
  it('tells the accepted formats apart by magic numbers alone', async () => {
    expect(evidenceFormat(await png())).toBe('png')
    expect(evidenceFormat(await gpsJpeg())).toBe('jpeg')
    expect(
      evidenceFormat(
        await sharp(await png())
          .webp()
          .toBuffer(),
      ),
    ).toBe('webp')
    expect(evidenceFormat(pdf)).toBe('pdf')
    expect(evidenceFormat(heicHeader)).toBe('heic')
    expect(evidenceFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBeNull()
    expect(evidenceFormat(Buffer.from('Prezentacja – Łódź, źdźbło'))).toBeNull()
    // AVIF is an ISO-BMFF file too, but not a phone's HEIC.
    expect(evidenceFormat(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypavif')]))).toBeNull()
  })

  it('takes a PNG named .pdf as the PNG it is, and refuses a PDF name on other bytes', async () => {
    const asPdf = await prepareEvidenceFiles([received('Πρόγραμμα συνάντησης.pdf', await png())], limit)
    expect(asPdf.ok).toBe(true)
    if (!asPdf.ok) return
    expect(asPdf.files[0]).toMatchObject({ kind: 'image', contentType: 'image/png', width: 40, height: 30 })
    const fake = await prepareEvidenceFiles(
      [received('agenda.pdf', Buffer.from('MZ\x90\x00 not a pdf'))],
      limit,
    )
    expect(fake).toEqual({ ok: false, error: 'type', fileName: 'agenda.pdf' })
  })

  it('refuses empty, oversize and undecodable files, and keeps none of a batch with one bad file', async () => {
    expect(await prepareEvidenceFiles([received('empty.jpg', new Uint8Array())], limit)).toMatchObject({
      error: 'empty',
    })
    expect(await prepareEvidenceFiles([received('big.png', await png())], 10)).toMatchObject({
      error: 'size',
    })
    expect(
      await prepareEvidenceFiles([{ fileName: 'huge.jpg', bytes: new Uint8Array(), tooLarge: true }], limit),
    ).toMatchObject({ error: 'size' })
    // A HEIC signature on bytes that do not decode: refused, never thrown.
    expect(await prepareEvidenceFiles([received('IMG_0001.HEIC', heicHeader)], limit)).toMatchObject({
      error: 'image',
    })
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)])
    expect(
      await prepareEvidenceFiles([received('ok.pdf', pdf), received('Fotografie z akce.jpg', broken)], limit),
    ).toMatchObject({ ok: false, error: 'image', fileName: 'Fotografie z akce.jpg' })
  })

  it('strips GPS and camera data from a photo, applies its orientation and makes a 320 px thumbnail', async () => {
    const original = await gpsJpeg()
    const before = await sharp(original).metadata()
    expect(hasGps(before.exif)).toBe(true)
    expect(before.orientation).toBe(6)
    const prepared = await prepareEvidenceFiles([received('Argazkia Donostian.jpg', original)], limit)
    expect(prepared.ok).toBe(true)
    if (!prepared.ok) return
    const file = prepared.files[0]
    const after = await sharp(file.data).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect(file.data.includes(Buffer.from('Ripple Test Camera'))).toBe(false)
    // Orientation 6 is a quarter turn: the stored photo stands upright.
    expect([file.width, file.height]).toEqual([480, 640])
    const thumb = await sharp(file.thumbnail!).metadata()
    expect(thumb.format).toBe('webp')
    expect([thumb.width, thumb.height]).toEqual([240, 320])
  })

  it('reads a real HEIC photo (HEVC, as iPhones take them): converted to JPEG, no metadata, a thumbnail', async () => {
    const heic = readFixture('heic', 'example.heic')
    expect(heic.subarray(4, 12).toString('latin1')).toBe('ftypmif1')
    expect(heic.includes(Buffer.from('hevc'))).toBe(true)
    const prepared = await prepareEvidenceFiles([received('IMG_4521.HEIC', heic)], limit)
    expect(prepared.ok).toBe(true)
    if (!prepared.ok) return
    const file = prepared.files[0]
    expect(file.contentType).toBe('image/jpeg')
    const stored = await sharp(file.data).metadata()
    expect(stored.format).toBe('jpeg')
    expect(stored.exif).toBeUndefined()
    expect([file.width, file.height]).toEqual([stored.width, stored.height])
    expect(file.width!).toBeGreaterThan(100)
    const thumb = await sharp(file.thumbnail!).metadata()
    expect(thumb.format).toBe('webp')
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320)
  })
})

describe('evidence files on an action: who may, archive and restore, storage', () => {
  const prepare = async (name: string, bytes: Uint8Array) => {
    const prepared = await prepareEvidenceFiles([received(name, bytes)], limit)
    if (!prepared.ok) throw new Error(prepared.error)
    return prepared.files
  }

  it('lets the partner add files to its own action, stored beside the database without their metadata', async () => {
    const files = await prepare('Fotografia z warsztatów – Gdańsk.jpg', await gpsJpeg())
    const [id] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    const row = db.select().from(actionFiles).where(eq(actionFiles.id, id)).get()!
    expect(row).toMatchObject({
      actionId: own,
      kind: 'image',
      contentType: 'image/jpeg',
      createdBy: demo.partner().id,
    })
    expect(path.dirname(evidenceFolder())).toBe(path.dirname(path.resolve(process.env.DATABASE_URL!)))
    const stored = fs.readFileSync(path.join(evidenceFolder(), row.storedName))
    expect(hasGps((await sharp(stored).metadata()).exif)).toBe(false)
    expect(fs.existsSync(path.join(evidenceFolder(), `${row.storedName}.thumb.webp`))).toBe(true)
    // Every reader sees it; the viewer may download it.
    expect(listActionFiles(own, demo.viewer()).files.map((f) => f.id)).toContain(id)
    const download = actionFileContent(own, id, demo.viewer(), 'file')!
    expect(download.fileName).toBe('Fotografia z warsztatów – Gdańsk.jpg')
    expect(download.data.equals(stored)).toBe(true)
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'action_file'), eq(auditLog.entityId, id)))
        .all(),
    ).toHaveLength(1)
  })

  it("refuses another partner's action and the viewer, writing nothing", async () => {
    const files = await prepare('agenda.pdf', pdf)
    const count = () => db.select().from(actionFiles).all().length
    const before = count()
    expect(() => db.transaction((tx) => addActionFiles(tx, other, files, demo.partner()))).toThrow(
      ActionForbiddenError,
    )
    expect(() => db.transaction((tx) => addActionFiles(tx, own, files, demo.viewer()))).toThrow(
      ForbiddenError,
    )
    expect(count()).toBe(before)
    const [id] = db.transaction((tx) => addActionFiles(tx, other, files, demo.partner2()))
    expect(() => db.transaction((tx) => setActionFileArchived(tx, other, id, true, demo.partner()))).toThrow(
      ForbiddenError,
    )
    // Comms manage every action's files.
    db.transaction((tx) => setActionFileArchived(tx, other, id, true, demo.comms()))
    db.transaction((tx) => setActionFileArchived(tx, other, id, false, demo.comms()))
  })

  it('archives a file with a way back, audited; the archived file only for those who may restore it', async () => {
    const files = await prepare('Prezentare Cluj-Napoca.pdf', pdf)
    const [id] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    db.transaction((tx) => setActionFileArchived(tx, own, id, true, demo.partner()))
    expect(listActionFiles(own, demo.viewer()).files.map((f) => f.id)).not.toContain(id)
    expect(listActionFiles(own, demo.partner()).archived.map((f) => f.id)).toContain(id)
    expect(listActionFiles(own, demo.viewer()).archived).toEqual([])
    expect(actionFileContent(own, id, demo.viewer(), 'file')).toBeNull()
    expect(actionFileContent(own, id, demo.partner(), 'file')?.contentType).toBe('application/pdf')
    db.transaction((tx) => setActionFileArchived(tx, own, id, false, demo.partner()))
    expect(listActionFiles(own, demo.viewer()).files.map((f) => f.id)).toContain(id)
    const trail = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'action_file'), eq(auditLog.entityId, id)))
      .all()
      .map((r) => r.action)
    expect(trail).toEqual(['create', 'archive', 'restore'])
    // A file id of another action is not found through this one.
    expect(actionFileContent(other, id, demo.comms(), 'file')).toBeNull()
    expect(db.transaction((tx) => setActionFileArchived(tx, other, id, true, demo.comms()))).toBe(false)
  })

  it("hides an archived action's files with it", async () => {
    const files = await prepare('sheet.png', await png())
    const [id] = db.transaction((tx) => addActionFiles(tx, own, files, demo.partner()))
    db.transaction((tx) => archiveAction(tx, own, demo.partner()))
    expect(listActionFiles(own, demo.comms())).toEqual({ files: [], archived: [] })
    expect(actionFileContent(own, id, demo.comms(), 'file')).toBeNull()
    expect(actionFileContent(own, id, demo.comms(), 'thumbnail')).toBeNull()
    expect(() => db.transaction((tx) => addActionFiles(tx, own, files, demo.comms()))).toThrow(ForbiddenError)
  })
})
