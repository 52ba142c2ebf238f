import { describe, expect, it } from 'vitest'

import {
  listOptions,
  readLanguageList,
  rememberValueChoices,
  valueChoices,
} from '~/models/imports/values.server'

import { demo } from '../setup/actors'
import { categoryId, channelId } from '../setup/records'

const countries: Record<string, string> = { polska: 'PL', euskadi: 'ES' }
const builtIn = (v: string) => countries[v.toLowerCase()] ?? null
const asTarget = (t: string) => (t === 'XX' ? null : t)

describe('valueChoices: built-in matches, remembered choices, and what matched nothing', () => {
  it('a blank cell is empty; a value is trimmed before the built-in match', () => {
    const values = valueChoices(null)
    expect(values.read('country', '   ', builtIn, asTarget)).toEqual({ kind: 'empty' })
    expect(values.read('country', ' Polska ', builtIn, asTarget)).toEqual({ kind: 'ok', value: 'PL' })
    expect(values.unmatched()).toEqual([])
  })

  it('values matching nothing are counted per field, the most frequent first', () => {
    const values = valueChoices(null)
    for (const raw of ['Bohemia ', 'Ελλάδα', ' Ελλάδα']) {
      expect(values.read('country', raw, builtIn, asTarget)).toEqual({ kind: 'unknown' })
    }
    expect(values.read('languages', 'Euskara', () => null, asTarget)).toEqual({ kind: 'unknown' })
    expect(values.unmatched()).toEqual([
      { field: 'country', key: 'ελλαδα', value: 'Ελλάδα', count: 2, choice: null },
      { field: 'country', key: 'bohemia', value: 'Bohemia', count: 1, choice: null },
      { field: 'languages', key: 'euskara', value: 'Euskara', count: 1, choice: null },
    ])
  })

  it("the user's remembered choices: an entry, or empty on purpose", () => {
    const user = demo.comms()
    expect(
      rememberValueChoices(user.id, 'stakeholders', [
        { field: 'country', key: 'cechy', target: 'CZ' },
        { field: 'country', key: 'kraj baskow', target: '' },
      ]),
    ).toBe(2)
    const values = valueChoices(user.id)
    expect(values.read('country', 'Čechy', builtIn, asTarget)).toEqual({ kind: 'ok', value: 'CZ' })
    expect(values.read('country', 'Kraj Basków', builtIn, asTarget)).toEqual({ kind: 'empty' })
    expect(values.unmatched()).toEqual([
      { field: 'country', key: 'cechy', value: 'Čechy', count: 1, choice: 'CZ' },
      { field: 'country', key: 'kraj baskow', value: 'Kraj Basków', count: 1, choice: '' },
    ])
    // Another user's choices are not theirs.
    expect(valueChoices(demo.partner().id).read('country', 'Čechy', builtIn, asTarget)).toEqual({
      kind: 'unknown',
    })
  })
})

describe('rememberValueChoices: only list fields of the import, only entries of the list', () => {
  const everyField = () => [
    { field: 'category', key: 'urzad miasta', target: String(categoryId('local_authority')) },
    { field: 'country', key: 'rumunia', target: 'RO' },
    { field: 'scale', key: 'wojewodzka', target: 'regional' },
    { field: 'stage', key: 'w kontakcie', target: 'contacted' },
    { field: 'languages', key: 'baskijski', target: 'eu' },
    { field: 'type', key: 'szkolenie', target: '' },
    { field: 'channel', key: 'tablica', target: String(channelId('website')) },
    { field: 'city', key: 'lodz', target: '' },
  ]

  it('each import remembers its own list fields', () => {
    const user = demo.partner2()
    expect(rememberValueChoices(user.id, 'stakeholders', everyField())).toBe(5)
    expect(rememberValueChoices(user.id, 'contacts', everyField())).toBe(1)
    expect(rememberValueChoices(user.id, 'actions', everyField())).toBe(3)
    expect(rememberValueChoices(user.id, 'registrations', everyField())).toBe(0)
  })

  it('a target outside the list, or a key over 300 characters, is not remembered', () => {
    const user = demo.viewer()
    expect(
      rememberValueChoices(user.id, 'stakeholders', [
        { field: 'scale', key: 'gminna', target: 'municipal' },
        { field: 'scale', key: 'z'.repeat(301), target: 'local' },
        { field: 'scale', key: 'z'.repeat(300), target: 'local' },
      ]),
    ).toBe(1)
    const values = valueChoices(user.id)
    expect(
      values.read(
        'scale',
        'Gminna',
        () => null,
        (t) => t,
      ),
    ).toEqual({ kind: 'unknown' })
    expect(
      values.read(
        'scale',
        'Z'.repeat(300),
        () => null,
        (t) => t,
      ),
    ).toEqual({ kind: 'ok', value: 'local' })
  })
})

describe('listOptions and readLanguageList', () => {
  it('stages, scales and categories are labelled; an unknown field has no options', () => {
    expect(listOptions('stage').map((o) => o.label)).toEqual([
      'Identified',
      'Contacted',
      'Engaged',
      'Collaborating',
      'Dormant',
    ])
    expect(listOptions('scale')).toContainEqual({ value: 'european', label: 'European' })
    expect(listOptions('category')).toContainEqual({
      value: String(categoryId('local_authority')),
      label: 'Local or regional authority',
    })
    expect(listOptions('city')).toEqual([])
  })

  it('countries and languages are named in the locale, sorted by name', () => {
    const countriesPl = listOptions('country', 'pl')
    expect(countriesPl).toContainEqual({ value: 'ES', label: 'Hiszpania' })
    expect(countriesPl.map((o) => o.label)).toEqual(
      [...countriesPl.map((o) => o.label)].sort((a, b) => a.localeCompare(b, 'pl')),
    )
    const languagesPl = listOptions('languages', 'pl')
    expect(languagesPl).toContainEqual({ value: 'eu', label: 'baskijski' })
    expect(languagesPl.map((o) => o.label)).toEqual(
      [...languagesPl.map((o) => o.label)].sort((a, b) => a.localeCompare(b, 'pl')),
    )
    expect(listOptions('languages')).toContainEqual({ value: 'eu', label: 'Basque' })
  })

  it('a language list is split on ; , / | and new lines, known and mapped ones kept once, emptied ones dropped', () => {
    const warnings: Parameters<typeof readLanguageList>[2] = []
    const user = demo.admin()
    rememberValueChoices(user.id, 'contacts', [
      { field: 'languages', key: 'euskera batua', target: 'eu' },
      { field: 'languages', key: 'slaski', target: '' },
    ])
    const read = readLanguageList(
      valueChoices(user.id),
      'pl; Polski, Euskera batua/ro|Klingoński\nel;Śląski',
      warnings,
    )
    expect(read).toEqual(['pl', 'eu', 'ro', 'el'])
    expect(warnings).toEqual([{ reason: 'problems.unknownLanguage', params: { value: 'Klingoński' } }])
  })
})
