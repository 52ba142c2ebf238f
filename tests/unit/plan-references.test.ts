import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { users } from '#db/schema'
import { createEvent } from '~/models/events/index.server'
import {
  createActivity,
  createGroup,
  createTarget,
  getPlanSection,
  listSectionVersions,
  restoreSectionVersion,
  saveMappings,
  savePlanSection,
} from '~/models/plan/index.server'
import { InvalidReferencesError } from '~/utils/references.server'

/** The commands refuse ids that point at nothing themselves: no route can forget the check. */
const comms = () => db.select().from(users).where(eq(users.email, 'comms@demo.ripple')).get()!
const count = (table: string) =>
  (sqlite().prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

function refusal(command: () => unknown) {
  try {
    command()
  } catch (error) {
    if (error instanceof InvalidReferencesError) return error.fieldErrors
    throw error
  }
  throw new Error('the command accepted the reference')
}

describe('plan and event commands check the ids they are given', () => {
  it('writes nothing, not even the audit, and names every bad field', () => {
    const user = comms()
    const before = ['planned_activities', 'events', 'targets', 'stakeholder_groups', 'audit_log'].map(count)
    const activity = { title: 'x', dueDate: '2026-05-01', partnerId: 99999, groupId: 99998, typeId: 99997 }
    expect(refusal(() => db.transaction((tx) => createActivity(tx, activity, user)))).toEqual({
      partnerId: ['common:errors.choose'],
      groupId: ['common:errors.choose'],
      typeId: ['common:errors.choose'],
    })
    const event = {
      kind: 'webinar' as const,
      title: 'x',
      startDate: '2026-05-01',
      online: true,
      crossBorder: false,
      hostPartnerId: 99999,
      planTargetGroupIds: [99999],
    }
    expect(Object.keys(refusal(() => db.transaction((tx) => createEvent(tx, event, user))))).toEqual([
      'hostPartnerId',
      'planTargetGroupIds',
    ])
    const target = {
      metric: 'actions' as const,
      periodKind: 'reporting_period' as const,
      reportingPeriod: 999,
      value: 1,
    }
    expect(Object.keys(refusal(() => db.transaction((tx) => createTarget(tx, target, user))))).toEqual([
      'reportingPeriod',
    ])
    const facet = {
      metric: 'actions' as const,
      periodKind: 'project' as const,
      facet: 'channel:99999',
      value: 1,
    }
    expect(Object.keys(refusal(() => db.transaction((tx) => createTarget(tx, facet, user))))).toEqual([
      'facet',
    ])
    expect(
      Object.keys(refusal(() => db.transaction((tx) => createGroup(tx, { name: 'x', theme: 99999 }, user)))),
    ).toEqual(['theme'])
    const mapping = { indicator: 'RCO81' as const, eventKinds: [], typeIds: [99999] }
    expect(Object.keys(refusal(() => db.transaction((tx) => saveMappings(tx, mapping, user))))).toEqual([
      'typeIds',
    ])
    expect(['planned_activities', 'events', 'targets', 'stakeholder_groups', 'audit_log'].map(count)).toEqual(
      before,
    )
  })

  it('restores a version only into its own section', () => {
    const user = comms()
    db.transaction((tx) => savePlanSection(tx, 'purpose', 'Purpose text', user))
    db.transaction((tx) => savePlanSection(tx, 'methods', 'Methods text', user))
    const purpose = listSectionVersions('purpose')[0]
    expect(db.transaction((tx) => restoreSectionVersion(tx, 'methods', purpose.id, user))).toEqual({
      changed: false,
    })
    expect(getPlanSection('methods')?.body).toBe('Methods text')
  })
})
