import { describe, expect, it } from 'vitest'

import {
  countryCodes,
  countryName,
  countryOptions,
  isoDate,
  languageCodes,
  partnerSchema,
  password,
  projectSchema,
  socialKinds,
  themeAddSchema,
  themeArchiveSchema,
  themeRenameSchema,
  userActiveSchema,
  userCreateSchema,
  userEditSchema,
  userInviteSchema,
  userPasswordSchema,
} from '~/models/admin/schemas'

/** Every issue of a failed parse as `path: message`, separated by ` | `, or 'ok'. */
function issues(result: {
  success: boolean
  error?: { issues: { path: (string | number)[]; message: string }[] }
}) {
  if (result.success) return 'ok'
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' | ')
}

const allLanguages = 'en es fr de it pt nl pl fi sv da el ro hr cs hu lt lv et sk sl bg ga mt eu ca gl'.split(
  ' ',
)

describe('countries and languages', () => {
  it('lists 196 countries, Kosovo and Palestine included, and the working languages', () => {
    expect(countryCodes).toHaveLength(196)
    expect([countryCodes[0], countryCodes[195]]).toEqual(['AD', 'ZW'])
    for (const code of [
      'CV',
      'CY',
      'IS',
      'IT',
      'MX',
      'MY',
      'SS',
      'ST',
      'PL',
      'GR',
      'CZ',
      'RO',
      'ES',
      'XK',
      'PS',
    ])
      expect(countryCodes, code).toContain(code)
    expect(languageCodes).toEqual(allLanguages)
    expect(socialKinds).toEqual(['linkedin', 'x', 'facebook', 'instagram', 'mastodon', 'bluesky', 'youtube'])
  })

  it('names a country in the interface language, with the fixed names in English and Spanish', () => {
    const names = (code: string, langs: string[]) => langs.map((l) => countryName(code, l)).join(' | ')
    expect(names('PL', ['pl', 'el', 'cs', 'en', 'es'])).toBe('Polska | Πολωνία | Polsko | Poland | Polonia')
    expect(names('PS', ['en', 'es', 'pl', 'el'])).toBe(
      'Palestine | Palestina | Terytoria Palestyńskie | Παλαιστινιακά Εδάφη',
    )
    expect(names('HK', ['en', 'es', 'pl', 'el'])).toBe(
      'Hong Kong | Hong Kong | SRA Hongkong (Chiny) | Χονγκ Κονγκ ΕΔΠ Κίνας',
    )
    expect(names('MO', ['en', 'es', 'pl'])).toBe('Macao | Macao | SRA Makau (Chiny)')
    expect(names('FK', ['en', 'es', 'pl'])).toBe('Falkland Islands | Islas Malvinas | Falklandy')
    // British English, as the page is rendered in the browser.
    expect(countryName('KN', 'en')).toBe('St Kitts & Nevis')
    expect(countryName('AA', 'pl')).toBe('AA')
    expect(countryName('', 'pl')).toBe('')
    expect(countryName('PL', 'not a locale!')).toBe('PL')
  })

  it('offers every country sorted by its name in the interface language', () => {
    const pl = countryOptions('pl')
    expect(pl).toHaveLength(196)
    const text = (options: { value: string; label: string }[]) => options.map((o) => `${o.value} ${o.label}`)
    expect(text(pl.slice(0, 3))).toEqual(['AF Afganistan', 'AL Albania', 'DZ Algieria'])
    // Ł is a letter of its own in Polish, after L.
    const at = pl.findIndex((o) => o.value === 'LU')
    expect(text(pl.slice(at, at + 3))).toEqual(['LU Luksemburg', 'LV Łotwa', 'MK Macedonia Północna'])
    expect(pl.find((o) => o.value === 'PS')!.label).toBe('Terytoria Palestyńskie')
    const el = countryOptions('el')
    expect(el[0]).toEqual({ value: 'LC', label: 'Αγία Λουκία' })
    expect(el.find((o) => o.value === 'GR')!.label).toBe('Ελλάδα')
    expect(countryOptions('en').find((o) => o.value === 'PS')).toEqual({ value: 'PS', label: 'Palestine' })
    expect(countryOptions('en').find((o) => o.value === 'KN')!.label).toBe('St Kitts & Nevis')
    const es = countryOptions('es')
    expect(es.slice(0, 3).map((o) => o.label)).toEqual(['Afganistán', 'Albania', 'Alemania'])
    expect(es.find((o) => o.value === 'PS')!.label).toBe('Palestina')
  })
})

