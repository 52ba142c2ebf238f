import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { type ActionFilters, monthlyReach, reachHeadline } from '~/models/dashboards/index.server'

import { insertAction, insertRow, insertStakeholder } from '../setup/dashboard-world'

/**
 * The reach dashboard's edges (issue 18): stakeholders reached are distinct stakeholders (one
 * reached twice in a month, or under two statuses, counts once), with and without an action
 * filter; archived partners and categories; newly engaged stakeholders per owner and category.
 * March 2035, far from the demo data.
 */
const ids = {} as Record<string, number>
const month = '2035-03'
const keyed = (table: string, key: string) =>
  (sqlite().prepare(`select id from ${table} where key = ?`).get(key) as { id: number }).id

function engaged(name: string, category: number, owner: number) {
  return insertRow('stakeholders', {
    name,
    category_id: category,
    owner_partner_id: owner,
    stage: 'engaged',
    name_key: name.toLowerCase(),
    search_text: name.toLowerCase(),
    created_at: '2035-03-10T09:00:00.000Z',
  })
}

beforeAll(() => {
  ids.lodz = insertRow('partners', { name: 'Miasto Łódź', country: 'PL' })
  ids.thess = insertRow('partners', { name: 'Δήμος Θεσσαλονίκης', country: 'GR' })
  const archived = { archived_at: '2035-01-01T00:00:00.000Z' }
  ids.oldWithAction = insertRow('partners', { name: 'Stará radnice', country: 'CZ', ...archived })
  ids.oldIdle = insertRow('partners', { name: 'Starý úřad', country: 'CZ', ...archived })
  ids.linkedin = keyed('channels', 'linkedin')
  ids.presentation = keyed('action_types', 'presentation')
  ids.webinar = keyed('action_types', 'webinar')
  ids.culture = insertRow('stakeholder_categories', { name: 'Kultur elkarteak', sort_order: 950 })
  ids.oldCategory = insertRow('stakeholder_categories', {
    name: 'Staré kategorie',
    sort_order: 951,
    ...archived,
  })
  ids.idleCategory = insertRow('stakeholder_categories', { name: 'Prázdné', sort_order: 952, ...archived })
  ids.s1 = insertStakeholder('Čeněk Šťastný', ids.culture, ids.lodz)
  ids.s2 = insertStakeholder('Gasteizko Udala', ids.culture, ids.thess)
  ids.s3 = insertStakeholder('Târgu Mureș', ids.oldCategory, null)
  engaged('Donostia-San Sebastián', ids.culture, ids.lodz)
  engaged('Θεσσαλονίκη Forum', ids.oldCategory, ids.thess)
  const base = { type: ids.presentation, channel: ids.linkedin }
  insertAction({
    ...base,
    partner: ids.lodz,
    date: '2035-03-02',
    participants: 10,
    onlineReach: 100,
    engagements: 1,
    languages: ['pl'],
    stakeholders: [ids.s1, ids.s2],
  })
  // Čeněk reached again by Łódź, then under another status by Thessaloniki.
  insertAction({
    ...base,
    partner: ids.lodz,
    type: ids.webinar,
    date: '2035-03-09',
    participants: 5,
    languages: ['pl', 'el'],
    stakeholders: [ids.s1],
  })
  insertAction({
    ...base,
    partner: ids.thess,
    date: '2035-03-20',
    status: 'submitted',
    participants: 7,
    languages: ['el'],
    stakeholders: [ids.s1, ids.s3],
  })
  insertAction({ ...base, partner: ids.oldWithAction, channel: null, date: '2035-03-25', participants: 1 })
})

const reach = (filters: ActionFilters = {}, extra = {}) => monthlyReach({ month, filters, ...extra })
const headline = (r: ReturnType<typeof monthlyReach>, key: string) => r.headline.find((h) => h.key === key)!
const category = (r: ReturnType<typeof monthlyReach>, id: number) => r.byCategory.find((c) => c.id === id)

