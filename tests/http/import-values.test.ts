import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

const one = <T>(sql: string, ...args: unknown[]) =>
  sqlite()
    .prepare(sql)
    .get(...args) as T
const idOf = (table: string, key: string) =>
  one<{ id: number }>(`select id from ${table} where key = ?`, key).id

function upload(
  path: string,
  name: string,
  content: string,
  as: DemoUser,
  fields: Record<string, string> = {},
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([content]), name)
  return app.post(path, form, { as })
}

async function jobFrom(response: Response) {
  expect(response.status, await response.clone().text()).toBe(302)
  const location = response.headers.get('location')!
  const m = /\/import\/(\d+)\/map$/.exec(location)
  expect(m, location).not.toBeNull()
  return { id: Number(m![1]), base: location.replace(/\/map$/, '') }
}

const actionsCsv = [
  'date,type,channel,title',
  '2026-02-10,Prezentacja,LinkedIn,Prezentacja projektu w Gdańsku',
  '2026-02-11,Prezentacja,,Prezentacja dla rady miasta',
  '2026-02-12,Webinar,Radio Gdańsk,Webinar o danych miejskich',
].join('\n')
const actionMapping = {
  'map.date': 'date',
  'map.type': 'type',
  'map.channel': 'channel',
  'map.title': 'title',
}

describe('the value step', () => {
  it('names the accepted values, lists the unmatched ones with their counts, maps them and remembers the choice', async () => {
    const job = await jobFrom(await upload('/actions/import', 'akcje.csv', actionsCsv, 'partner'))
    const mapped = await app.post(`${job.base}/map`, actionMapping, { as: 'partner' })
    expect(mapped.status).toBe(302)
    expect(mapped.headers.get('location')).toBe(`${job.base}/values`)

    // Before any choice, the preview names the accepted types.
    const before = await (await app.fetch(`${job.base}/preview`, { as: 'partner' })).text()
    expect(before).toMatch(/Unknown action type “Prezentacja” \(accepted: [^)]*Webinar[^)]*\)/)
    expect(before).toMatch(/Unknown channel “Radio Gdańsk”: left empty \(accepted: [^)]*LinkedIn/)

    // The step is a plain form: each distinct value, its row count, and a select of the list.
    const page = await app.fetch(`${job.base}/values`, { as: 'partner' })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toMatch(/<form method="post"/)
    expect(html).toMatch(/Prezentacja<\/label><\/td><td>2<\/td>/)
    expect(html).toMatch(/Radio Gdańsk<\/label><\/td><td>1<\/td>/)
    expect(html).toContain('name="choice.type.prezentacja"')
    expect(html).toContain('name="choice.channel.radio gdansk"')
    expect(html).toContain('— leave empty —')

    const presentation = idOf('action_types', 'presentation')
    const chosen = await app.post(
      `${job.base}/values`,
      { 'choice.type.prezentacja': String(presentation), 'choice.channel.radio gdansk': '' },
      { as: 'partner' },
    )
    expect(chosen.status).toBe(302)
    expect(chosen.headers.get('location')).toBe(`${job.base}/preview`)
    const preview = await (await app.fetch(`${job.base}/preview`, { as: 'partner' })).text()
    expect(preview).toContain('Rejected: 0')
    expect(preview).not.toContain('Radio Gdańsk')

    await app.post(`${job.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'partner' })
    const typeOf = (title: string) =>
      one<{ key: string }>(
        'select t.key from actions a join action_types t on t.id = a.type_id where a.title = ?',
        title,
      ).key
    expect(typeOf('Prezentacja projektu w Gdańsku')).toBe('presentation')
    expect(typeOf('Webinar o danych miejskich')).toBe('webinar')

    // The next import by the same user goes straight to the preview, with the same choices.
    const again = await jobFrom(
      await upload('/actions/import', 'akcje2.csv', actionsCsv.replace(/2026-02/g, '2026-03'), 'partner'),
    )
    const next = await app.post(`${again.base}/map`, actionMapping, { as: 'partner' })
    expect(next.headers.get('location')).toBe(`${again.base}/preview`)
    expect(await (await app.fetch(`${again.base}/preview`, { as: 'partner' })).text()).toContain(
      'Rejected: 0',
    )
    // ...and another user still chooses for themselves.
    const theirs = await jobFrom(await upload('/actions/import', 'akcje3.csv', actionsCsv, 'partner2'))
    const theirMap = await app.post(`${theirs.base}/map`, actionMapping, { as: 'partner2' })
    expect(theirMap.headers.get('location')).toBe(`${theirs.base}/values`)
  })

  it('maps stakeholder categories and countries, or leaves them empty, and refuses targets outside the list', async () => {
    const csv = [
      'name,category,country,stage',
      'Uniwersytet Testowy w Sopocie,Uczelnia,Polska,Kontakt',
      'Akademia Testowa w Gdyni,Uczelnia,Pomorze,',
    ].join('\n')
    const job = await jobFrom(await upload('/stakeholders/import', 'uczelnie.csv', csv, 'comms'))
    const mapped = await app.post(
      `${job.base}/map`,
      { 'map.name': 'name', 'map.category': 'category', 'map.country': 'country', 'map.stage': 'stage' },
      { as: 'comms' },
    )
    expect(mapped.headers.get('location')).toBe(`${job.base}/values`)
    const html = await (await app.fetch(`${job.base}/values`, { as: 'comms' })).text()
    for (const name of ['choice.category.uczelnia', 'choice.country.pomorze', 'choice.stage.kontakt'])
      expect(html).toContain(`name="${name}"`)
    expect(html).not.toContain('choice.country.polska')

    const university = idOf('stakeholder_categories', 'university')
    await app.post(
      `${job.base}/values`,
      {
        'choice.category.uczelnia': String(university),
        'choice.country.pomorze': '',
        'choice.stage.kontakt': 'not-a-stage',
      },
      { as: 'comms' },
    )
    const comms = one<{ id: number }>(`select id from users where email = 'comms@demo.ripple'`).id
    expect(
      sqlite()
        .prepare(
          'select field, value_key as k, target from import_value_choices where user_id = ? order by field',
        )
        .all(comms),
    ).toEqual([
      { field: 'category', k: 'uczelnia', target: String(university) },
      { field: 'country', k: 'pomorze', target: '' },
    ])
    await app.post(`${job.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'comms' })
    const rows = sqlite()
      .prepare(
        `select s.name, s.country, s.stage, c.key from stakeholders s join stakeholder_categories c on c.id = s.category_id where s.name in ('Uniwersytet Testowy w Sopocie', 'Akademia Testowa w Gdyni') order by s.name`,
      )
      .all()
    expect(rows).toEqual([
      { name: 'Akademia Testowa w Gdyni', country: null, stage: 'identified', key: 'university' },
      { name: 'Uniwersytet Testowy w Sopocie', country: 'PL', stage: 'identified', key: 'university' },
    ])
  })
})

