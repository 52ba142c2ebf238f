import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { notifications, project, themes, users } from '#db/schema'
import {
  addTheme,
  auditChanges,
  auditFilterFromUrl,
  auditFilters,
  auditValue,
  getProject,
  listThemes,
  type ProjectInput,
  projectSummary,
  renameTheme,
  setThemeArchived,
  unreadCount,
  updateProjectSettings,
} from '~/models/admin/index.server'

import { demo } from '../setup/actors'
import { auditCount, expectRefused, lastAudit } from '../setup/audit'

const settings: ProjectInput = {
  name: 'Zielona Łódź i Θεσσαλονίκη',
  acronym: 'ZŁΘ',
  description: 'Współpraca miast: Łódź, Θεσσαλονίκη, Târgu Mureș',
  startDate: '2025-01-01',
  endDate: '2027-12-31',
  workingLanguages: ['pl', 'el', 'pl', 'ro'],
  stakeholderEditPolicy: 'any_partner',
  reportingPeriods: [{ label: 'Okres 1', start: '2025-01-01', end: '2025-12-31' }],
}

describe('project settings', () => {
  it('reads the summary every page needs from the one project row', () => {
    const p = getProject()!
    expect(p.id).toBe(1)
    expect(projectSummary()).toEqual({
      name: p.name,
      workingLanguages: p.workingLanguages,
      leagueEnabled: p.leagueEnabled,
    })
  })

  it('saves the settings, languages once each, and audits the changed fields before and after', () => {
    const before = getProject()!
    updateProjectSettings(settings, demo.admin())
    const saved = {
      name: 'Zielona Łódź i Θεσσαλονίκη',
      acronym: 'ZŁΘ',
      description: 'Współpraca miast: Łódź, Θεσσαλονίκη, Târgu Mureș',
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      workingLanguages: ['pl', 'el', 'ro'],
      stakeholderEditPolicy: 'any_partner',
      reportingPeriods: [{ label: 'Okres 1', start: '2025-01-01', end: '2025-12-31' }],
    }
    expect(getProject()).toMatchObject(saved)
    expect(projectSummary()!.name).toBe('Zielona Łódź i Θεσσαλονίκη')
    const audit = lastAudit('project', 1)
    expect(audit).toMatchObject({ entity: 'project', action: 'update', summary: 'project settings' })
    const changed = Object.keys(saved).filter(
      (k) =>
        JSON.stringify(before[k as keyof typeof before] ?? null) !==
        JSON.stringify(saved[k as keyof typeof saved]),
    )
    expect(Object.keys(audit.after!).sort()).toEqual(changed.sort())
    for (const k of changed) {
      expect(audit.before![k]).toEqual(before[k as keyof typeof before] ?? null)
      expect(audit.after![k]).toEqual(saved[k as keyof typeof saved])
    }
    expect(changed).toContain('workingLanguages')
  })

  it('stores an empty acronym and description as null', () => {
    updateProjectSettings(settings, demo.admin())
    updateProjectSettings({ ...settings, acronym: '', description: '' }, demo.admin())
    expect(getProject()).toMatchObject({ acronym: null, description: null })
    const audit = lastAudit('project', 1)
    expect(audit.before).toEqual({
      acronym: 'ZŁΘ',
      description: 'Współpraca miast: Łódź, Θεσσαλονίκη, Târgu Mureș',
    })
    expect(audit.after).toEqual({ acronym: null, description: null })
  })

  it('fails loudly when the project row is missing', () => {
    const row = getProject()!
    db.delete(project).where(eq(project.id, 1)).run()
    try {
      expect(() => updateProjectSettings(settings, demo.admin())).toThrow(
        new Error('The project row is missing; seed or migrate the database first.'),
      )
      expect(getProject()).toBeNull()
      expect(projectSummary()).toBeNull()
    } finally {
      db.insert(project).values(row).run()
    }
  })

  it('refuses the settings and theme commands to a non-administrator', () => {
    const theme = addTheme('Gasteizko Udala berdea', demo.admin())
    if (!theme.ok) throw new Error('setup')
    for (const actor of [demo.comms(), demo.partner(), demo.viewer()]) {
      expectRefused(actor, (by) => updateProjectSettings(settings, by))
      expectRefused(actor, (by) => addTheme('Čeněk', by))
      expectRefused(actor, (by) => renameTheme(theme.value, 'Čeněk', by))
      expectRefused(actor, (by) => setThemeArchived(theme.value, true, by))
    }
  })

  it('counts a user’s unread notifications only', () => {
    const user = db
      .insert(users)
      .values({ email: 'cenek@brno.cz', name: 'Čeněk Šťastný', passwordHash: 'x', role: 'viewer' })
      .returning()
      .get()
    expect(unreadCount(user.id)).toBe(0)
    db.insert(notifications)
      .values([
        { userId: user.id, kind: 'mention' },
        { userId: user.id, kind: 'mention' },
        { userId: user.id, kind: 'mention', readAt: '2025-03-01T10:00:00.000Z' },
        { userId: demo.viewer().id, kind: 'mention' },
      ])
      .run()
    expect(unreadCount(user.id)).toBe(2)
  })
})

