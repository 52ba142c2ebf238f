/**
 * Who may see what of the dashboards and the home page, in permission strings only (no database:
 * the browser may use it to decide what to show; hiding is never the check).
 */
import { type Actor, can, roleActsForOnePartner } from '~/utils/permissions'

type Who = Pick<Actor, 'role'>

/** The home page's shortcuts: log an action, review submitted ones. */
export function homeShortcuts(actor: Who) {
  return {
    canCreate: can(actor, 'action:create'),
    canValidate: can(actor, 'action:validate'),
  }
}

/**
 * The partner whose month the home page shows this user ("what is yours"), or null: only a user
 * whose role acts for one partner has one; the other roles keep the general home page.
 */
export function homePartnerOf(actor: Pick<Actor, 'role' | 'partnerId'>): number | null {
  return roleActsForOnePartner(actor.role) && actor.partnerId != null ? actor.partnerId : null
}

/** The comms lead's "what needs doing" counts (and the navigation's badges): whoever validates. */
export function canSeeTasks(actor: Who | null | undefined): boolean {
  return can(actor, 'action:validate')
}

/**
 * Which home page a user gets: the comms view for whoever validates (admin too), the partner's
 * month for a user who acts for one partner, the month's headline figures for everyone else.
 */
export function homeKind(actor: Pick<Actor, 'role' | 'partnerId'>): 'comms' | 'partner' | 'figures' {
  if (canSeeTasks(actor)) return 'comms'
  if (homePartnerOf(actor) != null) return 'partner'
  return 'figures'
}
