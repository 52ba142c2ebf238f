import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

describe('the shell in a real browser', () => {
  it('signs in on a phone, switches to Spanish and remembers it', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'viewer')
    await expect.poll(() => page.locator('h1').textContent()).toContain('Paolo')
    // The phone menu opens without JavaScript tricks (a <details> element) and holds the language switch.
    await page.getByText('Menu', { exact: true }).click()
    await Promise.all([
      page.waitForLoadState('networkidle'),
      page.locator('nav').getByRole('button', { name: 'es', exact: true }).first().click(),
    ])
    await expect.poll(() => page.locator('h1').textContent()).toContain('Hola')
    await page.reload()
    expect(await page.locator('html').getAttribute('lang')).toBe('es')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(360)
    await page.context().close()
  })

  it('shows a plain-words 404 page', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toMatch(/could not find/i)
    await page.context().close()
  })
})