describe('isoDate', () => {
  it('takes a real calendar day as YYYY-MM-DD', () => {
    expect(isoDate.parse('2028-02-29')).toBe('2028-02-29')
    expect(issues(isoDate.safeParse(undefined))).toBe(`: common:errors.required`)
    expect(issues(isoDate.safeParse('2026-02-29'))).toBe(`: common:errors.date`)
    expect(issues(isoDate.safeParse('2026-04-31'))).toBe(`: common:errors.date`)
    for (const v of ['2026-2-1', 'x2026-03-31', '2026-03-31x', '31.03.2026', '2026-03-31T00:00'])
      expect(issues(isoDate.safeParse(v)), v).toBe(`: common:errors.date | : common:errors.date`)
  })
})

const project = {
  intent: 'project',
  name: 'Ripple Łódź',
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  workingLanguages: ['pl', 'el'],
  stakeholderEditPolicy: 'owner',
}
const parsedProject = { ...project, reportingPeriods: [] }

describe('projectSchema: fields', () => {
  it('reads the project settings, trimmed', () => {
    expect(projectSchema.parse(project)).toEqual(parsedProject)
    expect(
      projectSchema.parse({
        ...project,
        name: ' Θεσσαλονίκη ',
        acronym: ' RPL ',
        description: ' Gasteizko Udala ',
      }),
    ).toEqual({ ...parsedProject, name: 'Θεσσαλονίκη', acronym: 'RPL', description: 'Gasteizko Udala' })
    expect(issues(projectSchema.safeParse({ ...project, intent: 'theme-add' }))).toBe(
      `intent: Invalid literal value, expected "project"`,
    )
  })

  it('requires a name of at most 200 characters; acronym (30) and description (4000) are optional', () => {
    const { name: _, ...unnamed } = project
    expect(issues(projectSchema.safeParse(unnamed))).toBe(`name: common:errors.required`)
    expect(issues(projectSchema.safeParse({ ...project, name: '   ' }))).toBe(`name: common:errors.required`)
    const limits = { name: 200, acronym: 30, description: 4000 }
    for (const [field, max] of Object.entries(limits)) {
      expect(issues(projectSchema.safeParse({ ...project, [field]: ` ${'ș'.repeat(max)} ` })), field).toBe(
        'ok',
      )
      expect(issues(projectSchema.safeParse({ ...project, [field]: 'ș'.repeat(max + 1) })), field).toBe(
        `${field}: common:errors.invalid`,
      )
    }
  })

  it('requires the dates, the end not before the start', () => {
    expect(issues(projectSchema.safeParse({ ...project, startDate: undefined, endDate: '2026-02-30' }))).toBe(
      `startDate: common:errors.required | endDate: common:errors.date`,
    )
    expect(issues(projectSchema.safeParse({ ...project, endDate: '2026-01-01' }))).toBe('ok')
    expect(issues(projectSchema.safeParse({ ...project, endDate: '2025-12-31' }))).toBe(
      `endDate: common:errors.dateOrder`,
    )
  })

  it('requires one working language or more, and an edit policy', () => {
    expect(projectSchema.parse({ ...project, workingLanguages: allLanguages }).workingLanguages).toEqual(
      allLanguages,
    )
    expect(issues(projectSchema.safeParse({ ...project, workingLanguages: [] }))).toBe(
      `workingLanguages: admin:project.errors.oneLanguage`,
    )
    expect(issues(projectSchema.safeParse({ ...project, workingLanguages: ['pl', 'xx'] }))).toBe(
      `workingLanguages.1: common:errors.choose`,
    )
    for (const policy of ['owner', 'any_partner', 'none'])
      expect(projectSchema.parse({ ...project, stakeholderEditPolicy: policy }).stakeholderEditPolicy).toBe(
        policy,
      )
    expect(issues(projectSchema.safeParse({ ...project, stakeholderEditPolicy: 'all' }))).toBe(
      `stakeholderEditPolicy: common:errors.choose`,
    )
  })
})

