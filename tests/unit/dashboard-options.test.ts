import { beforeAll, describe, expect, it } from 'vitest'

import { dashboardOptions } from '~/models/dashboards/index.server'

import { insertRow } from '../setup/dashboard-world'

/** The dashboards' filter form: live partners, channels, types, categories and groups, in order. */
const ids = {} as Record<string, number>
const archived = { archived_at: '2030-01-01T00:00:00.000Z' }

beforeAll(() => {
  ids.partner = insertRow('partners', { name: 'Gasteizko Udala', country: 'ES' })
  ids.oldPartner = insertRow('partners', { name: 'Urząd Miasta Łodzi', country: 'PL', ...archived })
  ids.zeta = insertRow('channels', { name: 'Zeta Ράδιο', sort_order: 15 })
  ids.alfa = insertRow('channels', { name: 'Alfa Ράδιο', sort_order: 15 })
  ids.oldChannel = insertRow('channels', { name: 'Staré rádio', sort_order: 16, ...archived })
  ids.type = insertRow('action_types', { name: 'Hitzaldia', sort_order: 15 })
  ids.oldType = insertRow('action_types', { name: 'Přednáška', sort_order: 16, ...archived })
  ids.category = insertRow('stakeholder_categories', { name: 'Asociații culturale', sort_order: 15 })
  ids.oldCategory = insertRow('stakeholder_categories', { name: 'Staré', sort_order: 16, ...archived })
  ids.group = insertRow('stakeholder_groups', { name: 'Θεσσαλονίκη φορείς', filter: '{}' })
  ids.oldGroup = insertRow('stakeholder_groups', { name: 'Staré skupiny', filter: '{}', ...archived })
})

describe('the dashboard filter options', () => {
  it('lists live records only, in sort order then by name, with the built-in keys', () => {
    const o = dashboardOptions()
    expect(o.channels.slice(0, 4)).toEqual([
      { id: 1, name: 'In person', key: 'in_person' },
      { id: ids.alfa, name: 'Alfa Ράδιο', key: null },
      { id: ids.zeta, name: 'Zeta Ράδιο', key: null },
      { id: 2, name: 'Online event', key: 'online_event' },
    ])
    expect(o.types.slice(1, 3)).toEqual([
      { id: ids.type, name: 'Hitzaldia', key: null },
      { id: 2, name: 'Social media post', key: 'social_post' },
    ])
    expect(o.categories.slice(1, 3)).toEqual([
      { id: ids.category, name: 'Asociații culturale', key: null },
      { id: 2, name: 'Interreg project', key: 'interreg_project' },
    ])
    const names = (list: { name: string }[]) => list.map((x) => x.name)
    expect(names(o.partners)).toEqual([...names(o.partners)].sort())
    expect(names(o.groups)).toEqual([...names(o.groups)].sort())
    expect(o.partners).toContainEqual({ id: ids.partner, name: 'Gasteizko Udala' })
    expect(o.groups).toContainEqual({ id: ids.group, name: 'Θεσσαλονίκη φορείς' })
    const idsOf = (list: { id: number | null }[]) => list.map((x) => x.id)
    expect(idsOf(o.partners)).not.toContain(ids.oldPartner)
    expect(idsOf(o.channels)).not.toContain(ids.oldChannel)
    expect(idsOf(o.types)).not.toContain(ids.oldType)
    expect(idsOf(o.categories)).not.toContain(ids.oldCategory)
    expect(idsOf(o.groups)).not.toContain(ids.oldGroup)
  })
})
