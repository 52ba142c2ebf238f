import { describe, expect, it } from 'vitest'

import { parseUpload, parseUploadInTurns } from '~/models/imports/index.server'

/** The refusal's reason, the parse error's code, or 'parsed'. */
async function outcome(run: () => unknown) {
  try {
    await run()
  } catch (e) {
    return (e as { reason?: string }).reason ?? (e as { code?: string }).code ?? (e as Error).name
  }
  return 'parsed'
}

const parse = (text: string) => parseUpload({ buffer: Buffer.from(text), fileName: 'lista.csv' })
const parseInTurns = (text: string) =>
  parseUploadInTurns({ buffer: Buffer.from(text), fileName: 'lista.csv' })
const outcomeInTurns = (text: string) => outcome(() => parseInTurns(text))

describe('parseUploadInTurns: the caps stop the parse before the file ends', () => {
  const filled = (n: number) => Array.from({ length: n }, (_, i) => `Urząd ${i};Łódź\n`).join('')
  const halfEmpty = (n: number) => Array.from({ length: n }, (_, i) => ` Gasteizko ${i};\n`).join('')

  it('a quote left open at the end is an error of the parse, as in one go', async () => {
    const text = 'Nazwa;Miasto\r\nUrząd Miasta Łodzi;Łódź\r\n"Gasteizko Udala;Vitoria\r\n'
    expect(await outcome(() => parse(text))).toBe('CSV_QUOTE_NOT_CLOSED')
    expect(await outcomeInTurns(text)).toBe('CSV_QUOTE_NOT_CLOSED')
  }, 3000)

  it('a header wider than the cap is refused before the open quote at the end is met', async () => {
    const wide = Array.from({ length: 201 }, (_, i) => `Kolumna ${i}`).join(';')
    expect(await outcomeInTurns(`${wide}\r\nŁódź;PL\r\n"Brno;CZ\r\n`)).toBe('errors.tooManyColumns')
  }, 3000)

  it('more rows with any text than the cap (after the header) are refused before the end', async () => {
    const text = `Nazwa;Miasto\n${filled(10_001)}${halfEmpty(10_001)}"Brno;CZ\n`
    expect(text.length).toBeGreaterThan(256 * 1024)
    expect(await outcomeInTurns(text)).toBe('errors.tooManyRows')
  }, 5000)

  it('exactly the cap, with rows of blank cells after it, is read whole, in turns as in one go', async () => {
    const blank = ' ; \n'.repeat(5)
    const text = `Nazwa;Miasto\n${filled(20_000)}${blank}`
    expect(text.length).toBeGreaterThan(256 * 1024)
    const inTurns = await parseInTurns(text)
    expect(inTurns.rows.length).toBe(20_000)
    expect(inTurns.rows[19_999]).toEqual({ line: 20_001, values: ['Urząd 19999', 'Łódź'] })
    expect(parse(text).rows.length).toBe(20_000)
    expect(await outcome(() => parse(`${text}Brno;CZ\n`))).toBe('errors.tooManyRows')
  }, 5000)
})
