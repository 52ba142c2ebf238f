import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { Agent } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fakeHostResolver } from '#tests/mocks/dns'
import { mockServer } from '#tests/mocks/index'
import { readEvidence, setHostResolver } from '~/models/evidence/index.server'
import { guardedLookup } from '~/models/evidence/safe-fetch.server'

/*
 * The connect-time check (guardedLookup) only runs when a real socket is opened, so this file
 * switches msw off and talks to a server of its own on the loopback address, nothing else.
 */
let server: http.Server
let port = 0
let hits = 0

beforeAll(async () => {
  mockServer.close()
  server = http.createServer((_req, res) => {
    hits++
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>loopback</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  setHostResolver(fakeHostResolver())
  await new Promise<void>((resolve) => server.close(() => resolve()))
  mockServer.listen({ onUnhandledRequest: 'bypass' })
})

describe('connect-time address check', () => {
  it('refuses a name whose second DNS answer is private (DNS rebinding)', async () => {
    // The first answer (the pre-check) says public; the socket's own lookup of "localhost" says 127.0.0.1.
    setHostResolver(fakeHostResolver({ localhost: ['93.184.216.34'] }))
    hits = 0
    expect(await readEvidence(`http://localhost:${port}/`)).toEqual({ ok: false, reason: 'private_address' })
    expect(hits).toBe(0)
  })

  it('is really used by fetch: the same lookup allowing loopback reaches the server', async () => {
    const permissive = new Agent({ connect: { lookup: guardedLookup(() => true) } })
    const strict = new Agent({ connect: { lookup: guardedLookup() } })
    hits = 0
    const ok = await fetch(`http://localhost:${port}/`, { dispatcher: permissive } as RequestInit)
    expect(ok.status).toBe(200)
    await ok.text()
    expect(hits).toBe(1)
    await expect(
      fetch(`http://localhost:${port}/`, { dispatcher: strict } as RequestInit),
    ).rejects.toMatchObject({ cause: { reason: 'private_address' } })
    expect(hits).toBe(1)
    await Promise.all([permissive.close(), strict.close()])
  })

  it('also guards https connections, before any TLS handshake', async () => {
    setHostResolver(fakeHostResolver({ localhost: ['93.184.216.34'] }))
    hits = 0
    expect(await readEvidence(`https://localhost:${port}/`)).toEqual({ ok: false, reason: 'private_address' })
    expect(hits).toBe(0)
  })
})
