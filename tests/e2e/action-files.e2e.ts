import Database from 'better-sqlite3'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

/** The newest live, not yet validated action of San Sebastián (the demo partner's city). */
function ownAction() {
  const database = new Database(app.dbFile, { readonly: true })
  try {
    return database
      .prepare(
        `select a.id from actions a join users u on u.partner_id = a.partner_id
         where u.email = 'partner@demo.ripple' and a.archived_at is null and a.status != 'validated'
         order by a.id desc limit 1`,
      )
      .pluck()
      .get() as number
  } finally {
    database.close()
  }
}

describe('evidence files in a real browser', () => {
  it('a partner uploads a phone photo on the action page and sees its thumbnail', async () => {
    const id = ownAction()
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#27ae60' } })
      .jpeg()
      .withMetadata({ exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '54/1 21/1 0/1' } } })
      .toBuffer()
    const page = await app.newPage(phone)
    await app.login(page, 'partner')
    await page.goto(`/actions/${id}`)
    const files = page.getByRole('region', { name: 'Photos and documents' })
    await expect.poll(() => files.textContent()).toContain('No files yet.')
    await files
      .getByLabel('Photos, attendance sheets, agendas, slides')
      .setInputFiles({ name: 'Warsztaty w Gdańsku.jpg', mimeType: 'image/jpeg', buffer: photo })
    await files.getByRole('button', { name: 'Add files' }).click()
    const thumbnail = files.getByRole('img', { name: 'Photo: Warsztaty w Gdańsku.jpg' })
    await expect.poll(() => thumbnail.count(), { timeout: 10_000 }).toBe(1)
    // The thumbnail is served by Ripple (same origin, so img-src 'self' holds) and really loads.
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 10_000,
      })
      .toBe(320)
    expect(await thumbnail.getAttribute('src')).toMatch(new RegExp(`^/actions/${id}/files/\\d+/thumb$`))

    // A file that is not a photo or a PDF is refused next to the field.
    await files
      .getByLabel('Photos, attendance sheets, agendas, slides')
      .setInputFiles({ name: 'agenda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') })
    await files.getByRole('button', { name: 'Add files' }).click()
    await expect
      .poll(() => files.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Only photos (JPEG, PNG, WebP, HEIC) and PDF files can be added')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    await page.context().close()
  })
})