function added(name: string): number {
  const result = addTheme(name, demo.admin())
  if (!result.ok) throw new Error(`addTheme(${name}) failed`)
  return result.value
}

describe('themes', () => {
  it('audits a new theme with its name', () => {
    const id = added('Θεσσαλονίκη έξυπνη')
    const audit = lastAudit('theme', id)
    expect(audit).toMatchObject({ entity: 'theme', action: 'create', summary: 'Θεσσαλονίκη έξυπνη' })
    expect(audit.before).toBeNull()
    expect(audit.after).toEqual({ name: 'Θεσσαλονίκη έξυπνη' })
  })

  it('renames a theme with an audit row naming the old and new name', () => {
    const id = added('Mobilność w Łodzi')
    expect(renameTheme(id, 'Mobilność aktywna', demo.admin())).toEqual({ ok: true, value: id })
    const audit = lastAudit('theme', id)
    expect(audit).toMatchObject({ entity: 'theme', action: 'update', summary: 'Mobilność aktywna' })
    expect(audit.before).toEqual({ name: 'Mobilność w Łodzi' })
    expect(audit.after).toEqual({ name: 'Mobilność aktywna' })
  })

  it('answers notFound when renaming a theme that does not exist', () => {
    const audits = auditCount()
    expect(renameTheme(999_999, 'Nowy', demo.admin())).toEqual({
      ok: false,
      error: { field: 'name', message: 'admin:errors.notFound' },
    })
    expect(auditCount()).toBe(audits)
  })

  it('archives a theme (audited as a theme) and lists archived themes last', () => {
    const id = added('Aaa Târgu Mureș')
    expect(setThemeArchived(id, true, demo.admin())).toBe(true)
    const audit = lastAudit('theme', id)
    expect(audit).toMatchObject({ entity: 'theme', action: 'archive', summary: 'Aaa Târgu Mureș' })
    const archivedAt = db.select().from(themes).where(eq(themes.id, id)).get()!.archivedAt
    expect(audit.after).toEqual({ archivedAt })
    const list = listThemes()
    expect(list.at(-1)).toEqual({ id, name: 'Aaa Târgu Mureș', archivedAt })
    expect(setThemeArchived(id, false, demo.admin())).toBe(true)
    expect(listThemes().find((t) => t.id === id)!.archivedAt).toBeNull()
    expect(setThemeArchived(999_999, true, demo.admin())).toBe(false)
  })
})

describe('the audit page’s filters and values', () => {
  it('reads the filters from the URL, ignoring empty and malformed values', () => {
    const url = new URL(
      'https://ripple.test/admin/audit?entity=&entityId=12&user=abc&action=archive&from=2025-02-30&to=2025-03-31',
    )
    expect(auditFilterFromUrl(url)).toStrictEqual({
      entityId: 12,
      user: undefined,
      action: 'archive',
      from: undefined,
      to: '2025-03-31',
    })
    const full = auditFilterFromUrl(new URL('https://ripple.test/admin/audit?entity=%20partner%20&user=3'))
    expect(full).toStrictEqual({ entity: 'partner', user: 3 })
  })

  it('maps the URL filters onto the log’s filters', () => {
    expect(
      auditFilters({
        entity: 'theme',
        entityId: 4,
        user: 2,
        action: 'restore',
        from: '2025-01-01',
        to: '2025-01-31',
      }),
    ).toStrictEqual({
      entity: 'theme',
      entityId: 4,
      userId: 2,
      action: 'restore',
      from: '2025-01-01',
      to: '2025-01-31',
    })
  })

  it('writes empty values as a dash and mixed lists item by item', () => {
    expect(auditValue(undefined)).toBe('—')
    expect(auditValue('')).toBe('—')
    expect(auditValue({})).toBe('—')
    expect(auditValue(['Łódź', null, 3])).toBe('Łódź, , 3')
    expect(auditValue(['Łódź', { miasto: 'Θεσσαλονίκη' }])).toBe('Łódź | miasto: Θεσσαλονίκη')
    expect(auditValue([{ a: 1 }, { b: [] }])).toBe('a: 1 | b: —')
    expect(auditValue(false)).toBe('false')
  })

  it('leaves out the side where a field does not exist', () => {
    expect(auditChanges({ city: 'Łódź' }, { name: 'Gasteizko Udala' })).toEqual([
      { field: 'city', before: 'Łódź', after: null },
      { field: 'name', before: null, after: 'Gasteizko Udala' },
    ])
    expect(auditChanges({ city: 'Łódź' }, null)).toEqual([{ field: 'city', before: 'Łódź', after: null }])
  })
})
