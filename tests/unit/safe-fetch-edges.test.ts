import { getEventListeners } from 'node:events'

import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

import { fakeHostResolver } from '#tests/mocks/dns'
import { mockServer } from '#tests/mocks/index'
import { demoPages } from '#tests/mocks/opengraph'
import {
  assertFetchable,
  EvidenceFetchError,
  fetchJson,
  isPublicAddress,
  safeFetch,
  setHostResolver,
} from '~/models/evidence/safe-fetch.server'

/*
 * The edges of the outbound fetch guard that tests/unit/evidence-fetch.test.ts does not reach:
 * exact limits, the status boundaries, URL forms, DNS failure codes, and that every listener and
 * unread body is released. Found by mutation testing (MUTATION.md).
 */
afterEach(() => setHostResolver(fakeHostResolver()))

const page = 'https://www.ripple-demo.eu/page'
const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length

/** Fails the test after a second instead of letting a promise that never settles hang it. */
function within<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still pending after 1 s')), 1000)),
  ])
}

/** A body whose cancellation (the guard dropping it unread) can be seen. */
function watchedBody(text = 'unread') {
  const seen = { cancelled: false }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
    },
    cancel() {
      seen.cancelled = true
    },
  })
  return { body, seen }
}

/**
 * Answers fetch directly (instead of msw) where the test must see the request's own signal or the
 * exact stream fetch hands back, as undici does: the body errors when the signal aborts.
 */
function answerFetch(respond: (signal: AbortSignal) => Response) {
  const signals: AbortSignal[] = []
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
    const signal = init!.signal!
    signals.push(signal)
    return respond(signal)
  })
  return signals
}

describe('EvidenceFetchError', () => {
  it('names itself and its reason', () => {
    const error = new EvidenceFetchError('timeout')
    expect(error.name).toBe('EvidenceFetchError')
    expect(error.message).toBe('Evidence fetch failed: timeout')
  })
})

describe('the resolver override', () => {
  it('lives on globalThis under a shared symbol, so the server build sees the same one', () => {
    const resolver = fakeHostResolver({ 'www.ripple-demo.eu': ['93.184.216.34'] })
    setHostResolver(resolver)
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('ripple.evidence.hostResolver')]).toBe(resolver)
  })
})

describe('isPublicAddress outside 2000::/3', () => {
  it.each(['4000::1', 'c000::1', '1000::1'])('refuses %s (not global unicast IPv6)', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })
})

describe('assertFetchable', () => {
  it.each([
    ['https://editor@www.ripple-demo.eu/', 'a user name only'],
    ['https://:secret@www.ripple-demo.eu/', 'a password only'],
  ])('refuses %s (%s)', async (url) => {
    await expect(assertFetchable(url, new AbortController().signal)).rejects.toMatchObject({
      reason: 'bad_url',
    })
  })

  it('judges a bracketed IPv6 literal as the address itself, without DNS', async () => {
    setHostResolver(async () => {
      throw new Error('DNS must not be asked')
    })
    const signal = new AbortController().signal
    await expect(assertFetchable('http://[::1]/', signal)).rejects.toMatchObject({
      reason: 'private_address',
    })
    expect((await assertFetchable('https://[2a00:1450:4001:82b::200e]/x', signal)).href).toBe(
      'https://[2a00:1450:4001:82b::200e]/x',
    )
  })

  it.each(['ENOTFOUND', 'ENODATA', 'EAI_NONAME'])('says unknown_host when DNS answers %s', async (code) => {
    setHostResolver(async () => {
      throw Object.assign(new Error(`getaddrinfo ${code}`), { code })
    })
    await expect(assertFetchable(page, new AbortController().signal)).rejects.toMatchObject({
      reason: 'unknown_host',
    })
  })

  it('says unknown_host when DNS answers no address at all', async () => {
    setHostResolver(async () => [])
    await expect(assertFetchable(page, new AbortController().signal)).rejects.toMatchObject({
      reason: 'unknown_host',
    })
  })

  it('says timeout at once when the time is already up, without waiting for DNS', async () => {
    setHostResolver(() => new Promise(() => {}))
    await expect(within(assertFetchable(page, AbortSignal.abort()))).rejects.toMatchObject({
      reason: 'timeout',
    })
  })

  it('says timeout when DNS answers after the time limit, and leaves no listener behind', async () => {
    setHostResolver(() => new Promise(() => {}))
    const controller = new AbortController()
    const checking = assertFetchable(page, controller.signal)
    expect(abortListeners(controller.signal)).toBe(1)
    controller.abort()
    await expect(within(checking)).rejects.toMatchObject({ reason: 'timeout' })
    expect(abortListeners(controller.signal)).toBe(0)
  })

  it('says timeout, not a DNS error, when a slow answer comes after the limit', async () => {
    setHostResolver(() => new Promise((resolve) => setTimeout(() => resolve(['93.184.216.34']), 200)))
    await expect(assertFetchable(page, AbortSignal.timeout(20))).rejects.toMatchObject({ reason: 'timeout' })
  })

  it('removes its abort listener once DNS has answered or failed', async () => {
    const signal = new AbortController().signal
    await assertFetchable(page, signal)
    expect(abortListeners(signal)).toBe(0)
    await expect(assertFetchable('https://gone.ripple-demo.eu/', signal)).rejects.toMatchObject({
      reason: 'unknown_host',
    })
    expect(abortListeners(signal)).toBe(0)
  })
})

