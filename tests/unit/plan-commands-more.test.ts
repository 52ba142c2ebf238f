import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { indicatorMappings, targets } from '#db/schema'
import {
  createTarget,
  getPlanSection,
  listMappings,
  listSectionVersions,
  restoreSectionVersion,
  saveMappings,
  savePlanSection,
  setTargetArchived,
  updateTarget,
} from '~/models/plan/index.server'
import { targetFormSchema } from '~/models/plan/schemas'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * Indicator mappings, plan sections and targets: what the commands store and audit. The demo
 * project runs 2025-01-01 .. 2027-12-31 with three reporting periods (2025, 2026, 2027); its seed
 * maps RCO115 to five event kinds and no action type.
 */

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const OLD = '2001-01-01T00:00:00.000Z'
const mappingRows = (indicator: string) =>
  db
    .select({ typeId: indicatorMappings.typeId, eventKind: indicatorMappings.eventKind })
    .from(indicatorMappings)
    .where(eq(indicatorMappings.indicator, indicator))
    .orderBy(indicatorMappings.id)
    .all()

describe('saveMappings', () => {
  it('replaces an indicator’s mappings with the inputs it takes, once each, audited before and after', () => {
    const input = {
      indicator: 'RCO115' as const,
      eventKinds: ['webinar', 'conference', 'webinar'] as const,
      typeIds: [1],
    }
    tx((t) => saveMappings(t, { ...input, eventKinds: [...input.eventKinds] }, demo.comms()))
    // RCO115 takes event kinds only: the action type is not stored.
    expect(mappingRows('RCO115')).toEqual([
      { typeId: null, eventKind: 'webinar' },
      { typeId: null, eventKind: 'conference' },
    ])
    expect(lastAudit('indicator_mapping')).toMatchObject({
      entityId: null,
      action: 'update',
      before: {
        indicator: 'RCO115',
        eventKinds: ['policy_clinic', 'conference', 'webinar', 'site_visit', 'consultation'],
        typeIds: [],
      },
      after: { indicator: 'RCO115', eventKinds: ['webinar', 'conference'], typeIds: [] },
      summary: 'RCO115 mappings',
      userId: demo.comms().id,
    })
    expect(listMappings().RCO115).toEqual({ eventKinds: ['webinar', 'conference'], typeIds: [] })
  })

  it('stores action types for RCO81 (and reads them back in the audit), nothing for RCO87', () => {
    tx((t) =>
      saveMappings(t, { indicator: 'RCO81', eventKinds: ['campaign'], typeIds: [2, 3, 2] }, demo.comms()),
    )
    expect(mappingRows('RCO81')).toEqual([
      { typeId: null, eventKind: 'campaign' },
      { typeId: 2, eventKind: null },
      { typeId: 3, eventKind: null },
    ])
    tx((t) => saveMappings(t, { indicator: 'RCO81', eventKinds: [], typeIds: [3] }, demo.comms()))
    expect(lastAudit('indicator_mapping')).toMatchObject({
      before: { indicator: 'RCO81', eventKinds: ['campaign'], typeIds: [2, 3] },
      after: { indicator: 'RCO81', eventKinds: [], typeIds: [3] },
    })
    tx((t) => saveMappings(t, { indicator: 'RCO87', eventKinds: ['webinar'], typeIds: [1] }, demo.comms()))
    expect(mappingRows('RCO87')).toEqual([])
    expect(lastAudit('indicator_mapping').after).toEqual({ indicator: 'RCO87', eventKinds: [], typeIds: [] })
  })
})

describe('savePlanSection and restoreSectionVersion', () => {
  it('creates a missing section (audited as a create), then updates it (audited with the old text)', () => {
    const s = sqlite()
    const old = s.prepare("select id from plan_sections where key = 'evaluation'").pluck().get() as number
    s.prepare('delete from plan_section_versions where section_id = ?').run(old)
    s.prepare('delete from plan_sections where id = ?').run(old)
    const user = demo.comms()
    expect(tx((t) => savePlanSection(t, 'evaluation', 'Ewaluacja w Łodzi', user))).toEqual({ changed: true })
    const created = getPlanSection('evaluation')!
    expect(created).toMatchObject({ body: 'Ewaluacja w Łodzi', updatedBy: user.id })
    expect(lastAudit('plan_section', created.id)).toMatchObject({
      action: 'create',
      before: null,
      after: { body: 'Ewaluacja w Łodzi' },
      summary: 'evaluation: edited',
    })
    s.prepare('update plan_sections set updated_at = ?, updated_by = null where id = ?').run(OLD, created.id)
    tx((t) => savePlanSection(t, 'evaluation', 'Αξιολόγηση', user, 'translated'))
    const updated = getPlanSection('evaluation')!
    expect(updated).toMatchObject({ id: created.id, body: 'Αξιολόγηση', updatedBy: user.id })
    expect(updated.updatedAt).toMatch(ISO)
    expect(updated.updatedAt).not.toBe(OLD)
    expect(lastAudit('plan_section', created.id)).toMatchObject({
      action: 'update',
      before: { body: 'Ewaluacja w Łodzi' },
      after: { body: 'Αξιολόγηση' },
      summary: 'evaluation: translated',
    })
    expect(listSectionVersions('evaluation').map((v) => v.body)).toEqual(['Αξιολόγηση', 'Ewaluacja w Łodzi'])
    // The same text again is no new version, and no audit.
    const audit = lastAudit().id
    expect(tx((t) => savePlanSection(t, 'evaluation', 'Αξιολόγηση', user))).toEqual({ changed: false })
    expect(listSectionVersions('evaluation')).toHaveLength(2)
    expect(lastAudit().id).toBe(audit)
  })

  it('restores only a version of the same section, and says so in the audit', () => {
    const user = demo.comms()
    tx((t) => savePlanSection(t, 'purpose', 'Cel: Târgu Mureș', user))
    tx((t) => savePlanSection(t, 'situation', 'Sytuacja', user))
    const purposeVersion = listSectionVersions('purpose')[0].id
    const before = lastAudit().id
    expect(tx((t) => restoreSectionVersion(t, 'situation', purposeVersion, user))).toEqual({ changed: false })
    expect(tx((t) => restoreSectionVersion(t, 'situation', 999_999, user))).toEqual({ changed: false })
    expect(lastAudit().id).toBe(before)
    expect(getPlanSection('situation')!.body).toBe('Sytuacja')
    tx((t) => savePlanSection(t, 'purpose', 'Cel: Donostia', user))
    expect(tx((t) => restoreSectionVersion(t, 'purpose', purposeVersion, user))).toEqual({ changed: true })
    expect(getPlanSection('purpose')!.body).toBe('Cel: Târgu Mureș')
    expect(lastAudit('plan_section').summary).toBe(`purpose: restored version ${purposeVersion}`)
  })
})