const first = { label: 'Okres 1', start: '2026-01-01', end: '2026-12-31' }
const second = { label: 'Okres 2', start: '2027-01-01', end: '2027-12-31' }

describe('projectSchema: reporting periods', () => {
  it('keeps the filled periods, trimmed and sorted by start, and drops empty rows', () => {
    expect(
      projectSchema.parse({
        ...project,
        reportingPeriods: [{ ...second, label: ' Okres 2 ' }, {}, { label: ' ' }, first],
      }).reportingPeriods,
    ).toEqual([first, second])
    expect(projectSchema.parse({ ...project, reportingPeriods: [{ ...first, end: first.start }] })).toEqual({
      ...parsedProject,
      reportingPeriods: [{ ...first, end: first.start }],
    })
  })

  it('requires the label, start and end of a period once one is filled', () => {
    const row = (r: object) => issues(projectSchema.safeParse({ ...project, reportingPeriods: [first, r] }))
    expect(row({ label: 'Okres' })).toBe(
      `reportingPeriods.1.start: common:errors.required | reportingPeriods.1.end: common:errors.required`,
    )
    expect(row({ start: '2026-01-01' })).toBe(
      `reportingPeriods.1.label: common:errors.required | reportingPeriods.1.end: common:errors.required`,
    )
    expect(row({ end: '2026-01-01' })).toBe(
      `reportingPeriods.1.label: common:errors.required | reportingPeriods.1.start: common:errors.required`,
    )
    expect(row({ ...first, end: '2025-12-31' })).toBe(`reportingPeriods.1.end: common:errors.dateOrder`)
    expect(row({ ...first, start: '2026-02-30' })).toBe(`reportingPeriods.1.start: common:errors.date`)
    expect(row({ ...first, label: 'ł'.repeat(80) })).toBe('ok')
    expect(row({ ...first, label: 'ł'.repeat(81) })).toBe(
      `reportingPeriods.1.label: String must contain at most 80 character(s)`,
    )
  })
})

describe('theme schemas', () => {
  it('add and rename a theme with a name of at most 120 characters', () => {
    expect(themeAddSchema.parse({ intent: 'theme-add', name: ' Mobilność ' })).toEqual({
      intent: 'theme-add',
      name: 'Mobilność',
    })
    expect(issues(themeAddSchema.safeParse({ intent: 'theme-add', name: 'ł'.repeat(120) }))).toBe('ok')
    expect(issues(themeAddSchema.safeParse({ intent: 'theme-add', name: 'ł'.repeat(121) }))).toBe(
      `name: common:errors.invalid`,
    )
    expect(themeRenameSchema.parse({ intent: 'theme-rename', id: '7', name: 'Κλίμα' })).toEqual({
      intent: 'theme-rename',
      id: 7,
      name: 'Κλίμα',
    })
    expect(issues(themeRenameSchema.safeParse({ intent: 'theme-rename', id: '0', name: ' ' }))).toBe(
      `id: Number must be greater than 0 | name: common:errors.required`,
    )
    expect(
      issues(themeRenameSchema.safeParse({ intent: 'theme-rename', id: '1.5', name: 'ł'.repeat(121) })),
    ).toBe(`id: Expected integer, received float | name: common:errors.invalid`)
  })

  it('archive and restore a theme by id', () => {
    for (const intent of ['theme-archive', 'theme-restore'])
      expect(themeArchiveSchema.parse({ intent, id: '3' })).toEqual({ intent, id: 3 })
    expect(issues(themeArchiveSchema.safeParse({ intent: 'theme-delete', id: '-3' }))).toBe(
      `intent: Invalid enum value. Expected 'theme-archive' | 'theme-restore', received 'theme-delete' | id: Number must be greater than 0`,
    )
  })
})

