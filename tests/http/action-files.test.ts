import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { and, desc, eq, isNull, ne } from 'drizzle-orm'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionFiles, actions } from '#db/schema'

import { actorFor } from '../setup/actors'
import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

const photo = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#2e86de' } })
    .jpeg()
    .withMetadata({ exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 19/1 0/1' } } })
    .toBuffer()
const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n', 'latin1')

function filesForm(
  files: { name: string; bytes: Uint8Array; type?: string }[],
  fields: Record<string, string> = {},
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const f of files)
    form.append(
      'evidenceFiles',
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    )
  return form
}

const liveActionOf = (email: string) =>
  db
    .select({ id: actions.id })
    .from(actions)
    .where(
      and(
        eq(actions.partnerId, actorFor(email).partnerId!),
        isNull(actions.archivedAt),
        ne(actions.status, 'validated'),
      ),
    )
    .orderBy(desc(actions.id))
    .limit(1)
    .get()!.id

const filesOf = (actionId: number) =>
  db.select().from(actionFiles).where(eq(actionFiles.actionId, actionId)).orderBy(actionFiles.id).all()

let own: number
let other: number
beforeAll(() => {
  own = liveActionOf('partner@demo.ripple')
  other = liveActionOf('partner2@demo.ripple')
})

describe('evidence files over HTTP', () => {
  it('lets a partner add photos and PDFs to its own action from the action page', async () => {
    const response = await app.post(
      `/actions/${own}/files`,
      filesForm([
        { name: 'Zdjęcie – Łódź (1).jpg', bytes: await photo(), type: 'image/jpeg' },
        { name: 'Ημερήσια διάταξη.pdf', bytes: pdf, type: 'application/pdf' },
      ]),
      { as: 'partner' },
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`/actions/${own}?files=added#files`)
    const [image, sheet] = filesOf(own).slice(-2)
    expect(image).toMatchObject({ kind: 'image', contentType: 'image/jpeg', width: 800, height: 600 })
    expect(sheet).toMatchObject({ kind: 'pdf', contentType: 'application/pdf', size: pdf.length })

    const page = await (await app.fetch(`/actions/${own}`, { as: 'viewer' })).text()
    expect(page).toContain(`/actions/${own}/files/${image.id}/thumb`)
    expect(page).toContain('Ημερήσια διάταξη.pdf')

    const thumb = await app.fetch(`/actions/${own}/files/${image.id}/thumb`, { as: 'viewer' })
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toBe('image/webp')
    expect(thumb.headers.get('x-content-type-options')).toBe('nosniff')
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()
    expect([thumbMeta.width, thumbMeta.height]).toEqual([320, 240])
  })

  it('serves a file as an attachment with a safe RFC 5987 name, nosniff and the stored type', async () => {
    const image = filesOf(own).find((f) => f.kind === 'image')!
    const response = await app.fetch(`/actions/${own}/files/${image.id}`, { as: 'viewer' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Zdj_cie _ __d_ (1).jpg"; filename*=UTF-8''Zdj%C4%99cie%20%E2%80%93%20%C5%81%C3%B3d%C5%BA%20%281%29.jpg`,
    )
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
    const bytes = Buffer.from(await response.arrayBuffer())
    expect((await sharp(bytes).metadata()).exif).toBeUndefined()
  })

  it("refuses a partner on another partner's action, and the viewer, with 403 and nothing kept", async () => {
    const before = filesOf(other).length
    const cases: [DemoUser, number][] = [
      ['partner', other],
      ['viewer', other],
      ['viewer', own],
    ]
    for (const [as, id] of cases) {
      const response = await app.post(`/actions/${id}/files`, filesForm([{ name: 'a.pdf', bytes: pdf }]), {
        as,
      })
      expect(response.status, `${as} on ${id}`).toBe(403)
    }
    expect(filesOf(other)).toHaveLength(before)
    const ok = await app.post(`/actions/${other}/files`, filesForm([{ name: 'a.pdf', bytes: pdf }]), {
      as: 'partner2',
    })
    expect(ok.status).toBe(302)
    const added = filesOf(other).at(-1)!
    const archive = await app.post(
      `/actions/${other}/files/${added.id}`,
      { intent: 'archive' },
      { as: 'partner' },
    )
    expect(archive.status).toBe(403)
    expect((await app.fetch(`/actions/${other}/files/${added.id}/thumb`, { as: 'partner' })).status).toBe(404)
  })

  it('refuses a file that is not what it claims, back to the page with the reason, never a 500', async () => {
    const before = filesOf(own).length
    for (const bad of [
      { name: 'photo.jpg', bytes: Buffer.from('GIF89a not accepted'), type: 'image/jpeg' },
      {
        name: 'slides.pdf',
        bytes: Buffer.from('<svg><script>alert(1)</script></svg>'),
        type: 'application/pdf',
      },
      { name: 'IMG_0042.HEIC', bytes: Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic cut short', 'latin1') },
    ]) {
      const response = await app.post(`/actions/${own}/files`, filesForm([bad]), { as: 'partner' })
      expect(response.status, bad.name).toBe(303)
      expect(response.headers.get('location'), bad.name).toMatch(
        /^\/actions\/\d+\?fileError=evidence%3Afiles\.errors\.(type|image)#files$/,
      )
    }
    const none = await app.post(`/actions/${own}/files`, filesForm([]), { as: 'partner' })
    expect(none.headers.get('location')).toBe(`/actions/${own}?fileError=evidence%3Afiles.errors.none#files`)
    expect(filesOf(own)).toHaveLength(before)
  })

  it('a refused file brings the page back with the message next to the field', async () => {
    const before = filesOf(own).length
    const response = await app.post(
      `/actions/${own}/files`,
      filesForm([{ name: 'zdjęcie.jpg', bytes: Buffer.from('GIF89a not accepted'), type: 'image/jpeg' }]),
      { as: 'partner' },
    )
    expect(response.status).toBe(303)
    const to = response.headers.get('location')!
    expect(to).toBe(`/actions/${own}?fileError=evidence%3Afiles.errors.type#files`)
    const page = await app.fetch(to.replace(/#.*$/, ''), { as: 'partner' })
    const html = await page.text()
    expect(html).toMatch(
      /<ul id="evidence-files-error"[^>]*>\s*<li>Only photos \(JPEG, PNG, WebP, HEIC\) and PDF files can be added/,
    )
    expect(filesOf(own)).toHaveLength(before)
    // Anything else in the URL is not a message: ignored.
    const forged = await app.fetch(`/actions/${own}?fileError=<script>`, { as: 'partner' })
    expect(await forged.text()).not.toContain('evidence-files-error" class')
  })

  it('takes files on the action form, and shows a refused one next to the field with the values kept', async () => {
    const typeId = db.select({ typeId: actions.typeId }).from(actions).limit(1).get()!.typeId
    const fields = {
      intent: 'submit',
      typeId: String(typeId),
      date: '2026-03-02',
      title: 'Tailerra Donostian – Euskara',
    }
    const refused = await app.post(
      '/actions/new',
      filesForm([{ name: 'notes.pdf', bytes: Buffer.from('plain text') }], fields),
      {
        as: 'partner',
      },
    )
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Only photos (JPEG, PNG, WebP, HEIC) and PDF files can be added')
    expect(html).toContain('Tailerra Donostian – Euskara')
    const saved = await app.post('/actions/new', filesForm([{ name: 'agenda.pdf', bytes: pdf }], fields), {
      as: 'partner',
    })
    expect(saved.status).toBe(302)
    const id = Number(/\/actions\/(\d+)/.exec(saved.headers.get('location')!)![1])
    expect(filesOf(id).map((f) => f.originalName)).toEqual(['agenda.pdf'])

    const edited = await app.post(
      `/actions/${id}/edit`,
      filesForm(
        [
          {
            name: 'Fotka z akce.png',
            bytes: await sharp(await photo())
              .png()
              .toBuffer(),
          },
        ],
        fields,
      ),
      { as: 'partner' },
    )
    expect(edited.status).toBe(302)
    expect(filesOf(id).map((f) => f.contentType)).toEqual(['application/pdf', 'image/png'])
  })

  it('archives and restores a file; an archived file is gone for readers', async () => {
    const file = filesOf(own).find((f) => f.kind === 'pdf' && !f.archivedAt)!
    const archived = await app.post(
      `/actions/${own}/files/${file.id}`,
      { intent: 'archive' },
      { as: 'partner' },
    )
    expect(archived.status).toBe(302)
    expect((await app.fetch(`/actions/${own}/files/${file.id}`, { as: 'viewer' })).status).toBe(404)
    expect((await app.fetch(`/actions/${own}/files/${file.id}`, { as: 'partner' })).status).toBe(200)
    expect(
      (await app.post(`/actions/${own}/files/${file.id}`, { intent: 'wipe' }, { as: 'partner' })).status,
    ).toBe(400)
    const restored = await app.post(
      `/actions/${own}/files/${file.id}`,
      { intent: 'restore' },
      { as: 'comms' },
    )
    expect(restored.status).toBe(302)
    expect((await app.fetch(`/actions/${own}/files/${file.id}`, { as: 'viewer' })).status).toBe(200)
    expect((await app.fetch(`/actions/${own}/files/abc`, { as: 'viewer' })).status).toBe(404)
  })

  it('puts the evidence files in the backup; restored as the README says, a file opens', async () => {
    const image = filesOf(own).find((f) => f.kind === 'image')!
    const live = Buffer.from(
      await (await app.fetch(`/actions/${own}/files/${image.id}`, { as: 'viewer' })).arrayBuffer(),
    )
    const response = await app.post('/admin/backup/download', {}, { as: 'admin' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/x-tar')
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-restore-'))
    const archive = path.join(work, 'ripple-backup.tar')
    fs.writeFileSync(archive, Buffer.from(await response.arrayBuffer()))
    // README, "Backup and restore", step 3, into a fresh data folder.
    const unpacked = path.join(work, 'ripple-restore')
    const data = path.join(work, 'data')
    fs.mkdirSync(unpacked)
    fs.mkdirSync(data)
    execFileSync('tar', ['-xf', archive, '-C', unpacked])
    execFileSync('cp', [path.join(unpacked, 'ripple.db'), path.join(data, 'ripple.db')])
    execFileSync('cp', ['-R', path.join(unpacked, 'evidence'), path.join(data, 'evidence')])
    const restored = new Database(path.join(data, 'ripple.db'), { readonly: true })
    try {
      expect(restored.pragma('integrity_check', { simple: true })).toBe('ok')
      const row = restored
        .prepare('select stored_name as storedName from action_files where id = ?')
        .get(image.id) as {
        storedName: string
      }
      expect(fs.readFileSync(path.join(data, 'evidence', row.storedName)).equals(live)).toBe(true)
      expect(fs.existsSync(path.join(data, 'evidence', `${row.storedName}.thumb.webp`))).toBe(true)
    } finally {
      restored.close()
      fs.rmSync(work, { recursive: true, force: true })
    }
  })
})
