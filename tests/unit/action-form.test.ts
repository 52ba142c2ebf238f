import { describe, expect, it, vi } from 'vitest'

import {
  actionFormSchema,
  isClientKey,
  isHttpUrl,
  isRealDate,
  statusTone,
  toActionInput,
  today,
} from '~/models/actions/form'
import { assertInput, unique } from '~/models/actions/input'
import { interactionSchema } from '~/models/actions/interaction-form'

/** The first error message of each field a parse refuses. */
function errors(schema: typeof actionFormSchema | typeof interactionSchema, value: unknown) {
  const parsed = schema.safeParse(value)
  if (parsed.success) return {}
  const out: Record<string, string> = {}
  for (const issue of parsed.error.issues) out[issue.path.join('.')] ??= issue.message
  return out
}

const minimal = { typeId: 3, date: '2026-03-14', title: 'Spotkanie w Łodzi' }

describe('the quick form’s schema', () => {
  it('fills the defaults of a minimal form', () => {
    expect(
      actionFormSchema.parse({ ...minimal, title: '  Spotkanie w Łodzi ', date: ' 2026-03-14 ' }),
    ).toEqual({
      ...minimal,
      languages: [],
      stakeholderIds: [],
      themeIds: [],
      intent: 'submit',
    })
  })

  it('names what is missing or not a choice', () => {
    expect(errors(actionFormSchema, {})).toEqual({
      typeId: 'common:errors.required',
      date: 'common:errors.required',
      title: 'common:errors.required',
    })
    expect(
      errors(actionFormSchema, {
        ...minimal,
        typeId: 'x',
        channelId: 1.5,
        partnerId: 0,
        eventId: 'x',
        activityId: -1,
        materialId: 2.5,
      }),
    ).toEqual({
      typeId: 'common:errors.choose',
      channelId: 'common:errors.choose',
      partnerId: 'common:errors.choose',
      eventId: 'common:errors.choose',
      activityId: 'common:errors.choose',
      materialId: 'common:errors.choose',
    })
    expect(errors(actionFormSchema, { ...minimal, typeId: 0 })).toEqual({ typeId: 'common:errors.choose' })
    expect(errors(actionFormSchema, { ...minimal, typeId: 1.5 })).toEqual({ typeId: 'common:errors.choose' })
  })

  it('refuses an impossible date, a blank or long title, long texts and bad languages', () => {
    expect(
      errors(actionFormSchema, {
        ...minimal,
        date: '2026-02-30',
        title: '   ',
        description: 'ą'.repeat(5001),
        languages: ['polski'],
        stakeholderQuery: 'x'.repeat(201),
      }),
    ).toEqual({
      date: 'common:errors.date',
      title: 'common:errors.required',
      description: 'actions:errors.descriptionTooLong',
      'languages.0': 'common:errors.invalid',
      stakeholderQuery: expect.any(String),
    })
    expect(errors(actionFormSchema, { ...minimal, title: 'Ł'.repeat(301) })).toEqual({
      title: 'actions:errors.titleTooLong',
    })
    expect(actionFormSchema.parse({ ...minimal, title: 'Ł'.repeat(300) }).title).toHaveLength(300)
    expect(actionFormSchema.parse({ ...minimal, languages: [' EL ', 'eus'] }).languages).toEqual([
      'el',
      'eus',
    ])
    expect(actionFormSchema.safeParse({ ...minimal, languages: Array(41).fill('pl') }).success).toBe(false)
    expect(actionFormSchema.safeParse({ ...minimal, languages: Array(40).fill('pl') }).success).toBe(true)
  })

  it('takes figures as whole numbers from 0 to a billion', () => {
    expect(
      errors(actionFormSchema, { ...minimal, participants: 'x', onlineReach: 1.5, engagements: -1 }),
    ).toEqual({
      participants: 'common:errors.wholeNumber',
      onlineReach: 'common:errors.wholeNumber',
      engagements: 'common:errors.notNegative',
    })
    expect(errors(actionFormSchema, { ...minimal, participants: 1_000_000_001 })).toEqual({
      participants: 'common:errors.invalid',
    })
    expect(
      actionFormSchema.parse({ ...minimal, participants: 0, onlineReach: 1_000_000_000, engagements: 7 }),
    ).toMatchObject({ participants: 0, onlineReach: 1_000_000_000, engagements: 7 })
  })

  it('checks the link, the lists, the intent and the submission key', () => {
    expect(errors(actionFormSchema, { ...minimal, evidenceUrl: 'ftp://lodz.pl/a' })).toEqual({
      evidenceUrl: 'common:errors.url',
    })
    expect(errors(actionFormSchema, { ...minimal, evidenceUrl: `https://x.pl/${'a'.repeat(2000)}` })).toEqual(
      {
        evidenceUrl: 'actions:errors.urlTooLong',
      },
    )
    expect(actionFormSchema.parse({ ...minimal, evidenceUrl: ' gdansk.pl/wydarzenie ' }).evidenceUrl).toBe(
      'https://gdansk.pl/wydarzenie',
    )
    expect(errors(actionFormSchema, { ...minimal, clientKey: 'abc' })).toEqual({
      clientKey: 'actions:errors.clientKey',
    })
    const key = '0f8fad5b-d9cb-469f-a165-70867728950e'
    expect(actionFormSchema.parse({ ...minimal, clientKey: ` ${key} ` }).clientKey).toBe(key)
    expect(actionFormSchema.safeParse({ ...minimal, intent: 'publish' }).success).toBe(false)
    for (const intent of ['submit', 'draft', 'another', 'searchStakeholders'])
      expect(actionFormSchema.parse({ ...minimal, intent }).intent).toBe(intent)
    expect(actionFormSchema.safeParse({ ...minimal, stakeholderIds: Array(501).fill(1) }).success).toBe(false)
    expect(actionFormSchema.safeParse({ ...minimal, stakeholderIds: Array(500).fill(1) }).success).toBe(true)
    expect(actionFormSchema.safeParse({ ...minimal, themeIds: Array(51).fill(1) }).success).toBe(false)
    expect(actionFormSchema.safeParse({ ...minimal, themeIds: Array(50).fill(1) }).success).toBe(true)
    expect(actionFormSchema.safeParse({ ...minimal, themeIds: [0] }).success).toBe(false)
    expect(actionFormSchema.safeParse({ ...minimal, stakeholderIds: [1.5] }).success).toBe(false)
  })
})

