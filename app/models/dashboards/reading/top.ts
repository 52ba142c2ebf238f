/**
 * The monthly chart's series: the largest few plus "Other" (the rest added up), so a stacked bar
 * stays readable; the table beside it keeps every series. Client-safe.
 */
export type SeriesKey = { dataKey: string; name: string }

export const OTHER_KEY = 'other'

/**
 * Keeps the `n` series with the largest total over `rows` (ties in their given order) and adds the
 * rest up as `other`. With at most n + 1 series nothing is merged (an "Other" of one is no help).
 */
export function topNWithOther(
  rows: Record<string, string | number>[],
  keys: SeriesKey[],
  n: number,
  otherName: string,
): { rows: Record<string, string | number>[]; keys: SeriesKey[] } {
  if (keys.length <= n + 1) return { rows, keys }
  const total = (k: SeriesKey) => rows.reduce((s, r) => s + Number(r[k.dataKey] ?? 0), 0)
  const ranked = keys
    .map((k, i) => ({ k, i, total: total(k) }))
    .sort((a, b) => b.total - a.total || a.i - b.i)
  const top = ranked.slice(0, n).map((r) => r.k)
  const rest = ranked.slice(n).map((r) => r.k.dataKey)
  const kept = new Set(top.map((k) => k.dataKey))
  return {
    keys: [...top, { dataKey: OTHER_KEY, name: otherName }],
    rows: rows.map((r) => {
      const out: Record<string, string | number> = {}
      for (const [key, value] of Object.entries(r)) if (kept.has(key) || !rest.includes(key)) out[key] = value
      out[OTHER_KEY] = rest.reduce((s, key) => s + Number(r[key] ?? 0), 0)
      return out
    }),
  }
}