describe('safeFetch requests', () => {
  it('sends the Accept asked for and names itself', async () => {
    const seen: Headers[] = []
    mockServer.use(
      http.get(page, ({ request }) => {
        seen.push(request.headers)
        return new HttpResponse('<title>x</title>', { headers: { 'Content-Type': 'text/html' } })
      }),
    )
    await (await safeFetch(page, { accept: 'text/html' })).discard()
    expect(seen[0].get('accept')).toBe('text/html')
    expect(seen[0].get('user-agent')).toBe('RippleBot/1.0 (link preview for a dissemination log)')
  })

  it('asks a JSON API for JSON', async () => {
    let accept: string | null = null
    mockServer.use(
      http.get('https://social.ripple-demo.eu/api/v1/instance', ({ request }) => {
        accept = request.headers.get('accept')
        return HttpResponse.json({ title: 'Social' })
      }),
    )
    expect(
      await fetchJson('https://social.ripple-demo.eu/api/v1/instance', z.object({ title: z.string() })),
    ).toEqual({ title: 'Social' })
    expect(accept).toBe('application/json')
  })
})

describe('safeFetch statuses', () => {
  it('follows a 300 with a Location like any redirect', async () => {
    mockServer.use(
      http.get(page, () => new HttpResponse(null, { status: 300, headers: { Location: demoPages.forum } })),
    )
    const response = await safeFetch(page, { accept: 'text/html' })
    expect(response.url).toBe(demoPages.forum)
    await response.discard()
  })

  it.each([299, 200, 204])('accepts %s', async (status) => {
    mockServer.use(http.get(page, () => new HttpResponse(null, { status })))
    const response = await safeFetch(page, { accept: 'text/html' })
    expect(response.status).toBe(status)
    // No body at all reads as empty.
    expect(await response.bytes()).toEqual(new Uint8Array())
  })

  it.each([400, 404, 500])('refuses %s as http_<status>', async (status) => {
    mockServer.use(http.get(page, () => new HttpResponse('no', { status })))
    await expect(safeFetch(page, { accept: 'text/html' })).rejects.toMatchObject({ reason: `http_${status}` })
  })

  it('says bad_redirect for a Location that is not a URL', async () => {
    mockServer.use(
      http.get(page, () => new HttpResponse(null, { status: 302, headers: { Location: 'http://[::1' } })),
    )
    await expect(safeFetch(page, { accept: 'text/html' })).rejects.toMatchObject({ reason: 'bad_redirect' })
  })

  it('says network_error when the connection fails', async () => {
    mockServer.use(http.get(page, () => HttpResponse.error()))
    await expect(safeFetch(page, { accept: 'text/html' })).rejects.toMatchObject({ reason: 'network_error' })
  })

  it('drops the unread body of a refused answer', async () => {
    const { body, seen } = watchedBody()
    answerFetch(() => new Response(body, { status: 404 }))
    await expect(safeFetch(page, { accept: 'text/html' })).rejects.toMatchObject({ reason: 'http_404' })
    expect(seen.cancelled).toBe(true)
  })

  it('drops the body when asked to discard it', async () => {
    const { body, seen } = watchedBody()
    answerFetch(() => new Response(body))
    await (await safeFetch(page, { accept: 'text/html' })).discard()
    expect(seen.cancelled).toBe(true)
  })
})

