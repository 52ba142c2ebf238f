import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { serverT } from '~/i18n/resources.server'
import { dashboardCsv } from '~/models/dashboards/index.server'
import { type Cell, monthCell, num, pct, type TableModel, text } from '~/models/dashboards/table-model'

/**
 * The dashboards' CSV export (dashboardCsv): the table models the pages show, written with the
 * words translated and the numbers rounded for reading, under the view's filter rows.
 */
const t = serverT('en')

const partners: TableModel = {
  id: 'partners',
  caption: 'tables.partners',
  captionParams: { month: '2033-05' },
  columns: [
    { key: 'partner', label: 'columns.partner' },
    { key: 'target', label: 'columns.target', labelParams: { metric: 'actions' }, numeric: true },
    { key: 'share', label: 'columns.ofTarget', numeric: true },
    { key: 'month', label: 'columns.month' },
  ],
  rows: [
    [text('Urząd Miasta Łodzi'), num(12345.6), pct(99.7), monthCell('2033-05')],
    [text('Gasteizko Udala'), num(2.54), pct(12.34), text(null)],
    [text('Donostia-San Sebastián'), num(99.6), pct(99.6), text(null)],
    [text('=Θεσσαλονίκη'), num(null), pct(100), { v: 7.25 }],
  ],
  footer: [text('total', { t: 'columns.total' }), num(9.96), pct(null), text('2033')],
}

const words: TableModel = {
  id: 'words',
  caption: 'tables.headline',
  captionParams: { month: '2033-04' },
  columns: [{ key: 'a', label: 'columns.month' }],
  rows: [
    [text('LinkedIn', { t: 'actions:channels.linkedin' })],
    [text('Hitzaldia', { t: 'stack.custom', tParams: { name: 'Hitzaldia Donostian' } })],
    [text('Târgu Mureș', { t: 'no.such.key' })],
    [text(null, { t: 'no.such.key' })],
    [text(null, { t: 'reading:scope.notCompared', tDims: { by: ['partner', 'channel', 'type'] } })],
    [{ v: 12.345, kind: 'text' } as Cell],
  ],
}

async function csvOf(response: Response) {
  // text() drops the BOM (csvResponse's own tests check it).
  return parse(await response.text(), { relax_column_count: true, skip_empty_lines: false }) as string[][]
}

describe('the dashboard CSV', () => {
  it('writes one table under its translated header, numbers rounded as the page shows them', async () => {
    const response = dashboardCsv('zasięg-2033-05.csv', [words, partners], t, 'partners')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="zasi_g-2033-05.csv"')
    expect(await csvOf(response)).toEqual([
      ['Partner', 'Target (Actions)', 'Of target (%)', 'Month'],
      ['Urząd Miasta Łodzi', '12346', '99', '2033-05'],
      ['Gasteizko Udala', '2.5', '12', ''],
      // A count rounds up to 100; a share below 100 % never does.
      ['Donostia-San Sebastián', '100', '99', ''],
      ["'=Θεσσαλονίκη", '', '100', '7.25'],
      ['Total', '10', '', '2033'],
    ])
  })

  it('translates cells by key, falls back to their value, and puts filter lists in words', async () => {
    expect(await csvOf(dashboardCsv('w.csv', [words, partners], t, 'words'))).toEqual([
      ['Month'],
      ['LinkedIn'],
      ['Hitzaldia Donostian'],
      ['Târgu Mureș'],
      [''],
      ['Not compared when filtered by partner, channel and action type'],
      ['12.345'],
    ])
  })

  it('writes every table under its caption, an empty line between, after the filter rows', async () => {
    const preamble = [
      ['-Zasięg', '2033-05'],
      ['Partner', 'Urząd Miasta Łodzi'],
    ]
    const rows = await csvOf(dashboardCsv('all.csv', [words, partners], t, null, preamble))
    expect(rows.slice(0, 5)).toEqual([
      ["'-Zasięg", '2033-05'],
      ['Partner', 'Urząd Miasta Łodzi'],
      [''],
      ['Headline figures, 2033-04'],
      ['Month'],
    ])
    expect(rows.slice(11, 15)).toEqual([
      [''],
      ['Per partner, 2033-05'],
      ['Partner', 'Target (Actions)', 'Of target (%)', 'Month'],
      ['Urząd Miasta Łodzi', '12346', '99', '2033-05'],
    ])
    expect(rows).toHaveLength(19)
  })

  it('starts with the first caption, formula-safe, when there is no filter row', async () => {
    const risky = { ...words, caption: 'columns.month', captionParams: undefined, rows: [] }
    const rows = await csvOf(dashboardCsv('all.csv', [{ ...risky, caption: '=1+1' }, partners], t))
    expect(rows.slice(0, 4)).toEqual([["'=1+1"], ['Month'], [''], ['Per partner, 2033-05']])
  })

  it('writes an empty file when there is nothing to write', async () => {
    expect(await dashboardCsv('empty.csv', [], t).text()).toBe('\r\n')
  })
})
