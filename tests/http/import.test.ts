import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

const count = (sql: string, ...args: unknown[]) =>
  (
    sqlite()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n
const partnerId = (name: string) =>
  (sqlite().prepare('select id from partners where name = ?').get(name) as { id: number }).id

function upload(
  path: string,
  name: string,
  content: Uint8Array | string,
  as: DemoUser,
  fields: Record<string, string> = {},
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name)
  return app.post(path, form, { as })
}

/** Follows the upload -> map -> preview redirects, as the browser would. */
async function jobFrom(response: Response) {
  expect(response.status, await response.clone().text()).toBe(302)
  const location = response.headers.get('location')!
  const m = /\/import\/(\d+)\/map$/.exec(location)
  expect(m, location).not.toBeNull()
  return { id: Number(m![1]), base: location.replace(/\/map$/, '') }
}

describe('who may import', () => {
  it('refuses the stakeholder import to viewers and partners (403)', async () => {
    expect((await app.fetch('/stakeholders/import', { as: 'viewer' })).status).toBe(403)
    expect((await app.fetch('/stakeholders/import', { as: 'partner' })).status).toBe(403)
    expect((await upload('/stakeholders/import', 'a.csv', 'name,city\nX,Y\n', 'partner')).status).toBe(403)
    expect((await app.fetch('/actions/import', { as: 'viewer' })).status).toBe(403)
    expect((await app.fetch('/stakeholders/import', { as: 'comms' })).status).toBe(200)
    expect((await app.fetch('/actions/import', { as: 'partner' })).status).toBe(200)
  })

  it('does not let partner2 import actions for the partner of partner@ (forced to its own, and 403/404 on the other’s job)', async () => {
    const sanSebastian = partnerId('San Sebastián')
    const barcelona = partnerId('Barcelona')
    const csv = 'date;type;title\n2026-01-10;Webinar;Barcelona webinar on data\n'
    const own = await jobFrom(
      await upload('/actions/import', 'a.csv', csv, 'partner2', { partnerId: String(sanSebastian) }),
    )
    expect(
      (sqlite().prepare('select partner_id as p from import_jobs where id = ?').get(own.id) as { p: number })
        .p,
    ).toBe(barcelona)

    // A job of partner@ (San Sebastián) is not partner2's: not found, and never written by them.
    const theirs = await jobFrom(await upload('/actions/import', 'b.csv', csv, 'partner'))
    expect((await app.fetch(`${theirs.base}/preview`, { as: 'partner2' })).status).toBe(404)
    expect(
      (await app.post(`${theirs.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'partner2' }))
        .status,
    ).toBe(404)
    // Even a job pointing at another partner (made by hand) cannot be written by partner2.
    sqlite().prepare('update import_jobs set partner_id = ? where id = ?').run(sanSebastian, own.id)
    expect(
      (await app.post(`${own.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'partner2' })).status,
    ).toBe(403)
    expect(count(`select count(*) as n from actions where title = 'Barcelona webinar on data'`)).toBe(0)
  })
})

describe('refused files write nothing', () => {
  const cases: [string, string, Uint8Array | string, RegExp][] = [
    ['empty', 'empty.csv', '', /empty/i],
    [
      'binary',
      'photo.csv',
      new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3,
      ]),
      /not a text file/i,
    ],
    ['one column', 'names.csv', 'name\nUniversidad de Deusto\nUniversité de Lyon\n', /only one column/i],
  ]
  it.each(cases)('refuses a %s file with a clear message', async (_label, name, content, message) => {
    const jobs = count('select count(*) as n from import_jobs')
    const stakeholders = count('select count(*) as n from stakeholders')
    const response = await upload('/stakeholders/import', name, content, 'comms')
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(message)
    expect(count('select count(*) as n from import_jobs')).toBe(jobs)
    expect(count('select count(*) as n from stakeholders')).toBe(stakeholders)
  })

  it('refuses a file over the upload limit', async () => {
    const jobs = count('select count(*) as n from import_jobs')
    const limitMb = Number(process.env.UPLOAD_LIMIT_MB ?? 10)
    const big =
      'name,city\n' + 'Some organisation,Some city\n'.repeat(Math.ceil((limitMb * 1024 * 1024) / 28) + 100)
    const response = await upload('/stakeholders/import', 'big.csv', big, 'comms')
    expect(response.status).toBe(413)
    expect(await response.text()).toContain(`larger than the limit of ${limitMb} MB`)
    expect(count('select count(*) as n from import_jobs')).toBe(jobs)
  })
})

