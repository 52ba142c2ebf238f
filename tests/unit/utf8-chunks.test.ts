import { describe, expect, it } from 'vitest'

import { withoutTrailingNulls } from '~/server/utf8-chunks.server'

async function through(chunks: Buffer[]) {
  const stream = withoutTrailingNulls()
  const out: Buffer[] = []
  stream.on('data', (c: Buffer) => out.push(c))
  const done = new Promise((resolve) => stream.on('end', resolve))
  for (const c of chunks) stream.write(c)
  stream.end()
  await done
  return Buffer.concat(out).toString('utf8')
}

describe('the streamed HTML without the NUL bytes React 18 leaves at the end of a buffer', () => {
  it('drops the unwritten bytes before a multi-byte character that did not fit (ń, ά, č, ș, “)', async () => {
    // What React 18 sends when "ń" (2 bytes) does not fit in the last byte of its 2,048-byte buffer.
    const first = Buffer.concat([Buffer.from('<label>Radio Gda'), Buffer.alloc(1)])
    const second = Buffer.from('ńsk</label>')
    expect(await through([first, second])).toBe('<label>Radio Gdańsk</label>')
    const greek = [
      Buffer.concat([Buffer.from('Θεσσαλον'), Buffer.alloc(2)]),
      Buffer.from('ίκη · Brașov · “Č”'),
    ]
    expect(await through(greek)).toBe('Θεσσαλονίκη · Brașov · “Č”')
  })

  it('leaves every other byte alone, multi-byte characters split across chunks included', async () => {
    const text = 'Donostia — Ekitaldia · Łódź · Ελλάδα'
    const bytes = Buffer.from(text)
    const chunks = [bytes.subarray(0, 13), bytes.subarray(13, 24), bytes.subarray(24)]
    expect(await through(chunks)).toBe(text)
  })
})
