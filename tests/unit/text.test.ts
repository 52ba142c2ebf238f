import { describe, expect, it } from 'vitest'

import { nameKey, normalizeText, webDomainFrom } from '~/utils/text'

describe('normalizeText', () => {
  it('ignores case and accents', () => {
    expect(normalizeText('Université de Lyon')).toBe('universite de lyon')
    expect(normalizeText('GDAŃSK  University of Technology')).toBe('gdansk university of technology')
    expect(normalizeText('Łódź')).toBe('lodz')
  })
  it('gives the same name key regardless of punctuation', () => {
    expect(nameKey('Universidad de Deusto.')).toBe(nameKey('universidad  de deusto'))
  })
})

describe('webDomainFrom', () => {
  it('reduces a web address to its host without www', () => {
    expect(webDomainFrom('https://www.Univ-Lyon1.fr/en/')).toBe('univ-lyon1.fr')
    expect(webDomainFrom('deusto.es')).toBe('deusto.es')
    expect(webDomainFrom('not a url')).toBeNull()
    expect(webDomainFrom('')).toBeNull()
  })
})

describe('nameKey: the accent-free key duplicates are found by', () => {
  it.each([
    ['Universidade de São Paulo', 'universidade de sao paulo'],
    ['Université Lumière Lyon 2', 'universite lumiere lyon 2'],
    ['Politechnika Gdańska', 'politechnika gdanska'],
    ['Łódź University of Technology', 'lodz university of technology'],
    ['Københavns Universitet', 'kobenhavns universitet'],
    ['Technische Universität München', 'technische universitat munchen'],
    ['  Universidad de Deusto. ', 'universidad de deusto'],
  ])('%j has the key %j', (name, key) => expect(nameKey(name)).toBe(key))

  it('keeps different names apart', () => {
    expect(nameKey('Universidad de Deusto')).not.toBe(nameKey('Universidad de Oviedo'))
  })
})
