import { describe, expect, it } from 'vitest'

import { hydrated, pageWidth, phone, seriousAxe, useBrowserApp } from './harness'

/*
 * Issue 15 on a 360 px phone: /account and /admin/outbox (axe clean, no sideways scrolling, a switch
 * saved), and the partner league (point 7) without JavaScript: its filters are a plain GET form, and
 * the communications lead's switch a plain POST.
 */

const app = useBrowserApp()
describe('account, outbox and league on a phone', () => {
  it('the administrator’s /account and /admin/outbox fit 360 px, pass axe, and a switch is saved', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'admin')
    for (const path of ['/account', '/admin/outbox', '/league', '/league/rules']) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(200)
      await hydrated(page)
      expect(await pageWidth(page), path).toBeLessThanOrEqual(phone.width + 1)
      expect(await seriousAxe(page), path).toEqual([])
    }
    await page.goto('/account')
    await hydrated(page)
    const reminder = page.locator('input[name="reminder"]')
    await reminder.uncheck()
    await page.locator('form', { has: reminder }).getByRole('button').click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Saved')
    await page.reload()
    expect(await page.locator('input[name="reminder"]').isChecked()).toBe(false)
  })

  it('the league filters and the switch work without JavaScript', async () => {
    const context = await app.browser.newContext({
      viewport: phone,
      baseURL: app.url,
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await app.login(page, 'comms')
    await page.goto('/league')
    await page.getByLabel('Period', { exact: true }).selectOption('project')
    await page.getByLabel('Partner group', { exact: true }).selectOption('lead')
    await Promise.all([
      page.waitForURL(/period=project/),
      page.getByRole('button', { name: 'Filter' }).click(),
    ])
    expect(new URL(page.url()).searchParams.get('group')).toBe('lead')
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Standings for the whole project',
    )
    expect(await page.locator('table').first().locator('tbody tr').count()).toBeGreaterThan(0)
    expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width + 1)

    await page.goto('/admin/project')
    await page.getByLabel('Show the partner league').uncheck()
    await Promise.all([
      page.waitForURL(/saved=league/),
      page.getByRole('button', { name: 'Save the league setting' }).click(),
    ])
    const off = await page.goto('/league')
    expect(off?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'The partner league is switched off',
    )
    await page.goto('/admin/project')
    await page.getByLabel('Show the partner league').check()
    await Promise.all([
      page.waitForURL(/saved=league/),
      page.getByRole('button', { name: 'Save the league setting' }).click(),
    ])
    expect((await page.goto('/league'))?.status()).toBe(200)
    await context.close()
  })
})
