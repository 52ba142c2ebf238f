/**
 * The one way the server fetches a URL that a user gave it (evidence links, Mastodon and Bluesky
 * APIs). Every hop is checked: only http and https, every address the host resolves to must be a
 * public unicast address, at most MAX_REDIRECTS redirects followed by hand, one time limit and one
 * body size limit. Failures are EvidenceFetchError with a short reason code that the interface
 * translates (evidence:reasons.<code>). See docs/decisions/006-outbound-fetch.md.
 */
import { lookup } from 'node:dns/promises'
import type { LookupFunction } from 'node:net'

import ipaddr from 'ipaddr.js'
import { Agent } from 'undici'
import type { z } from 'zod'

import { env } from '~/utils/env.server'

export const MAX_REDIRECTS = 5

export type FetchFailureReason =
  | 'bad_url'
  | 'not_http'
  | 'unknown_host'
  | 'dns_error'
  | 'private_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'bad_redirect'
  | 'network_error'
  | 'not_html'
  | 'bad_json'
  | 'bad_response'
  | 'not_found'
  | `http_${number}`

export class EvidenceFetchError extends Error {
  constructor(readonly reason: FetchFailureReason) {
    super(`Evidence fetch failed: ${reason}`)
    this.name = 'EvidenceFetchError'
  }
}

/** Resolves a host name to every address it has; rejects with code ENOTFOUND for an unknown host. */
export type HostResolver = (hostname: string) => Promise<string[]>

export const systemHostResolver: HostResolver = async (hostname) => {
  const records = await lookup(hostname, { all: true, verbatim: true })
  return records.map((r) => r.address)
}

/*
 * The resolver lives on globalThis rather than in a module variable: the server build bundles its
 * own copy of this module, and an HTTP test (or a MOCKS=true server) must be able to swap the
 * resolver for both copies. Only tests/mocks install a fake one; production never calls the setter.
 */
const RESOLVER_KEY = Symbol.for('ripple.evidence.hostResolver')
type WithResolver = typeof globalThis & { [RESOLVER_KEY]?: HostResolver }

/** Replaces DNS resolution (tests and MOCKS=true runs, whose mocked hosts must not hit real DNS); null restores the system resolver. */
export function setHostResolver(resolver: HostResolver | null) {
  ;(globalThis as WithResolver)[RESOLVER_KEY] = resolver ?? undefined
}

function hostResolver(): HostResolver {
  return (globalThis as WithResolver)[RESOLVER_KEY] ?? systemHostResolver
}

// Stryker disable next-line StringLiteral: detected, not equivalent: an empty CIDR throws on import and every test file fails to load, which the vitest runner reports as no test failing
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3')

/**
 * True only for globally routable unicast addresses. ipaddr.js names every special range
 * (private, loopback, linkLocal, uniqueLocal, multicast, unspecified, carrierGradeNat, reserved,
 * broadcast, 6to4, teredo, rfc6052...); anything but plain 'unicast' is refused, and IPv6 must
 * also be inside 2000::/3. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  const ip = ipaddr.process(address)
  if (ip.range() !== 'unicast') return false
  if (ip.kind() === 'ipv6' && !(ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return false
  return true
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new EvidenceFetchError('timeout'))
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new EvidenceFetchError('timeout'))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      },
    )
  })
}

/** Parses and checks one URL (a first request or a redirect target): scheme, credentials, and every address of its host. */
export async function assertFetchable(input: string | URL, signal: AbortSignal): Promise<URL> {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new EvidenceFetchError('bad_url')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EvidenceFetchError('not_http')
  if (url.username || url.password) throw new EvidenceFetchError('bad_url')
  // An IPv6 literal's hostname is bracketed ([::1]); the URL parser refuses an http(s) URL without a host.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname

  let addresses: string[]
  if (ipaddr.isValid(host)) addresses = [host]
  else {
    try {
      addresses = await raceAbort(hostResolver()(host), signal)
    } catch (error) {
      if (error instanceof EvidenceFetchError) throw error
      const code = (error as { code?: string }).code
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME')
        throw new EvidenceFetchError('unknown_host')
      throw new EvidenceFetchError('dns_error')
    }
  }
  if (addresses.length === 0) throw new EvidenceFetchError('unknown_host')
  if (!addresses.every(isPublicAddress)) throw new EvidenceFetchError('private_address')
  return url
}

/*
 * Checking the addresses before fetching leaves a gap: fetch resolves the name again, and a
 * hostile DNS server can answer differently the second time ("DNS rebinding"). So the socket
 * itself connects through a lookup that applies the same check to the addresses it is about to
 * use. msw (tests, MOCKS=true) answers before any socket is opened, so only real requests get here.
 */
