import { sqlite } from '#db/client'

/**
 * Small hand-counted dashboard worlds for the table and reach tests: plain rows inserted in the
 * test file's own copy of the demo database, in years the demo data never touches (2032-2034).
 */
export function insertRow(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c] as never))
  return Number(info.lastInsertRowid)
}

export type WorldAction = {
  partner: number
  type: number
  channel: number | null
  date: string
  status?: 'draft' | 'submitted' | 'validated' | 'returned'
  participants?: number | null
  onlineReach?: number | null
  engagements?: number | null
  languages?: string[]
  stakeholders?: number[]
  title?: string
}

/** One action with its languages and stakeholders (validated unless told). */
export function insertAction(a: WorldAction): number {
  const id = insertRow('actions', {
    partner_id: a.partner,
    date: a.date,
    month: a.date.slice(0, 7),
    type_id: a.type,
    channel_id: a.channel,
    title: a.title ?? `Akcja ${a.date}`,
    participants: a.participants ?? null,
    online_reach: a.onlineReach ?? null,
    engagements: a.engagements ?? null,
    status: a.status ?? 'validated',
  })
  for (const language of a.languages ?? []) insertRow('action_languages', { action_id: id, language })
  for (const s of a.stakeholders ?? []) insertRow('action_stakeholders', { action_id: id, stakeholder_id: s })
  return id
}

/** A live stakeholder of a category, owned by a partner (or nobody), optionally scored tier A or B. */
export function insertStakeholder(
  name: string,
  category: number,
  owner: number | null,
  tier?: { tier: 'A' | 'B'; score: number },
): number {
  const key = name.toLowerCase()
  const id = insertRow('stakeholders', {
    name,
    category_id: category,
    owner_partner_id: owner,
    name_key: key,
    search_text: key,
  })
  if (tier)
    insertRow('stakeholder_priority', {
      stakeholder_id: id,
      score: tier.score,
      tier: tier.tier,
      scored_at: '2033-01-01T00:00:00.000Z',
    })
  return id
}
