import { type Actor, can, canForPartner, ForbiddenError, type Permission } from '~/utils/permissions'

import type { ImportKind } from './fields'

/**
 * Who may import what. Stakeholders and contacts need stakeholder:import; actions need
 * action:import, for any partner with action:import:any and for the actor's own partner with
 * action:import:own; an event's registrants need registration:manage for the event's host. No database here: the pages may ask it too.
 */
export type ImportArea = 'stakeholders' | 'actions' | 'registrations'

/** The permission that opens an area's import pages. */
export function importPermission(area: ImportArea): Permission {
  // An event's registrants: whoever reads events opens the pages; the event's host is checked next.
  if (area === 'registrations') return 'plan:read'
  return area === 'actions' ? 'action:import' : 'stakeholder:import'
}

/** May the actor import actions for any partner (and so choose the partner on the upload page)? */
export function mayImportForAnyPartner(actor: Actor | null | undefined): boolean {
  return can(actor, 'action:import:any')
}

/** May the actor import actions for this partner? */
export function mayImportActionsFor(actor: Actor | null | undefined, partnerId: number | null | undefined) {
  return canForPartner(actor, 'action:import', partnerId)
}

/** Of a list of partners, those the actor may import actions for. */
export function importablePartners<P extends { id: number }>(
  actor: Actor | null | undefined,
  partners: P[],
): P[] {
  return mayImportForAnyPartner(actor) ? partners : partners.filter((p) => mayImportActionsFor(actor, p.id))
}

/** May the actor run (map, preview, write) an import job of this kind and partner? */
export function mayRunImport(
  actor: Actor | null | undefined,
  job: { kind: ImportKind; partnerId: number | null },
): boolean {
  if (job.kind === 'actions') return !!job.partnerId && mayImportActionsFor(actor, job.partnerId)
  // Registrants: the job's partner is the event's host (registration:manage, :own or :any).
  if (job.kind === 'registrations') return canForPartner(actor, 'registration:manage', job.partnerId)
  return can(actor, 'stakeholder:import')
}

/** The commands' guard: throws ForbiddenError unless the actor may run the job. */
export function assertMayRunImport(
  actor: Actor | null | undefined,
  job: { kind: ImportKind; partnerId: number | null },
): void {
  if (!mayRunImport(actor, job)) throw new ForbiddenError(`may not import ${job.kind}`)
}
