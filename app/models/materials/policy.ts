import { type Actor, assertCan, can } from '~/utils/permissions'

/**
 * Who may do what to the common materials. Everyone who reads the plan sees and downloads them;
 * editing is its own right. Pure: the browser may use it; the commands enforce it.
 */

export function canEditMaterials(actor: Actor | null | undefined) {
  return can(actor, 'material:edit')
}

/**
 * May the actor download the material's file? Every reader while the material is live; once it
 * is archived, only those who may restore it.
 */
export function canDownloadMaterialFile(
  actor: Actor | null | undefined,
  material: { archivedAt: string | null },
) {
  return can(actor, 'plan:read') && (!material.archivedAt || canEditMaterials(actor))
}

/** The commands' guard: throws ForbiddenError unless the actor may edit materials. */
export function assertCanEditMaterials(actor: Actor | null | undefined) {
  assertCan(actor, 'material:edit')
}
