import { describe, expect, it } from 'vitest'

import {
  createImportJob,
  distinctLines,
  getImportJob,
  jobSample,
  jobUnmatchedValues,
  parseCount,
  previewJob,
  runImportJob,
  saveJobDecisions,
  saveJobValueChoices,
} from '~/models/imports/index.server'
import { encodeRows, isStored, jobFile } from '~/models/imports/job-rows.server'
import { keyedLookup, translatedNames } from '~/models/imports/pipeline.server'

import { sessionUserFor } from '../setup/actors'
import { typeId } from '../setup/records'

/*
 * The shared machinery of the imports: rows read and planned (problems, duplicates, broken
 * lines), the preview's counts, the write's report, the rows a job keeps, and the value step.
 */

const partner = sessionUserFor('partner@demo.ripple')

async function actionsJob(lines: string[]) {
  const id = await createImportJob({
    kind: 'actions',
    user: partner,
    fileName: 'działania.csv',
    buffer: Buffer.from(lines.join('\n')),
    partnerId: partner.partnerId,
  })
  return () => getImportJob(id, partner, 'actions')!
}

const broken = `zepsuta linia bez średników ${'ż'.repeat(80)}`
const file = [
  'title;date;type;channel',
  'Łódź;2026-03-14;Webinar;',
  'ŁÓDŹ;2026-03-14;Webinar;',
  broken,
  ';2026-03-15;Webinar;',
  'Gdańsk;2026-03-16;Nieznany;',
  'Târgu Mureș;2026-03-17;Webinar;Gołąb',
]

describe('the preview of a file', () => {
  it('counts valid, rejected, duplicate and warned rows; a line of one cell is broken', async () => {
    const { summary } = await previewJob((await actionsJob(file))(), partner)
    expect(summary).toMatchObject({
      total: 6,
      valid: 3,
      rejectedRows: 3,
      toCreate: 2,
      toUpdate: 0,
      toSkip: 1,
    })
    expect(summary.rejected.map((p) => [p.line, p.label, p.reason, p.params])).toEqual([
      [4, broken.slice(0, 80), 'problems.fieldCount', { found: 1, expected: 4 }],
      [5, '2026-03-15', 'problems.missingTitle', undefined],
      [6, 'Gdańsk', 'problems.unknownType', expect.objectContaining({ value: 'Nieznany' })],
    ])
    expect(summary.warnings.map((p) => [p.line, p.label, p.reason])).toEqual([
      [7, 'Târgu Mureș', 'problems.unknownChannel'],
    ])
    expect(
      summary.duplicates.map((d) => [d.line, d.label, d.match, d.value, d.firstLine, d.existingId]),
    ).toEqual([[3, 'ŁÓDŹ', 'action', '2026-03-14|lodz', 2, null]])
    expect(distinctLines([...summary.rejected, { line: 4 }])).toBe(3)
  })
})

describe('the write’s report', () => {
  it('names what was created, skipped (and why), rejected and warned, line by line', async () => {
    const job = await actionsJob(file)
    const report = await runImportJob(job(), partner)
    expect(report).toMatchObject({
      kind: 'actions',
      fileName: 'działania.csv',
      mode: 'valid',
      aborted: false,
      total: 6,
      updated: [],
      duplicates: 1,
    })
    expect(report.created.map((r) => [r.line, r.label])).toEqual([
      [2, 'Łódź'],
      [7, 'Târgu Mureș'],
    ])
    expect(report.skipped).toEqual([
      {
        line: 3,
        label: 'ŁÓDŹ',
        id: null,
        reason: 'problems.duplicateInFile.action',
        params: { value: '2026-03-14|lodz', existing: 'Łódź', firstLine: 2 },
      },
    ])
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, 'problems.fieldCount'],
      [5, 'problems.missingTitle'],
      [6, 'problems.unknownType'],
    ])
    expect(report.warnings.map((r) => [r.line, r.label, r.reason, r.params?.value])).toEqual([
      [7, 'Târgu Mureș', 'problems.unknownChannel', 'Gołąb'],
    ])
    expect(report.ms).toBeGreaterThanOrEqual(0)

    // The same rows again: each repeats a record; one is created anyway, as chosen.
    const again = await actionsJob([
      'title;date;type',
      'Łódź;2026-03-14;Webinar',
      'Târgu Mureș;2026-03-17;Webinar',
    ])
    saveJobDecisions(again(), { mode: 'valid', defaultDecision: 'skip', perLine: { '3': 'create' } })
    const second = await runImportJob(again(), partner)
    expect(second.skipped).toEqual([
      {
        line: 2,
        label: 'Łódź',
        id: report.created[0].id,
        reason: 'problems.duplicateOf.action',
        params: { value: '2026-03-14|lodz', existing: 'Łódź', firstLine: '' },
      },
    ])
    expect(second.created.map((r) => r.line)).toEqual([3])
  })
})

