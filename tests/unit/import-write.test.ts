import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { importContactsFromBuffer } from '~/models/imports/index.server'
import {
  createImportJob,
  getImportJob,
  previewJob,
  runImportJob,
  saveJobDecisions,
  saveJobMapping,
} from '~/models/imports/index.server'
import { importStakeholdersFromBuffer, previewStakeholderImport } from '~/models/imports/index.server'

import { sessionUserFor } from '../setup/actors'

const one = <T>(sql: string, ...args: unknown[]) =>
  sqlite()
    .prepare(sql)
    .get(...args) as T
const categoryId = (key: string) =>
  one<{ id: number }>('select id from stakeholder_categories where key = ?', key).id

describe('contacts are attached to their stakeholder', () => {
  it('by the e-mail’s web domain (or its parent domain) and by organisation name; otherwise on their own with a warning', () => {
    const comms = sessionUserFor('comms@demo.ripple')
    importStakeholdersFromBuffer({
      buffer: Buffer.from(
        'name,website,category\nInstituto Tecnológico de Prueba,https://www.itp-test.example.es,University\nAsociación Ejemplo,https://asoc-ejemplo.example.org,NGO\n',
      ),
      fileName: 'orgs.csv',
      actor: comms,
    })
    const itp = one<{ id: number }>(`select id from stakeholders where web_domain = 'itp-test.example.es'`).id
    const asoc = one<{ id: number }>(
      `select id from stakeholders where web_domain = 'asoc-ejemplo.example.org'`,
    ).id
    const csv = [
      'Nombre,Apellidos,Correo,Organización,Cargo',
      'Ana,García,ana.garcia@itp-test.example.es,,Directora',
      'Luis,Pérez,lperez@dept.itp-test.example.es,,',
      'Marta,Ruiz,marta@gmail.example.com,Asociación Ejemplo,Presidenta',
      'Sin,Organización,nadie@nowhere.example.net,,',
    ].join('\n')
    const report = importContactsFromBuffer({
      buffer: Buffer.from(csv),
      fileName: 'personas.csv',
      actor: comms,
    })
    expect(report.rejected).toEqual([])
    const rows = sqlite()
      .prepare(
        `select name, stakeholder_id as s, position, basis_source as source, lawful_basis as basis from contacts where id in (${report.created.map((c) => c.id).join(',')}) order by id`,
      )
      .all()
    expect(rows).toEqual([
      {
        name: 'Ana García',
        s: itp,
        position: 'Directora',
        source: 'import: personas.csv',
        basis: 'legitimate_interest',
      },
      {
        name: 'Luis Pérez',
        s: itp,
        position: null,
        source: 'import: personas.csv',
        basis: 'legitimate_interest',
      },
      {
        name: 'Marta Ruiz',
        s: asoc,
        position: 'Presidenta',
        source: 'import: personas.csv',
        basis: 'legitimate_interest',
      },
      {
        name: 'Sin Organización',
        s: null,
        position: null,
        source: 'import: personas.csv',
        basis: 'legitimate_interest',
      },
    ])
    expect(report.warnings.map((w) => [w.line, w.reason])).toEqual([[5, 'problems.noStakeholder']])

    // The same people again: matched by e-mail, updated only where the file says something.
    const again = importContactsFromBuffer({
      buffer: Buffer.from('Correo,Cargo\nana.garcia@itp-test.example.es,Rectora\n'),
      fileName: 'b.csv',
      actor: comms,
      decisions: { '2': 'update' },
    })
    expect(again.updated.length).toBe(1)
    expect(
      one<{ name: string; position: string }>(
        `select name, position from contacts where email_key = 'ana.garcia@itp-test.example.es'`,
      ),
    ).toEqual({ name: 'ana.garcia@itp-test.example.es', position: 'Rectora' })
  })
})

describe('updating matched stakeholders', () => {
  it('changes only the mapped, non-empty fields and audits the change', () => {
    const comms = sessionUserFor('comms@demo.ripple')
    const target = one<{
      id: number
      name: string
      city: string | null
      website: string | null
      category_id: number
    }>(
      `select id, name, city, website, category_id from stakeholders where website is not null and archived_at is null and merged_into_id is null order by id limit 1`,
    )
    const csv = `name,city,country\n"${target.name.toUpperCase()}",Nueva Ciudad,\n`
    const report = importStakeholdersFromBuffer({
      buffer: Buffer.from(csv),
      fileName: 'u.csv',
      actor: comms,
      options: { defaultCategoryId: categoryId('other') },
      decisions: { '2': 'update' },
    })
    expect(report.updated.map((u) => u.id)).toEqual([target.id])
    const after = one<{ city: string; website: string; category_id: number }>(
      'select city, website, category_id from stakeholders where id = ?',
      target.id,
    )
    // The city changed; the website and the category (default, not from the file) did not.
    expect(after).toEqual({ city: 'Nueva Ciudad', website: target.website, category_id: target.category_id })
    const audit = one<{ after: string }>(
      `select after from audit_log where entity = 'stakeholder' and entity_id = ? and action = 'update' order by id desc limit 1`,
      target.id,
    )
    expect(JSON.parse(audit.after)).toMatchObject({ city: 'Nueva Ciudad' })
  })
})

