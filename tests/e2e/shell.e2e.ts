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

  it('runs under the Content-Security-Policy: the page hydrates and the browser reports no violation', async () => {
    const page = await app.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    const login = await page.goto('/login')
    expect(await login?.headerValue('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
    await app.login(page, 'comms')
    // Charts (inline style attributes) and a client-side navigation after hydration.
    for (const path of ['/', '/dashboard/reach', '/stakeholders']) {
      const response = await page.goto(path)
      expect(await response?.headerValue('content-security-policy')).toMatch(/'nonce-/)
      await page.waitForFunction(
        () =>
          (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state
            .initialized,
      )
    }
    const documents: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(r.url())
    })
    const href = await page.evaluate(() =>
      [...document.querySelectorAll('main a')]
        .map((a) => a.getAttribute('href') ?? '')
        .find((h) => /^\/stakeholders\/\d+$/.test(h))!,
    )
    await page.locator(`main a[href="${href}"]:visible`).first().click()
    await page.waitForURL(/\/stakeholders\/\d+/)
    expect(documents, 'the link was followed by the hydrated app, not a page load').toEqual([])
    expect(violations).toEqual([])
    await page.context().close()
  })
})