describe('a stakeholder import through the steps', () => {
  it('uploads a Latin-1 semicolon file, guesses the Spanish headers, previews problems and duplicates, writes and reports', async () => {
    const existing = sqlite()
      .prepare(
        'select name, website from stakeholders where website is not null and archived_at is null order by id limit 1',
      )
      .get() as { name: string; website: string }
    const csv = [
      'Nombre;Ciudad;País;Sitio web;Categoría;Correo',
      'Fundación Ñandú Açores;São Miguel;Portugal;https://nandu-acores.example.pt;ONG;info@nandu-acores.example.pt',
      ';Bilbao;España;;;',
      'Oficina Técnica;Bilbao;Atlantis;not a url;;',
      `${existing.name} (copia);Madrid;ES;${existing.website};;`,
      'Fundación Ñandú Açores;Ponta Delgada;PT;;;',
    ].join('\r\n')
    const response = await upload(
      '/stakeholders/import',
      'registro.csv',
      iconv.encode(csv, 'windows-1252'),
      'comms',
      { kind: 'stakeholders' },
    )
    const job = await jobFrom(response)

    const map = await app.fetch(`${job.base}/map`, { as: 'comms' })
    expect(map.status).toBe(200)
    const mapHtml = await map.text()
    expect(mapHtml).toContain('windows-1252')
    for (const [field, header] of [
      ['name', 'Nombre'],
      ['city', 'Ciudad'],
      ['country', 'País'],
      ['website', 'Sitio web'],
      ['category', 'Categoría'],
      ['contactEmail', 'Correo'],
    ]) {
      expect(mapHtml).toMatch(
        new RegExp(
          `name="map\\.${field}"[^>]*>(?:(?!</select>).)*<option value="${header}" selected=""`,
          's',
        ),
      )
    }
    const ngo = (
      sqlite().prepare(`select id from stakeholder_categories where key = 'ngo'`).get() as { id: number }
    ).id
    const mapped = await app.post(
      `${job.base}/map`,
      {
        'map.name': 'Nombre',
        'map.city': 'Ciudad',
        'map.country': 'País',
        'map.website': 'Sitio web',
        'map.category': 'Categoría',
        'map.contactEmail': 'Correo',
        defaultCategoryId: String(ngo),
      },
      { as: 'comms' },
    )
    expect(mapped.status).toBe(302)
    // "Atlantis" matches no country: the value step comes before the preview (it may be skipped).
    expect(mapped.headers.get('location')).toBe(`${job.base}/values`)

    const before = count('select count(*) as n from stakeholders')
    const preview = await (await app.fetch(`${job.base}/preview`, { as: 'comms' })).text()
    expect(preview).toContain('The name is missing.')
    expect(preview).toContain('Unknown country “Atlantis”: left empty')
    expect(preview).toContain('“not a url” is not a web address.')
    expect(preview).toMatch(/same web domain as “[^”]+” in the register/)
    expect(preview).toMatch(/same name as line 2 of this file/)
    expect(count('select count(*) as n from stakeholders')).toBe(before)

    // Create the register duplicate anyway; keep the default (skip) for the repeated row.
    const written = await app.post(
      `${job.base}/preview`,
      { intent: 'write', mode: 'valid', defaultDecision: 'skip', 'decision.5': 'create' },
      { as: 'comms' },
    )
    expect(written.status).toBe(302)
    expect(written.headers.get('location')).toBe(`${job.base}/report`)
    expect(count('select count(*) as n from stakeholders')).toBe(before + 2)
    const created = sqlite()
      .prepare(
        `select s.country, s.city, s.web_domain as domain, c.key from stakeholders s join stakeholder_categories c on c.id = s.category_id where s.name = 'Fundación Ñandú Açores'`,
      )
      .all()
    expect(created).toEqual([
      { country: 'PT', city: 'São Miguel', domain: 'nandu-acores.example.pt', key: 'ngo' },
    ])
    expect(count(`select count(*) as n from contacts where email_key = 'info@nandu-acores.example.pt'`)).toBe(
      1,
    )
    expect(
      count(
        `select count(*) as n from audit_log where entity = 'import_job' and entity_id = ? and action = 'import'`,
        job.id,
      ),
    ).toBe(1)

    const report = await (await app.fetch(`${job.base}/report`, { as: 'comms' })).text()
    expect(report).toContain('Created: 2')
    expect(report).toContain('Rejected: 2')
    expect(report).toContain('Skipped: 1')
    const csvReport = await app.fetch(`${job.base}/report.csv`, { as: 'comms' })
    expect(csvReport.headers.get('content-type')).toContain('text/csv')
    const body = await csvReport.text()
    expect(body.split('\r\n')[0]).toBe('Line,Outcome,Name,Reason,Record id')
    expect(body).toContain('3,rejected,,The name is missing.')
    expect(body).toContain('4,rejected,Oficina Técnica,“not a url” is not a web address.')
    expect(body).toContain('4,warning,Oficina Técnica,"Unknown country “Atlantis”: left empty')
    expect(body).toMatch(/6,skipped,Fundación Ñandú Açores,Repeats line 2 of the file \(same name\)\./)

    // Written once: posting again does not write twice.
    await app.post(`${job.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'comms' })
    expect(count('select count(*) as n from stakeholders')).toBe(before + 2)
  })

  it('writes nothing when "write nothing if any row is rejected" is chosen', async () => {
    const job = await jobFrom(
      await upload(
        '/stakeholders/import',
        'b.csv',
        'name,country,category\nNew Org One,FR,Media\n,FR,Media\n',
        'comms',
      ),
    )
    await app.post(
      `${job.base}/map`,
      { 'map.name': 'name', 'map.country': 'country', 'map.category': 'category' },
      { as: 'comms' },
    )
    const before = count('select count(*) as n from stakeholders')
    const written = await app.post(`${job.base}/preview`, { intent: 'write', mode: 'all' }, { as: 'comms' })
    expect(written.status).toBe(302)
    expect(count('select count(*) as n from stakeholders')).toBe(before)
    const report = await (await app.fetch(`${job.base}/report`, { as: 'comms' })).text()
    expect(report).toContain('Nothing was written')
  })
})

describe('an actions import', () => {
  it('imports a partner’s spreadsheet as submitted actions, rejecting negative numbers and warning on unknown stakeholders', async () => {
    const stakeholder = sqlite()
      .prepare(
        'select name from stakeholders where archived_at is null and merged_into_id is null order by id limit 1',
      )
      .get() as { name: string }
    const csv = [
      'Fecha,Tipo,Canal,Título,Idiomas,Participantes,Alcance,Enlace,Stakeholders',
      `14/03/2026,Webinar,LinkedIn,Imported webinar on urban data,es; en,35,1.200,https://example.org/webinar,"${stakeholder.name}; Unknown Org XYZ"`,
      '2026-03-15,Presentation at an event,In person,Imported talk with a bad count,es,-5,,,',
      '2026-02-30,Webinar,,Imported impossible date,,,,,',
    ].join('\n')
    const job = await jobFrom(await upload('/actions/import', 'acciones.csv', csv, 'partner'))
    const map = await (await app.fetch(`${job.base}/map`, { as: 'partner' })).text()
    expect(map).toMatch(/name="map\.date"[^>]*>(?:(?!<\/select>).)*<option value="Fecha" selected=""/s)
    await app.post(
      `${job.base}/map`,
      {
        'map.date': 'Fecha',
        'map.type': 'Tipo',
        'map.channel': 'Canal',
        'map.title': 'Título',
        'map.languages': 'Idiomas',
        'map.participants': 'Participantes',
        'map.onlineReach': 'Alcance',
        'map.evidenceUrl': 'Enlace',
        'map.stakeholders': 'Stakeholders',
      },
      { as: 'partner' },
    )
    const preview = await (await app.fetch(`${job.base}/preview`, { as: 'partner' })).text()
    expect(preview).toContain('cannot be negative (-5)')
    expect(preview).toContain('“2026-02-30” is not a real date')
    expect(preview).toContain('No stakeholder matches “Unknown Org XYZ”')
    await app.post(`${job.base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'partner' })
    const rows = sqlite()
      .prepare(
        `select a.status, a.date, a.participants, a.online_reach as reach, a.partner_id as partner, (select count(*) from action_stakeholders s where s.action_id = a.id) as stakeholders, (select group_concat(language) from (select language from action_languages l where l.action_id = a.id order by language)) as languages from actions a where a.title like 'Imported %'`,
      )
      .all()
    expect(rows).toEqual([
      {
        status: 'submitted',
        date: '2026-03-14',
        participants: 35,
        reach: 1200,
        partner: partnerId('San Sebastián'),
        stakeholders: 1,
        languages: 'en,es',
      },
    ])
  })
})
