import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DEMO_PASSWORD } from '../../db/seed/core'

/** Process ids of the server's workers: the primary's children running serve.ts (tsx may add an esbuild one). */
function workerPids(primary: ChildProcess): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(primary.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('scripts/serve.ts'))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0)
  } catch {
    return [] // ps exits 1 when there are none
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('the server in several processes (WEB_CONCURRENCY=2)', () => {
  let dir = ''
  let primary: ChildProcess
  let output = ''
  let url = ''

  beforeAll(async () => {
    // A private folder: with no SESSION_SECRET, the secret file is created beside the database.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-cluster-'))
    const dbFile = path.join(dir, 'ripple.db')
    fs.copyFileSync(inject('templateDb'), dbFile)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: dbFile,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      WEB_CONCURRENCY: '2',
    }
    delete env.SESSION_SECRET
    primary = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    primary.stdout?.on('data', (d) => (output += d))
    primary.stderr?.on('data', (d) => (output += d))
    url = await until('the banner', () =>
      /running at (http:\/\/localhost:\d+) \(2 processes\)/
        .exec(output)?.[1]
        ?.replace('localhost', '127.0.0.1'),
    )
  })

  afterAll(() => {
    if (primary.exitCode === null) primary.kill('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function signIn() {
    const response = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
      body: new URLSearchParams({ email: 'partner@demo.ripple', password: DEMO_PASSWORD }),
    })
    expect(response.status).toBe(302)
    return response.headers.get('set-cookie')!.split(';')[0]!
  }

  it('runs two workers on one port; a session and a write made through one are seen by the other', async () => {
    expect(workerPids(primary)).toHaveLength(2)
    expect(output.match(/running at/g)).toHaveLength(1)
    const cookie = await signIn()
    const title = `Cluster check ${Date.now()}`
    const saved = await fetch(`${url}/actions/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url, Cookie: cookie },
      body: new URLSearchParams({ intent: 'submit', typeId: '1', date: '2026-11-20', title }),
    })
    expect(saved.status).toBe(302)
    // Connections are handed to the workers in turn: fresh connections reach both of them.
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${url}/actions?mine=1`, {
        headers: { Cookie: cookie, Connection: 'close' },
      })
      expect(response.status).toBe(200)
      expect(await response.text()).toContain(title)
    }
  })

  it('replaces a worker that dies, and keeps serving', async () => {
    const [victim] = workerPids(primary)
    process.kill(victim!, 'SIGKILL')
    await until('a replacement worker', () => {
      const pids = workerPids(primary)
      return pids.length === 2 && !pids.includes(victim!)
    })
    await until('the primary to say so', () => output.includes(`Ripple worker ${victim} stopped (SIGKILL)`))
    const cookie = await signIn()
    expect((await fetch(`${url}/actions`, { headers: { Cookie: cookie } })).status).toBe(200)
  })

  it('stops every worker when the primary is told to stop', async () => {
    const workers = workerPids(primary)
    primary.kill('SIGTERM')
    await until('the primary to exit', () => primary.exitCode !== null)
    expect(primary.exitCode).toBe(0)
    await until('the workers to exit', () => workers.every((pid) => !alive(pid)))
  })
})
