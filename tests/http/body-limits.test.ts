import { describe, expect, it } from 'vitest'

import { useTestApp } from './app'
import { chunks, rawRequest } from './raw'

/**
 * A form is small: a body that is not multipart is refused over 1 MB with 413, by its declared
 * length before any of it is read, or by counting a chunked body as it arrives. Multipart uploads
 * keep UPLOAD_LIMIT_MB (and only a signed-in user may send more than 1 MB).
 */
const app = useTestApp()
const MB = 1024 * 1024
const limitMb = Number(process.env.UPLOAD_LIMIT_MB ?? 10)

const post = (
  path: string,
  headers: Record<string, string>,
  body: Parameters<typeof rawRequest>[1]['body'],
) => rawRequest(app.url, { path, headers: { Origin: app.url, ...headers }, body })

describe('body size limits', () => {
  it('answers a 256 MB urlencoded POST /login with 413 from its declared length, without reading it', async () => {
    const started = Date.now()
    // Only the first 64 KB are ever sent: the answer must not wait for the rest.
    const response = await post(
      '/login',
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(256 * MB) },
      chunks(64 * 1024),
    )
    expect(response.status).toBe(413)
    expect(response.headers['content-type']).toMatch(/^text\/plain/)
    expect(response.text).toBe('This request is too large: a form may send at most 1 MB.')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('counts a chunked body and stops reading it after 1 MB', async () => {
    const response = await post(
      '/login',
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
      chunks(256 * MB),
    )
    expect(response.status).toBe(413)
    expect(response.text).toBe('This request is too large: a form may send at most 1 MB.')
    // The answer came long before the 256 MB were sent (socket buffers hold a few MB at most).
    expect(response.sent).toBeLessThan(32 * MB)
  })

  it('keeps answering /healthz while three oversized bodies arrive', async () => {
    const big = Array.from({ length: 3 }, () =>
      post(
        '/login',
        { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
        chunks(64 * MB),
      ),
    )
    const started = Date.now()
    const health = await app.fetch('/healthz')
    expect(health.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2000)
    for (const response of await Promise.all(big)) expect(response.status).toBe(413)
  })

  it('accepts a form just under 1 MB', async () => {
    const response = await app.post('/login', {
      email: 'nobody@demo.ripple',
      password: 'x',
      note: 'a'.repeat(MB - 100),
    })
    expect(response.status).toBe(401)
  })

  it('lets a signed-in user upload up to UPLOAD_LIMIT_MB, and refuses far more with 413', async () => {
    const cookie = await app.cookieFor('comms')
    const form = new FormData()
    form.append(
      'file',
      // 2 MB in about 16,600 rows, inside the import's cap of 20,000 rows.
      new Blob([
        'name,city\n' + `${'Some organisation'.padEnd(115, '.')},Some city\n`.repeat((2 * MB) / 126),
      ]),
      'two.csv',
    )
    const ok = await app.post('/stakeholders/import', form, { as: 'comms' })
    expect(ok.status, await ok.clone().text()).toBe(302)

    const boundary = 'ripple-test-boundary'
    const response = await post(
      '/stakeholders/import',
      {
        Cookie: cookie,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String((2 * limitMb + 2) * MB),
      },
      chunks(64 * 1024),
    )
    expect(response.status).toBe(413)
    expect(response.text).toBe(`This upload is too large: the limit is ${limitMb} MB.`)
  })

  it('refuses an anonymous multipart body over 1 MB', async () => {
    const response = await post(
      '/login',
      { 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' },
      chunks(4 * MB),
    )
    expect(response.status).toBe(413)
  })
})
