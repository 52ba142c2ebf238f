import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { type stakeholders, stakeholderThemes } from '#db/schema'
import { nameKey, normalizeText, webDomainFrom } from '~/utils/text'

import type { StakeholderInput } from './schemas'

type Stakeholder = typeof stakeholders.$inferSelect

/** The stored columns derived from the input: the search and dedupe keys are never written apart. */
export function columnsFrom(input: StakeholderInput) {
  const webDomain = webDomainFrom(input.website)
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    categoryId: input.categoryId,
    programme: input.programme ?? null,
    period: input.period ?? null,
    scale: input.scale ?? null,
    country: input.country ?? null,
    city: input.city ?? null,
    website: input.website ?? null,
    webDomain,
    description: input.description ?? null,
    languages: [...new Set(input.languages)],
    ownerPartnerId: input.ownerPartnerId ?? null,
    stage: input.stage,
    nameKey: nameKey(input.name),
    searchText: searchTextFor({ name: input.name, acronym: input.acronym, city: input.city, webDomain }),
  }
}

export function searchTextFor(s: {
  name: string
  acronym?: string | null
  city?: string | null
  webDomain?: string | null
}) {
  return normalizeText([s.name, s.acronym, s.city, s.webDomain].filter(Boolean).join(' '))
}

export function auditable(row: Stakeholder, themeIds: number[]) {
  const { searchText: _s, nameKey: _n, lastContactOn: _l, createdAt: _c, updatedAt: _u, ...rest } = row
  return { ...rest, themeIds: [...themeIds].sort((a, b) => a - b) }
}

export function themeIdsOf(tx: Tx, id: number) {
  return tx
    .select({ themeId: stakeholderThemes.themeId })
    .from(stakeholderThemes)
    .where(eq(stakeholderThemes.stakeholderId, id))
    .all()
    .map((r) => r.themeId)
}

export function setThemes(tx: Tx, id: number, themeIds: number[]) {
  tx.delete(stakeholderThemes).where(eq(stakeholderThemes.stakeholderId, id)).run()
  const unique = [...new Set(themeIds)]
  if (unique.length)
    tx.insert(stakeholderThemes)
      .values(unique.map((themeId) => ({ stakeholderId: id, themeId })))
      .run()
}
