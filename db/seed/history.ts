import { sql } from 'drizzle-orm'

import type { DB } from '../client'
import { DEMO_TODAY } from './actions'
import type { Random } from './random'

const PROJECT_START = '2025-01-01'

function dayPlus(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)

/**
 * The register as it grew: each demo stakeholder is given the day it was entered, from the
 * project's start to the demo date, never after the first action that reached it (about half in
 * the first two months' mapping, the rest as partners met them). Its created_at, updated_at and
 * the audit log's "create" entry move together, so "new stakeholders engaged" per month reads the
 * same from the audit log and from the register on every page. Runs last, with its own random
 * sequence, so the rest of the demo stays as it was.
 */
export function spreadStakeholderCreation(db: DB, random: Random) {
  const rows = db.all<{ id: number; firstAction: string | null }>(sql`
    select s.id as id, (select min(a.date) from action_stakeholders x join actions a on a.id = x.action_id
      where x.stakeholder_id = s.id) as firstAction
    from stakeholders s order by s.id`)
  for (const { id, firstAction } of rows) {
    const last = firstAction && firstAction < DEMO_TODAY ? firstAction : DEMO_TODAY
    const span = Math.max(0, daysBetween(PROJECT_START, last))
    const offset = random.chance(0.5) ? random.int(0, Math.min(span, 58)) : random.int(0, span)
    const time = `${String(random.int(8, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`
    const at = `${dayPlus(PROJECT_START, offset)}T${time}`
    db.run(sql`update stakeholders set created_at = ${at}, updated_at = ${at} where id = ${id}`)
    db.run(
      sql`update audit_log set at = ${at} where entity = 'stakeholder' and entity_id = ${id} and action = 'create'`,
    )
  }
}
