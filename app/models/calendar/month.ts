/** The calendar's month parameter (client-safe): `YYYY-MM`, anything else falls back to today's month. */
const monthRe = /^(\d{4})-(0[1-9]|1[0-2])$/

export function parseCalendarMonth(value: string | null | undefined, today: string): string {
  return value && monthRe.test(value) ? value : today.slice(0, 7)
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + n, 1))
  return d.toISOString().slice(0, 7)
}

export function monthBounds(month: string) {
  const next = shiftMonth(month, 1)
  const last = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0))
  return { from: `${month}-01`, to: last.toISOString().slice(0, 10) }
}
