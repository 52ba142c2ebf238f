import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { type PlanSectionKey, planSections, planSectionVersions } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'

import { assertCanEditPlan } from '../policy'

/**
 * Saves a section's text and keeps it as a new version (also when restoring an old one, so the
 * history only grows). Does nothing when the text is unchanged.
 */
export function savePlanSection(
  tx: Tx,
  key: PlanSectionKey,
  body: string,
  actor: Actor,
  summary = 'edited',
): { changed: boolean } {
  assertCanEditPlan(actor)
  const now = new Date().toISOString()
  const existing = tx.select().from(planSections).where(eq(planSections.key, key)).get()
  if (existing && existing.body === body) return { changed: false }
  let sectionId: number
  if (existing) {
    tx.update(planSections)
      .set({ body, updatedBy: actor.id, updatedAt: now })
      .where(eq(planSections.id, existing.id))
      .run()
    sectionId = existing.id
  } else {
    sectionId = tx
      .insert(planSections)
      .values({ key, body, updatedBy: actor.id })
      .returning({ id: planSections.id })
      .get().id
  }
  tx.insert(planSectionVersions).values({ sectionId, body, userId: actor.id }).run()
  recordAudit(tx, {
    userId: actor.id,
    entity: 'plan_section',
    entityId: sectionId,
    action: existing ? 'update' : 'create',
    before: existing ? { body: existing.body } : null,
    after: { body },
    summary: `${key}: ${summary}`,
  })
  return { changed: true }
}

/** Restores an old version of this section (never another section's) as a new version. */
export function restoreSectionVersion(tx: Tx, key: PlanSectionKey, versionId: number, actor: Actor) {
  assertCanEditPlan(actor)
  const section = tx.select({ id: planSections.id }).from(planSections).where(eq(planSections.key, key)).get()
  const version = tx.select().from(planSectionVersions).where(eq(planSectionVersions.id, versionId)).get()
  if (!section || !version || version.sectionId !== section.id) return { changed: false }
  return savePlanSection(tx, key, version.body, actor, `restored version ${versionId}`)
}
