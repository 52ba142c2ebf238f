/**
 * Who may see what of the dashboards and the home page, in permission strings only (no database:
 * the browser may use it to decide what to show; hiding is never the check).
 */
import { type Actor, can } from '~/utils/permissions'

type Who = Pick<Actor, 'role'>

/** The home page's shortcuts: log an action, review submitted ones. */
export function homeShortcuts(actor: Who) {
  return {
    canCreate: can(actor, 'action:create'),
    canValidate: can(actor, 'action:validate'),
  }
}
