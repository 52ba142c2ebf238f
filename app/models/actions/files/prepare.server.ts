import convertHeic from 'heic-convert'
import sharp from 'sharp'

import type { ActionFileKind } from '#db/schema'
import { type ReceivedFile, safeFileName } from '~/utils/uploaded-files.server'

import { thumbnailSize } from './sizes'
import { type EvidenceFormat, evidenceFormat, storedAs } from './sniff'

/** An evidence file checked and ready to store: cleaned bytes, and a thumbnail for an image. */
export type PreparedEvidenceFile = {
  kind: ActionFileKind
  originalName: string
  contentType: string
  extension: string
  data: Buffer
  thumbnail: Buffer | null
  width: number | null
  height: number | null
}

/** Why a file was refused: a key under `actions:files.errors`. */
export type EvidenceFileError = 'type' | 'size' | 'empty' | 'image'

export type PreparedEvidence =
  { ok: true; files: PreparedEvidenceFile[] } | { ok: false; error: EvidenceFileError; fileName: string }

// A phone photo is 12 to 50 megapixels; far more is a decompression bomb, not a photo.
const maxInputPixels = 100_000_000

/** An image decoded and written again: orientation applied, EXIF/XMP/GPS and every other metadata dropped. */
async function cleanImage(format: Exclude<EvidenceFormat, 'pdf'>, bytes: Uint8Array) {
  // Prebuilt sharp cannot decode HEVC: heic-convert (pure JavaScript) makes a JPEG of it first.
  const input = format === 'heic' ? Buffer.from(await convertHeic({ buffer: bytes, format: 'JPEG' })) : bytes
  const image = sharp(input, { limitInputPixels: maxInputPixels }).rotate()
  const written =
    format === 'png'
      ? image.png()
      : format === 'webp'
        ? image.webp({ quality: 85 })
        : image.jpeg({ quality: 85 })
  const { data, info } = await written.toBuffer({ resolveWithObject: true })
  const thumbnail = await sharp(data)
    .resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer()
  return { data, thumbnail, width: info.width, height: info.height }
}

/** Checks one received file by its bytes and prepares what is stored of it. */
async function prepareOne(file: ReceivedFile, limitBytes: number) {
  const fileName = safeFileName(file.fileName)
  const refuse = (error: EvidenceFileError) => ({ ok: false as const, error, fileName })
  if (file.tooLarge || file.bytes.length > limitBytes) return refuse('size')
  if (file.bytes.length === 0) return refuse('empty')
  const format = evidenceFormat(file.bytes)
  if (!format) return refuse('type')
  const { contentType, extension } = storedAs[format]
  if (format === 'pdf') {
    const data = Buffer.from(file.bytes)
    const prepared = { kind: 'pdf' as const, data, thumbnail: null, width: null, height: null }
    return { ok: true as const, file: { ...prepared, originalName: fileName, contentType, extension } }
  }
  try {
    const image = await cleanImage(format, file.bytes)
    return {
      ok: true as const,
      file: { kind: 'image' as const, originalName: fileName, contentType, extension, ...image },
    }
  } catch {
    // The signature said image, but it does not decode: broken, cut short, or not what it claims.
    return refuse('image')
  }
}

/**
 * Checks every received evidence file (by magic numbers, within the upload limit) and prepares
 * them; the first refused file refuses them all, so nothing is kept half.
 */
export async function prepareEvidenceFiles(
  files: ReceivedFile[],
  limitBytes: number,
): Promise<PreparedEvidence> {
  const prepared: PreparedEvidenceFile[] = []
  for (const file of files) {
    const result = await prepareOne(file, limitBytes)
    if (!result.ok) return result
    prepared.push(result.file)
  }
  return { ok: true, files: prepared }
}
