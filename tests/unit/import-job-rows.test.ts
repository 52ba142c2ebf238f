import { describe, expect, it } from 'vitest'

import { adapterFor, createImportJob, getImportJob, jobMapping } from '~/models/imports/index.server'
import {
  encodeRows,
  jobFile,
  jobSample,
  planRowsInTurns,
  readRowsInTurns,
} from '~/models/imports/job-rows.server'
import type { ParsedFile } from '~/models/imports/parse.server'

import { sessionUserFor } from '../setup/actors'

/*
 * The rows an import job keeps, read back: the mapping page's sample reads only the first lines
 * (up to the last one, however few there are), an old job without a format is still parsed, and
 * long files are encoded, read and planned in slices with a turn of the event loop between them
 * (2,000 rows a slice; 500 for the duplicate look-ups), so that one import never holds the
 * server up. The turns are counted with a ticker that runs once in each of them.
 */

const comms = sessionUserFor('comms@demo.ripple')
const format = { type: 'csv', encoding: 'utf-8', hasHeader: true } as const

/** A parsed file of `count` organisations, lines 2 onwards. */
const organisations = (count: number): ParsedFile => ({
  format,
  headers: ['name', 'category'],
  rows: Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    values: [`Gasteizko Udala ${i + 1}`, 'Local authority'],
  })),
})

/** What `work` gives and how many turns of the event loop passed before it did. */
async function turnsOf<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0
  let counting = true
  const tick = () => {
    if (!counting) return
    turns++
    setImmediate(tick)
  }
  setImmediate(tick)
  const value = await work()
  counting = false
  return { value, turns }
}

const stored = async (file: ParsedFile) => ({
  content: await encodeRows(file),
  fileName: 'udalak.csv',
  headers: file.headers,
  format: file.format,
})

describe('the sample for the mapping page', () => {
  it('stops at the last row when fewer rows are kept than asked for', async () => {
    const job = await stored({
      format,
      headers: ['nazwa', 'miasto'],
      rows: [
        { line: 2, values: ['Čeněk Šťastný', 'Łódź'] },
        { line: 3, values: ['Gasteizko Udala', 'Θεσσαλονίκη'] },
      ],
    })
    expect(await jobSample(job, 5)).toEqual([
      ['Čeněk Šťastný', 'Łódź'],
      ['Gasteizko Udala', 'Θεσσαλονίκη'],
    ])
    expect(await jobSample(job, 2)).toEqual([
      ['Čeněk Šťastný', 'Łódź'],
      ['Gasteizko Udala', 'Θεσσαλονίκη'],
    ])
  })

  it('reads the first rows of a long file only, in the same turn', async () => {
    const job = await stored(organisations(4000))
    expect(await turnsOf(() => jobSample(job, 3))).toEqual({
      value: [
        ['Gasteizko Udala 1', 'Local authority'],
        ['Gasteizko Udala 2', 'Local authority'],
        ['Gasteizko Udala 3', 'Local authority'],
      ],
      turns: 0,
    })
  })
})

describe('a job stored before rows were kept', () => {
  it('without a format is parsed from its file, its encoding found', async () => {
    const job = {
      content: Buffer.from('nazwa,miasto\nTârgu Mureș,Łódź\n'),
      fileName: 'stary.csv',
      headers: null,
      format: null,
    }
    const parsed = await jobFile(job)
    expect(parsed.headers).toEqual(['nazwa', 'miasto'])
    expect(parsed.rows).toEqual([{ line: 2, values: ['Târgu Mureș', 'Łódź'] }])
    expect(await jobSample(job, 3)).toEqual([['Târgu Mureș', 'Łódź']])
  })
})

describe('long files in slices', () => {
  it('encodes and reads back 4,000 rows in two turns each', async () => {
    const file = organisations(4000)
    const encoded = await turnsOf(() => encodeRows(file))
    expect(encoded.turns).toBe(2)
    const job = { content: encoded.value, fileName: 'udalak.csv', headers: file.headers, format }
    const read = await turnsOf(() => jobFile(job))
    expect(read.turns).toBe(2)
    expect(read.value).toEqual(file)
  })

  it('reads 4,000 rows in two turns, and plans 1,000 in two (500 look-ups a turn)', async () => {
    const id = await createImportJob({
      kind: 'stakeholders',
      user: comms,
      fileName: 'udalak.csv',
      buffer: Buffer.from('name,category\nGasteizko Udala 1,Local authority'),
    })
    const job = getImportJob(id, comms, 'stakeholders')!
    const adapter = adapterFor(job, comms)
    const read = await turnsOf(() => readRowsInTurns(adapter, organisations(4000), jobMapping(job)))
    expect(read.turns).toBe(2)
    expect(read.value).toHaveLength(4000)
    expect(read.value.map((r) => [r.line, r.label, r.problems]).slice(-1)).toEqual([
      [4001, 'Gasteizko Udala 4000', []],
    ])
    const planned = await turnsOf(() => planRowsInTurns(adapter, organisations(1000), jobMapping(job), {}))
    expect(planned.turns).toBe(2)
    expect(planned.value.map((r) => r.line)).toEqual(organisations(1000).rows.map((r) => r.line))
  })
})
