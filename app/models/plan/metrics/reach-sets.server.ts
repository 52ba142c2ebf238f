/**
 * The set of stakeholders reached in each status and month, kept in memory as a bitmap per month
 * and re-read only when the month's `reach_month_versions` value changes (migration 0020).
 * "How many distinct stakeholders were reached over these 36 months" is then an OR of 36 bitmaps
 * instead of a distinct count over ~1.4 million rows of stakeholder_reach_months; after a write,
 * only the month it touched is read again. Each server process keeps its own copy; the version
 * read from the database decides, so several processes stay correct.
 */
import { sql } from 'drizzle-orm'

import { db, sqlite } from '#db/client'

type Entry = { version: number; bits: Uint32Array }
const cache = new WeakMap<object, Map<string, Entry>>()

function monthsCache() {
  const key = sqlite() as object
  let map = cache.get(key)
  if (!map) {
    map = new Map()
    cache.set(key, map)
  }
  return map
}

function readMonth(status: string, month: string): Uint32Array {
  // Plucked from the primary key's index straight into numbers: after a write this month is read
  // again (~20,000 ids at 100,000 stakeholders), on the first dashboard load, so no row objects.
  const ids = sqlite()
    .prepare('select stakeholder_id from stakeholder_reach_months where status = ? and month = ?')
    .pluck()
    .all(status, month) as number[]
  let max = 0
  for (const id of ids) if (id > max) max = id
  const bits = new Uint32Array((max >>> 5) + 1)
  for (const id of ids) bits[id >>> 5] |= 1 << (id & 31)
  return bits
}

/** A set of stakeholder ids as a bitmap, with the operations the metrics need. */
export class ReachSet {
  constructor(private bits: Uint32Array = new Uint32Array(0)) {}

  or(other: Uint32Array) {
    if (other.length > this.bits.length) {
      const grown = new Uint32Array(other.length)
      grown.set(this.bits)
      this.bits = grown
    }
    for (let i = 0; i < other.length; i++) this.bits[i] |= other[i]
  }

  add(ids: Iterable<number>) {
    const list = [...ids]
    const max = list.reduce((m, id) => (id > m ? id : m), 0)
    const needed = new Uint32Array((max >>> 5) + 1)
    for (const id of list) needed[id >>> 5] |= 1 << (id & 31)
    this.or(needed)
  }

  has(id: number) {
    const word = id >>> 5
    return word < this.bits.length && (this.bits[word] & (1 << (id & 31))) !== 0
  }

  get size() {
    let n = 0
    for (let v of this.bits) {
      v -= (v >>> 1) & 0x55555555
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
    }
    return n
  }
}

/** The stakeholders reached by actions of these statuses in the whole months from..to (YYYY-MM). */
export function reachedInMonths(statuses: readonly string[], from: string, to: string): ReachSet {
  const versions = db.all<{ status: string; month: string; version: number }>(
    sql`select status, month, version from reach_month_versions
      where status in ${statuses} and month between ${from} and ${to}`,
  )
  const months = monthsCache()
  const set = new ReachSet()
  for (const v of versions) {
    const key = `${v.status}|${v.month}`
    let entry = months.get(key)
    if (!entry || entry.version !== v.version) {
      entry = { version: v.version, bits: readMonth(v.status, v.month) }
      months.set(key, entry)
    }
    set.or(entry.bits)
  }
  return set
}
