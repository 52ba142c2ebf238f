import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { databaseFile, sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

/*
 * Issue 12, point 7: a GDPR erasure scrubs every copy of the person. The contact comes in
 * through a contacts import (so the job, its report and its audit row hold it), a second import
 * skips them as a duplicate (its report quotes them), a third upload is left unfinished (the file
 * is stored); then the contact is erased and every table, every text column and every file in
 * the data folder is searched for the name and the e-mail.
 */

const app = useTestApp()

const token = Math.random().toString(36).slice(2, 8)
const NAME = `Zuriñe Ocampo-${token}`
const EMAIL = `zuri.ocampo.${token}@erasure.example.org`
const KEEPER = `Keeper Aranburu-${token}`
const KEEPER_EMAIL = `keeper.${token}@erasure.example.org`
const HOST = 'Universidad de Deusto'

const one = <T>(sql: string, ...args: unknown[]) =>
  sqlite()
    .prepare(sql)
    .get(...args) as T

function upload(name: string, content: string, as: DemoUser) {
  const form = new FormData()
  form.append('kind', 'contacts')
  form.append('file', new Blob([content]), name)
  return app.post('/stakeholders/import', form, { as })
}

async function uploaded(name: string, content: string, as: DemoUser) {
  const response = await upload(name, content, as)
  expect(response.status, await response.clone().text()).toBe(302)
  const location = response.headers.get('location')!
  return location.replace(/\/map$/, '')
}

/** Upload, map and write a contacts file as the communications lead; returns the job's base URL. */
async function imported(name: string, content: string) {
  const base = await uploaded(name, content, 'comms')
  const mapped = await app.post(
    `${base}/map`,
    {
      'map.name': 'Name',
      'map.email': 'E-mail',
      'map.phone': 'Phone',
      'map.organisation': 'Organisation',
      'map.notes': 'Notes',
      lawfulBasis: 'consent',
    },
    { as: 'comms' },
  )
  expect(mapped.status, await mapped.clone().text()).toBe(302)
  const written = await app.post(`${base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'comms' })
  expect(written.headers.get('location')).toBe(`${base}/report`)
  return base
}

const csv = (...rows: string[]) => ['Name,E-mail,Phone,Organisation,Notes', ...rows].join('\r\n')

/** Every place a value is found: "table.column" for the database, the file name for files. */
function whereFound(values: string[]): string[] {
  const needles = values.flatMap((v) =>
    [v, v.toLowerCase()].flatMap((f) =>
      (['utf8', 'utf16le', 'latin1'] as const).map((enc) => Buffer.from(f, enc)),
    ),
  )
  const holds = (bytes: Buffer) => needles.some((n) => bytes.includes(n))
  const found: string[] = []
  const raw = sqlite()
  const tables = raw.prepare(`select name from sqlite_master where type = 'table'`).all() as {
    name: string
  }[]
  for (const { name: table } of tables) {
    const columns = raw.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]
    for (const { name: column } of columns) {
      const rows = raw.prepare(`select "${column}" as v from "${table}"`).raw().all() as unknown[][]
      const hit = rows.some(([v]) =>
        Buffer.isBuffer(v) ? holds(v) : typeof v === 'string' ? holds(Buffer.from(v.toLowerCase())) : false,
      )
      if (hit) found.push(`${table}.${column}`)
    }
  }
  const folder = path.dirname(path.resolve(databaseFile()))
  for (const file of fs.readdirSync(folder, { recursive: true }) as string[]) {
    const full = path.join(folder, file)
    if (fs.statSync(full, { throwIfNoEntry: false })?.isFile() && holds(fs.readFileSync(full)))
      found.push(file)
  }
  return found
}

describe('erasing a contact that came in through an import', () => {
  it('leaves the name and e-mail nowhere, in no table and no file, and keeps the links', async () => {
    const first = await imported(
      `contacts-${token}.csv`,
      csv(
        `${NAME},${EMAIL},+34 944 139 000,${HOST},Met at the ${token} clinic`,
        `${KEEPER},${KEEPER_EMAIL},,${HOST},`,
      ),
    )
    // Met again: the second file repeats the e-mail, and is skipped as a duplicate that names them.
    const second = await imported(`again-${token}.csv`, csv(`${NAME.toUpperCase()},${EMAIL},,,`))
    // And an upload nobody finished: the file itself is stored with the job.
    const pending = await uploaded(`pending-${token}.csv`, csv(`${NAME},${EMAIL},,,`), 'admin')

    const contact = one<{ id: number; stakeholder_id: number }>(
      'select id, stakeholder_id from contacts where email_key = ?',
      EMAIL,
    )
    const host = one<{ id: number; name: string }>('select id, name from stakeholders where name = ?', HOST)
    expect(contact.stakeholder_id).toBe(host.id)
    const firstReport = await (await app.fetch(`${first}/report.csv`, { as: 'comms' })).text()
    expect(firstReport).toContain(NAME)
    expect(await (await app.fetch(`${second}/report.csv`, { as: 'comms' })).text()).toContain(NAME)
    // Written back into the database file: the search finds them there and in the tables first.
    sqlite().pragma('wal_checkpoint(TRUNCATE)')
    expect(whereFound([NAME, EMAIL])).toEqual(
      expect.arrayContaining([
        'contacts.name',
        'audit_log.after',
        'import_jobs.report',
        'import_jobs.content',
        path.basename(databaseFile()),
      ]),
    )
    const reached = one<{ n: number }>(
      'select count(*) as n from action_stakeholders where stakeholder_id = ?',
      host.id,
    ).n
    const trail = one<{ n: number }>(
      `select count(*) as n from audit_log where entity = 'contact' and entity_id = ?`,
      contact.id,
    ).n

    const erased = await app.post(
      `/contacts/${contact.id}`,
      { intent: 'erase', confirm: 'ERASE' },
      { as: 'comms' },
    )
    expect(erased.status).toBe(302)

    expect(whereFound([NAME, EMAIL])).toEqual([])

    // The reports keep their lines and counts, with the person blanked; others stay.
    const after = await (await app.fetch(`${first}/report.csv`, { as: 'comms' })).text()
    expect(after.split('\r\n')).toHaveLength(firstReport.split('\r\n').length)
    expect(after).toContain('Erased contact')
    expect(after).toContain(KEEPER)
    expect((await app.fetch(`${second}/report`, { as: 'comms' })).status).toBe(200)
    // The unfinished upload is gone: going on with it would bring the person back.
    expect((await app.fetch(`${pending}/map`, { as: 'admin' })).status).toBe(404)

    // The row, its organisation, the actions that reached it and the history stay.
    expect(one('select name, stakeholder_id as s from contacts where id = ?', contact.id)).toEqual({
      name: 'Erased contact',
      s: host.id,
    })
    expect(one('select name from stakeholders where id = ?', host.id)).toEqual({ name: HOST })
    expect(
      one<{ n: number }>('select count(*) as n from action_stakeholders where stakeholder_id = ?', host.id).n,
    ).toBe(reached)
    expect(
      one<{ n: number }>(
        `select count(*) as n from audit_log where entity = 'contact' and entity_id = ?`,
        contact.id,
      ).n,
    ).toBe(trail + 1)
    expect(one('select name from contacts where email_key = ?', KEEPER_EMAIL)).toEqual({ name: KEEPER })
    const page = await app.fetch(`/stakeholders/${host.id}`, { as: 'viewer' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(KEEPER)
  })
})
