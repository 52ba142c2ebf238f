import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import { db as appDb, sqlite } from '#db/client'
import { stakeholderCategories, stakeholders } from '#db/schema'

import { useTestApp } from './app'

const app = useTestApp()

/**
 * The server's own SQLite connection (the build bundles its own copy of db/client): caught from
 * better-sqlite3's shared prototype while the server answers one /healthz.
 */
async function serverConnection(): Promise<Database.Database> {
  const seen = new Set<Database.Database>()
  const original = Database.prototype.prepare
  const spy = vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (
    this: Database.Database,
    source,
  ) {
    seen.add(this)
    return original.call(this, source)
  })
  await app.fetch('/healthz')
  spy.mockRestore()
  seen.delete(sqlite())
  expect(seen.size, 'found the server connection').toBe(1)
  return [...seen][0]!
}

/**
 * A full disk, simulated: the database may not grow past the pages it has now (PRAGMA
 * max_page_count on the server's connection), and the free pages inside it are used up first.
 */
function fillDisk(server: Database.Database) {
  const free = sqlite().pragma('freelist_count', { simple: true }) as number
  const pageSize = sqlite().pragma('page_size', { simple: true }) as number
  sqlite().exec(`CREATE TABLE IF NOT EXISTS test_filler (x BLOB)`)
  sqlite()
    .prepare('INSERT INTO test_filler VALUES (zeroblob(?))')
    .run((free + 2) * pageSize)
  const pages = server.pragma('page_count', { simple: true }) as number
  server.pragma(`max_page_count = ${pages}`)
}

const freeDisk = (server: Database.Database) => server.pragma('max_page_count = 1073741823')

let restore: (() => void) | undefined
afterEach(() => {
  restore?.()
  restore = undefined
})

describe('a full disk is visible', () => {
  it('answers a write with a plain 503 page (nothing saved) and /healthz names the failed check', async () => {
    const cookie = await app.cookieFor('admin')
    expect((await app.fetch('/healthz')).status).toBe(200)
    const server = await serverConnection()
    fillDisk(server)
    restore = () => freeDisk(server)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})

    const categoryId = appDb
      .select({ id: stakeholderCategories.id })
      .from(stakeholderCategories)
      .limit(1)
      .get()!.id
    const name = 'Written to a full disk'
    const response = await app.post(
      '/stakeholders/new',
      { name, categoryId: String(categoryId), stage: 'identified', description: 'x'.repeat(4900) },
      { headers: { Cookie: cookie } },
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await response.text()).toMatch(/cannot save right now.*Nothing was saved/)
    expect(appDb.select().from(stakeholders).where(eq(stakeholders.name, name)).all()).toEqual([])
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/SQLITE_FULL/))

    // The same write as a data request (what the browser's Remix form sends) is a 503 too.
    const data = await app.post(
      '/stakeholders/new?_data=routes%2Fstakeholders.new',
      { name, categoryId: String(categoryId), stage: 'identified', description: 'x'.repeat(4900) },
      { headers: { Cookie: cookie } },
    )
    expect(data.status).toBe(503)

    const health = await app.fetch('/healthz')
    expect(health.status).toBe(503)
    const body = await health.json()
    expect(body).toMatchObject({ status: 'error', failed: ['write'], write: { status: 'error' } })
    expect(body.write.error).toMatch(/SQLITE_FULL|full/i)

    freeDisk(server)
    restore = undefined
    expect((await app.fetch('/healthz')).status).toBe(200)
  })

  it('reports a disk below the free-space floor', async () => {
    const { checkHealth: healthz } = await import('../../app/server/health.server')
    const tight = healthz(sqlite, Number.MAX_SAFE_INTEGER)
    expect(tight).toMatchObject({ status: 'error', failed: ['disk'], disk: { status: 'error' } })
    expect(tight.disk.error).toMatch(/MB free, below the \d+ MB floor/)
    expect(healthz(sqlite, 0)).toMatchObject({ status: 'ok', failed: [] })
  })
})

describe('a database that cannot be written stops start-up', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-readonly-'))
  fs.chmodSync(root, 0o755)
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
  // Root may write anywhere: the server then runs as an unprivileged user, as in production.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}

  function start(databaseUrl: string) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      ...asUser,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: 'startup-test-secret-0123456789',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
    return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout }
  }

  function expectOneLine(stderr: string, pathShown: string, cause: RegExp) {
    expect(stderr.split('\n'), stderr).toHaveLength(1)
    expect(stderr).toContain(pathShown)
    expect(stderr).toMatch(cause)
    expect(stderr).not.toMatch(/\n\s+at |Error:/)
  }

  it('in a read-only folder', () => {
    const folder = path.join(root, 'readonly')
    fs.mkdirSync(folder, { mode: 0o555 })
    fs.chmodSync(folder, 0o555)
    const { code, stderr } = start(path.join(folder, 'ripple.db'))
    expect(code).toBe(1)
    expectOneLine(stderr, folder, /not writable \(EACCES/)
  })

  it('as a read-only file', () => {
    const folder = path.join(root, 'writable')
    fs.mkdirSync(folder, { mode: 0o777 })
    fs.chmodSync(folder, 0o777)
    const file = path.join(folder, 'ripple.db')
    fs.copyFileSync(process.env.DATABASE_URL!, file)
    fs.chmodSync(file, 0o444)
    const { code, stderr } = start(file)
    expect(code).toBe(1)
    expectOneLine(stderr, file, /not writable \(EACCES/)
  })

  it('in a folder that cannot be made', () => {
    const blocker = path.join(root, 'a-file')
    fs.writeFileSync(blocker, '')
    const { code, stderr } = start(path.join(blocker, 'data', 'ripple.db'))
    expect(code).toBe(1)
    expectOneLine(stderr, path.join(blocker, 'data'), /Cannot create the database folder .*\(ENOTDIR/)
  })
})
