import ICAL from 'ical.js'
import iconv from 'iconv-lite'
import { decode as decodeQuotedPrintable } from 'libqp'

import { decodeUpload } from './decode.server'

/** One person read from a vCard, with the line its BEGIN:VCARD sits on. */
export type VCardContact = {
  line: number
  name: string
  email: string
  emails: string[]
  phone: string
  organisation: string
  position: string
  website: string
  note: string
}

// Properties that carry pictures, sounds or keys: large, never imported, and often written with
// parameters that are not valid 3.0 (e.g. Apple's "PHOTO;BASE64:").
const skipped = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY', 'X-MS-OL-DESIGN', 'AGENT'])

/**
 * Reads vCard 2.1, 3.0 and 4.0 from the file's bytes. Lines are unfolded first, on the bytes (a
 * fold may fall inside a multi-byte character, RFC 6350 3.2), and only then decoded: each value
 * in its CHARSET (2.1), or else in the file's encoding, chosen by the user or detected on the
 * unfolded lines. ical.js parses 3.0 and 4.0; 2.1 cards are first rewritten as 3.0:
 * quoted-printable values decoded with libqp (soft line breaks joined), bare parameters
 * ("TEL;WORK;VOICE") turned into TYPE=. See docs/decisions/005.
 */
export function parseVCardBytes(
  buffer: Uint8Array,
  chosenEncoding?: string | null,
): { contacts: VCardContact[]; encoding: string } {
  let bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  let utf16: string | null = null
  if (/^UTF-16/.test(chosenEncoding ?? '') || bytes.subarray(0, 64).includes(0)) {
    // UTF-16 cards: read as text (its code units are not split by folding), carried on as UTF-8.
    const decoded = decodeUpload(bytes, { encoding: chosenEncoding })
    utf16 = decoded.encoding
    bytes = Buffer.from(decoded.text, 'utf8')
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  // Latin-1 maps every byte to one character and back: the lines are bytes in disguise.
  const lines = bytes.toString('latin1').split(/\r\n|\r|\n/)
  const cards: { lines: string[]; line: number }[] = []
  let start = -1
  for (let i = 0; i < lines.length; i++) {
    const upper = lines[i].trim().toUpperCase()
    if (upper === 'BEGIN:VCARD') start = i
    else if (upper === 'END:VCARD' && start >= 0) {
      cards.push({ lines: unfold(lines.slice(start, i + 1)), line: start + 1 })
      start = -1
    }
  }
  const all = Buffer.from(cards.flatMap((c) => c.lines).join('\n'), 'latin1')
  const encoding = utf16
    ? 'utf-8'
    : all.length
      ? decodeUpload(all, { encoding: chosenEncoding }).encoding
      : 'UTF-8'
  const iconvName = encoding.replace(/\s*\(BOM\)$/, '')
  return {
    contacts: cards.map((c) => readCard(c.lines, c.line, iconvName)),
    encoding: utf16 ?? encoding,
  }
}

/** vCards already decoded to text (tests, and callers holding a string). */
export function parseVCards(text: string): VCardContact[] {
  return parseVCardBytes(Buffer.from(text, 'utf8'), 'UTF-8').contacts
}

export function looksLikeVCard(text: string) {
  return /^\s*BEGIN:VCARD\s*$/im.test(text.slice(0, 4096))
}

/** A property's parameters: TYPE values joined, the encoding and charset taken out. */
function readParams(rawParams: string[]) {
  const params: string[] = []
  const types: string[] = []
  let quotedPrintable = false
  let charset: string | undefined
  for (const p of rawParams) {
    const eq = p.indexOf('=')
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).trim().toUpperCase()
    const val = (eq < 0 ? p : p.slice(eq + 1)).trim()
    if (key === 'ENCODING' && val.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true
    else if (val.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true
    else if (key === 'CHARSET') charset = val
    else if (key === 'ENCODING' || val.toUpperCase() === 'BASE64') continue
    else if (key === 'TYPE') types.push(val)
    else if (eq >= 0) params.push(`${key}=${val}`)
  }
  if (types.length) params.push(`TYPE=${types.join(',')}`)
  return { params, quotedPrintable, charset }
}

/** The card's lines as vCard 3.0/4.0 that ical.js reads: decoded, escaped, unknown parts dropped. */
function normaliseCard(logical: string[], fileEncoding: string): string[] {
  const version =
    logical
      .find((l) => /^VERSION:/i.test(l))
      ?.split(':')[1]
      ?.trim() ?? '3.0'
  const normalised: string[] = []
  for (const entry of logical) {
    const colon = findValueColon(entry)
    if (colon < 0) continue
    const head = entry.slice(0, colon)
    let value = entry.slice(colon + 1)
    const [rawName, ...rawParams] = head.split(';')
    const name = rawName.replace(/^[^.]+\./, '').toUpperCase() // drop "item1." group prefixes
    if (skipped.has(name)) continue
    if (name === 'BEGIN' || name === 'END') {
      normalised.push(`${name}:VCARD`)
      continue
    }
    if (name === 'VERSION') {
      normalised.push(version === '4.0' ? 'VERSION:4.0' : 'VERSION:3.0')
      continue
    }
    const { params, quotedPrintable, charset } = readParams(rawParams)
    const known = charset && iconv.encodingExists(charset) ? charset : null
    if (quotedPrintable) {
      const bytes = decodeQuotedPrintable(value)
      value = escapeDecoded(iconv.decode(bytes, known ?? utf8Or(bytes, fileEncoding)))
    } else {
      value = iconv.decode(Buffer.from(value, 'latin1'), known ?? fileEncoding)
      if (version === '2.1') value = escape21(value)
    }
    normalised.push(`${name}${params.length ? ';' + params.join(';') : ''}:${value}`)
  }
  return normalised
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Quoted-printable without CHARSET: UTF-8 when the bytes are UTF-8 (phones), else the file's. */
function utf8Or(bytes: Buffer, fileEncoding: string) {
  try {
    strictUtf8.decode(bytes)
    return 'utf-8'
  } catch {
    return fileEncoding
  }
}

function readCard(logical: string[], line: number, fileEncoding: string): VCardContact {
  const normalised = normaliseCard(logical, fileEncoding)
  let component: ICAL.Component | null = null
  try {
    component = new ICAL.Component(ICAL.parse(normalised.join('\r\n')) as unknown as unknown[])
  } catch {
    component = null
  }
  // ical.js unescapes \, \n and \\ in vCard text, but leaves \; (valid in 3.0 and 4.0) with its backslash.
  const text = (prop: string) =>
    component ? stringOf(component.getFirstPropertyValue(prop)).replace(/\\;/g, ';') : ''
  const emails = component
    ? component
        .getAllProperties('email')
        .map((p) =>
          stringOf(p.getFirstValue())
            .replace(/^mailto:/i, '')
            .trim(),
        )
        .filter((e) => e.length > 0)
    : []
  const structuredName = component ? component.getFirstProperty('n')?.getFirstValue() : null
  const parts = Array.isArray(structuredName)
    ? structuredName.map((x) => (Array.isArray(x) ? x.join(' ') : String(x ?? '')))
    : []
  const fromN = [parts[3], parts[1], parts[2], parts[0], parts[4]].filter(Boolean).join(' ').trim()
  const email = emails.find((e) => /^[^\s@]+@[^\s@]+$/.test(e)) ?? emails[0] ?? ''
  const org = component?.getFirstProperty('org')?.getValues()[0]
  // An organisation's own card (vCard 4.0 KIND:org, Apple's X-ABShowAs:COMPANY) names no person.
  const isOrg = /^(org|company)$/i.test(text('kind').trim() || text('x-abshowas').trim())
  return {
    line,
    name: isOrg && org ? '' : clean(text('fn')) || clean(fromN),
    email,
    emails,
    phone: clean(text('tel')).replace(/^tel:/i, ''),
    organisation: clean(Array.isArray(org) ? String(org[0] ?? '') : stringOf(org)),
    position: clean(text('title')) || clean(text('role')),
    website: clean(text('url')),
    note: text('note').trim(),
  }
}

/** RFC folding (a line starting with a space or tab continues the previous one) and 2.1 soft line breaks ("=" at the end of a quoted-printable line). */
function unfold(raw: string[]): string[] {
  const out: string[] = []
  let qpOpen = false
  for (const line of raw) {
    if (qpOpen && out.length) {
      out[out.length - 1] = out[out.length - 1].slice(0, -1) + line
    } else if (/^[ \t]/.test(line) && out.length) {
      out[out.length - 1] += line.slice(1)
    } else if (line.trim()) {
      out.push(line)
    } else continue
    const last = out[out.length - 1]
    const colon = findValueColon(last)
    qpOpen = colon >= 0 && /QUOTED-PRINTABLE/i.test(last.slice(0, colon)) && last.endsWith('=')
  }
  return out
}

/** The colon that ends the property name and parameters (parameters may hold quoted colons). */
function findValueColon(line: string) {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') quoted = !quoted
    else if (c === ':' && !quoted) return i
  }
  return -1
}

/**
 * Decoded quoted-printable text becomes a 3.0 value: backslashes, new lines and commas escaped.
 * Semicolons stay bare: they separate the components of N, ADR and ORG, and ical.js reads them as
 * text elsewhere (it does not unescape "\\;" in vCard text, which would keep the backslash).
 */
function escapeDecoded(value: string) {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
}

/** 2.1 has no comma escaping; a comma in a 2.1 name is text, not a list separator. */
function escape21(value: string) {
  return value.replace(/\\(?![;,nN\\])/g, '\\\\').replace(/(?<!\\),/g, '\\,')
}

function stringOf(value: unknown): string {
  if (value == null) return ''
  if (Array.isArray(value)) return value.map(stringOf).join(' ')
  return String(value)
}

function clean(value: string) {
  return value.replace(/\s+/g, ' ').trim()
}
