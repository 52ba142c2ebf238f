import chardet from 'chardet'
import iconv from 'iconv-lite'

/**
 * A file the import refuses as a whole. `reason` is an i18n key in the import namespace, so the
 * upload page can say why next to the file field; nothing is written for a refused file.
 */
export class ImportRefusal extends Error {
  constructor(
    public readonly reason: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(reason)
    this.name = 'ImportRefusal'
  }
}

export type DecodedText = { text: string; encoding: string }

// Multi-byte East Asian encodings chardet recognises reliably; anything else that is not UTF-8
// is read as Windows-1252, the superset of Latin-1 that spreadsheet programs write in Europe.
const eastAsian = new Set(['Shift_JIS', 'EUC-JP', 'ISO-2022-JP', 'GB18030', 'Big5', 'EUC-KR'])

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Turns uploaded bytes into text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Shift-JIS
 * and friends when chardet is sure, Windows-1252 otherwise. Refuses empty and binary files.
 */
export function decodeUpload(buffer: Uint8Array): DecodedText {
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  if (bytes.length === 0) throw new ImportRefusal('errors.empty')

  let decoded: DecodedText
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' }
  else {
    if (looksBinary(bytes)) throw new ImportRefusal('errors.binary')
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    const body = hasBom ? bytes.subarray(3) : bytes
    try {
      decoded = { text: utf8.decode(body), encoding: hasBom ? 'UTF-8 (BOM)' : 'UTF-8' }
    } catch {
      const guess = chardet.detect(body)
      const encoding = guess && eastAsian.has(guess) && iconv.encodingExists(guess) ? guess : 'windows-1252'
      decoded = { text: iconv.decode(body, encoding), encoding }
    }
  }
  // A UTF-16 file without BOM, an image renamed .csv: control characters give it away.
  if (looksBinaryText(decoded.text)) throw new ImportRefusal('errors.binary')
  if (!decoded.text.replace(/^\uFEFF/, '').trim()) throw new ImportRefusal('errors.empty')
  return { ...decoded, text: decoded.text.replace(/^\uFEFF/, '') }
}

/** NUL bytes never occur in text outside UTF-16/32, which need a BOM here. */
function looksBinary(bytes: Buffer) {
  const sample = bytes.subarray(0, 8192)
  return sample.includes(0)
}

function looksBinaryText(text: string) {
  const sample = text.slice(0, 8192)
  if (!sample.length) return false
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++
  }
  return control / sample.length > 0.02
}
