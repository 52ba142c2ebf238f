import {
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'

import { createNonce, setPageSecurityHeaders } from '~/server/csp.server'
import { isStorageFailurePage, storageFailureResponse } from '~/server/storage.server'
import { withoutTrailingNulls } from '~/server/utf8-chunks.server'
import { NonceContext } from '~/utils/nonce'

const ABORT_DELAY = 5_000

/** Expected answers (404, 403, aborted requests) are not server errors and are not logged as such. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) return
  if (error instanceof Error && /^No route matches URL/.test(error.message)) return
  console.error(error)
}

/** Data answers (`?_data=`) get Strict-Transport-Security over https too; they carry no CSP (not HTML). */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  setPageSecurityHeaders(request, response.headers, null)
  return response
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // A page whose loader or action could not write (disk full): the plain 503, not a page that needs the database.
  if (isStorageFailurePage(remixContext.staticHandlerContext.errors)) return storageFailureResponse()
  const bot = isbot(request.headers.get('user-agent') ?? '')
  // Every page gets its own nonce: the only inline scripts that run are the ones rendered with it.
  const nonce = createNonce()
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceContext.Provider>,
      {
        nonce,
        [bot ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          // React writes into this directly, so each chunk it sees is one of React's buffers.
          const body = withoutTrailingNulls()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          setPageSecurityHeaders(request, responseHeaders, nonce)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
