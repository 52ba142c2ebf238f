import type { Server as HttpServer } from 'node:http'
import path from 'node:path'

import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'

import { env } from '~/utils/env.server'
import { getSessionUser } from '~/utils/session.server'

import { readBody, remixHandler } from './body.server'
import { forwardedRequest } from './proxy.server'
import { withStorageFailures } from './storage.server'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses requests that change data when they come from another site: the Origin header (or,
 * failing that, Sec-Fetch-Site) must match this server, with the protocol and host the browser
 * used (see proxy.server.ts). SameSite=Lax cookies are the first line; this is the second.
 */
export function refuseCrossOrigin(req: Request, res: Response, next: NextFunction) {
  if (safeMethods.has(req.method)) return next()
  const origin = req.get('origin')
  const expected = `${req.protocol}://${req.get('host')}`
  const crossSite = origin ? origin !== expected : req.get('sec-fetch-site') === 'cross-site'
  if (crossSite) {
    res
      .status(403)
      .type('text/plain')
      .send('Cross-origin request refused: this request came from another site.')
    return
  }
  next()
}

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.set('X-Content-Type-Options', 'nosniff')
  res.set('Referrer-Policy', 'same-origin')
  res.set('X-Frame-Options', 'DENY')
  res.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  next()
}

export type HttpAppOptions = {
  build: ServerBuild
  /** Folder holding the browser assets (the parent of build/). */
  publicDir: string
  mode?: string
  /** TRUST_PROXY: take protocol, host and client address from the X-Forwarded-* headers. */
  trustProxy?: boolean
}

/**
 * Keeps an idle connection open longer than the proxies in front of Ripple do (nginx, Caddy and
 * cloud load balancers keep theirs 60 s): with Node's default of 5 s the server can close a
 * connection just as the proxy (or any keep-alive client) sends the next request on it, and that
 * request fails with a connection reset (a 502 at the proxy). Headers must be allowed a little
 * longer than the keep-alive, as Node's documentation asks.
 */
export function keepConnectionsOpen(server: Pick<HttpServer, 'keepAliveTimeout' | 'headersTimeout'>) {
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
}

/** Whether a request carries a live session (only signed-in users may upload more than 1 MB). */
const signedIn = async (req: Request) =>
  (await getSessionUser(
    new globalThis.Request('http://ripple/', { headers: { Cookie: req.get('cookie') ?? '' } }),
  )) !== null

export function createHttpApp({ build, publicDir, mode = 'production', trustProxy = false }: HttpAppOptions) {
  const app = express()
  app.disable('x-powered-by')
  app.use(forwardedRequest(trustProxy))
  app.use(compression())
  app.use(securityHeaders)
  app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.resolve('public'), { maxAge: '1h' }))
  app.use(refuseCrossOrigin)
  app.use(readBody({ uploadLimitMb: env().UPLOAD_LIMIT_MB, signedIn }))
  app.all(
    '*',
    remixHandler({
      // A write the disk refuses answers 503, not 500 (storage.server.ts).
      build: withStorageFailures(build),
      mode,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
    }),
  )
  return app
}
