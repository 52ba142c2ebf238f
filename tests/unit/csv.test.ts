import { describe, expect, it } from 'vitest'

import { csvResponse, safeCell } from '~/utils/csv.server'

describe('safeCell: a cell a spreadsheet would run as a formula is written as text', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+34 600 000 000', "'+34 600 000 000"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTabbed', "'\tTabbed"],
    ['\rReturn', "'\rReturn"],
  ])('%j becomes %j', (value, expected) => expect(safeCell(value)).toBe(expected))

  it.each([
    ['Plain title', 'Plain title'],
    ['a=b', 'a=b'],
    [' =not first', ' =not first'],
    ["'already quoted", "'already quoted"],
    ['', ''],
  ])('%j stays %j', (value, expected) => expect(safeCell(value)).toBe(expected))

  it('leaves numbers alone (a negative number is a number, not a formula) and flattens the rest', () => {
    expect(safeCell(-5)).toBe(-5)
    expect(safeCell(0)).toBe(0)
    expect(safeCell(null)).toBe('')
    expect(safeCell(undefined)).toBe('')
    expect(safeCell(['en', 'es'])).toBe('en; es')
  })

  it('csvResponse applies it to every cell', async () => {
    const body = await csvResponse(
      'x.csv',
      ['title', 'n'],
      [
        ['=1+1', 3],
        ['@x', -1],
      ],
    ).text()
    expect(body).toBe("title,n\r\n'=1+1,3\r\n'@x,-1\r\n")
  })
})