export function guardedLookup(isAllowed: (address: string) => boolean = isPublicAddress): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (error: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void
    lookup(hostname, { all: true, verbatim: true }).then(
      (records) => {
        const usable =
          options.family === 4 || options.family === 6
            ? records.filter((r) => r.family === options.family)
            : records
        if (!records.every((r) => isAllowed(r.address)))
          return done(new EvidenceFetchError('private_address'))
        if (usable.length === 0)
          return done(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }))
        if (options.all) return done(null, usable)
        return done(null, usable[0].address, usable[0].family)
      },
      (error: NodeJS.ErrnoException) => done(error),
    )
  }
}

let guardedAgent: Agent | undefined
/** The connection pool every evidence fetch goes through (see guardedLookup). */
export function guardedDispatcher(): Agent {
  guardedAgent ??= new Agent({ connect: { lookup: guardedLookup() } })
  return guardedAgent
}

/** The EvidenceFetchError a failed fetch carries somewhere in its cause chain (from guardedLookup), if any. */
function evidenceCause(error: unknown): EvidenceFetchError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof EvidenceFetchError) return e
  }
  return null
}

export type SafeResponse = {
  /** The URL that finally answered, after redirects. */
  url: string
  status: number
  headers: Headers
  /** Reads the body, at most FETCH_MAX_BYTES; rejects with too_large past it and timeout past the time limit. */
  bytes: () => Promise<Uint8Array>
  /** Drops the body unread. */
  discard: () => Promise<void>
}

export type SafeFetchOptions = {
  accept: string
  /** Overrides env().FETCH_TIMEOUT_MS (one limit for every hop and the body together). */
  timeoutMs?: number
  /** Overrides env().FETCH_MAX_BYTES. */
  maxBytes?: number
}

/** Releases an unread body. Not awaited: cancelling a tee'd or mocked stream can wait for the other reader. */
function drop(response: Response) {
  response.body?.cancel().catch(() => {})
}

/**
 * GET with every guard. Resolves with a 2xx response whose body is read on demand; anything else
 * (non-2xx status included, as http_<status>) rejects with an EvidenceFetchError.
 */
export async function safeFetch(input: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? env().FETCH_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? env().FETCH_MAX_BYTES
  const signal = AbortSignal.timeout(timeoutMs)

  let current = input
  for (let hop = 0; ; hop++) {
    const url = await assertFetchable(current, signal)
    let response: Response
    try {
      response = await raceAbort(
        fetch(url, {
          method: 'GET',
          redirect: 'manual',
          signal,
          // Node's fetch accepts an undici dispatcher; the DOM RequestInit type does not know it.
          ...({ dispatcher: guardedDispatcher() } as RequestInit),
          headers: {
            Accept: options.accept,
            'User-Agent': 'RippleBot/1.0 (link preview for a dissemination log)',
          },
        }),
        signal,
      )
    } catch (error) {
      const guarded = evidenceCause(error)
      if (guarded) throw guarded
      // A time-out never gets here: raceAbort rejects with 'timeout' as the signal aborts, before
      // fetch's own rejection arrives, so this is a failure of the network (refused, reset, TLS).
      throw new EvidenceFetchError('network_error')
    }

    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location')
      drop(response)
      if (!location) throw new EvidenceFetchError('bad_redirect')
      if (hop >= MAX_REDIRECTS) throw new EvidenceFetchError('too_many_redirects')
      try {
        current = new URL(location, url).href
      } catch {
        throw new EvidenceFetchError('bad_redirect')
      }
      continue
    }
    if (!response.ok) {
      drop(response)
      throw new EvidenceFetchError(`http_${response.status}`)
    }

    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > maxBytes) {
      drop(response)
      throw new EvidenceFetchError('too_large')
    }
    return {
      url: url.href,
      status: response.status,
      headers: response.headers,
      bytes: () => readLimited(response, maxBytes, signal),
      discard: async () => drop(response),
    }
  }
}

async function readLimited(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (signal.aborted) {
    drop(response)
    throw new EvidenceFetchError('timeout')
  }
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  // A stalled body must not outlive the time limit: cancelling the reader ends the read loop.
  const onAbort = () => void reader.cancel().catch(() => {})
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, a signal aborts once and the finally below removes the listener
  signal.addEventListener('abort', onAbort, { once: true })
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (signal.aborted) throw new EvidenceFetchError('timeout')
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        void reader.cancel().catch(() => {})
        throw new EvidenceFetchError('too_large')
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof EvidenceFetchError) throw error
    throw new EvidenceFetchError(signal.aborted ? 'timeout' : 'network_error')
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** GET a JSON API through safeFetch and validate the answer: bad_json when it does not parse, bad_response when it has the wrong shape. */
export async function fetchJson<T extends z.ZodTypeAny>(url: string, schema: T): Promise<z.output<T>> {
  const response = await safeFetch(url, { accept: 'application/json' })
  const bytes = await response.bytes()
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new EvidenceFetchError('bad_json')
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new EvidenceFetchError('bad_response')
  return parsed.data
}
