/** Period keys: the name of the day, week or month a job run belongs to (UTC). */
export function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7)
}

/** The month before the one `d` falls in, e.g. 2026-12-01 → "2026-11". */
export function previousMonthKey(d: Date): string {
  return monthKey(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)))
}

/** ISO 8601 week, e.g. "2026-W49". */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const weekday = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** The minute of a run, e.g. "2026-12-04T13:05". */
export function minuteKey(d: Date): string {
  return d.toISOString().slice(0, 16)
}