describe('toActionInput', () => {
  it('maps the form onto the domain’s input, absent values as null', () => {
    const value = actionFormSchema.parse(minimal)
    expect(toActionInput(value, 4)).toEqual({
      partnerId: 4,
      typeId: 3,
      date: '2026-03-14',
      title: 'Spotkanie w Łodzi',
      channelId: null,
      languages: [],
      participants: null,
      onlineReach: null,
      engagements: null,
      evidenceUrl: null,
      stakeholderIds: [],
      themeIds: [],
      eventId: null,
      activityId: null,
      materialId: null,
      description: null,
    })
    const full = actionFormSchema.parse({
      ...minimal,
      channelId: 5,
      partnerId: 9,
      languages: ['ro'],
      participants: 1,
      onlineReach: 2,
      engagements: 3,
      evidenceUrl: 'https://tirgumures.ro/a',
      stakeholderIds: [6],
      themeIds: [7],
      eventId: 8,
      activityId: 10,
      materialId: 11,
      description: 'Târgu Mureș',
    })
    expect(toActionInput(full, 4)).toEqual({
      partnerId: 4,
      typeId: 3,
      date: '2026-03-14',
      title: 'Spotkanie w Łodzi',
      channelId: 5,
      languages: ['ro'],
      participants: 1,
      onlineReach: 2,
      engagements: 3,
      evidenceUrl: 'https://tirgumures.ro/a',
      stakeholderIds: [6],
      themeIds: [7],
      eventId: 8,
      activityId: 10,
      materialId: 11,
      description: 'Târgu Mureș',
    })
  })
})

describe('the form helpers', () => {
  it('tells real dates, http links and submission keys', () => {
    expect(isRealDate('2024-02-29')).toBe(true)
    expect(isRealDate('2026-02-29')).toBe(false)
    expect(isRealDate('2026-3-14')).toBe(false)
    expect(isRealDate('x2026-03-14')).toBe(false)
    expect(isRealDate('2026-03-14x')).toBe(false)
    expect(isRealDate('2026-13-01')).toBe(false)
    expect(isHttpUrl('http://lodz.pl')).toBe(true)
    expect(isHttpUrl('https://lodz.pl')).toBe(true)
    expect(isHttpUrl('mailto:a@lodz.pl')).toBe(false)
    expect(isHttpUrl('lodz.pl')).toBe(false)
    expect(isHttpUrl('file:///etc/passwd')).toBe(false)
    expect(isClientKey('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true)
    expect(isClientKey('x0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(false)
    expect(isClientKey('0f8fad5b-d9cb-469f-a165-70867728950ex')).toBe(false)
  })

  it('gives today in UTC and a tone per status', () => {
    vi.useFakeTimers()
    try {
      vi.setSystemTime(new Date('2026-12-31T23:30:00-02:00'))
      expect(today()).toBe('2027-01-01')
    } finally {
      vi.useRealTimers()
    }
    expect(statusTone).toEqual({ draft: 'neutral', submitted: 'info', validated: 'ok', returned: 'warn' })
  })

  it('keeps unique values in order, and none for no list', () => {
    expect(unique(['eu', 'es', 'eu'])).toEqual(['eu', 'es'])
    expect(unique(undefined)).toEqual([])
  })

  it('assertInput lets null and absent figures through', () => {
    expect(() =>
      assertInput({ partnerId: 1, typeId: 1, date: '2026-03-14', title: 'x', participants: null }),
    ).not.toThrow()
    expect(() =>
      assertInput({ partnerId: 1, typeId: 1, date: '2026-03-14', title: 'x', evidenceUrl: '' }),
    ).not.toThrow()
  })
})

describe('the interaction form', () => {
  it('takes a kind, a date not in the future and an optional note', () => {
    expect(interactionSchema.parse({ kind: 'call', date: ' 2026-01-05 ', note: ' Rozmowa ' })).toEqual({
      kind: 'call',
      date: '2026-01-05',
      note: 'Rozmowa',
    })
    expect(interactionSchema.parse({ kind: 'email', date: today() })).toEqual({
      kind: 'email',
      date: today(),
    })
    expect(errors(interactionSchema, {})).toEqual({
      kind: 'common:errors.choose',
      date: 'common:errors.required',
    })
    expect(errors(interactionSchema, { kind: 'visit', date: '2026-02-30', note: 'ę'.repeat(2001) })).toEqual({
      kind: expect.stringContaining('Invalid enum value'),
      date: 'crm:errors.date',
      note: 'common:errors.tooLong',
    })
    expect(errors(interactionSchema, { kind: 7, date: '2999-01-01' })).toEqual({
      kind: 'common:errors.choose',
      date: 'crm:errors.futureDate',
    })
    expect(
      interactionSchema.safeParse({ kind: 'meeting', date: '2026-01-05', note: 'ę'.repeat(2000) }).success,
    ).toBe(true)
  })
})