describe('target commands', () => {
  const target = (id: number) => db.select().from(targets).where(eq(targets.id, id)).get()!
  const form = (input: Record<string, unknown>) => targetFormSchema.parse(input)

  it('stores the period bounds and the facet the form names, with an empty label as none', () => {
    const input = form({
      label: '',
      metric: 'actions',
      periodKind: 'quarter',
      quarter: '2026-Q2',
      facet: 'partner:7',
      value: '12',
    })
    const created = tx((t) => createTarget(t, input, demo.comms()))
    const row = {
      label: null,
      metric: 'actions',
      periodKind: 'quarter',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      breakdown: 'partner',
      breakdownValue: '7',
      value: 12,
    }
    expect(created).toMatchObject({ ...row, archivedAt: null })
    expect(lastAudit('target', created.id)).toMatchObject({
      action: 'create',
      before: null,
      after: row,
      summary: 'target actions',
    })
    const month = tx((t) =>
      createTarget(
        t,
        form({ label: 'Łódź', metric: 'participants', periodKind: 'month', month: '2028-02', value: 5 }),
        demo.comms(),
      ),
    )
    expect(month).toMatchObject({
      label: 'Łódź',
      periodStart: '2028-02-01',
      periodEnd: '2028-02-29',
      breakdown: null,
      breakdownValue: null,
    })
    const period = tx((t) =>
      createTarget(
        t,
        form({ metric: 'actions', periodKind: 'reporting_period', reportingPeriod: '1', value: 1 }),
        demo.comms(),
      ),
    )
    expect(period).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31' })
    const project = tx((t) =>
      createTarget(t, form({ metric: 'actions', periodKind: 'project', value: 1 }), demo.comms()),
    )
    expect(project).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2027-12-31' })
  })

  it('refuses a period it cannot place', () => {
    const input = { metric: 'actions' as const, periodKind: 'month' as const, month: '2026-13', value: 1 }
    expect(() => tx((t) => createTarget(t, input, demo.comms()))).toThrow('bad period')
  })

  it('updates a target (null when there is none), returning the stored values, audited', () => {
    const created = tx((t) =>
      createTarget(
        t,
        form({ metric: 'engagements', periodKind: 'month', month: '2026-03', value: 40 }),
        demo.comms(),
      ),
    )
    sqlite().prepare('update targets set updated_at = ? where id = ?').run(OLD, created.id)
    const input = form({
      label: 'Θεσσαλονίκη',
      metric: 'engagements',
      periodKind: 'month',
      month: '2026-04',
      value: 45,
    })
    expect(tx((t) => updateTarget(t, 999_999, input, demo.comms()))).toBeNull()
    const updated = tx((t) => updateTarget(t, created.id, input, demo.comms()))
    expect(updated).toMatchObject({
      id: created.id,
      label: 'Θεσσαλονίκη',
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      value: 45,
    })
    expect(target(created.id)).toMatchObject({ label: 'Θεσσαλονίκη', periodEnd: '2026-04-30', value: 45 })
    expect(target(created.id).updatedAt).not.toBe(OLD)
    expect(lastAudit('target', created.id)).toMatchObject({
      action: 'update',
      before: { label: null, periodStart: '2026-03-01', periodEnd: '2026-03-31', value: 40 },
      after: { label: 'Θεσσαλονίκη', periodStart: '2026-04-01', periodEnd: '2026-04-30', value: 45 },
      summary: 'target engagements',
    })
  })

  it('archives and restores a target (null when there is none)', () => {
    const created = tx((t) =>
      createTarget(t, form({ metric: 'actions', periodKind: 'project', value: 3 }), demo.comms()),
    )
    sqlite().prepare('update targets set updated_at = ? where id = ?').run(OLD, created.id)
    expect(tx((t) => setTargetArchived(t, 999_999, true, demo.comms()))).toBeNull()
    expect(tx((t) => setTargetArchived(t, created.id, true, demo.comms()))).toBe(true)
    const archivedAt = target(created.id).archivedAt
    expect(archivedAt).toMatch(ISO)
    expect(target(created.id).updatedAt).not.toBe(OLD)
    expect(lastAudit('target', created.id)).toMatchObject({
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt },
      summary: null,
    })
    expect(tx((t) => setTargetArchived(t, created.id, false, demo.comms()))).toBe(true)
    expect(target(created.id).archivedAt).toBeNull()
    expect(lastAudit('target', created.id).action).toBe('restore')
  })
})
