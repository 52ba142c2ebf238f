import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'
import { buildRoutes } from './manifest'
import { chunks, rawRequest } from './raw'

/**
 * Wrong or broken bodies get a clear 4xx with a plain message, never a 500: a wrong content type,
 * an empty body, a broken multipart body and an oversized body, posted to every route with an
 * action in the build's manifest, anonymously and as an administrator.
 */
const app = useTestApp()
const MB = 1024 * 1024

let actionPaths: string[] = []
beforeAll(async () => {
  // /logout last: posting to it ends the administrator's session.
  actionPaths = (await buildRoutes())
    .filter((r) => r.hasAction)
    .map((r) => r.path)
    .sort((a, b) => Number(a === '/logout') - Number(b === '/logout') || a.localeCompare(b))
})

type Probe = {
  name: string
  headers: Record<string, string>
  body?: string | Uint8Array | (() => Iterable<Uint8Array>)
  expected?: number
}

const boundary = '----RippleProbe7MA4YWxkTrZu0gW'
const probes: Probe[] = [
  {
    name: 'text/plain',
    headers: { 'Content-Type': 'text/plain' },
    body: 'email=admin@demo.ripple&password=x',
    expected: 415,
  },
  { name: 'JSON', headers: { 'Content-Type': 'application/json' }, body: '{"intent":"save"}', expected: 415 },
  { name: 'empty body, no content type', headers: { 'Content-Length': '0' }, expected: 415 },
  { name: 'empty form', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' },
  {
    name: 'multipart without boundary',
    headers: { 'Content-Type': 'multipart/form-data' },
    body: 'intent=save',
    expected: 400,
  },
  {
    name: 'multipart, empty body',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body: '',
    expected: 400,
  },
  {
    name: 'broken multipart',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body: `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv`,
    expected: 400,
  },
  {
    name: 'oversized form',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: Buffer.alloc(2 * MB, 'a'),
    expected: 413,
  },
  {
    name: 'oversized chunked form',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
    body: () => chunks(2 * MB),
    expected: 413,
  },
]

describe('hostile bodies on every action route', () => {
  it('finds the action routes in the build manifest', () => {
    for (const p of ['/login', '/locale', '/logout', '/stakeholders/new', '/materials', '/admin/users/1'])
      expect(actionPaths).toContain(p)
  })

  for (const as of [undefined, 'admin'] satisfies (DemoUser | undefined)[]) {
    it(`answers each with a 4xx and a plain message (${as ?? 'anonymous'})`, async () => {
      const cookie = as ? await app.cookieFor(as) : undefined
      const failures: string[] = []
      for (const path of actionPaths) {
        for (const probe of probes) {
          const response = await rawRequest(app.url, {
            path,
            headers: { Origin: app.url, ...(cookie ? { Cookie: cookie } : {}), ...probe.headers },
            body: typeof probe.body === 'function' ? probe.body() : probe.body,
          })
          const where = `${probe.name} -> ${path}: ${response.status}`
          if (response.status >= 500) failures.push(`${where} ${response.text.slice(0, 200)}`)
          else if (probe.expected && response.status !== probe.expected) failures.push(where)
          else if (probe.expected && !/^text\/plain/.test(String(response.headers['content-type'])))
            failures.push(`${where} answered ${String(response.headers['content-type'])}`)
        }
      }
      expect(failures).toEqual([])
    })
  }
})

describe('file names as browsers send them', () => {
  const multipart = (fields: Record<string, string>, file: { name: string; type: string; content: string }) =>
    [
      ...Object.entries(fields).map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      ),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
      `--${boundary}--\r\n`,
    ].join('')
  const upload = async (path: string, body: string) =>
    rawRequest(app.url, {
      path,
      headers: {
        Origin: app.url,
        Cookie: await app.cookieFor('comms'),
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    })

  it('imports "contacts; final.csv"', async () => {
    const response = await upload(
      '/stakeholders/import',
      multipart(
        { kind: 'stakeholders' },
        {
          name: 'contacts; final.csv',
          type: 'text/csv',
          content: 'name,city\r\nOficina Técnica Ñandú,Bilbao\r\n',
        },
      ),
    )
    expect(response.status, response.text).toBe(302)
    expect(response.headers.location).toMatch(/\/stakeholders\/import\/\d+\/map$/)
    const job = sqlite().prepare('select file_name as name from import_jobs order by id desc limit 1').get()
    expect(job).toEqual({ name: 'contacts; final.csv' })
  })

  it('stores the material "slides v=2.pdf"', async () => {
    const response = await upload(
      '/materials',
      multipart(
        { intent: 'save', title: 'Slides, second version', kind: 'presentation', language: 'en' },
        { name: 'slides v=2.pdf', type: 'application/pdf', content: '%PDF-1.4\n%probe\n' },
      ),
    )
    expect(response.status, response.text).toBe(302)
    const file = sqlite()
      .prepare('select file_name as name from material_files order by id desc limit 1')
      .get()
    expect(file).toEqual({ name: 'slides v=2.pdf' })
  })
})
