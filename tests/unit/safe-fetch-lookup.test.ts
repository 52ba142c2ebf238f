import type { LookupOptions } from 'node:dns'
import { lookup } from 'node:dns/promises'

import { describe, expect, it, vi } from 'vitest'

/*
 * The two places the guard asks the system's DNS: the pre-check (systemHostResolver) and the
 * socket's own lookup (guardedLookup, see tests/unit/evidence-connect.test.ts for it refusing a
 * real connection). Here DNS answers what each test says, so that mixed IPv4/IPv6 answers, empty
 * answers and failures can be checked without a network.
 */
vi.mock('node:dns/promises', () => ({ lookup: vi.fn() }))
// The test setup imported the module already (with the real DNS): import a fresh copy.
vi.resetModules()
const { guardedLookup, systemHostResolver } = await import('~/models/evidence/safe-fetch.server')

type Answer = { address: string; family: number }
const dnsAnswers = (answers: Answer[]) =>
  (vi.mocked(lookup) as unknown as { mockResolvedValueOnce: (v: Answer[]) => void }).mockResolvedValueOnce(
    answers,
  )

const v4 = { address: '93.184.216.34', family: 4 }
const v4b = { address: '93.184.216.35', family: 4 }
const v6 = { address: '2a00:1450:4001:82b::200e', family: 6 }

/** Calls the lookup the way net.connect does and gives back what it answered (fails after a second without an answer). */
function connectLookup(options: LookupOptions, isAllowed?: (address: string) => boolean) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address?: unknown; family?: number }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the lookup never answered')), 1000)
      guardedLookup(isAllowed)('www.ripple-demo.eu', options, ((
        error: NodeJS.ErrnoException | null,
        address?: unknown,
        family?: number,
      ) => {
        clearTimeout(timer)
        resolve({ error, address, family })
      }) as never)
    },
  )
}

describe('systemHostResolver', () => {
  it('asks for every address, in the order DNS gives them, and returns the addresses', async () => {
    dnsAnswers([v6, v4])
    expect(await systemHostResolver('www.ripple-demo.eu')).toEqual([v6.address, v4.address])
    expect(lookup).toHaveBeenCalledWith('www.ripple-demo.eu', { all: true, verbatim: true })
  })
})

describe('guardedLookup (the socket connects only where it says)', () => {
  it('asks for every address in DNS order', async () => {
    dnsAnswers([v4])
    await connectLookup({})
    expect(lookup).toHaveBeenCalledWith('www.ripple-demo.eu', { all: true, verbatim: true })
  })

  it('answers the first address and its family when one is asked for', async () => {
    dnsAnswers([v6, v4])
    expect(await connectLookup({ family: 0 })).toEqual({ error: null, address: v6.address, family: 6 })
  })

  it('answers every address when all are asked for and no family is given', async () => {
    dnsAnswers([v6, v4])
    expect(await connectLookup({ all: true })).toEqual({ error: null, address: [v6, v4], family: undefined })
  })

  it('keeps only IPv4 addresses for family 4', async () => {
    dnsAnswers([v6, v4, v4b])
    expect(await connectLookup({ family: 4, all: true })).toMatchObject({ error: null, address: [v4, v4b] })
    dnsAnswers([v6, v4])
    expect(await connectLookup({ family: 4 })).toEqual({ error: null, address: v4.address, family: 4 })
  })

  it('keeps only IPv6 addresses for family 6', async () => {
    dnsAnswers([v4, v6, v4b])
    expect(await connectLookup({ family: 6, all: true })).toMatchObject({ error: null, address: [v6] })
    dnsAnswers([v4, v6])
    expect(await connectLookup({ family: 6 })).toEqual({ error: null, address: v6.address, family: 6 })
  })

  it('refuses when any address is private, even one of the family not asked for', async () => {
    dnsAnswers([v4, { address: '::1', family: 6 }])
    const { error } = await connectLookup({ family: 4 })
    expect(error).toMatchObject({ name: 'EvidenceFetchError', reason: 'private_address' })
  })

  it('says ENOTFOUND when no address of the family asked for exists', async () => {
    dnsAnswers([v4])
    const { error } = await connectLookup({ family: 6, all: true })
    expect(error).toMatchObject({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND www.ripple-demo.eu' })
  })

  it('passes a DNS failure on', async () => {
    const failure = Object.assign(new Error('queryA ESERVFAIL www.ripple-demo.eu'), { code: 'ESERVFAIL' })
    vi.mocked(lookup).mockRejectedValueOnce(failure)
    expect((await connectLookup({})).error).toBe(failure)
  })

  it('uses the check it is given', async () => {
    dnsAnswers([{ address: '127.0.0.1', family: 4 }])
    expect(await connectLookup({}, () => true)).toEqual({ error: null, address: '127.0.0.1', family: 4 })
  })
})
