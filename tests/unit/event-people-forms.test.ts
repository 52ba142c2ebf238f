import { describe, expect, it } from 'vitest'

import {
  attendanceFormSchema,
  consultationFormSchema,
  linkFormSchema,
  proposeFormSchema,
  registrationFilterSchema,
  registrationFormSchema,
  registrationIdSchema,
  satisfactionFormSchema,
} from '~/models/people/schemas'

/* The forms of an event's people, value by value: what is accepted and which message a refusal gives. */

type Parsed = {
  success: boolean
  data?: unknown
  error?: { issues: { code?: string; path: (string | number)[]; message: string }[] }
}
const messages = (result: Parsed) =>
  result.success ? {} : Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]))

describe('the registrant form', () => {
  const consent = { consent: 'on', consentAt: '2026-09-20', consentWording: 'Souhlasím se zpracováním údajů' }

  it('takes a registrant with consent, its day and wording, trimmed', () => {
    expect(
      registrationFormSchema.parse({
        name: '  Γιώργος Παπαδόπουλος ',
        email: ' giorgos@example.gr ',
        organisation: 'Δήμος Αθηναίων',
        ...consent,
      }),
    ).toEqual({
      name: 'Γιώργος Παπαδόπουλος',
      email: 'giorgos@example.gr',
      organisation: 'Δήμος Αθηναίων',
      consent: true,
      consentAt: '2026-09-20',
      consentWording: 'Souhlasím se zpracováním údajů',
    })
    expect(registrationFormSchema.parse({ name: 'Ion Popescu', email: '' })).toMatchObject({
      email: undefined,
      consent: false,
    })
  })

  it('asks for the day and the wording of a consent, and refuses a bad e-mail or day', () => {
    expect(messages(registrationFormSchema.safeParse({ name: 'Ane Etxeberria', consent: 'on' }))).toEqual({
      consentAt: 'people:errors.consentDate',
      consentWording: 'people:errors.consentWording',
    })
    expect(
      messages(registrationFormSchema.safeParse({ name: 'Ane', consent: 'on', consentAt: '2026-09-20' })),
    ).toEqual({ consentWording: 'people:errors.consentWording' })
    expect(messages(registrationFormSchema.safeParse({ name: 'Ane', email: 'ane@' }))).toEqual({
      email: 'common:errors.email',
    })
    expect(
      messages(registrationFormSchema.safeParse({ name: 'Ane', email: `${'a'.repeat(250)}@x.eu` })),
    ).toEqual({
      email: 'common:errors.tooLong',
    })
    expect(
      messages(registrationFormSchema.safeParse({ name: 'Ane', ...consent, consentAt: '2026-02-30' })),
    ).toEqual({
      consentAt: 'common:errors.date',
    })
  })
})

describe('the forms’ own checks', () => {
  const issues = (result: Parsed) =>
    result.success ? [] : result.error!.issues.map(({ code, path, message }) => ({ code, path, message }))

  it('are custom issues on the field they are about', () => {
    expect(issues(registrationFormSchema.safeParse({ name: 'Čeněk Šťastný', consent: 'on' }))).toEqual([
      { code: 'custom', path: ['consentAt'], message: 'people:errors.consentDate' },
      { code: 'custom', path: ['consentWording'], message: 'people:errors.consentWording' },
    ])
    expect(issues(satisfactionFormSchema.safeParse({ satisfactionAverage: '4' }))).toEqual([
      { code: 'custom', path: ['satisfactionResponses'], message: 'people:errors.responses' },
    ])
    expect(issues(satisfactionFormSchema.safeParse({ satisfactionResponses: '4' }))).toEqual([
      { code: 'custom', path: ['satisfactionAverage'], message: 'people:errors.score' },
    ])
  })
})

describe('the small forms', () => {
  it('read ids as positive numbers, "choose" otherwise', () => {
    expect(linkFormSchema.parse({ registrationId: '3', contactId: '8' })).toEqual({
      registrationId: 3,
      contactId: 8,
    })
    expect(proposeFormSchema.parse({ registrationId: '3', stakeholderId: '9' })).toEqual({
      registrationId: 3,
      stakeholderId: 9,
    })
    expect(messages(registrationIdSchema.safeParse({ registrationId: 'x' }))).toEqual({
      registrationId: 'common:errors.choose',
    })
    expect(messages(linkFormSchema.safeParse({ registrationId: '0', contactId: '1' }))).toEqual({
      registrationId: 'common:errors.choose',
    })
    expect(messages(proposeFormSchema.safeParse({ registrationId: '1', stakeholderId: '-2' }))).toEqual({
      stakeholderId: 'common:errors.choose',
    })
  })

  it('read the attendance checklist and the consultation participants as lists of ids', () => {
    expect(attendanceFormSchema.parse({ shown: ['1', '2'], attended: '2' })).toEqual({
      shown: [1, 2],
      attended: [2],
    })
    expect(attendanceFormSchema.parse({})).toEqual({ shown: [], attended: [] })
    const many = Array.from({ length: 5001 }, (_, i) => String(i + 1))
    expect(attendanceFormSchema.safeParse({ shown: many }).success).toBe(false)
    expect(attendanceFormSchema.safeParse({ shown: many.slice(0, 5000) }).success).toBe(true)
    expect(consultationFormSchema.parse({ participantIds: ['4'], conclusions: ' Víc zeleně ' })).toEqual({
      participantIds: [4],
      conclusions: 'Víc zeleně',
    })
  })

  it('reads the satisfaction score with a comma or a point, from 1 to 5, with its responses', () => {
    expect(
      satisfactionFormSchema.parse({ satisfactionResponses: '12', satisfactionAverage: '4,25' }),
    ).toEqual({
      satisfactionResponses: 12,
      satisfactionAverage: 4.25,
    })
    expect(satisfactionFormSchema.parse({ satisfactionResponses: '', satisfactionAverage: '' })).toEqual({
      satisfactionResponses: undefined,
      satisfactionAverage: undefined,
    })
    expect(
      satisfactionFormSchema.parse({ satisfactionResponses: '3', satisfactionAverage: 5 }),
    ).toMatchObject({
      satisfactionAverage: 5,
    })
    for (const bad of ['0.9', '5.1', 'dobře'])
      expect(
        messages(satisfactionFormSchema.safeParse({ satisfactionResponses: '3', satisfactionAverage: bad })),
        bad,
      ).toEqual({
        satisfactionAverage: 'people:errors.score',
      })
    expect(messages(satisfactionFormSchema.safeParse({ satisfactionAverage: '4' }))).toEqual({
      satisfactionResponses: 'people:errors.responses',
    })
    expect(messages(satisfactionFormSchema.safeParse({ satisfactionResponses: '4' }))).toEqual({
      satisfactionAverage: 'people:errors.score',
    })
  })

  it('reads the registrants filter, dropping unknown values', () => {
    expect(
      registrationFilterSchema.parse({ q: ' łukasz ', attended: 'absent', consent: 'yes' }),
    ).toMatchObject({
      q: 'łukasz',
      attended: 'absent',
      consent: 'yes',
    })
    expect(registrationFilterSchema.parse({ attended: 'maybe', consent: 'perhaps' })).toMatchObject({
      attended: undefined,
      consent: undefined,
    })
  })
})
