import net from 'node:net'

import type { NextFunction, Request, Response } from 'express'

/**
 * Where a request really came from. Behind a TLS-terminating proxy (TRUST_PROXY=true) the
 * browser's protocol, host and address are in X-Forwarded-Proto, X-Forwarded-Host and
 * X-Forwarded-For; each is read from its nearest (right-most) value, the one our own proxy wrote,
 * since anything to its left came from the client. Without TRUST_PROXY those headers are
 * ignored. Either way they are then removed, so that the origin check, the session cookie's
 * Secure flag, the login throttle and Remix all see one answer: req.protocol, the Host header and
 * req.ip.
 */
const forwarded = ['x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-for'] as const

const nearest = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1)

const hostPattern =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/** An address from X-Forwarded-For, which some proxies write with a port ("1.2.3.4:5678", "[::1]:80"). */
function clientAddress(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (net.isIP(value)) return value
  const withPort = /^\[?([^\]]+?)\]?:\d+$/.exec(value)
  return withPort && net.isIP(withPort[1]!) ? withPort[1] : undefined
}

export function forwardedRequest(trustProxy: boolean) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const [proto, host, address] = forwarded.map((h) => nearest(req.headers[h]))
    for (const header of forwarded) delete req.headers[header]
    let protocol = req.socket && 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'
    let ip = req.socket.remoteAddress ?? 'unknown'
    if (trustProxy) {
      const p = proto?.toLowerCase()
      if (p === 'https' || p === 'http') protocol = p
      if (host && hostPattern.test(host)) req.headers.host = host
      ip = clientAddress(address) ?? ip
    }
    Object.defineProperty(req, 'protocol', { value: protocol, configurable: true, enumerable: true })
    Object.defineProperty(req, 'ip', { value: ip, configurable: true, enumerable: true })
    next()
  }
}