describe('the rows a job keeps', () => {
  it('one JSON line per row after a marker, cells beyond the headers dropped', async () => {
    const content = await encodeRows({
      format: { type: 'csv', encoding: 'utf-8', hasHeader: true },
      headers: ['nazwa', 'data'],
      rows: [
        { line: 2, values: ['Łódź', '2026-03-14', 'extra'] },
        { line: 4, values: ['Gdańsk'] },
      ],
    })
    expect(content.toString()).toBe('#ripple-rows-1\n[2,["Łódź","2026-03-14"]]\n[4,["Gdańsk"]]')
    expect(isStored(content)).toBe(true)
    const job = { content, fileName: 'a.csv', headers: null, format: { type: 'csv' } }
    expect(await jobFile(job)).toEqual({
      format: { type: 'csv' },
      headers: [],
      rows: [
        { line: 2, values: ['Łódź', '2026-03-14'] },
        { line: 4, values: ['Gdańsk'] },
      ],
    })
    expect(await jobSample(job, 1)).toEqual([['Łódź', '2026-03-14']])
  })

  it('a job stored before rows were kept is parsed from its file, in the encoding it was read in', async () => {
    // "Łódź" in Windows-1250, read as Windows-1252 as the user chose at upload.
    const content = Buffer.concat([
      Buffer.from('nazwa,data\n'),
      Buffer.from([0xa3, 0xf3, 0x64, 0x9f]),
      Buffer.from(',1\nB,2\n'),
    ])
    expect(isStored(content)).toBe(false)
    const job = { content, fileName: 'stary.csv', headers: null, format: { encoding: 'windows-1252' } }
    const parsed = await jobFile(job)
    expect(parsed.headers).toEqual(['nazwa', 'data'])
    expect(parsed.rows).toEqual([
      { line: 2, values: ['£ódŸ', '1'] },
      { line: 3, values: ['B', '2'] },
    ])
    expect(await jobSample(job, 1)).toEqual([['£ódŸ', '1']])
  })
})

describe('the value step', () => {
  it('lists per list field the values that match nothing, most frequent first, with the entries', async () => {
    const job = await actionsJob([
      'title;date;type;channel',
      'A;2026-03-14;Warsztat;Tablica',
      'B;2026-03-14;Szkolenie;',
      'C;2026-03-14;Szkolenie;',
    ])
    const fields = await jobUnmatchedValues(job(), partner, 'es')
    expect(
      fields.map((f) => [f.field, f.total, f.values.map((v) => [v.key, v.value, v.count, v.choice])]),
    ).toEqual([
      [
        'type',
        2,
        [
          ['szkolenie', 'Szkolenie', 2, null],
          ['warsztat', 'Warsztat', 1, null],
        ],
      ],
      ['channel', 1, [['tablica', 'Tablica', 1, null]]],
    ])
    expect(fields[0].options).toHaveLength(14)
    expect(fields[0].options[7]).toEqual({ value: String(typeId('webinar')), label: 'Seminario web' })
    const target = String(typeId('webinar'))
    expect(saveJobValueChoices(job(), partner, [{ field: 'type', key: 'szkolenie', target }])).toBe(1)
    expect((await jobUnmatchedValues(job(), partner, 'es'))[0].values[0].choice).toBe(target)
  })

  it('shows at most 200 values of a field, and counts them all', async () => {
    const lines = ['title;date;type']
    for (let i = 0; i < 201; i++) lines.push(`A;2026-03-14;Rodzaj ${i}`)
    const [type] = await jobUnmatchedValues((await actionsJob(lines))(), partner, 'en')
    expect([type.field, type.values.length, type.total]).toEqual(['type', 200, 201])
  })
})

describe('the pipeline’s helpers', () => {
  it('parseCount reads grouped, spaced and whole decimal numbers', () => {
    expect(
      ["1'200", '1\u00a0200', '1\u202f200', '12,00', '1.200.300', ' 7 '].map((v) => parseCount(v)),
    ).toEqual([
      { ok: true, value: 1200 },
      { ok: true, value: 1200 },
      { ok: true, value: 1200 },
      { ok: true, value: 12 },
      { ok: true, value: 1200300 },
      { ok: true, value: 7 },
    ])
    expect(['1.20', '12,001', 'x12', '12x', '-0'].map((v) => parseCount(v))).toEqual([
      { ok: false, reason: 'badNumber' },
      { ok: true, value: 12001 },
      { ok: false, reason: 'badNumber' },
      { ok: false, reason: 'badNumber' },
      { ok: false, reason: 'negativeNumber' },
    ])
  })

  it('keyedLookup: any spelling without accents or case, the first entry winning', () => {
    const lookup = keyedLookup([
      { id: 1, names: ['Łódź', null] },
      { id: 2, names: ['LODZ', undefined, 'Gdańsk'] },
    ])
    expect(['lodz', 'GDANSK', 'Kraków'].map(lookup)).toEqual([1, 2, null])
  })

  it('translatedNames: the entry’s name in every interface language', () => {
    expect(translatedNames('actions', 'types', 'webinar')).toEqual(['Webinar', 'Seminario web'])
    expect(translatedNames('actions', 'types', 'no_such_type')).toEqual([])
    expect(translatedNames('no_such_namespace', 'types', 'webinar')).toEqual([])
  })
})
