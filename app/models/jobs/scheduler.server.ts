import { Cron } from 'croner'

import { runDueJobs } from './runner.server'

let timer: Cron | undefined

/**
 * Starts the scheduler in this process: a tick every minute (and one now, which catches up what
 * was missed while the server was down) runs each job whose period is due and unclaimed. Safe in
 * several processes at once: periods are claimed in SQLite.
 */
export function startScheduler(log: (line: string) => void = () => undefined) {
  if (timer) return
  const tick = async () => {
    try {
      const outcomes = await runDueJobs()
      for (const [name, o] of Object.entries(outcomes))
        if (o.ran) log(`Job ${name} (${o.period}): ${o.ok ? '' : 'FAILED '}${o.result}`)
    } catch (error) {
      log(`Scheduler tick failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  timer = new Cron('* * * * *', { timezone: 'UTC', protect: true }, tick)
  void tick()
}

export function stopScheduler() {
  timer?.stop()
  timer = undefined
}
