import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { csvResponse, safeCell } from '~/utils/csv.server'

describe('safeCell', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])(
    'prefixes a cell that starts with %j so it is never a formula',
    (c) => {
      expect(safeCell(`${c}HYPERLINK("http://x")`)).toBe(`'${c}HYPERLINK("http://x")`)
    },
  )

  it('leaves other text alone, even with a formula character later on', () => {
    expect(safeCell('Bilbao = city')).toBe('Bilbao = city')
    expect(safeCell(' =1+1')).toBe(' =1+1')
    expect(safeCell('a\n=b')).toBe('a\n=b')
    expect(safeCell('')).toBe('')
  })

  it('writes numbers as they are (a negative number is not text starting with -)', () => {
    expect(safeCell(-3)).toBe(-3)
    expect(safeCell(0)).toBe(0)
    expect(safeCell(false)).toBe(false)
  })

  it('writes null and undefined as empty cells and joins lists', () => {
    expect(safeCell(null)).toBe('')
    expect(safeCell(undefined)).toBe('')
    expect(safeCell(['a', 'b', 'c'])).toBe('a; b; c')
    expect(safeCell([])).toBe('')
  })
})

describe('csvResponse', () => {
  it('answers UTF-8 CSV with a BOM, CRLF line ends and every cell protected', async () => {
    const response = csvResponse(
      'Report: 2025/26 é.csv',
      ['Title', 'Count'],
      [
        ['=SUM(A1:A9)', 2],
        ['Ok', null],
        [['x', 'y'], '@me'],
      ],
    )
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="Report__2025_26__.csv"')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(body).toBe("\uFEFFTitle,Count\r\n'=SUM(A1:A9),2\r\nOk,\r\nx; y,'@me\r\n")
    expect(parse(body.slice(1))).toEqual([
      ['Title', 'Count'],
      ["'=SUM(A1:A9)", '2'],
      ['Ok', ''],
      ['x; y', "'@me"],
    ])
  })

  it('protects the rows but not the header it wrote itself', async () => {
    const body = await csvResponse('a.csv', ['-header'], [['-row']]).text()
    expect(body).toBe("-header\r\n'-row\r\n")
  })
})
