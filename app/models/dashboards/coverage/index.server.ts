/**
 * The coverage dashboard: target progress, priority stakeholders not reached in the window,
 * partners with no action in the month, working languages not used, materials per language.
 */
import { eventKpiList } from '~/models/people/index.server'

import { countedActionsWhere } from '../counted.server'
import { addMonths, firstDay, lastCompleteMonth, lastDay } from '../months'
import { scopeTargets } from '../reading/scope'
import { projectRow, workingLanguagesOf } from '../shared.server'
import type { ActionFilters } from '../types'
import { languagesUsed, materialsByLanguage, partnerActivity } from './activity.server'
import { targetProgressList } from './targets.server'
import { unreachedPriority } from './unreached.server'

export { progressFromActual } from './batched.server'
export { targetProgressList, type TargetProgressRow } from './targets.server'

export type CoverageInput = {
  month?: string
  /** "Not reached in the last N months" and "working languages not used" look at this window. */
  since?: number
  /** A stakeholder group instead of tier A for the "not reached" list. */
  group?: number
  filters?: ActionFilters
  today?: string
  /** How many unreached stakeholders to list (the count is always complete). */
  limit?: number
}

/**
 * Everything the coverage dashboard shows: target progress, priority stakeholders not reached
 * in the window, partners with no action in the month, working languages not used in the window,
 * and materials per language.
 */
export function coverage(input: CoverageInput = {}) {
  const month = input.month ?? lastCompleteMonth(input.today)
  const since = input.since ?? 6
  const windowStart = addMonths(month, -(since - 1))
  const limit = input.limit ?? 100
  const filters: ActionFilters = { validatedOnly: true, ...input.filters }
  // The category filter narrows the stakeholder population here, not the actions.
  const counted = countedActionsWhere({ ...filters, category: undefined })
  const project = projectRow()
  const workingLanguages = workingLanguagesOf(project)
  const window = { month, windowStart, filters, counted }
  // Only targets whose scope matches the filter are compared (the category narrows stakeholders here).
  const scoped = scopeTargets(targetProgressList({ month, filters, today: input.today }), filters, [
    'partner',
    'channel',
    'type',
  ])

  return {
    month,
    since,
    windowStart,
    filters,
    projectName: project?.name ?? 'Ripple',
    targets: scoped.shown,
    /** Targets of another partner, channel or type than the filter's: left out. */
    targetsOtherScope: scoped.otherScope,
    asOf: asOfDay(month, input.today),
    priority: unreachedPriority(window, input.group, limit),
    partners: partnerActivity(month, filters, counted),
    languages: languagesUsed(window, workingLanguages),
    materials: materialsByLanguage(workingLanguages),
    /** Events and campaigns overlapping the window, with their key figures (issue 16). */
    events: eventKpiList(firstDay(windowStart), lastDay(month)),
  }
}
export type Coverage = ReturnType<typeof coverage>

/** The day the targets' actuals are counted to: the end of the month, or today if earlier. */
export function asOfDay(month: string, today?: string) {
  const now = today ?? new Date().toISOString().slice(0, 10)
  return lastDay(month) < now ? lastDay(month) : now
}
