import type Database from 'better-sqlite3'

/**
 * The dashboard figures computed by one hand-written SQL statement each, straight through
 * better-sqlite3: the floor the loaders are compared against.
 */
export const rawQueries = {
  reach(db: Database.Database, month: string) {
    return db
      .prepare(
        `select month, count(*) as actions, sum(participants) as participants, sum(online_reach) as reach, sum(engagements) as engagements
         from actions where status = 'validated' and archived_at is null and month between ? and ? group by month`,
      )
      .all(shiftMonth(month, -23), month)
  },
  coverage(db: Database.Database, month: string) {
    return db
      .prepare(`select partner_id, count(*) as n from actions where status = 'validated' and archived_at is null and month = ? group by partner_id`)
      .all(month)
  },
}

export function shiftMonth(month: string, delta: number) {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