describe('the action import’s default type', () => {
  it('offers a select on the mapping page and uses it for a file without a type column', async () => {
    const csv = 'data,tytuł\n2026-04-02,Spotkanie z mieszkańcami Oliwy\n'
    const job = await jobFrom(await upload('/actions/import', 'bez-typu.csv', csv, 'partner'))
    const map = await (await app.fetch(`${job.base}/map`, { as: 'partner' })).text()
    expect(map).toContain('name="defaultTypeId"')
    // Without a type column nor a default type, the mapping asks for one.
    const missing = await app.post(
      `${job.base}/map`,
      { 'map.date': 'data', 'map.title': 'tytuł' },
      { as: 'partner' },
    )
    expect(missing.status).toBe(400)
    const meeting = idOf('action_types', 'bilateral_meeting')
    const mapped = await app.post(
      `${job.base}/map`,
      { 'map.date': 'data', 'map.title': 'tytuł', defaultTypeId: String(meeting) },
      { as: 'partner' },
    )
    expect(mapped.headers.get('location')).toBe(`${job.base}/preview`)
    await app.post(`${job.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'partner' })
    expect(
      one<{ key: string }>(
        'select t.key from actions a join action_types t on t.id = a.type_id where a.title = ?',
        'Spotkanie z mieszkańcami Oliwy',
      ).key,
    ).toBe('bilateral_meeting')
  })
})

describe('people are findable', () => {
  const people = [
    ['Łukasz Wiśniewski', 'lukasz.wisniewski@gdansk.example.pl', 'lukasz wisniewski'],
    ['Γιώργος Παπαδόπουλος', 'g.papadopoulos@athens.example.gr', 'γιωργος παπαδοπουλος'],
    ['Jiří Dvořák', 'jiri.dvorak@brno.example.cz', 'jiri dvorak'],
    ['Ștefan Țurcanu', 'stefan.turcanu@cluj.example.ro', 'stefan turcanu'],
    ['Iñaki Etxeberria Goikoetxea', 'inaki@donostia.example.eus', 'inaki goikoetxea'],
  ]

  it('the register search finds contacts by name and e-mail, accent-free, and links their page; the import report links each one', async () => {
    const csv = ['name,email', ...people.map(([name, email]) => `${name},${email}`)].join('\n')
    const job = await jobFrom(
      await upload('/stakeholders/import', 'osoby.csv', csv, 'comms', { kind: 'contacts' }),
    )
    await app.post(`${job.base}/map`, { 'map.name': 'name', 'map.email': 'email' }, { as: 'comms' })
    await app.post(`${job.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'comms' })
    const report = await (await app.fetch(`${job.base}/report`, { as: 'comms' })).text()
    for (const [name, email, query] of people) {
      const { id } = one<{ id: number }>('select id from contacts where email = ?', email)
      expect(report).toContain(`href="/contacts/${id}"`)
      for (const q of [query, name, email.split('@')[0]]) {
        const page = await app.fetch(`/stakeholders?q=${encodeURIComponent(q)}`, { as: 'viewer' })
        expect(page.status).toBe(200)
        const html = await page.text()
        expect(html, q).toContain('People')
        expect(html, q).toContain(`href="/contacts/${id}"`)
      }
    }
    // Someone not in the register: no "People" section.
    const none = await (await app.fetch('/stakeholders?q=zzyzx', { as: 'viewer' })).text()
    expect(none).not.toContain('id="people-results"')
  })
})
