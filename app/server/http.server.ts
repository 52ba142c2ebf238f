import path from 'node:path'

import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'

import { withStorageFailures } from './storage.server'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses requests that change data when they come from another site: the Origin header (or,
 * failing that, Sec-Fetch-Site) must match this server. SameSite=Lax cookies are the first line;
 * this is the second.
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
  trustProxy?: boolean
}

export function createHttpApp({ build, publicDir, mode = 'production', trustProxy = false }: HttpAppOptions) {
  const app = express()
  app.disable('x-powered-by')
  if (trustProxy) app.set('trust proxy', true)
  app.use(compression())
  app.use(securityHeaders)
  app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.resolve('public'), { maxAge: '1h' }))
  app.use(refuseCrossOrigin)
  app.all(
    '*',
    createRequestHandler({
      // A write the disk refuses answers 503, not 500 (storage.server.ts).
      build: withStorageFailures(build),
      mode,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
    }),
  )
  return app
}
