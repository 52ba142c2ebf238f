import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { planSections, planSectionVersions } from '#db/schema'
import {
  getSectionVersion,
  isPlanSectionKey,
  listPlanSections,
  listSectionVersions,
  savePlanSection,
} from '~/models/plan/index.server'

import { demo } from '../setup/actors'

/*
 * The communication plan's sections as the plan page reads them: a section nobody has written yet
 * is there, empty, with no author; a section's versions are its own, newest first.
 */

beforeAll(() => {
  // This file's copy of the demo database: start from a plan with no text at all.
  db.delete(planSectionVersions).run()
  db.delete(planSections).run()
})

describe('the plan sections, read', () => {
  it('lists every section in order, empty and unsigned until someone writes it', () => {
    const sections = listPlanSections()
    expect(sections.map((s) => s.key)).toEqual([
      'purpose',
      'situation',
      'objectives',
      ...sections.slice(3).map((s) => s.key),
    ])
    expect(sections[0]).toEqual({ key: 'purpose', body: '', html: '', updatedAt: null, updatedBy: null })
    expect(listSectionVersions('purpose')).toEqual([])
  })

  it('shows the text, its author and date once written, and each section keeps its own versions', () => {
    db.transaction((tx) => savePlanSection(tx, 'purpose', 'Cel: **Łódź** i Θεσσαλονίκη', demo.comms()))
    db.transaction((tx) => savePlanSection(tx, 'purpose', 'Helburua: Donostia', demo.comms()))
    db.transaction((tx) => savePlanSection(tx, 'situation', 'Situația în Târgu Mureș', demo.comms()))
    const purpose = listPlanSections().find((s) => s.key === 'purpose')!
    expect(purpose).toMatchObject({ body: 'Helburua: Donostia', updatedBy: 'Lucía Moreno' })
    expect(purpose.html).toContain('Helburua: Donostia')
    expect(purpose.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const versions = listSectionVersions('purpose')
    expect(versions.map((v) => v.body)).toEqual(['Helburua: Donostia', 'Cel: **Łódź** i Θεσσαλονίκη'])
    const situation = listSectionVersions('situation')
    expect(getSectionVersion('purpose', versions[1]!.id)?.body).toBe('Cel: **Łódź** i Θεσσαλονίκη')
    // Another section's version is not this section's.
    expect(getSectionVersion('purpose', situation[0]!.id)).toBeNull()
    expect(getSectionVersion('objectives', situation[0]!.id)).toBeNull()
    expect(db.select().from(planSections).where(eq(planSections.key, 'objectives')).get()).toBeUndefined()
  })

  it('knows its section keys', () => {
    expect(isPlanSectionKey('purpose')).toBe(true)
    expect(isPlanSectionKey('Purpose')).toBe(false)
  })
})
