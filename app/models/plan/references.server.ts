import { type Tx } from '#db/client'
import {
  actionTypes,
  channels,
  events,
  partners,
  stakeholderCategories,
  type StakeholderFilter,
  stakeholderGroups,
  themes,
} from '#db/schema'
import { getProject } from '~/models/admin/index.server'
import { allRowsExist, CHOOSE, type FieldErrors, rowIsLive } from '~/utils/references.server'

import { breakdownOptions } from './metrics/rows.server'
import { type ActivityForm, type GroupForm, type MappingForm, splitFacet, type TargetForm } from './schemas'

/**
 * The plan's forms point at partners, groups, events, types, channels, categories, themes and
 * reporting periods: the commands refuse ids that point at nothing (or at an entry archived
 * since, unless the record already has it) with these field errors, before writing anything.
 */

type ActivityRefs = Pick<ActivityForm, 'partnerId' | 'typeId' | 'channelId' | 'groupId' | 'eventId'>

export function activityReferenceErrors(
  tx: Tx,
  input: ActivityRefs,
  current?: { [K in keyof ActivityRefs]: number | null },
) {
  const checks = [
    ['partnerId', partners],
    ['typeId', actionTypes],
    ['channelId', channels],
    ['groupId', stakeholderGroups],
    ['eventId', events],
  ] as const
  const errors: FieldErrors = {}
  for (const [field, table] of checks) {
    const id = input[field]
    if (id !== undefined && id !== null && !rowIsLive(tx, table, id, current?.[field])) errors[field] = CHOOSE
  }
  return errors
}

type Facet = { breakdown: string | null; breakdownValue: string | null }

/** The reporting period must be one of the project's; the facet one the form offers (or the target's own). */
export function targetReferenceErrors(input: TargetForm, current?: Facet) {
  const errors: FieldErrors = {}
  const periods = getProject()?.reportingPeriods ?? []
  if (
    input.periodKind === 'reporting_period' &&
    (input.reportingPeriod === undefined || !periods[input.reportingPeriod])
  )
    errors.reportingPeriod = ['plan:targets.errors.reportingPeriod']
  const [breakdown, value] = splitFacet(input.facet)
  if (breakdown && value) {
    const kept = current?.breakdown === breakdown && current.breakdownValue === value
    if (!kept && !breakdownOptions(breakdown).some((o) => o.value === value)) errors.facet = CHOOSE
  }
  return errors
}

/** A group's filter: category, owner partner and theme must exist (the group's current ones are kept). */
export function groupReferenceErrors(tx: Tx, input: GroupForm, current?: StakeholderFilter) {
  const errors: FieldErrors = {}
  const keep = (key: keyof StakeholderFilter) => (current?.[key] ? Number(current[key]) : null)
  if (input.category !== undefined && !rowIsLive(tx, stakeholderCategories, input.category, keep('category')))
    errors.category = CHOOSE
  if (typeof input.owner === 'number' && !rowIsLive(tx, partners, input.owner, keep('owner')))
    errors.owner = CHOOSE
  if (input.theme !== undefined && !rowIsLive(tx, themes, input.theme, keep('theme'))) errors.theme = CHOOSE
  return errors
}

/** An indicator mapping's action types must exist. */
export function mappingReferenceErrors(tx: Tx, input: MappingForm): FieldErrors {
  return allRowsExist(tx, actionTypes, input.typeIds) ? {} : { typeIds: CHOOSE }
}
