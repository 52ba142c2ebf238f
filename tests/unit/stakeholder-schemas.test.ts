import { describe, expect, it } from 'vitest'

import {
  countryCodes,
  emptyToUndefined,
  languageCodes,
  optionalText,
  parseStakeholderFilter,
  stakeholderInputSchema,
  unreadableFilterParams,
} from '~/models/stakeholders/schemas'

/*
 * The stakeholder form's and the register URL's schemas, value by value: what is accepted (and how
 * it is cleaned), what is refused and with which message, in the languages of the project's cities.
 */

const base = { name: 'Eusko Jaurlaritza', categoryId: '3' }
const parse = (over: Record<string, unknown>) => stakeholderInputSchema.safeParse({ ...base, ...over })
const accepted = (over: Record<string, unknown>) => {
  const result = parse(over)
  if (!result.success) throw new Error(JSON.stringify(result.error.issues))
  return result.data
}
/** The messages given for one field ([] when the value is accepted). */
const errors = (over: Record<string, unknown>, field: string) => {
  const result = parse(over)
  return result.success ? [] : result.error.issues.filter((i) => i.path[0] === field).map((i) => i.message)
}

describe('the stakeholder form', () => {
  it('takes names in every script, trimmed, and refuses a missing, blank or over-long one', () => {
    for (const name of [
      'Urząd Miasta Łodzi',
      'Δήμος Θεσσαλονίκης',
      'Statutární město Brno',
      'Primăria Municipiului Iași',
      'Donostiako Udala',
    ])
      expect(accepted({ name: `  ${name}  ` }).name).toBe(name)
    expect(errors({ name: undefined }, 'name')).toEqual(['common:errors.required'])
    expect(errors({ name: '   ' }, 'name')).toEqual(['common:errors.required'])
    expect(errors({ name: 'ż'.repeat(300) }, 'name')).toEqual([])
    expect(errors({ name: 'ż'.repeat(301) }, 'name')).toEqual(['common:errors.tooLong'])
  })

  it('reads the category as a positive whole number', () => {
    expect(accepted({ categoryId: '12' }).categoryId).toBe(12)
    // z.coerce reads a missing value as NaN: "choose one", as for any other unreadable value.
    expect(errors({ categoryId: undefined }, 'categoryId')).toEqual(['common:errors.choose'])
    expect(errors({ categoryId: 'abc' }, 'categoryId')).toEqual(['common:errors.choose'])
    expect(errors({ categoryId: '0' }, 'categoryId')).toEqual(['common:errors.choose'])
    expect(errors({ categoryId: '-4' }, 'categoryId')).toEqual(['common:errors.choose'])
    expect(errors({ categoryId: '1.5' }, 'categoryId')).toHaveLength(1)
  })

  it('trims optional texts, reads blank ones as absent and refuses over-long ones', () => {
    const data = accepted({ acronym: '  ΚΕΔΕ ', city: '   ', programme: 'Interreg Europe', period: '' })
    expect(data).toMatchObject({
      acronym: 'ΚΕΔΕ',
      city: undefined,
      programme: 'Interreg Europe',
      period: undefined,
    })
    expect(errors({ acronym: 'ą'.repeat(60) }, 'acronym')).toEqual([])
    expect(errors({ acronym: 'ą'.repeat(61) }, 'acronym')).toEqual(['common:errors.tooLong'])
    expect(errors({ city: 'č'.repeat(121) }, 'city')).toEqual(['common:errors.tooLong'])
    expect(errors({ description: 'ș'.repeat(5001) }, 'description')).toEqual(['common:errors.tooLong'])
    expect(optionalText(3).parse(' abc ')).toBe('abc')
    expect(optionalText(3).safeParse('abcd').success).toBe(false)
    expect(emptyToUndefined(' \t ')).toBeUndefined()
    expect(emptyToUndefined(' x ')).toBe(' x ')
    expect(emptyToUndefined(0)).toBe(0)
  })

  it('takes a scale and a stage from their lists, the stage "identified" when none is given', () => {
    expect(accepted({ scale: 'regional', stage: 'engaged' })).toMatchObject({
      scale: 'regional',
      stage: 'engaged',
    })
    expect(accepted({ scale: '', stage: '' })).toMatchObject({ scale: undefined, stage: 'identified' })
    expect(accepted({}).stage).toBe('identified')
    expect(errors({ scale: 'planetary' }, 'scale')).toEqual(['common:errors.choose'])
    expect(errors({ stage: 'married' }, 'stage')).toEqual(['common:errors.choose'])
  })

  it('takes any ISO country code in either case, and refuses other codes', () => {
    for (const code of ['AD', 'CZ', 'DE', 'GR', 'KE', 'NZ', 'OM', 'PL', 'RO', 'ES', 'UA', 'ZW'])
      expect(countryCodes).toContain(code)
    expect(countryCodes).toHaveLength(new Set(countryCodes).size)
    expect(accepted({ country: ' pl ' }).country).toBe('PL')
    expect(accepted({ country: 'gr' }).country).toBe('GR')
    expect(accepted({ country: '  ' }).country).toBeUndefined()
    expect(errors({ country: 'XX' }, 'country')).toEqual(['common:errors.choose'])
    expect(errors({ country: 'EU' }, 'country')).toEqual(['common:errors.choose'])
    expect(errors({ country: 48 }, 'country')).toHaveLength(1)
  })

  it('adds https:// to a bare web address, and refuses what is not a web address', () => {
    expect(accepted({ website: ' uni.lodz.pl ' }).website).toBe('https://uni.lodz.pl')
    expect(accepted({ website: 'http://www.dimos.gr' }).website).toBe('http://www.dimos.gr')
    expect(accepted({ website: 'HTTPS://Brno.CZ/' }).website).toBe('HTTPS://Brno.CZ/')
    expect(accepted({ website: 'example.org/?next=http://a.example' }).website).toBe(
      'https://example.org/?next=http://a.example',
    )
    expect(accepted({ website: '' }).website).toBeUndefined()
    for (const website of [
      'ftp://files.example.org',
      'ftp://example.org/?u=http://a.example',
      'https://localhost',
      'nope',
    ])
      expect(errors({ website }, 'website'), website).toEqual(['common:errors.url'])
    expect(errors({ website: `https://example.org/${'a'.repeat(480)}` }, 'website')).toEqual([])
    expect(errors({ website: `https://example.org/${'a'.repeat(481)}` }, 'website')).toEqual([
      'common:errors.tooLong',
    ])
  })

  it('reads themes and languages from checkboxes, one or many, leaving out empty boxes', () => {
    expect(accepted({}).themeIds).toEqual([])
    expect(accepted({ themeIds: '' }).themeIds).toEqual([])
    expect(accepted({ themeIds: null }).themeIds).toEqual([])
    expect(accepted({ themeIds: '4' }).themeIds).toEqual([4])
    expect(accepted({ themeIds: ['1', '', '2'] }).themeIds).toEqual([1, 2])
    expect(
      errors({ themeIds: Array.from({ length: 51 }, (_, i) => String(i + 1)) }, 'themeIds'),
    ).toHaveLength(1)
    expect(languageCodes.parse([' pl ', 'el', 'eus', ''])).toEqual(['pl', 'el', 'eus'])
    expect(languageCodes.parse('cs')).toEqual(['cs'])
    for (const bad of ['PL', '1pl', 'pl1', 'polski', 'p'])
      expect(
        languageCodes.safeParse([bad]).error?.issues.map((i) => i.message),
        bad,
      ).toEqual(['common:errors.invalid'])
    expect(languageCodes.safeParse(Array.from({ length: 31 }, () => 'ro')).success).toBe(false)
    expect(languageCodes.safeParse(Array.from({ length: 30 }, () => 'ro')).success).toBe(true)
  })

  it('reads the owner partner as a number, blank as none', () => {
    expect(accepted({ ownerPartnerId: '7' }).ownerPartnerId).toBe(7)
    expect(accepted({ ownerPartnerId: '' }).ownerPartnerId).toBeUndefined()
    expect(errors({ ownerPartnerId: 'x' }, 'ownerPartnerId')).toHaveLength(1)
  })
})

