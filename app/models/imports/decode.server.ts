import chardet from 'chardet'
import iconv from 'iconv-lite'

import { plausibility } from './encoding-score.server'

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

/**
 * The encodings a user may choose on the mapping page (and detection chooses among), with the
 * code pages of every EU language. "UTF-8 (BOM)" is how a detected UTF-8 file with a BOM is named.
 */
export const encodingChoices = [
  'UTF-8',
  'UTF-16LE',
  'UTF-16BE',
  'windows-1250',
  'iso-8859-2',
  'windows-1251',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'windows-1253',
  'iso-8859-7',
  'windows-1254',
  'windows-1257',
] as const
export type EncodingChoice = (typeof encodingChoices)[number]

/** The choice a stored encoding name stands for ("UTF-8 (BOM)" is UTF-8), or null. */
export function encodingChoiceOf(name: unknown): EncodingChoice | null {
  if (typeof name !== 'string') return null
  const plain = name.replace(/\s*\(BOM\)$/, '')
  return (encodingChoices as readonly string[]).includes(plain) ? (plain as EncodingChoice) : null
}

// Single-byte code pages tried on a file that is not UTF-8, in the order that wins a tie
// (equal decodings, e.g. French text in Windows-1252 and ISO-8859-15).
const legacyCandidates = [
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1257',
  'windows-1254',
  'iso-8859-15',
  'iso-8859-2',
  'iso-8859-7',
  'iso-8859-1',
] as const

// Multi-byte East Asian encodings chardet recognises reliably (address books from Japan).
const eastAsian = new Set(['Shift_JIS', 'EUC-JP', 'ISO-2022-JP', 'GB18030', 'Big5', 'EUC-KR'])

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Turns uploaded bytes into text and names the encoding it used. With `encoding` (the user's
 * choice on the mapping page) the bytes are read in it; otherwise: UTF-16 LE/BE (BOM, or the
 * zero bytes of Latin text), UTF-8 with or without BOM, and for anything else the EU code page
 * whose decoding reads most like a language (see plausibility), Shift-JIS and friends when
 * chardet is sure and no code page reads well. Refuses empty and binary files.
 */
export function decodeUpload(buffer: Uint8Array, options: { encoding?: string | null } = {}): DecodedText {
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  if (bytes.length === 0) throw new ImportRefusal('errors.empty')
  const chosen = encodingChoiceOf(options.encoding)
  const decoded = chosen ? decodeAs(bytes, chosen) : detect(bytes)
  // A UTF-16 file read as something else, an image renamed .csv: control characters give it away.
  if (!chosen && looksBinaryText(decoded.text)) throw new ImportRefusal('errors.binary')
  const text = decoded.text.replace(/^\uFEFF/, '')
  if (!text.trim()) throw new ImportRefusal('errors.empty')
  return { ...decoded, text }
}

function bomOf(bytes: Buffer): 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8'
  return null
}

function decodeAs(bytes: Buffer, encoding: EncodingChoice): DecodedText {
  const bom = bomOf(bytes)
  const body = bom === encoding ? bytes.subarray(bom === 'UTF-8' ? 3 : 2) : bytes
  return { text: iconv.decode(body, encoding), encoding }
}

function detect(bytes: Buffer): DecodedText {
  const bom = bomOf(bytes)
  if (bom === 'UTF-16LE' || bom === 'UTF-16BE') return decodeAs(bytes, bom)
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return decodeAs(bytes, utf16)
  if (looksBinary(bytes)) throw new ImportRefusal('errors.binary')
  const body = bom ? bytes.subarray(3) : bytes
  try {
    return { text: utf8.decode(body), encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8' }
  } catch {
    const encoding = bestLegacyEncoding(body)
    return { text: iconv.decode(body, encoding), encoding }
  }
}

/** Latin text in UTF-16 without BOM: every other byte is zero, on one side only. */
function utf16WithoutBom(bytes: Buffer): 'UTF-16LE' | 'UTF-16BE' | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2))
  if (sample.length < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2) odd++
    else even++
  }
  const half = sample.length / 2
  if (odd > half * 0.6 && even < half * 0.05) return 'UTF-16LE'
  if (even > half * 0.6 && odd < half * 0.05) return 'UTF-16BE'
  return null
}

/**
 * The EU code page whose decoding of the file's first 256 KB reads most like one language; the
 * lines without a byte over 0x7F read alike in every one of them and are left out.
 */
function bestLegacyEncoding(body: Buffer): string {
  const sample = highLines(body.subarray(0, 262144))
  let best: { encoding: string; score: number } | undefined
  for (const encoding of legacyCandidates) {
    const score = plausibility(iconv.decode(sample, encoding))
    if (!best || score > best.score) best = { encoding, score }
  }
  const guess = chardet.analyse(sample).find((m) => eastAsian.has(m.name))
  if (guess && guess.confidence >= 50 && best!.score <= 0 && iconv.encodingExists(guess.name))
    return guess.name
  return best!.encoding
}

function highLines(bytes: Buffer): Buffer {
  const lines: Buffer[] = []
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, i + 1)
      if (line.some((b) => b >= 0x80)) lines.push(line)
      start = i + 1
    }
  }
  return Buffer.concat(lines)
}

/** NUL bytes never occur in text outside UTF-16/32. */
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
