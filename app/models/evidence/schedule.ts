/**
 * When a post's public counters are read again: daily for two weeks after the action's date,
 * then weekly up to three months after it, then never. Pure (no database) so the schedule can be
 * tested day by day.
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR

export type CounterPhase = 'not-yet' | 'daily' | 'weekly' | 'done'

export function counterRefreshPhase(actionDate: string, now: Date): CounterPhase {
  const start = Date.parse(`${actionDate}T00:00:00.000Z`)
  if (Number.isNaN(start)) return 'done'
  const at = now.getTime()
  if (at < start) return 'not-yet'
  if (at < start + 14 * DAY) return 'daily'
  const end = new Date(start)
  end.setUTCMonth(end.getUTCMonth() + 3)
  return at < end.getTime() ? 'weekly' : 'done'
}

/**
 * Whether the daily job should read the counters now. `lastReadAt` is the last attempt (a failed
 * one counts, so a site that is down is not asked again every hour); a little slack keeps a job
 * that runs a few minutes early from skipping a day.
 */
export function countersDue(actionDate: string, lastReadAt: string | null, now: Date): boolean {
  const phase = counterRefreshPhase(actionDate, now)
  if (phase === 'not-yet' || phase === 'done') return false
  if (!lastReadAt) return true
  const since = now.getTime() - Date.parse(lastReadAt)
  return phase === 'daily' ? since >= 20 * HOUR : since >= 7 * DAY - 4 * HOUR
}

/** The earliest action date still in the weekly phase on `now` (three months back). */
export function oldestDateStillRead(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  d.setUTCMonth(d.getUTCMonth() - 3)
  return d.toISOString().slice(0, 10)
}
