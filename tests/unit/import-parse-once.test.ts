import { describe, expect, it, vi } from 'vitest'

import { sqlite } from '#db/client'
import type * as DecodeModule from '~/models/imports/decode.server'
import {
  createImportJob,
  getImportJob,
  ImportRefusal,
  jobSample,
  parseUpload,
  previewJob,
  runImportJob,
  saveJobDecisions,
} from '~/models/imports/index.server'

import { sessionUserFor } from '../setup/actors'

// Every decode of an uploaded file goes through decodeUpload: counting its calls counts parses.
vi.mock('~/models/imports/decode.server', async (original) => {
  const actual = await original<typeof DecodeModule>()
  return { ...actual, decodeUpload: vi.fn(actual.decodeUpload) }
})
const { decodeUpload } = await import('~/models/imports/decode.server')

const partner = sessionUserFor('partner@demo.ripple')
const count = (sql: string, ...args: unknown[]) =>
  (
    sqlite()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n

function actionsCsv(rows: number, prefix: string) {
  const lines = ['title;date;type;participants']
  for (let i = 0; i < rows; i++) lines.push(`${prefix} ${i};2025-03-${(i % 28) + 1};Webinar;${i}`)
  return Buffer.from(lines.join('\n'))
}

async function upload(buffer: Buffer) {
  const id = await createImportJob({
    kind: 'actions',
    user: partner,
    fileName: 'acciones.csv',
    buffer,
    partnerId: partner.partnerId,
  })
  return id
}

describe('an import job parses its file once', () => {
  it('upload, mapping sample, preview and write decode and parse the file a single time', async () => {
    vi.mocked(decodeUpload).mockClear()
    const id = await upload(actionsCsv(3000, 'Parsed once'))
    const job = () => getImportJob(id, partner, 'actions')!
    expect(await jobSample(job(), 2)).toEqual([
      ['Parsed once 0', '2025-03-1', 'Webinar', '0'],
      ['Parsed once 1', '2025-03-2', 'Webinar', '1'],
    ])
    expect((await previewJob(job(), partner)).summary.toCreate).toBe(3000)
    saveJobDecisions(job(), { mode: 'all', defaultDecision: 'skip', perLine: {} })
    expect((await runImportJob(job(), partner)).created.length).toBe(3000)
    expect(decodeUpload).toHaveBeenCalledTimes(1)
    // The job never kept the uploaded bytes, only the parsed rows; they are dropped once written.
    expect(count('select length(content) as n from import_jobs where id = ?', id)).toBe(0)
  })
})

describe('two requests writing the same job at once', () => {
  it('write it once; the second gets the first one’s report', async () => {
    const id = await upload(actionsCsv(1500, 'Written once'))
    const stale = getImportJob(id, partner, 'actions')!
    const before = count('select count(*) as n from actions')
    const [first, second] = await Promise.all([runImportJob(stale, partner), runImportJob(stale, partner)])
    expect(first.created.length).toBe(1500)
    expect(second).toEqual(first)
    expect(count('select count(*) as n from actions')).toBe(before + 1500)
  })
})

describe('the caps', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn()
    } catch (error) {
      if (error instanceof ImportRefusal) return [error.reason, error.params.max]
      throw error
    }
    return null
  }

  it('refuse JSON files of more than 200 keys and vCard files of more than 20,000 cards', () => {
    const wide = JSON.stringify([Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i]))])
    expect(refusal(() => parseUpload({ buffer: Buffer.from(wide), fileName: 'wide.json' }))).toEqual([
      'errors.tooManyColumns',
      200,
    ])
    const card = (i: number) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEND:VCARD\r\n`
    const cards = Array.from({ length: 20_001 }, (_, i) => card(i)).join('')
    expect(refusal(() => parseUpload({ buffer: Buffer.from(cards), fileName: 'many.vcf' }))).toEqual([
      'errors.tooManyRows',
      20_000,
    ])
    const atCap = Buffer.from(cards.slice(card(0).length))
    expect(refusal(() => parseUpload({ buffer: atCap, fileName: 'cap.vcf' }))).toBeNull()
  })
})