describe('safeFetch cause chains', () => {
  /** A fetch failure whose cause chain holds the guard's refusal `depth` links down. */
  function chain(depth: number) {
    let error: Error = new EvidenceFetchError('private_address')
    for (let i = 0; i < depth; i++) error = new TypeError('fetch failed', { cause: error })
    return error
  }

  it('finds the guard refusal up to four causes down', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(chain(4))
    await expect(safeFetch(page, { accept: 'text/html' })).rejects.toMatchObject({
      reason: 'private_address',
    })
  })

  it('looks no deeper than five links (a cause chain can loop)', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(chain(5))
    await expect(safeFetch(page, { accept: 'text/html' })).rejects.toMatchObject({ reason: 'network_error' })
  })

  it('ends at the last cause of a short chain', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(
      new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }),
    )
    await expect(safeFetch(page, { accept: 'text/html' })).rejects.toMatchObject({ reason: 'network_error' })
  })
})

describe('safeFetch body size', () => {
  it('accepts a declared and a read size of exactly the limit', async () => {
    mockServer.use(http.get(page, () => new HttpResponse('12345', { headers: { 'Content-Length': '5' } })))
    const response = await safeFetch(page, { accept: 'text/html', maxBytes: 5 })
    expect(new TextDecoder().decode(await response.bytes())).toBe('12345')
  })

  it('refuses one byte more', async () => {
    mockServer.use(http.get(page, () => new HttpResponse('123456')))
    const response = await safeFetch(page, { accept: 'text/html', maxBytes: 5 })
    await expect(response.bytes()).rejects.toMatchObject({ reason: 'too_large' })
  })
})

describe('safeFetch body reading', () => {
  it('says timeout at once when the time was up before reading, and drops the body', async () => {
    const seen = { cancelled: false }
    const stalled = new ReadableStream<Uint8Array>({
      cancel() {
        seen.cancelled = true
      },
    })
    const signals = answerFetch(() => new Response(stalled))
    const response = await safeFetch(page, { accept: 'text/html', timeoutMs: 30 })
    await expect.poll(() => signals[0].aborted).toBe(true)
    await expect(within(response.bytes())).rejects.toMatchObject({ reason: 'timeout' })
    expect(seen.cancelled).toBe(true)
  })

  it('says timeout when the connection is cut by the time limit mid-body', async () => {
    answerFetch(
      (signal) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('<title>slow'))
              signal.addEventListener('abort', () =>
                controller.error(new DOMException('aborted', 'AbortError')),
              )
            },
          }),
        ),
    )
    const response = await safeFetch(page, { accept: 'text/html', timeoutMs: 50 })
    await expect(within(response.bytes())).rejects.toMatchObject({ reason: 'timeout' })
  })

  it('says network_error when the connection breaks mid-body, and leaves no listener behind', async () => {
    const signals = answerFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('<title>half'))
              controller.error(new Error('socket hang up'))
            },
          }),
        ),
    )
    const response = await safeFetch(page, { accept: 'text/html' })
    await expect(response.bytes()).rejects.toMatchObject({ reason: 'network_error' })
    expect(abortListeners(signals[0])).toBe(0)
  })

  it('leaves no listener behind after a full read', async () => {
    const signals = answerFetch(() => new Response('<title>whole</title>'))
    const response = await safeFetch(page, { accept: 'text/html' })
    expect(new TextDecoder().decode(await response.bytes())).toBe('<title>whole</title>')
    expect(abortListeners(signals[0])).toBe(0)
  })
})