describe("the register's URL", () => {
  const filter = (query: string) => parseStakeholderFilter(new URLSearchParams(query))

  it('cleans what it can read and drops what it cannot', () => {
    expect(
      filter('q=%20%C5%81%C3%B3d%C5%BA%20&country=%20es%20&owner=none&category=4&theme=2'),
    ).toMatchObject({
      q: 'Łódź',
      country: 'ES',
      owner: 'none',
      category: 4,
      theme: 2,
    })
    expect(filter('owner=5').owner).toBe(5)
    expect(filter('tier=A&archived=1')).toMatchObject({ tier: 'A', archived: '1' })
    expect(filter('tier=none&archived=only')).toMatchObject({ tier: 'none', archived: 'only' })
    expect(filter('tier=D&archived=all')).toMatchObject({ tier: undefined, archived: undefined })
    expect(filter('sort=-lastContact&stage=dormant&scale=global')).toMatchObject({
      sort: '-lastContact',
      stage: 'dormant',
      scale: 'global',
    })
    expect(filter(`q=${'α'.repeat(200)}`).q).toHaveLength(200)
    expect(filter(`q=${'α'.repeat(201)}`).q).toBeUndefined()
    expect(filter('country=esp').country).toBeUndefined()
    expect(filter('country=e1').country).toBeUndefined()
    expect(filter('owner=someone').owner).toBeUndefined()
  })

  it('takes "not contacted since" as a real calendar day only', () => {
    expect(filter('notContactedSince=%202024-02-29%20').notContactedSince).toBe('2024-02-29')
    for (const day of ['2026-02-29', '2026-13-01', '2026-2-3', 'x2026-01-01', '2026-01-01x', 'yesterday'])
      expect(filter(`notContactedSince=${day}`).notContactedSince, day).toBeUndefined()
  })

  it('names the "not contacted since" day as unreadable only when one was given', () => {
    const unreadable = (query: string) => unreadableFilterParams(new URLSearchParams(query), filter(query))
    expect(unreadable('notContactedSince=2026-02-30')).toEqual(['notContactedSince'])
    expect(unreadable('notContactedSince=2026-02-03')).toEqual([])
    expect(unreadable('notContactedSince=%20%20')).toEqual([])
    expect(unreadable('')).toEqual([])
  })
})
