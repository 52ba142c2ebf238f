import { describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../db/seed/core'
import { useTestApp } from './app'
import { rawRequest } from './raw'

/**
 * Behind a TLS-terminating proxy (TRUST_PROXY=true) the protocol, host and client address come
 * from X-Forwarded-Proto, X-Forwarded-Host and the nearest X-Forwarded-For hop; without it those
 * headers are ignored.
 */
const direct = useTestApp()
const proxied = useTestApp({ trustProxy: true })

const form = (email: string, password: string) => new URLSearchParams({ email, password }).toString()

/** A sign-in as the proxy forwards it: the browser spoke https to `ripple.example`. */
function signIn(
  url: string,
  {
    email = 'viewer@demo.ripple',
    password = DEMO_PASSWORD,
    headers = {},
  }: { email?: string; password?: string; headers?: Record<string, string> },
) {
  return rawRequest(url, {
    path: '/login',
    headers: {
      Host: 'ripple.example',
      Origin: 'https://ripple.example',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-For': '203.0.113.10',
      'Content-Type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: form(email, password),
  })
}

describe('TRUST_PROXY=true', () => {
  it('accepts a browser POST that reached the proxy over https, with a Secure session cookie', async () => {
    const response = await signIn(proxied.url, {})
    expect(response.status, response.text).toBe(302)
    const cookie = String(response.headers['set-cookie'])
    expect(cookie).toMatch(/^ripple_session=/)
    expect(cookie).toMatch(/;\s*Secure/i)
  })

  it('takes the host from X-Forwarded-Host when the proxy sends it', async () => {
    const response = await signIn(proxied.url, {
      headers: { Host: '127.0.0.1:3000', 'X-Forwarded-Host': 'ripple.example' },
    })
    expect(response.status, response.text).toBe(302)
    expect(String(response.headers['set-cookie'])).toMatch(/;\s*Secure/i)
  })

  it('still refuses another origin, and an http origin when the browser used https', async () => {
    for (const origin of ['https://evil.example', 'http://ripple.example']) {
      const response = await signIn(proxied.url, { headers: { Origin: origin } })
      expect(response.status, origin).toBe(403)
      expect(response.text).toBe('Cross-origin request refused: this request came from another site.')
    }
  })

  it('gives no Secure cookie when the proxy says the browser used http', async () => {
    const response = await signIn(proxied.url, {
      headers: { Origin: 'http://ripple.example', 'X-Forwarded-Proto': 'http' },
    })
    expect(response.status).toBe(302)
    expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/i)
  })

  it('throttles by the nearest X-Forwarded-For hop, which a client cannot forge', async () => {
    // 30 failures from one client address (each with another e-mail, so only the address counts).
    for (let i = 0; i < 30; i++) {
      const response = await signIn(proxied.url, {
        email: `nobody${i}@demo.ripple`,
        password: 'wrong',
        headers: { 'X-Forwarded-For': `198.51.100.${i}, 203.0.113.77` },
      })
      expect(response.status).toBe(401)
    }
    // Made-up hops in front of the real one do not help...
    const forged = await signIn(proxied.url, {
      email: 'someone@demo.ripple',
      password: 'wrong',
      headers: { 'X-Forwarded-For': '10.9.8.7, 203.0.113.77' },
    })
    expect(forged.status).toBe(429)
    // ...and another client behind the same proxy is not blocked.
    const other = await signIn(proxied.url, { headers: { 'X-Forwarded-For': '203.0.113.78' } })
    expect(other.status).toBe(302)
  })
})

describe('TRUST_PROXY=false (the default)', () => {
  it('ignores X-Forwarded-Proto: the https origin is refused and no cookie is set', async () => {
    const response = await signIn(direct.url, {})
    expect(response.status).toBe(403)
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('ignores X-Forwarded-Host and X-Forwarded-Proto for a same-origin POST', async () => {
    const response = await signIn(direct.url, {
      headers: {
        Origin: 'http://ripple.example',
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'https',
      },
    })
    expect(response.status, response.text).toBe(302)
    expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/i)
    // The forwarded host names no origin this server accepts.
    const spoofed = await signIn(direct.url, {
      headers: { Origin: 'http://evil.example', 'X-Forwarded-Host': 'evil.example' },
    })
    expect(spoofed.status).toBe(403)
  })

  it('ignores X-Forwarded-For: every client shares the connection address', async () => {
    // The login throttle counts the loopback address, whatever the header says.
    for (let i = 0; i < 30; i++) {
      const response = await signIn(direct.url, {
        email: `direct${i}@demo.ripple`,
        password: 'wrong',
        headers: { Origin: 'http://ripple.example', 'X-Forwarded-For': `198.51.100.${i}` },
      })
      expect(response.status).toBe(401)
    }
    const blocked = await signIn(direct.url, {
      headers: { Origin: 'http://ripple.example', 'X-Forwarded-For': '203.0.113.99' },
    })
    expect(blocked.status).toBe(429)
  })
})