describe('stakeholders reached are distinct stakeholders', () => {
  it('counts one reached twice in a month once, and once under two statuses', () => {
    expect(headline(reach(), 'stakeholdersReached').value).toBe(2)
    expect(headline(reach({ validatedOnly: false }), 'stakeholdersReached').value).toBe(3)
    expect(headline(reach({ partner: ids.lodz }), 'stakeholdersReached').value).toBe(2)
    expect(headline(reach({ partner: ids.thess, validatedOnly: false }), 'stakeholdersReached').value).toBe(2)
    expect(headline(reach({ type: ids.webinar }), 'stakeholdersReached').value).toBe(1)
    expect(
      headline(reach({ channel: ids.linkedin, validatedOnly: false }), 'stakeholdersReached').value,
    ).toBe(3)
  })

  it('counts distinct stakeholders per category, from the roll-ups and from the links alike', () => {
    for (const filters of [{ validatedOnly: false }, { validatedOnly: false, channel: ids.linkedin }]) {
      const r = reach(filters)
      expect(category(r, ids.culture)).toMatchObject({ stakeholders: 2, actions: 3, participants: 22 })
      expect(category(r, ids.oldCategory)).toMatchObject({ stakeholders: 1, actions: 1, participants: 7 })
    }
    for (const filters of [{}, { partner: ids.lodz }]) {
      const r = reach(filters)
      expect(category(r, ids.culture)).toMatchObject({
        stakeholders: 2,
        actions: 2,
        participants: 15,
        onlineReach: 100,
        engagements: 1,
      })
    }
  })

  it('reads the month alone from reachHeadline, as the dashboard shows it', () => {
    const figures = Object.fromEntries(
      reachHeadline(month).map((h) => [h.key, [h.value, h.previous, h.yearAgo]]),
    )
    expect(figures).toEqual({
      actions: [3, 0, 0],
      participants: [16, 0, 0],
      onlineReach: [100, 0, 0],
      engagements: [1, 0, 0],
      stakeholdersReached: [2, 0, 0],
      newStakeholders: [2, 0, 0],
    })
  })
})

describe('categories, partners, languages and new stakeholders of a filtered month', () => {
  it('lists an archived category only while it has figures, and only the chosen one when filtered', () => {
    const validated = reach()
    expect(category(validated, ids.oldCategory)).toBeUndefined()
    expect(category(validated, ids.idleCategory)).toBeUndefined()
    expect(category(validated, ids.culture)).toMatchObject({ name: 'Kultur elkarteak', key: null })
    expect(category(reach({ validatedOnly: false }), ids.oldCategory)).toMatchObject({ stakeholders: 1 })
    const only = reach({ category: ids.culture })
    expect(only.byCategory.map((c) => c.id)).toEqual([ids.culture])
    expect(only.byCategory[0]).toMatchObject({ actions: 2, stakeholders: 2 })
  })

  it('lists an archived partner only while it has actions in the month', () => {
    const r = reach()
    const partner = (id: number) => r.byPartner.find((p) => p.id === id)
    expect(partner(ids.oldWithAction)).toMatchObject({ name: 'Stará radnice', actions: 1, participants: 1 })
    expect(partner(ids.oldIdle)).toBeUndefined()
    expect(partner(ids.thess)).toMatchObject({ actions: 0, target: null })
    expect(reach({ validatedOnly: false }).byPartner.find((p) => p.id === ids.thess)).toMatchObject({
      actions: 1,
      participants: 7,
    })
  })

  it('breaks a filtered month down by language, working languages listed at zero', () => {
    const r = reach({ partner: ids.lodz })
    const language = (code: string) => r.byLanguage.find((l) => l.language === code)
    expect(language('pl')).toEqual({
      language: 'pl',
      working: true,
      actions: 2,
      participants: 15,
      onlineReach: 100,
      engagements: 1,
    })
    expect(language('el')).toEqual({
      language: 'el',
      working: false,
      actions: 1,
      participants: 5,
      onlineReach: 0,
      engagements: 0,
    })
    expect(language('fi')).toMatchObject({ working: true, actions: 0 })
    expect(
      reach({ partner: ids.thess, validatedOnly: false }).byLanguage.find((l) => l.language === 'el'),
    ).toMatchObject({
      actions: 1,
      participants: 7,
    })
  })

  it('counts new stakeholders engaged by owner partner and by category', () => {
    const fresh = (filters: ActionFilters) => headline(reach(filters), 'newStakeholders').value
    expect(fresh({})).toBe(2)
    expect(fresh({ partner: ids.lodz })).toBe(1)
    expect(fresh({ partner: ids.oldIdle })).toBe(0)
    expect(fresh({ category: ids.oldCategory })).toBe(1)
    expect(fresh({ category: ids.idleCategory })).toBe(0)
  })

  it('stacks a filtered month by type, from the actions themselves', () => {
    const r = reach({ partner: ids.lodz }, { stack: 'type' })
    const march = r.series.at(-1)!
    expect(march.total).toEqual({ actions: 2, participants: 15, onlineReach: 100, engagements: 1 })
    expect(march.byKey[String(ids.webinar)]).toEqual({
      actions: 1,
      participants: 5,
      onlineReach: 0,
      engagements: 0,
    })
    expect(r.stackKeys.map((k) => k.id)).toEqual([ids.presentation, ids.webinar])
    const byChannel = reach({ channel: ids.linkedin, validatedOnly: false })
    expect(byChannel.series.at(-1)!.total).toMatchObject({ actions: 3, participants: 22 })
    expect(reach({ type: ids.webinar }).series.at(-1)!.total).toMatchObject({ actions: 1, participants: 5 })
  })
})
