import {
  type AppLoadContext,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'

/**
 * Request bodies, read once here before any route sees them. Ripple's actions take HTML forms
 * only: application/x-www-form-urlencoded, or multipart/form-data for uploads. Anything else is
 * refused with 415, a broken form with 400 and too large a body with 413, each with a plain
 * message, instead of failing inside a route with a 500.
 *
 * A form may send 1 MB; a signed-in user's multipart upload may send UPLOAD_LIMIT_MB (with room
 * for the other fields and for a file somewhat over the limit, which the upload page then names).
 * A body over its limit is refused by its declared Content-Length before a byte is read, or, when
 * chunked, as soon as the count passes the limit: the server never holds more than the limit.
 */
export const FORM_LIMIT_BYTES = 1024 * 1024

const bodiless = new Set(['GET', 'HEAD', 'OPTIONS'])
const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

export type BodyLimits = {
  /** UPLOAD_LIMIT_MB, for the message. */
  uploadLimitMb: number
  /** Whether the request carries a valid session (only those may send more than 1 MB). */
  signedIn: (req: Request) => Promise<boolean>
}

function refuse(res: Response, status: number, message: string, { close = false } = {}) {
  // A body left unread is not drained: the connection is closed after the answer.
  if (close) res.set('Connection', 'close')
  res.status(status).type('text/plain').send(message)
}

const bodies = new WeakMap<Request, Uint8Array<ArrayBuffer>>()

export function readBody({ uploadLimitMb, signedIn }: BodyLimits) {
  const uploadLimitBytes = Math.ceil(uploadLimitMb * 1.5 * 1024 * 1024) + FORM_LIMIT_BYTES
  return async (req: Request, res: Response, next: NextFunction) => {
    if (bodiless.has(req.method)) return next()
    const contentType = req.get('content-type') ?? ''
    const type = contentType.split(';')[0]!.trim().toLowerCase()
    if (!formTypes.has(type))
      return refuse(
        res,
        415,
        'This request must send a form (application/x-www-form-urlencoded or multipart/form-data).',
        { close: true },
      )
    const multipart = type === 'multipart/form-data'
    if (multipart && !/;\s*boundary=("?)[^";,\s]{1,70}\1/i.test(contentType))
      return refuse(res, 400, 'This form could not be read: its multipart body has no boundary.', {
        close: true,
      })

    const upload = multipart && (await signedIn(req).catch(() => false))
    const limit = upload ? uploadLimitBytes : FORM_LIMIT_BYTES
    const tooLarge = upload
      ? `This upload is too large: the limit is ${uploadLimitMb} MB.`
      : 'This request is too large: a form may send at most 1 MB.'
    const declared = Number(req.get('content-length') ?? 0)
    if (declared > limit) return refuse(res, 413, tooLarge, { close: true })

    let body: Uint8Array<ArrayBuffer>
    try {
      body = await readUpTo(req, limit)
    } catch (error) {
      if (error instanceof BodyTooLarge) return refuse(res, 413, tooLarge, { close: true })
      // The client went away mid-body: nobody is left to answer.
      return void req.socket.destroy()
    }
    if (multipart) {
      try {
        await new globalThis.Response(body, { headers: { 'Content-Type': contentType } }).formData()
      } catch {
        return refuse(res, 400, 'This form could not be read: its multipart body is broken or incomplete.')
      }
    }
    bodies.set(req, body)
    next()
  }
}

class BodyTooLarge extends Error {}

function readUpTo(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('aborted', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        cleanup()
        req.pause()
        chunks.length = 0
        reject(new BodyTooLarge())
      } else chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      const body = new Uint8Array(size)
      let at = 0
      for (const chunk of chunks) {
        body.set(chunk, at)
        at += chunk.length
      }
      resolve(body)
    }
    const onError = (error: unknown) => {
      cleanup()
      reject(error instanceof Error ? error : new Error('aborted'))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('aborted', onError)
  })
}

/**
 * Remix's Express handler (@remix-run/express), with the body read above instead of the raw
 * request stream. The URL comes from req.protocol and the Host header, which
 * forwardedRequest() settled.
 */
export function remixHandler({
  build,
  mode,
  getLoadContext,
}: {
  build: ServerBuild
  mode: string
  getLoadContext: (req: Request) => AppLoadContext
}) {
  const handleRequest = createRequestHandler(build, mode)
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const controller = new AbortController()
      let done = false
      res.on('finish', () => (done = true))
      res.on('close', () => done || controller.abort())
      let url: URL
      try {
        url = new URL(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`)
      } catch {
        return refuse(res, 400, 'This request has a malformed Host header or path.')
      }
      const body = bodies.get(req)
      const request = new globalThis.Request(url, {
        method: req.method,
        headers: requestHeaders(req),
        signal: controller.signal,
        ...(bodiless.has(req.method) ? {} : { body: body ?? new Uint8Array() }),
      })
      const response = await handleRequest(request, getLoadContext(req))
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}

function requestHeaders(req: Request) {
  const headers = new Headers()
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value)
  }
  return headers
}

async function sendResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
