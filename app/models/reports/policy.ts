/**
 * Who may do what with the value report, in permission strings only: the steering group, the
 * communications lead and the administrator read it; the communications lead (and the
 * administrator) choose the outcomes told and write the introduction.
 */
import { type Actor, can, ForbiddenError } from '~/utils/permissions'

export function canReadValueReport(actor: Actor | null | undefined) {
  return can(actor, 'report:read')
}

export function canEditValueReport(actor: Actor | null | undefined) {
  return can(actor, 'report:edit')
}

/** Thrown by the report's commands when the actor may not edit it (routes answer 403). */
export class ReportForbiddenError extends ForbiddenError {
  constructor(message = 'forbidden') {
    super(message)
    this.name = 'ReportForbiddenError'
  }
}
