/**
 * Figures computed from the stakeholder register alone (group members, new stakeholders engaged,
 * links with funded projects, the priority population) kept in memory until the register changes.
 * `stakeholder_register_version` (migration register_version) moves on every such change, by
 * triggers, and never when an action is logged: the first dashboard load after an action write
 * reads one row instead of recomputing them. Each server process keeps its own copy; the version
 * read from the database decides, so several processes stay correct.
 */
import { sql } from 'drizzle-orm'

import { db, sqlite } from '#db/client'

type Entry = { version: number; value: unknown }
const caches = new WeakMap<object, Map<string, Entry>>()
const MAX_ENTRIES = 500

function entries() {
  const key = sqlite() as object
  let map = caches.get(key)
  if (!map) {
    map = new Map()
    caches.set(key, map)
  }
  return map
}

/** `compute()`'s value, computed again only when the register has changed since it was kept. */
export function byRegisterVersion<T>(key: string, compute: () => T): T {
  const version = db.get<{ v: number }>(
    sql`select version as v from stakeholder_register_version where id = 1`,
  )?.v
  if (version === undefined) return compute()
  const map = entries()
  const hit = map.get(key)
  if (hit && hit.version === version) return hit.value as T
  const value = compute()
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!)
  map.set(key, { version, value })
  return value
}
