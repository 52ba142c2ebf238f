import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import {
  adapterFor,
  createImportJob,
  getImportJob,
  jobMapping,
  parseCount,
  previewJob,
  runImportJob,
  saveJobDecisions,
} from '~/models/imports/index.server'
import { jobFile } from '~/models/imports/job-rows.server'
import type { ParsedFile } from '~/models/imports/parse.server'
import { emailPattern, type ImportOptions, planRows, writeRows } from '~/models/imports/pipeline.server'

import { sessionUserFor } from '../setup/actors'
import { insertStakeholder } from '../setup/records'

/*
 * The shared row machinery of the imports at its edges, called directly: which lines count as
 * broken, decisions a row cannot take, a write in "write nothing" mode, the time a write took,
 * and the number and e-mail readings every adapter uses.
 */

const partner = sessionUserFor('partner@demo.ripple')
const comms = sessionUserFor('comms@demo.ripple')
const transaction = (fn: Parameters<typeof db.transaction>[0]) => {
  db.transaction(fn)
}

async function orgsJob(lines: string[]) {
  const id = await createImportJob({
    kind: 'stakeholders',
    user: comms,
    fileName: 'udalak.csv',
    buffer: Buffer.from(lines.join('\n')),
  })
  return getImportJob(id, comms, 'stakeholders')!
}

/** A stakeholders job's rows planned as the job would plan them. */
async function planned(lines: string[], options: ImportOptions = {}) {
  const job = await orgsJob(lines)
  const adapter = adapterFor(job, comms)
  return { adapter, rows: planRows(adapter, await jobFile(job), jobMapping(job), options) }
}

describe('broken lines', () => {
  it('only a CSV line of one cell under several headers is broken', async () => {
    const job = await orgsJob(['name,category', 'Gasteizko Udala,Local authority'])
    const adapter = adapterFor(job, comms)
    const file = (type: 'csv' | 'json', headers: string[]): ParsedFile => ({
      format: { type, encoding: 'utf-8', hasHeader: true },
      headers,
      rows: [{ line: 2, values: ['Łódź'] }],
    })
    const problems = (f: ParsedFile, mapping: Record<string, string | null>) =>
      planRows(adapter, f, mapping).map((r) => [r.line, r.label, r.problems.map((p) => p.reason)])
    expect(problems(file('csv', ['name']), { name: 'name' })).toEqual([
      [2, 'Łódź', ['problems.missingCategory']],
    ])
    expect(problems(file('json', ['name', 'category']), { name: 'name', category: 'category' })).toEqual([
      [2, 'Łódź', ['problems.missingCategory']],
    ])
    expect(problems(file('csv', ['name', 'category']), { name: 'name', category: 'category' })).toEqual([
      [2, 'Łódź', ['problems.fieldCount']],
    ])
  })
})

describe('decisions a duplicate cannot take', () => {
  it('"update" chosen for an action that repeats one in the register is ignored (actions are not updated)', async () => {
    const upload = async () =>
      getImportJob(
        await createImportJob({
          kind: 'actions',
          user: partner,
          fileName: 'działania.csv',
          buffer: Buffer.from('title,date,type\nWarsztaty w Łodzi (edge),2026-03-14,Webinar\n'),
          partnerId: partner.partnerId,
        }),
        partner,
        'actions',
      )!
    await runImportJob(await upload(), partner)
    const again = await upload()
    saveJobDecisions(again, { mode: 'valid', defaultDecision: 'skip', perLine: { '2': 'update' } })
    const { summary } = await previewJob(getImportJob(again.id, partner, 'actions')!, partner)
    expect(summary.duplicates.map((d) => [d.line, d.choices, d.decision])).toEqual([
      [2, ['skip', 'create'], 'skip'],
    ])
    expect([summary.toSkip, summary.toUpdate]).toEqual([1, 0])
  })
})

describe('writing planned rows', () => {
  const long = 10_000_000 // the write "started" this long ago (ms), so the time taken is known

  it('"write nothing" with a rejected row: the valid rows are skipped, nothing is written', async () => {
    const { adapter, rows } = await planned([
      'name,category',
      'Gasteizko Udala (nic),Local authority',
      'Łódź (nic),Nieznana',
    ])
    const started = performance.now() - long
    const report = writeRows(adapter, rows, { tx: transaction, mode: 'all', fileName: 'a.csv', started })
    expect(report).toMatchObject({ aborted: true, created: [], updated: [], total: 2 })
    expect(report.skipped).toEqual([
      { line: 2, label: 'Gasteizko Udala (nic)', reason: 'problems.abortedByRejects' },
    ])
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'problems.unknownCategory']])
    expect(report.ms).toBeGreaterThanOrEqual(long)
    expect(report.ms).toBeLessThan(long + 60_000)
    const written = sqlite().prepare(`select count(*) as n from stakeholders where name like '% (nic)'`).get()
    expect(written).toEqual({ n: 0 })
  })

  it('"create" chosen for a row that repeats a record creates a new one; no callback is needed', async () => {
    const existing = insertStakeholder('Primăria Târgu Mureș (nowa)')
    const { adapter, rows } = await planned(
      ['name,category', 'Primăria Târgu Mureș (nowa),Local authority'],
      { defaultDecision: 'create' },
    )
    expect(rows[0].duplicate).toMatchObject({ existingId: existing, decision: 'create' })
    const started = performance.now() - long
    const report = writeRows(adapter, rows, { tx: transaction, mode: 'valid', fileName: 'a.csv', started })
    expect(report.updated).toEqual([])
    expect(report.created.map((c) => c.label)).toEqual(['Primăria Târgu Mureș (nowa)'])
    expect(report.created[0].id).not.toBe(existing)
    expect(report.ms).toBeGreaterThanOrEqual(long)
    expect(report.ms).toBeLessThan(long + 60_000)
  })
})

describe('numbers as people type them', () => {
  it('blank is no number; a dash inside, a group of four or a tail after zeros is not a number', () => {
    expect(parseCount('   ')).toEqual({ ok: true, value: null })
    expect(parseCount('12-3')).toEqual({ ok: false, reason: 'badNumber' })
    expect(parseCount('1234,567')).toEqual({ ok: false, reason: 'badNumber' })
    expect(parseCount('1,2345')).toEqual({ ok: false, reason: 'badNumber' })
    expect(parseCount('ok5.00')).toEqual({ ok: false, reason: 'badNumber' })
    expect(parseCount('5.0012')).toEqual({ ok: false, reason: 'badNumber' })
    expect(parseCount('1 200')).toEqual({ ok: true, value: 1200 })
    expect(parseCount('35,00')).toEqual({ ok: true, value: 35 })
  })
})

describe('e-mail addresses', () => {
  it('the whole value must be one address, not a name before it or words after it', () => {
    expect(emailPattern.test('cenek@praha.example.cz')).toBe(true)
    expect(emailPattern.test('Čeněk Šťastný cenek@praha.example.cz')).toBe(false)
    expect(emailPattern.test('cenek@praha.example.cz (Čeněk)')).toBe(false)
  })
})
