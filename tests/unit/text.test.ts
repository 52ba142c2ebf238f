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
