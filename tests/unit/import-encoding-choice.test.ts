import { eq } from 'drizzle-orm'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { importJobs } from '#db/schema'
import {
  chooseJobEncoding,
  createImportJob,
  getImportJob,
  jobEncoding,
  jobSample,
} from '~/models/imports/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { sessionUserFor } from '../setup/actors'

/*
 * The encoding a user chooses on the mapping page: the upload is read again in it, and its rows,
 * format, headers and guessed columns replace the ones read at upload.
 */

const comms = sessionUserFor('comms@demo.ripple')
const viewer = sessionUserFor('viewer@demo.ripple')

const csv =
  'name,miejscowość,email\nČeněk Šťastný,Łódź,cenek@lodz.example.pl\nGasteizko Udala,Šternberk,udala@example.eus\n'

const guessed = {
  ...Object.fromEntries(
    [
      'acronym',
      'category',
      'programme',
      'period',
      'scale',
      'country',
      'website',
      'description',
      'languages',
      'stage',
      'contactName',
    ].map((f) => [f, null]),
  ),
  name: 'name',
  city: 'miejscowość',
  contactEmail: 'email',
}

async function czechJob() {
  const id = await createImportJob({
    kind: 'stakeholders',
    user: comms,
    fileName: 'zúčastnění.csv',
    buffer: iconv.encode(csv, 'windows-1250'),
  })
  return () => getImportJob(id, comms, 'stakeholders')!
}
const rowOf = (id: number) => db.select().from(importJobs).where(eq(importJobs.id, id)).get()!
const setJob = (id: number, values: Partial<typeof importJobs.$inferInsert>) =>
  db.update(importJobs).set(values).where(eq(importJobs.id, id)).run()

describe('choosing the encoding of an uploaded file', () => {
  it('reads the rows again in windows-1250 after a wrong choice, keeping the _ options', async () => {
    const job = await czechJob()
    expect(job().mapping).toEqual(guessed)
    expect(await chooseJobEncoding(job(), comms, 'windows-1252')).toBe(true)
    expect(job().headers).toEqual(['name', 'miejscowoœæ', 'email'])
    expect(job().format).toMatchObject({ encoding: 'windows-1252', encodingChosen: true, rows: 2 })
    setJob(job().id, {
      mapping: { name: null, email: null, _skipDuplicates: 'on' },
      status: 'previewed',
      updatedAt: '2020-01-01T00:00:00.000Z',
    })

    expect(await chooseJobEncoding(job(), comms, 'windows-1250')).toBe(true)

    const after = job()
    expect(await jobSample(after, 5)).toEqual([
      ['Čeněk Šťastný', 'Łódź', 'cenek@lodz.example.pl'],
      ['Gasteizko Udala', 'Šternberk', 'udala@example.eus'],
    ])
    expect(after.format).toMatchObject({
      type: 'csv',
      encoding: 'windows-1250',
      encodingChosen: true,
      rows: 2,
    })
    expect(after.headers).toEqual(['name', 'miejscowość', 'email'])
    expect(after.status).toBe('uploaded')
    expect(after.mapping).toEqual({ ...guessed, _skipDuplicates: 'on' })
    expect(after.updatedAt).not.toBe('2020-01-01T00:00:00.000Z')
    expect(jobEncoding(after)).toBe('windows-1250')
  })

  it('takes "UTF-8 (BOM)" as UTF-8', async () => {
    const job = await czechJob()
    expect(await chooseJobEncoding(job(), comms, 'UTF-8 (BOM)')).toBe(true)
    expect(job().format).toMatchObject({ encoding: 'UTF-8', encodingChosen: true })
  })
})

describe('a choice that changes nothing', () => {
  it('an unknown encoding name, or none', async () => {
    const job = await czechJob()
    const before = rowOf(job().id)
    expect(await chooseJobEncoding(job(), comms, 'klingon-8')).toBe(false)
    expect(await chooseJobEncoding(job(), comms, undefined)).toBe(false)
    expect(rowOf(job().id)).toEqual(before)
  })

  it('a completed job', async () => {
    const job = await czechJob()
    setJob(job().id, { status: 'completed' })
    const before = rowOf(job().id)
    expect(await chooseJobEncoding(job(), comms, 'windows-1252')).toBe(false)
    expect(rowOf(job().id)).toEqual(before)
  })

  it('a job whose upload is gone', async () => {
    const job = await czechJob()
    setJob(job().id, { upload: null })
    const before = rowOf(job().id)
    expect(await chooseJobEncoding(job(), comms, 'windows-1252')).toBe(false)
    expect(rowOf(job().id)).toEqual(before)
  })
})

describe('who may choose', () => {
  it('a viewer may not: ForbiddenError, and the job is left as it was', async () => {
    const job = await czechJob()
    const before = rowOf(job().id)
    await expect(chooseJobEncoding(job(), viewer, 'windows-1252')).rejects.toThrow(ForbiddenError)
    expect(rowOf(job().id)).toEqual(before)
  })
})

describe('the encoding a job is read in', () => {
  it('names a choosable encoding, UTF-8 for "UTF-8 (BOM)", and null for an unknown one or none', () => {
    expect(jobEncoding({ format: { type: 'csv', encoding: 'iso-8859-2' } as never })).toBe('iso-8859-2')
    expect(jobEncoding({ format: { type: 'csv', encoding: 'UTF-8 (BOM)' } as never })).toBe('UTF-8')
    expect(jobEncoding({ format: { type: 'csv', encoding: 'Shift_JIS' } as never })).toBeNull()
    expect(jobEncoding({ format: null })).toBeNull()
  })
})
