import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

describe('administration in a real browser', () => {
  it('edits the project settings with the keyboard and finds the change in the audit log', async () => {
    const page = await app.newPage()
    await app.login(page, 'admin')
    await page.goto('/admin/project')

    const acronym = page.getByLabel('Acronym', { exact: true })
    await acronym.focus()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('CiD-2')
    // Tick a working language from the keyboard: Tab to it, Space toggles it.
    const basque = page.getByRole('checkbox', { name: /Basque/ })
    expect(await basque.isChecked()).toBe(false)
    await basque.focus()
    await page.keyboard.press('Space')
    expect(await basque.isChecked()).toBe(true)
    // Enter in a text field submits the form with "save" (not the first "remove period" button).
    await acronym.focus()
    await Promise.all([page.waitForURL(/saved=project/), page.keyboard.press('Enter')])
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved.')
    expect(await page.getByLabel('Acronym', { exact: true }).inputValue()).toBe('CiD-2')
    expect(await page.getByLabel('Label').count()).toBe(4) // the three seeded periods survived, plus an empty row

    await page.goto('/admin/audit?entity=project')
    const entry = page.locator('li.card').first()
    await expect.poll(() => entry.textContent()).toContain('acronym')
    const text = (await entry.textContent()) ?? ''
    expect(text).toContain('CiD → CiD-2')
    // Languages are stored in the order of the checkbox list.
    expect(text).toContain('workingLanguages')
    expect(text).toContain('en, es, pt, it, fr, pl, fi → en, es, fr, it, pt, pl, fi, eu')
    await page.context().close()
  })

  it('shows a validation error next to the field and keeps the typed values, at 360 px', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'admin')
    await page.goto('/admin/project')
    await page.getByLabel('Name', { exact: true }).fill('Cities in Dialogue II')
    await page.getByLabel('End date').fill('2020-01-01')
    await page.getByRole('button', { name: 'Save changes' }).last().click()
    await expect.poll(() => page.getByText('The end date cannot be before the start date.').count()).toBe(1)
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Cities in Dialogue II')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    for (const path of [
      '/admin',
      '/admin/partners',
      '/admin/partners/1',
      '/admin/users',
      '/admin/users/1',
      '/admin/audit',
      '/admin/backup',
    ]) {
      await page.goto(path)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width, path).toBeLessThanOrEqual(360)
    }
    await page.context().close()
  })
})
