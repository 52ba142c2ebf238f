import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'

import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'

import { DEMO_PASSWORD } from '../../db/seed/core'
import { copyTemplate } from '../setup/template-db'

export const phone = { width: 360, height: 740 }
export const desktop = { width: 1280, height: 900 }

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The ids of axe-core's serious and critical findings on the page as it is now. */
export async function seriousAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return (result.violations as { id: string; impact: string }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id)
  })
}

/** The page's full width: more than the viewport means sideways scrolling. */
export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

/**
 * Waits until React has hydrated the page (the body carries React's fiber) and one frame has
 * passed: a click before that is a plain form post or link, and typed values can race hydration.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(
    () => Object.keys(document.body).some((k) => k.startsWith('__reactFiber')),
    undefined,
    { timeout: 30_000 },
  )
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output()}`)
    try {
      const r = await fetch(`${url}/healthz`)
      if (r.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`The server did not answer /healthz within 60 s:\n${output()}`)
}

export type BrowserApp = {
  url: string
  browser: Browser
  dbFile: string
  newPage: (viewport?: { width: number; height: number }) => Promise<Page>
  login: (page: Page, user: 'admin' | 'comms' | 'partner' | 'partner2' | 'viewer') => Promise<void>
}

/**
 * Starts the production build (scripts/serve.ts) on a free port with its own copy of the demo
 * database and msw mocks for outbound HTTP, and Debian's chromium through playwright-core.
 */
export function useBrowserApp(): BrowserApp {
  let child: ChildProcess
  let browser: Browser
  let url = ''
  let dbFile = ''
  let log = ''

  beforeAll(async () => {
    const port = await freePort()
    dbFile = copyTemplate(inject('templateDb'), 'e2e')
    url = `http://127.0.0.1:${port}`
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: dbFile,
        SEED_DEMO: 'false',
        MOCKS: 'true',
        LOG_LEVEL: 'error',
        SESSION_SECRET: 'e2e-session-secret-0123456789',
        // A build in RIPPLE_BUILD_DIR outside the project still finds the project's packages.
        NODE_PATH: path.resolve('node_modules'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (d) => (log += d))
    child.stderr?.on('data', (d) => (log += d))
    await waitForHealth(url, child, () => log)
    browser = await chromium.launch({
      executablePath: inject('chromiumPath'),
      args: chromiumFlags,
      headless: true,
    })
  })

  afterAll(async () => {
    await browser?.close()
    child?.kill('SIGTERM')
    // The server runs with msw mocks: an outbound request no handler answered fails the file.
    if (/without a matching request handler/.test(log))
      throw new Error(`The server made an unmocked outbound request:\n${log}`)
  })

  return {
    get url() {
      return url
    },
    get browser() {
      return browser
    },
    get dbFile() {
      return dbFile
    },
    async newPage(viewport = desktop) {
      const context = await browser.newContext({ viewport, baseURL: url, acceptDownloads: true })
      return context.newPage()
    },
    async login(page, user) {
      await page.goto('/login')
      await page.getByLabel(/e-mail|correo/i).fill(`${user}@demo.ripple`)
      await page.getByLabel(/password|contraseña/i).fill(DEMO_PASSWORD)
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/login')),
        page.getByRole('button', { name: /sign in|entrar/i }).click(),
      ])
    },
  }
}
