import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  createGroup,
  filterFromForm,
  groupFilterOptions,
  groupMemberCount,
  groupMembers,
  groupStrategy,
  listGroups,
  parseSavedFilter,
  registerLink,
  setGroupArchived,
} from '~/models/plan/index.server'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * Stakeholder groups are saved register filters: their members are the live stakeholders the
 * register shows for that filter. The fixture is a category of its own with four stakeholders:
 * two live (one scored), one archived and one merged.
 */

let category: string

function stakeholder(name: string, extra: Record<string, unknown> = {}) {
  const row = {
    name,
    category_id: Number(category),
    name_key: name.toLowerCase(),
    search_text: name.toLowerCase(),
    ...extra,
  }
  const cols = Object.keys(row)
  return Number(
    sqlite()
      .prepare(`insert into stakeholders (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(row)).lastInsertRowid,
  )
}

beforeAll(() => {
  category = String(
    sqlite().prepare("insert into stakeholder_categories (name) values ('Fixture Łódź category')").run()
      .lastInsertRowid,
  )
  const zeta = stakeholder('Zespół Szkół Łódź', { country: 'PL', stage: 'engaged', owner_partner_id: 7 })
  stakeholder('Άλφα Θεσσαλονίκη', { country: 'GR' })
  const archived = stakeholder('Archived Brno', { archived_at: '2026-01-01' })
  stakeholder('Merged Plzeň', { merged_into_id: archived })
  sqlite()
    .prepare(
      "insert into stakeholder_priority (stakeholder_id, score, tier, scored_at) values (?, 90, 'A', '2026-01-01')",
    )
    .run(zeta)
})

describe('saved filters', () => {
  it('reads a saved filter through the register schema, dropping sort, archive, contact history and blanks', () => {
    expect(
      parseSavedFilter({
        category: '3',
        country: 'pl',
        sort: 'name',
        archived: '1',
        notContactedSince: '2026-01-01',
        q: '',
        tier: null,
        stage: undefined,
        owner: 'none',
      }),
    ).toEqual({ category: 3, country: 'PL', owner: 'none' })
    expect(parseSavedFilter(null)).toEqual({})
    expect(parseSavedFilter(undefined)).toEqual({})
  })

  it('keeps the form’s register parameters as strings and links to the register', () => {
    const filter = filterFromForm({
      name: 'x',
      q: 'Łódź',
      category: 3,
      owner: 'none',
      tier: 'A',
      description: 'not a filter',
    })
    expect(filter).toEqual({ q: 'Łódź', category: '3', owner: 'none', tier: 'A' })
    expect(filterFromForm({ q: '', stage: undefined })).toEqual({})
    expect(registerLink(filter)).toBe('/stakeholders?q=%C5%81%C3%B3d%C5%BA&category=3&owner=none&tier=A')
    expect(registerLink({})).toBe('/stakeholders')
  })
})

describe('group members', () => {
  it('counts and lists the live members only, best scored first', () => {
    expect(groupMemberCount({ category })).toBe(2)
    expect(groupMemberCount({ category, country: 'PL' })).toBe(1)
    const members = groupMembers({ category }, { limit: 10, offset: 0 })
    expect(members).toEqual([
      {
        id: expect.any(Number),
        name: 'Zespół Szkół Łódź',
        country: 'PL',
        stage: 'engaged',
        categoryName: 'Fixture Łódź category',
        categoryKey: null,
        tier: 'A',
        ownerName: 'Gdańsk',
      },
      {
        id: expect.any(Number),
        name: 'Άλφα Θεσσαλονίκη',
        country: 'GR',
        stage: 'identified',
        categoryName: 'Fixture Łódź category',
        categoryKey: null,
        tier: null,
        ownerName: null,
      },
    ])
    expect(groupMembers({ category }, { limit: 1, offset: 1 }).map((m) => m.name)).toEqual([
      'Άλφα Θεσσαλονίκη',
    ])
    // A filter with nothing in it: every live stakeholder.
    const live = sqlite()
      .prepare('select count(*) from stakeholders where archived_at is null and merged_into_id is null')
      .pluck()
      .get()
    expect(groupMemberCount({})).toBe(live)
  })

  it('lists live or archived groups by name, with members and register links', () => {
    const id = tx((t) => createGroup(t, { name: 'Aaa Łódź group', category: Number(category) }, demo.comms()))
    const archived = tx((t) => createGroup(t, { name: 'Aaa archived group' }, demo.comms()))
    tx((t) => setGroupArchived(t, archived, true, demo.comms()))
    const live = listGroups()
    expect(live[0]).toMatchObject({
      id,
      name: 'Aaa Łódź group',
      members: 2,
      registerLink: `/stakeholders?category=${category}`,
    })
    expect(live.map((g) => g.id)).not.toContain(archived)
    const names = live.map((g) => g.name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(listGroups({ archived: true }).map((g) => g.id)).toEqual([archived])
  })

  it('a group without a strategy has empty methods and messages', () => {
    const id = tx((t) => createGroup(t, { name: 'Bez strategii' }, demo.comms()))
    expect(groupStrategy(id)).toEqual({ id: null, methods: '', messages: {} })
  })

  it('offers live categories, partners and themes, and the fixed lists', () => {
    sqlite().prepare("insert into themes (name, archived_at) values ('Archived theme', '2026-01-01')").run()
    const options = groupFilterOptions()
    expect(options.categories.find((c) => c.value === Number(category))).toEqual({
      value: Number(category),
      label: 'Fixture Łódź category',
      key: null,
    })
    expect(options.themes.map((t) => t.label)).not.toContain('Archived theme')
    expect(options.partners.find((p) => p.value === 7)).toEqual({ value: 7, label: 'Gdańsk' })
    expect(options.stages).toEqual(['identified', 'contacted', 'engaged', 'collaborating', 'dormant'])
    expect(options.tiers).toEqual(['A', 'B', 'C'])
    expect(options.scales).toEqual(['local', 'regional', 'national', 'european', 'global'])
  })
})
