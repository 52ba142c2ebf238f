import { and, type Column, type SQL, sql, type SQLWrapper } from 'drizzle-orm'

import { normalizeText } from './text'

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * A search over a lower-case, accent-free text column (normalizeText) with a trigram FTS5 index
 * kept on it by triggers: every word of `q` must appear, ignoring case and accents. Words of 3+
 * characters go through the index; shorter ones are checked with LIKE on the (few) rows the index
 * already picked, or on all rows if there is no long word. Undefined when `q` has no word.
 */
export function textSearchCondition(
  q: string,
  on: { id: Column; text: Column; index: 'stakeholder_search' | 'contact_search' },
): SQL | undefined {
  const words = [...new Set(normalizeText(q).split(' ').filter(Boolean))].slice(0, 8)
  if (!words.length) return undefined
  const conditions: SQL[] = []
  const long = words.filter((w) => [...w].length >= 3)
  if (long.length) {
    const match = long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ')
    const index = sql.raw(on.index)
    conditions.push(sql`${on.id} in (select rowid from ${index} where ${index} match ${match})`)
  }
  for (const w of words.filter((w) => [...w].length < 3)) {
    conditions.push(sql`${on.text} like ${`%${escapeLike(w)}%`} escape '\\'`)
  }
  return and(...conditions)
}

/**
 * "The column holds this text", ignoring case and accents in every script, for the short lists
 * searched without an index (events, materials, activities, outcomes, registrants). fold_text is
 * normalizeText, registered on every connection (db/client.ts).
 */
export function containsText(column: SQLWrapper, q: string): SQL {
  return sql`fold_text(${column}) like ${`%${escapeLike(normalizeText(q))}%`} escape '\\'`
}