const partner = { name: 'Urząd Miasta Łodzi', country: 'PL', role: 'lead' }
const webFields = ['website', 'linkedin', 'x', 'facebook', 'instagram', 'mastodon', 'bluesky', 'youtube']
const link = (length: number) => `https://uml.lodz.pl/${'a'.repeat(length - 20)}`

describe('partnerSchema', () => {
  it('reads a partner, trimmed, in any partner role', () => {
    const gasteiz = { name: 'Gasteizko Udala', country: 'ES', city: 'Vitoria-Gasteiz', role: 'associated' }
    const typed = { ...gasteiz, name: ' Gasteizko Udala ', city: ' Vitoria-Gasteiz ' }
    expect(partnerSchema.parse(typed)).toEqual(gasteiz)
    for (const role of ['lead', 'partner', 'associated'])
      expect(partnerSchema.parse({ ...partner, role }).role).toBe(role)
    for (const country of ['AD', 'CV', 'CY', 'IS', 'IT', 'MX', 'MY', 'SS', 'ST', 'ZW', 'XK'])
      expect(partnerSchema.parse({ ...partner, country }).country).toBe(country)
  })

  it('requires a name (200), a listed country and a role; the city (200) is optional', () => {
    expect(issues(partnerSchema.safeParse({}))).toBe(
      `name: common:errors.required | country: common:errors.choose | role: common:errors.choose`,
    )
    for (const country of ['pl', 'FK', 'EU', ''])
      expect(issues(partnerSchema.safeParse({ ...partner, country })), country).toBe(
        `country: common:errors.choose`,
      )
    expect(issues(partnerSchema.safeParse({ ...partner, role: 'owner' }))).toBe(`role: common:errors.choose`)
    expect(
      issues(partnerSchema.safeParse({ ...partner, name: 'ł'.repeat(200), city: 'ł'.repeat(200) })),
    ).toBe('ok')
    expect(
      issues(partnerSchema.safeParse({ ...partner, name: 'ł'.repeat(201), city: 'ł'.repeat(201) })),
    ).toBe(`name: common:errors.invalid | city: common:errors.invalid`)
  })

  it('takes optional http(s) links of at most 500 characters for the website and each social account', () => {
    for (const field of webFields) {
      expect(partnerSchema.parse({ ...partner, [field]: ' HTTPS://Uml.Lodz.pl ' })[field as 'x'], field).toBe(
        'HTTPS://Uml.Lodz.pl',
      )
      expect(issues(partnerSchema.safeParse({ ...partner, [field]: link(500) })), field).toBe('ok')
      expect(issues(partnerSchema.safeParse({ ...partner, [field]: link(501) })), field).toBe(
        `${field}: common:errors.invalid`,
      )
      for (const bad of ['ftp://uml.lodz.pl', 'ftp://a.pl/?https://b.pl'])
        expect(issues(partnerSchema.safeParse({ ...partner, [field]: bad })), bad).toBe(
          `${field}: common:errors.url`,
        )
      expect(issues(partnerSchema.safeParse({ ...partner, [field]: 'uml.lodz.pl' })), field).toBe(
        `${field}: common:errors.url | ${field}: common:errors.url`,
      )
    }
  })
})

const user = { email: 'cenek@praha.eu', name: 'Čeněk Šťastný', role: 'partner', partnerId: '3', locale: 'en' }
const parsedUser = { ...user, partnerId: 3 }

describe('password', () => {
  it('takes 10 to 200 characters, spaces counting', () => {
    expect(password.parse(' '.repeat(10))).toBe(' '.repeat(10))
    expect(issues(password.safeParse('Târgu Mu'))).toBe(`: admin:users.errors.passwordShort`)
    expect(issues(password.safeParse('ș'.repeat(9)))).toBe(`: admin:users.errors.passwordShort`)
    expect(issues(password.safeParse('ș'.repeat(200)))).toBe('ok')
    expect(issues(password.safeParse('ș'.repeat(201)))).toBe(`: common:errors.invalid`)
    expect(issues(password.safeParse(undefined))).toBe(`: common:errors.required`)
    expect(userPasswordSchema.parse({ intent: 'password', password: 'Târgu Mureș' })).toEqual({
      intent: 'password',
      password: 'Târgu Mureș',
    })
    expect(issues(userPasswordSchema.safeParse({ intent: 'edit', password: 'Târgu Mureș' }))).toBe(
      `intent: Invalid literal value, expected "password"`,
    )
  })
})

