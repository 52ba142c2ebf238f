import { installGlobals } from '@remix-run/node'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'

import { copyTemplate } from './template-db'

installGlobals({ nativeFetch: true })

// Each test file gets its own copy of the seeded demo database, never the developer's file.
process.env.NODE_ENV = 'test'
process.env.DATABASE_URL = copyTemplate(inject('templateDb'), 'file')
process.env.SESSION_SECRET = 'test-session-secret-0123456789'
process.env.LOG_LEVEL = 'silent'

const { mockServer } = await import('../mocks/index')

/** Outbound requests no msw handler answered: each one fails the test that made it. */
const unhandled: string[] = []
/** console.error calls: unexpected ones fail the test (mock console.error where one is expected). */
const consoleErrors: string[] = []
const originalConsoleError = console.error

beforeAll(() => {
  mockServer.listen({
    onUnhandledRequest(request) {
      const url = new URL(request.url)
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return
      unhandled.push(`${request.method} ${request.url}`)
    },
  })
})

beforeEach(() => {
  unhandled.length = 0
  consoleErrors.length = 0
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '))
    originalConsoleError(...args)
  }
})

afterEach(() => {
  mockServer.resetHandlers()
  const isMocked = (console.error as { mock?: unknown }).mock !== undefined
  console.error = originalConsoleError
  if (unhandled.length)
    throw new Error(`Unhandled outbound request(s), add an msw handler: ${unhandled.join(', ')}`)
  if (consoleErrors.length && !isMocked) throw new Error(`console.error was called: ${consoleErrors[0]}`)
})

afterAll(() => mockServer.close())
