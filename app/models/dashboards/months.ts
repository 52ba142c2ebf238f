/**
 * Month and day arithmetic for the dashboards (ISO months YYYY-MM, days YYYY-MM-DD): pure
 * functions, shared by the model and the pages.
 */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const total = y * 12 + (m - 1) + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m)
  return out
}

export function firstDay(month: string) {
  return `${month}-01`
}

export function lastDay(month: string) {
  const [y, m] = month.split('-').map(Number)
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

const dayMs = 86_400_000
/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1
}

/** The last complete month before `today` (YYYY-MM-DD). */
export function lastCompleteMonth(today = new Date().toISOString().slice(0, 10)) {
  return addMonths(today.slice(0, 7), -1)
}

/** The share of a target's value that falls in [from, to]: value x overlapDays / periodDays. */
export function proratedTarget(
  target: { value: number; periodStart: string; periodEnd: string },
  from: string,
  to: string,
) {
  const start = target.periodStart > from ? target.periodStart : from
  const end = target.periodEnd < to ? target.periodEnd : to
  if (end < start) return 0
  return (target.value * daysBetween(start, end)) / daysBetween(target.periodStart, target.periodEnd)
}

export function round1(n: number) {
  return Math.round(n * 10) / 10
}