describe('user schemas: fields', () => {
  it('creates a user with an e-mail (trimmed, at most 254 characters) and a password', () => {
    expect(userCreateSchema.parse({ ...user, email: ' cenek@praha.eu ', password: 'Târgu Mureș' })).toEqual({
      ...parsedUser,
      password: 'Târgu Mureș',
    })
    expect(issues(userCreateSchema.safeParse({ ...user, email: 'čeněk', password: 'krótkie' }))).toBe(
      `email: common:errors.email | password: admin:users.errors.passwordShort`,
    )
    const at = (n: number) => ({ ...user, email: `${'a'.repeat(n - 9)}@praha.eu`, password: 'Târgu Mureș' })
    expect(issues(userCreateSchema.safeParse(at(254)))).toBe('ok')
    expect(issues(userCreateSchema.safeParse(at(255)))).toBe(`email: common:errors.invalid`)
    expect(issues(userCreateSchema.safeParse({ role: 'admin', locale: 'es' }))).toBe(
      `email: common:errors.required | name: common:errors.required | password: common:errors.required`,
    )
  })

  it('requires a name (200), a role and a locale of the interface', () => {
    for (const role of ['admin', 'comms', 'viewer'])
      expect(userEditSchema.parse({ intent: 'edit', ...user, role, partnerId: undefined }).role).toBe(role)
    const { email: _, ...edited } = parsedUser
    expect(userEditSchema.parse({ intent: 'edit', ...user, locale: 'es' })).toEqual({
      intent: 'edit',
      ...edited,
      locale: 'es',
    })
    expect(
      issues(userEditSchema.safeParse({ intent: 'edit', ...user, name: 'ł'.repeat(201), locale: 'pl' })),
    ).toBe(`name: common:errors.invalid | locale: common:errors.choose`)
    expect(issues(userEditSchema.safeParse({ intent: 'edit', ...user, role: 'owner', partnerId: '0' }))).toBe(
      `role: common:errors.choose | partnerId: Number must be greater than 0`,
    )
    expect(issues(userEditSchema.safeParse({ intent: 'edit', ...user, name: 'ł'.repeat(200) }))).toBe('ok')
  })

  it('invites by e-mail without a password, and (de)activates', () => {
    expect(userInviteSchema.parse({ intent: 'invite', ...user, password: 'ignored-123' })).toEqual({
      intent: 'invite',
      ...parsedUser,
    })
    expect(issues(userInviteSchema.safeParse({ intent: 'invite', ...user, email: '' }))).toBe(
      `email: common:errors.email`,
    )
    for (const intent of ['deactivate', 'reactivate'])
      expect(userActiveSchema.parse({ intent })).toEqual({ intent })
    expect(issues(userActiveSchema.safeParse({ intent: 'delete' }))).toBe(
      `intent: Invalid enum value. Expected 'deactivate' | 'reactivate', received 'delete'`,
    )
  })
})

describe('user schemas: the partner matches the role', () => {
  it('requires the partner of a partner user and refuses one for any other role', () => {
    const schemas = [
      [userCreateSchema, { ...user, password: 'Târgu Mureș' }],
      [userInviteSchema, { intent: 'invite', ...user }],
      [userEditSchema, { intent: 'edit', ...user }],
    ] as const
    for (const [schema, input] of schemas) {
      expect(issues(schema.safeParse(input))).toBe('ok')
      expect(issues(schema.safeParse({ ...input, partnerId: undefined }))).toBe(
        `partnerId: common:errors.partnerRequired`,
      )
      for (const role of ['admin', 'comms', 'viewer']) {
        expect(issues(schema.safeParse({ ...input, role, partnerId: undefined })), role).toBe('ok')
        expect(issues(schema.safeParse({ ...input, role })), role).toBe(
          `partnerId: admin:users.errors.partnerForbidden`,
        )
      }
    }
  })
})
