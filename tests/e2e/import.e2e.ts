import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { fixturePath } from '../setup/fixtures'
import { desktop, phone, useBrowserApp } from './harness'

const app = useBrowserApp()

describe('importing stakeholders in a real browser', () => {
  it('uploads a CSV, maps, previews, confirms, then finds an import with an accent-free search', async () => {
    const page = await app.newPage(desktop)
    await app.login(page, 'comms')
    await page.goto('/stakeholders/import')
    const csv = [
      'Nom,Ville,Pays,Site web,Catégorie',
      'Université Côte d’Émeraude,Saint-Malo,France,https://univ-cote-emeraude.example.fr,Université',
      'Agence Économique Bretonne,Rennes,Narnia,not a url,Business',
    ].join('\n')
    await page.getByLabel('Stakeholders (organisations)').check()
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'organisations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await Promise.all([
      page.waitForURL(/\/stakeholders\/import\/\d+\/map$/),
      page.getByRole('button', { name: 'Upload and map columns' }).click(),
    ])

    // Step 2: the French headers were guessed; the selects can still be changed.
    expect(await page.getByLabel('Name (required)').inputValue()).toBe('Nom')
    expect(await page.getByLabel('City', { exact: true }).inputValue()).toBe('Ville')
    expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('Pays')
    expect(await page.getByLabel('Website').inputValue()).toBe('Site web')
    await page.getByLabel('Category', { exact: true }).selectOption('Catégorie')
    await Promise.all([
      page.waitForURL(/\/values$/),
      page.getByRole('button', { name: 'Preview the import' }).click(),
    ])

    // The value step: "Narnia" matches no country; it is mapped to one (a plain form).
    await page.getByLabel('Narnia').selectOption({ label: 'France' })
    await Promise.all([
      page.waitForURL(/\/preview$/),
      page.getByRole('button', { name: 'Save and preview the import' }).click(),
    ])

    // Step 3: the preview shows the rejected row with its line and reason, before writing.
    await expect.poll(() => page.getByText('“not a url” is not a web address.').count()).toBe(1)
    const rejected = page.locator('table', { hasText: 'not a web address' }).locator('tbody tr')
    expect(await rejected.first().locator('td').first().textContent()).toBe('3')
    expect(await page.getByText('To create: 1').count()).toBe(1)
    await Promise.all([
      page.waitForURL(/\/report$/),
      page.getByRole('button', { name: 'Confirm and write' }).click(),
    ])

    // Step 4: the report.
    await expect.poll(() => page.getByText('Created: 1').count()).toBe(1)
    expect(await page.getByText('Rejected: 1').count()).toBe(1)
    const download = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the report (CSV)' }).click(),
    ]).then(([d]) => d)
    expect(download.suggestedFilename()).toMatch(/^import-\d+-report\.csv$/)

    // The register finds it without accents.
    await page.goto('/stakeholders?q=universite%20cote%20d%20emeraude')
    await expect
      .poll(() => page.getByRole('link', { name: 'Université Côte d’Émeraude' }).count())
      .toBeGreaterThan(0)
    await page.context().close()
  })

  it('reads a Windows-1250 Polish file right, and the encoding selector re-reads it at once', async () => {
    const page = await app.newPage(desktop)
    await app.login(page, 'comms')
    await page.goto('/stakeholders/import')
    const csv = [
      'Nazwa beneficjenta;Tytuł projektu;Miejscowość',
      'Urząd Miasta Gdańska;Zrównoważona mobilność;Gdańsk',
      'Politechnika Łódzka;Żywe ulice;Łódź',
    ].join('\r\n')
    await page.getByLabel('Stakeholders (organisations)').check()
    await page.locator('input[type=file]').setInputFiles({
      name: 'beneficjenci.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'windows-1250'),
    })
    await Promise.all([
      page.waitForURL(/\/stakeholders\/import\/\d+\/map$/),
      page.getByRole('button', { name: 'Upload and map columns' }).click(),
    ])
    const encoding = page.getByLabel('Character encoding')
    expect(await encoding.inputValue()).toBe('windows-1250')
    const sample = page.locator('table', { hasText: 'Nazwa beneficjenta' })
    await expect.poll(() => sample.getByText('Urząd Miasta Gdańska').count()).toBe(1)

    // Choosing another encoding re-reads the file: the sample rows change without a button.
    await encoding.selectOption('windows-1252')
    await expect.poll(() => sample.getByText('Urz¹d Miasta Gdañska').count()).toBe(1)
    expect(await page.getByLabel('Character encoding').inputValue()).toBe('windows-1252')
    expect(await sample.locator('th').nth(1).textContent()).toBe('Tytu³ projektu')

    await page.getByLabel('Character encoding').selectOption('windows-1250')
    await expect.poll(() => sample.getByText('Politechnika Łódzka').count()).toBe(1)
    expect(await page.getByLabel('Name (required)').inputValue()).toBe('Nazwa beneficjenta')
    await page.context().close()
  })

  it('refuses an empty file with the message next to the file field, on a phone', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'comms')
    await page.goto('/stakeholders/import')
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') })
    await page.getByRole('button', { name: 'Upload and map columns' }).click()
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The file is empty' }).count()).toBe(1)
    expect(new URL(page.url()).pathname).toBe('/stakeholders/import')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(360)
    await page.context().close()
  })

  it('shows how much of a large file has been sent on a slow connection, then maps its columns', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'comms')
    await page.goto('/stakeholders/import')
    // The 10,251 universities (2.2 MB) over a connection sending 400 KB a second.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 400 * 1024,
    })
    await page
      .locator('input[type=file]')
      .setInputFiles(fixturePath('universities', 'world_universities_and_domains.json'))
    await page.getByRole('button', { name: 'Upload and map columns' }).click()
    const bar = page.getByRole('progressbar', { name: /^Sending the file… \d+%$/ })
    await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(1)
    const seen = new Set<number>()
    await expect
      .poll(
        async () => {
          const value = Number((await bar.getAttribute('value', { timeout: 200 }).catch(() => null)) ?? -1)
          if (value > 0 && value < 100) seen.add(value)
          return seen.size
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBeGreaterThanOrEqual(2)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    await page.waitForURL(/\/stakeholders\/import\/\d+\/map$/, { timeout: 30_000 })
    await expect.poll(() => page.getByLabel('Name (required)').inputValue()).toBe('name')
    await page.context().close()
  })
})
