import type { MaterialStatus } from '#db/schema'
import { type Actor, assertCan, can, ForbiddenError } from '~/utils/permissions'

/**
 * Who may do what to the common materials. Everyone who reads the plan sees and downloads the
 * approved ones; the communications lead edits them all (`material:edit`) and approves or sends
 * back what partners upload (`material:approve`); a partner uploads (`material:upload`), and sees
 * and changes its own partner's uploads until they are approved. Pure: the browser may use it;
 * the commands enforce it.
 */

type Reviewed = { status: MaterialStatus; partnerId: number | null }

/** The review's steps: a partner's upload waits, is approved or sent back, and sent again. */
export const materialTransitions: Record<MaterialStatus, readonly MaterialStatus[]> = {
  pending: ['approved', 'returned'],
  returned: ['pending'],
  approved: [],
}

export function canMoveMaterial(from: MaterialStatus, to: MaterialStatus) {
  return materialTransitions[from].includes(to)
}

export function canEditMaterials(actor: Actor | null | undefined) {
  return can(actor, 'material:edit')
}

/** May the actor add a material (the communications lead's is listed at once, a partner's waits)? */
export function canUploadMaterials(actor: Actor | null | undefined) {
  return canEditMaterials(actor) || (actor?.partnerId != null && can(actor, 'material:upload'))
}

/** Does what the actor adds wait for the communications lead's approval? */
export function uploadWaitsForApproval(actor: Actor | null | undefined) {
  return !can(actor, 'material:approve')
}

/** Is it the actor's own partner's upload? */
function ownUpload(actor: Actor | null | undefined, material: Reviewed) {
  return actor?.partnerId != null && actor.partnerId === material.partnerId && can(actor, 'material:upload')
}

/** May the actor see the material: approved for every reader; waiting for its uploader's partner and reviewers. */
export function canSeeMaterial(actor: Actor | null | undefined, material: Reviewed) {
  if (!can(actor, 'plan:read')) return false
  return material.status === 'approved' || can(actor, 'material:approve') || ownUpload(actor, material)
}

/** May the actor change the material: the communications lead any, a partner its own until approved. */
export function canEditMaterial(actor: Actor | null | undefined, material: Reviewed) {
  return canEditMaterials(actor) || (material.status !== 'approved' && ownUpload(actor, material))
}

/** May the actor approve or send back the material (only while it waits)? */
export function canReviewMaterial(actor: Actor | null | undefined, material: Reviewed) {
  return can(actor, 'material:approve') && material.status === 'pending'
}

/**
 * May the actor download the material's file? Every reader who sees it while it is live; once it
 * is archived, only those who may restore it.
 */
export function canDownloadMaterialFile(
  actor: Actor | null | undefined,
  material: Reviewed & { archivedAt: string | null },
) {
  return canSeeMaterial(actor, material) && (!material.archivedAt || canEditMaterials(actor))
}

/** The commands' guard: throws ForbiddenError unless the actor may edit (and archive) every material. */
export function assertCanEditMaterials(actor: Actor | null | undefined) {
  assertCan(actor, 'material:edit')
}

export function assertCanUploadMaterials(actor: Actor | null | undefined) {
  if (!canUploadMaterials(actor)) throw new ForbiddenError('may not upload materials')
}

export function assertCanEditMaterial(actor: Actor | null | undefined, material: Reviewed) {
  if (!canEditMaterial(actor, material)) throw new ForbiddenError('may not edit this material')
}

export function assertCanReviewMaterials(actor: Actor | null | undefined) {
  assertCan(actor, 'material:approve')
}
