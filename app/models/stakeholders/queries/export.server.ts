import { inArray } from 'drizzle-orm'

import { db } from '#db/client'
import { stakeholders, stakeholderThemes, themes } from '#db/schema'

import type { StakeholderFilter } from '../schemas'
import { registerQuery } from './list.server'

/** Every stakeholder matching the filter, for the CSV export, with themes as names. */
export function exportStakeholders(filter: StakeholderFilter) {
  const rows = registerQuery(filter).all()
  const themeNames = new Map(
    db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .all()
      .map((t) => [t.id, t.name]),
  )
  const extra = new Map<
    number,
    {
      programme: string | null
      period: string | null
      description: string | null
      languages: string[]
      themes: string[]
    }
  >()
  const ids = rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000)
    for (const r of db
      .select({
        id: stakeholders.id,
        programme: stakeholders.programme,
        period: stakeholders.period,
        description: stakeholders.description,
        languages: stakeholders.languages,
      })
      .from(stakeholders)
      .where(inArray(stakeholders.id, chunk))
      .all()) {
      extra.set(r.id, { ...r, themes: [] })
    }
    for (const t of db
      .select()
      .from(stakeholderThemes)
      .where(inArray(stakeholderThemes.stakeholderId, chunk))
      .all()) {
      extra.get(t.stakeholderId)?.themes.push(themeNames.get(t.themeId) ?? String(t.themeId))
    }
  }
  return rows.map((r) => ({ ...r, ...extra.get(r.id)! }))
}
