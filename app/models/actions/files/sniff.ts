import { startsWith } from '~/utils/uploaded-files.server'

/** The kinds of evidence file Ripple takes, told apart by their first bytes alone. */
export type EvidenceFormat = 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf'

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

// HEIF brands written by phones for HEVC-coded photos (and the generic HEIF ones they also use).
const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])

/**
 * What a file is, by its magic numbers (never by its name or the type the browser declared), or
 * null when it is none of the accepted kinds.
 */
export function evidenceFormat(bytes: Uint8Array): EvidenceFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12))
    if (heicBrands.has(brand)) return 'heic'
  }
  return null
}

/** The Content-Type and file extension of what Ripple stores for each format (HEIC becomes JPEG). */
export const storedAs = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
  heic: { contentType: 'image/jpeg', extension: 'jpg' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
} as const satisfies Record<EvidenceFormat, { contentType: string; extension: string }>
