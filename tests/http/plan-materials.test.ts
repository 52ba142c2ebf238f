import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { useTestApp } from './app'

const app = useTestApp()

const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
])

function materialForm(
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array; type: string },
) {
  const form = new FormData()
  form.set('intent', 'save')
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  if (file) form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  return form
}

describe('materials over HTTP', () => {
  it('serves an uploaded file as a download with a safe content type', async () => {
    const id = (
      sqlite().prepare(`select id from materials where file_id is not null order by id limit 1`).get() as {
        id: number
      }
    ).id
    const response = await app.fetch(`/materials/${id}/file`, { as: 'viewer' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="cities-in-dialogue-factsheet-en\.pdf"/,
    )
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10)
  })

  it('lists materials with the language matrix for every role', async () => {
    const response = await app.fetch('/materials', { as: 'partner' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Which languages each material exists in')
    expect(html).toContain('Presentación del proyecto')
    expect(html).toContain('Missing')
  })

  it('refuses uploads from viewers, and changes to approved materials from viewers and partners', async () => {
    const id = (sqlite().prepare(`select min(id) as id from materials`).get() as { id: number }).id
    expect(
      (
        await app.post(
          '/materials',
          materialForm({ title: 'x', kind: 'logo', language: 'en', url: 'https://a.eu' }),
          { as: 'viewer' },
        )
      ).status,
    ).toBe(403)
    for (const as of ['viewer', 'partner'] as const) {
      expect((await app.post(`/materials/${id}`, { intent: 'archive' }, { as })).status).toBe(403)
      expect(
        (
          await app.post(`/materials/${id}`, materialForm({ title: 'x', kind: 'logo', language: 'en' }), {
            as,
          })
        ).status,
      ).toBe(403)
    }
  })

  it('refuses an SVG next to the file field and keeps what was typed', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    const response = await app.post(
      '/materials',
      materialForm(
        { title: 'Logo in SVG', kind: 'logo', language: 'es', version: '7' },
        { name: 'logo.svg', bytes: svg, type: 'image/svg+xml' },
      ),
      { as: 'comms' },
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('This type of file is not accepted')
    expect(html).toContain('value="Logo in SVG"')
    expect(html).toContain('value="7"')
    expect(
      (
        sqlite().prepare(`select count(*) as n from materials where title = 'Logo in SVG'`).get() as {
          n: number
        }
      ).n,
    ).toBe(0)
  })

  it('refuses a file over the size limit with a clear message', async () => {
    const big = new Uint8Array(11 * 1024 * 1024)
    big.set([0x25, 0x50, 0x44, 0x46])
    const response = await app.post(
      '/materials',
      materialForm(
        { title: 'Huge deck', kind: 'presentation', language: 'en' },
        { name: 'huge.pdf', bytes: big, type: 'application/pdf' },
      ),
      { as: 'comms' },
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('larger than the upload limit')
    expect(html).toContain('value="Huge deck"')
  })

  it('refuses a file whose content does not match its extension', async () => {
    const fake = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    const response = await app.post(
      '/materials',
      materialForm(
        { title: 'Fake', kind: 'other', language: 'en' },
        { name: 'fake.pdf', bytes: fake, type: 'application/pdf' },
      ),
      { as: 'comms' },
    )
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('does not match its extension')
  })

  it('stores a PNG and serves it back as an attachment, whatever type the browser claimed', async () => {
    const response = await app.post(
      '/materials',
      materialForm(
        { title: 'Logo PNG', kind: 'logo', language: 'pt', version: '2' },
        { name: 'logo.png', bytes: png, type: 'text/html' },
      ),
      { as: 'comms' },
    )
    expect(response.status).toBe(302)
    const id = Number(response.headers.get('location')!.split('/').pop())
    const file = await app.fetch(`/materials/${id}/file`, { as: 'viewer' })
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('content-disposition')).toContain('attachment')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png)
    const audit = sqlite()
      .prepare(
        `select count(*) as n from audit_log where entity = 'material' and entity_id = ? and action = 'create'`,
      )
      .get(id) as { n: number }
    expect(audit.n).toBe(1)
  })

  it('asks for a link or a file', async () => {
    const response = await app.post(
      '/materials',
      materialForm({ title: 'Nothing', kind: 'other', language: 'en' }),
      { as: 'comms' },
    )
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Give a link or choose a file.')
  })
})
