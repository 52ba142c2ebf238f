import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { actionLanguages, actionStakeholders, actionThemes } from '#db/schema'

import { type ActionInput, unique } from '../input'

export const now = () => new Date().toISOString()

/** Links an action to its languages, stakeholders and themes; returns them sorted (for the audit). */
export function writeLinks(
  tx: Tx,
  actionId: number,
  input: Pick<ActionInput, 'languages' | 'stakeholderIds' | 'themeIds'>,
) {
  const languages = unique(input.languages?.map((l) => l.toLowerCase()))
  const stakeholderIds = unique(input.stakeholderIds)
  const themeIds = unique(input.themeIds)
  if (languages.length)
    tx.insert(actionLanguages)
      .values(languages.map((language) => ({ actionId, language })))
      .run()
  if (stakeholderIds.length)
    tx.insert(actionStakeholders)
      .values(stakeholderIds.map((stakeholderId) => ({ actionId, stakeholderId })))
      .run()
  if (themeIds.length)
    tx.insert(actionThemes)
      .values(themeIds.map((themeId) => ({ actionId, themeId })))
      .run()
  return {
    languages: languages.sort(),
    stakeholderIds: stakeholderIds.sort((a, b) => a - b),
    themeIds: themeIds.sort((a, b) => a - b),
  }
}

/** The links an action has now, sorted as writeLinks returns them. */
export function linksOf(tx: Tx, actionId: number) {
  return {
    languages: tx
      .select({ v: actionLanguages.language })
      .from(actionLanguages)
      .where(eq(actionLanguages.actionId, actionId))
      .all()
      .map((r) => r.v)
      .sort(),
    stakeholderIds: tx
      .select({ v: actionStakeholders.stakeholderId })
      .from(actionStakeholders)
      .where(eq(actionStakeholders.actionId, actionId))
      .all()
      .map((r) => r.v)
      .sort((a, b) => a - b),
    themeIds: tx
      .select({ v: actionThemes.themeId })
      .from(actionThemes)
      .where(eq(actionThemes.actionId, actionId))
      .all()
      .map((r) => r.v)
      .sort((a, b) => a - b),
  }
}
