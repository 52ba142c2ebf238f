import { afterEach, describe, expect, it, vi } from 'vitest'

/*
 * The scheduler's tick (mutation testing, issue 18): what it logs for each job that ran, that a
 * failing tick is logged and not thrown, and that a second start in the same process does nothing.
 * The runner is replaced, so no real job runs; each test imports a fresh scheduler module.
 */

const runDueJobs = vi.fn()
vi.mock('~/models/jobs/runner.server', () => ({ runDueJobs }))

afterEach(() => {
  runDueJobs.mockReset()
  vi.resetModules()
})

async function start(log: (line: string) => void) {
  const { startScheduler } = await import('~/models/jobs/scheduler.server')
  startScheduler(log)
  return startScheduler
}

describe('the scheduler', () => {
  it('logs each job that ran, FAILED before a failure, nothing for a job that did not run; starts once', async () => {
    runDueJobs.mockResolvedValue({
      'monthly-reach': { ran: true, period: '2026-11', ok: true, result: '2 messages queued' },
      'mail-retry': { ran: false },
      'evidence-refresh': { ran: true, period: '2026-12-04', ok: false, result: 'boom' },
    })
    const lines: string[] = []
    const startScheduler = await start((line) => lines.push(line))
    await vi.waitFor(() => expect(lines).toHaveLength(2))
    expect(lines).toEqual([
      'Job monthly-reach (2026-11): 2 messages queued',
      'Job evidence-refresh (2026-12-04): FAILED boom',
    ])
    startScheduler(() => lines.push('second'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(runDueJobs).toHaveBeenCalledTimes(1)
    expect(lines).toHaveLength(2)
  })

  it('a tick that fails is logged with its reason, an Error or not', async () => {
    runDueJobs.mockRejectedValueOnce(new Error('database is locked'))
    const lines: string[] = []
    await start((line) => lines.push(line))
    await vi.waitFor(() => expect(lines).toEqual(['Scheduler tick failed: database is locked']))
    vi.resetModules()
    runDueJobs.mockRejectedValueOnce('disk full')
    await start((line) => lines.push(line))
    await vi.waitFor(() => expect(lines.at(-1)).toBe('Scheduler tick failed: disk full'))
  })

  it('logs nothing by default', async () => {
    runDueJobs.mockResolvedValue({ x: { ran: true, period: 'p', ok: true, result: 'r' } })
    const { startScheduler } = await import('~/models/jobs/scheduler.server')
    expect(startScheduler()).toBeUndefined()
    await vi.waitFor(() => expect(runDueJobs).toHaveBeenCalledTimes(1))
  })
})
