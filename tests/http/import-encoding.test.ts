import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

function upload(name: string, content: Uint8Array | string, as: DemoUser = 'comms') {
  const form = new FormData()
  form.append('kind', 'stakeholders')
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name)
  return app.post('/stakeholders/import', form, { as })
}

async function jobFrom(response: Response) {
  expect(response.status, await response.clone().text()).toBe(302)
  const location = response.headers.get('location')!
  const m = /\/import\/(\d+)\/map$/.exec(location)
  expect(m, location).not.toBeNull()
  return { id: Number(m![1]), base: location.replace(/\/map$/, '') }
}

const mapPage = async (base: string) => {
  const response = await app.fetch(`${base}/map`, { as: 'comms' })
  expect(response.status).toBe(200)
  return response.text()
}
const selected = (html: string, name: string) =>
  new RegExp(
    `name="${name.replace('.', '\\.')}"[^>]*>(?:(?!</select>).)*<option value="([^"]*)" selected=""`,
    's',
  ).exec(html)?.[1]
const jobFormat = (id: number) =>
  JSON.parse(
    (sqlite().prepare('select format from import_jobs where id = ?').get(id) as { format: string }).format,
  )

const polish = [
  'Nazwa beneficjenta;Tytuł projektu;Miejscowość;Kraj',
  'Urząd Miasta Gdańska;Zrównoważona mobilność;Gdańsk;PL',
  'Politechnika Łódzka;Żywe ulice;Łódź;PL',
  'Zarząd Transportu Miejskiego w Poznaniu;Śródmieście bez aut;Poznań;PL',
].join('\r\n')

describe('the encoding: detected, shown, chosen on the mapping page and used by the later steps', () => {
  it('a Windows-1250 file is read as Windows-1250; choosing Windows-1252 re-reads it; the choice is kept', async () => {
    const job = await jobFrom(await upload('beneficjenci.csv', iconv.encode(polish, 'windows-1250')))
    let html = await mapPage(job.base)
    expect(selected(html, 'encoding')).toBe('windows-1250')
    expect(html).toContain('Urząd Miasta Gdańska')
    expect(selected(html, 'map.name')).toBe('Nazwa beneficjenta')
    expect(selected(html, 'map.city')).toBe('Miejscowość')

    const chosen = await app.post(
      `${job.base}/map`,
      { intent: 'encoding', encoding: 'windows-1252' },
      { as: 'comms' },
    )
    expect(chosen.status).toBe(302)
    expect(chosen.headers.get('location')).toBe(`${job.base}/map`)
    html = await mapPage(job.base)
    expect(selected(html, 'encoding')).toBe('windows-1252')
    expect(html).toContain('Urz¹d Miasta Gdañska')
    expect(html).toContain('Tytu³ projektu')
    expect(jobFormat(job.id).encoding).toBe('windows-1252')

    // Something that is not an encoding changes nothing.
    await app.post(`${job.base}/map`, { intent: 'encoding', encoding: 'ebcdic' }, { as: 'comms' })
    expect(jobFormat(job.id).encoding).toBe('windows-1252')

    // Back to Windows-1250, then map, preview and write: the names are stored as written.
    await app.post(`${job.base}/map`, { intent: 'encoding', encoding: 'windows-1250' }, { as: 'comms' })
    const other = (
      sqlite().prepare(`select id from stakeholder_categories where key = 'other'`).get() as { id: number }
    ).id
    const mapped = await app.post(
      `${job.base}/map`,
      {
        'map.name': 'Nazwa beneficjenta',
        'map.city': 'Miejscowość',
        'map.country': 'Kraj',
        defaultCategoryId: String(other),
      },
      { as: 'comms' },
    )
    expect(mapped.status).toBe(302)
    const preview = await (await app.fetch(`${job.base}/preview`, { as: 'comms' })).text()
    expect(preview).not.toContain('Gdañska')
    const written = await app.post(
      `${job.base}/preview`,
      { intent: 'write', mode: 'valid', defaultDecision: 'skip' },
      { as: 'comms' },
    )
    expect(written.status).toBe(302)
    const rows = sqlite()
      .prepare(
        `select name, city from stakeholders where name in ('Urząd Miasta Gdańska', 'Politechnika Łódzka') order by id`,
      )
      .all()
    expect(rows).toEqual([
      { name: 'Urząd Miasta Gdańska', city: 'Gdańsk' },
      { name: 'Politechnika Łódzka', city: 'Łódź' },
    ])
  })

  it('a Windows-1253 Greek file with bilingual headers: Greek read right, columns guessed', async () => {
    const greek = [
      'Α/Α;ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME;ΠΟΛΗ / CITY ;"ΧΩΡΑ\nCOUNTRY"',
      '1;Δήμος Θεσσαλονίκης;Θεσσαλονίκη;ΕΛΛΑΔΑ',
      '2;Περιφέρεια Κεντρικής Μακεδονίας;Θεσσαλονίκη;ΕΛΛΑΔΑ',
    ].join('\r\n')
    const job = await jobFrom(await upload('dikaiouxoi.csv', iconv.encode(greek, 'windows-1253')))
    const html = await mapPage(job.base)
    expect(selected(html, 'encoding')).toBe('windows-1253')
    expect(html).toContain('Δήμος Θεσσαλονίκης')
    expect(selected(html, 'map.name')).toBe('ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME')
    expect(selected(html, 'map.city')).toBe('ΠΟΛΗ / CITY') // trimmed
    expect(selected(html, 'map.country')).toBe('ΧΩΡΑ\nCOUNTRY')
  })
})

describe('GeoJSON and refused formats through the upload page', () => {
  it('GeoJSON wrapped in a JavaScript assignment becomes rows with latitude and longitude', async () => {
    const geo = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Ajuntament de Girona', city: 'Girona' },
          geometry: { type: 'Point', coordinates: [2.8214, 41.9794] },
        },
      ],
    }
    const job = await jobFrom(await upload('members.js', `var members = ${JSON.stringify(geo)};\n`))
    const html = await mapPage(job.base)
    expect(html).toContain('GeoJSON')
    expect(html).toContain('41.9794')
    expect(selected(html, 'map.name')).toBe('name')
    expect(jobFormat(job.id)).toMatchObject({ type: 'geojson', rows: 1 })
  })

  it('workbooks and PDFs are refused with a sentence, nothing stored', async () => {
    const before = (sqlite().prepare('select count(*) as n from import_jobs').get() as { n: number }).n
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(300, 0x20)])
    const refused = await upload('members.xlsx', xlsx)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('This is a spreadsheet workbook (Excel or LibreOffice)')
    const pdf = await upload('members.pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n')
    expect(pdf.status).toBe(400)
    expect(await pdf.text()).toContain('This is a document (PDF or RTF)')
    expect((sqlite().prepare('select count(*) as n from import_jobs').get() as { n: number }).n).toBe(before)
  })
})
