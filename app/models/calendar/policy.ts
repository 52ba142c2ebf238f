/** Who may see the calendar (events and work-plan deadlines): whoever may read the plan. */
import { type Actor, can } from '~/utils/permissions'

export function canReadCalendar(actor: Pick<Actor, 'role'> | null | undefined): boolean {
  return can(actor, 'plan:read')
}
