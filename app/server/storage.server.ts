import fs from 'node:fs'
import path from 'node:path'

import type { ServerBuild } from '@remix-run/node'

/**
 * Codes that mean "the disk cannot take this write": full (SQLite's own SQLITE_FULL, also what a
 * database at its size limit answers; the system's ENOSPC and EDQUOT), read-only, or an I/O error.
 */
const storageCodes = /^(SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|SQLITE_CANTOPEN|ENOSPC|EDQUOT|EROFS)/

/** The storage failure somewhere in an error's cause chain, if any. */
export function storageFailure(error: unknown): (Error & { code: string }) | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (e instanceof Error && typeof code === 'string' && storageCodes.test(code))
      return e as Error & { code: string }
  }
  return null
}

export const storageFailureMessage =
  'Ripple cannot save right now: the server is out of disk space or cannot write its database. Nothing was saved. Please tell your administrator and try again later.'

/** The plain answer to a request that failed because the disk took no write: 503, try again later. */
export function storageFailureResponse(): Response {
  return new Response(storageFailureMessage, {
    status: 503,
    statusText: 'Service Unavailable',
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Retry-After': '60',
      'Cache-Control': 'no-store',
    },
  })
}

type Handler = (args: never) => unknown

function answerStorageFailures<T extends Handler>(handler: T | undefined): T | undefined {
  if (!handler) return handler
  return (async (args: never) => {
    try {
      return await handler(args)
    } catch (error) {
      const failure = storageFailure(error)
      if (!failure) throw error
      console.error(`Storage failure (${failure.code}): ${failure.message}`)
      throw storageFailureResponse()
    }
  }) as T
}

/**
 * The build with every loader and action answering 503 (a plain message) instead of 500 when the
 * database or disk refuses a write. A thrown Response goes through Remix as any other: a resource
 * route or a data request gets it as is, a page request renders it (see entry.server.tsx).
 */
export function withStorageFailures(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        loader: answerStorageFailures(route.module.loader),
        action: answerStorageFailures(route.module.action),
      },
    }
  }
  return { ...build, routes }
}

/** True when a page's loader or action answered with storageFailureResponse(). */
export function isStorageFailurePage(errors: Record<string, unknown> | null | undefined): boolean {
  return Object.values(errors ?? {}).some(
    (e) =>
      typeof e === 'object' &&
      e !== null &&
      (e as { status?: unknown }).status === 503 &&
      (e as { data?: unknown }).data === storageFailureMessage,
  )
}

/** Raised at start-up when the database cannot be used; its message is the one line to print. */
export class StartupError extends Error {}

function cause(error: unknown): string {
  const e = error as { code?: string; message?: string }
  const message = (e?.message ?? String(error))
    .split('\n')[0]!
    .replace(/^[A-Z]+: /, '')
    // Node's "permission denied, mkdir '/path'": the path is already in the line.
    .replace(/, [a-z]+ '[^']*'$/, '')
  return e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message
}

/**
 * Checks before the database is opened that its folder can hold it (SQLite writes the -wal and
 * -shm files beside it) and that the file, when it exists, can be read and written. Throws a
 * StartupError naming the path and the cause.
 */
export function assertDatabaseWritable(file: string) {
  if (file === ':memory:') return
  const absolute = path.resolve(file)
  const folder = path.dirname(absolute)
  try {
    fs.mkdirSync(folder, { recursive: true })
  } catch (error) {
    throw new StartupError(`Cannot create the database folder ${folder} (${cause(error)}).`)
  }
  try {
    fs.accessSync(folder, fs.constants.W_OK | fs.constants.X_OK)
  } catch (error) {
    throw new StartupError(`The database folder ${folder} is not writable (${cause(error)}).`)
  }
  if (!fs.existsSync(absolute)) return
  try {
    fs.accessSync(absolute, fs.constants.R_OK | fs.constants.W_OK)
  } catch (error) {
    throw new StartupError(`The database file ${absolute} is not writable (${cause(error)}).`)
  }
}

/** The one line for a failure while preparing the database at start-up (path and cause, no stack). */
export function startupFailureLine(file: string, error: unknown): string | null {
  if (error instanceof StartupError) return `Ripple cannot start: ${error.message}`
  if (storageFailure(error))
    return `Ripple cannot start: the database ${path.resolve(file)} cannot be written (${cause(error)}).`
  return null
}