describe('an actions import job', () => {
  it('matches Spanish type and channel names, finds the same action already logged, and imports as submitted', async () => {
    const partner = sessionUserFor('partner@demo.ripple')
    const csv = [
      'fecha;tipo;canal;titulo;participantes',
      '2026-04-02;Seminario web;Evento en línea;Seminario sobre regeneración urbana;40',
      '2026-04-02;Seminario web;Evento en línea;Seminario sobre regeneración urbana;40',
    ].join('\n')
    const id = await createImportJob({
      kind: 'actions',
      user: partner,
      fileName: 'acciones.csv',
      buffer: Buffer.from(csv),
      partnerId: partner.partnerId,
    })
    let job = getImportJob(id, partner, 'actions')!
    expect(job.mapping).toMatchObject({
      date: 'fecha',
      type: 'tipo',
      channel: 'canal',
      title: 'titulo',
      participants: 'participantes',
    })
    const { summary } = await previewJob(job, partner)
    expect(summary.rejected).toEqual([])
    expect(summary.duplicates.map((d) => [d.line, d.firstLine, d.decision])).toEqual([[3, 2, 'skip']])
    const report = await runImportJob(job, partner)
    expect(report.created.length).toBe(1)
    const action = one<{ status: string; type: string; channel: string; partner: number }>(
      `select a.status, t.key as type, c.key as channel, a.partner_id as partner from actions a join action_types t on t.id = a.type_id join channels c on c.id = a.channel_id where a.id = ?`,
      report.created[0].id,
    )
    expect(action).toEqual({
      status: 'submitted',
      type: 'webinar',
      channel: 'online_event',
      partner: partner.partnerId,
    })
    // The uploaded file is dropped once written; the report stays.
    expect(one<{ n: number }>('select length(content) as n from import_jobs where id = ?', id).n).toBe(0)

    // The same file a second time: the register already has that action on that date.
    const second = await createImportJob({
      kind: 'actions',
      user: partner,
      fileName: 'acciones.csv',
      buffer: Buffer.from(csv),
      partnerId: partner.partnerId,
    })
    job = getImportJob(second, partner, 'actions')!
    expect(
      (await previewJob(job, partner)).summary.duplicates.map((d) => [
        d.line,
        d.existingId !== null,
        d.choices,
      ]),
    ).toEqual([
      [2, true, ['skip', 'create']],
      // Line 2 is skipped, so line 3 names the record it repeats, not line 2.
      [3, true, ['skip', 'create']],
    ])
    saveJobMapping(job, job.mapping!, {})
    saveJobDecisions(getImportJob(second, partner, 'actions')!, {
      mode: 'valid',
      defaultDecision: 'skip',
      perLine: { '2': 'create' },
    })
    expect(
      (await runImportJob(getImportJob(second, partner, 'actions')!, partner)).created.map((c) => c.line),
    ).toEqual([2])
    // Someone else's job is not found.
    expect(getImportJob(second, sessionUserFor('partner2@demo.ripple'), 'actions')).toBeNull()
  })
})

describe('a contacts import job', () => {
  it('records the lawful basis chosen on the mapping page on every contact', async () => {
    const comms = sessionUserFor('comms@demo.ripple')
    const vcf =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Consenting Person\r\nEMAIL:consenting.person@example.org\r\nEND:VCARD\r\n'
    // A vCard sent to the stakeholder import becomes a contacts import.
    const id = await createImportJob({
      kind: 'stakeholders',
      user: comms,
      fileName: 'card.vcf',
      buffer: Buffer.from(vcf),
    })
    const job = getImportJob(id, comms, 'stakeholders')!
    expect(job.kind).toBe('contacts')
    saveJobMapping(job, job.mapping!, { lawfulBasis: 'consent' })
    const report = await runImportJob(getImportJob(id, comms, 'stakeholders')!, comms)
    expect(report.created.length).toBe(1)
    expect(
      one<{ basis: string; source: string }>(
        'select lawful_basis as basis, basis_source as source from contacts where id = ?',
        report.created[0].id,
      ),
    ).toEqual({ basis: 'consent', source: 'import: card.vcf' })
  })
})

describe('the stakeholder import finds the register’s records by their accent-free name', () => {
  it('an upper-case name without accents is a duplicate of the accented record, found by name', () => {
    const comms = sessionUserFor('comms@demo.ripple')
    const existing = one<{ id: number; name: string }>(
      `select id, name from stakeholders where name = 'Université Lumière Lyon 2'`,
    )
    const summary = previewStakeholderImport({
      buffer: Buffer.from(
        'name,country,category\nUNIVERSITE LUMIERE LYON 2,FR,University\nSome New Lab,FR,University\n',
      ),
      fileName: 'lyon.csv',
      actor: comms,
    })
    expect(summary.duplicates.map((d) => [d.line, d.match, d.value, d.existingId, d.existingLabel])).toEqual([
      [2, 'name', 'universite lumiere lyon 2', existing.id, existing.name],
    ])
  })
})
