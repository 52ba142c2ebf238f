import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { desktop, phone, useBrowserApp } from './harness'

const app = useBrowserApp()

async function actual(page: Page, label: string) {
  const row = page.locator('tr').filter({ hasText: label })
  await expect.poll(() => row.count()).toBe(1)
  const text = (await row.locator('[data-cell="actual"]').textContent()) ?? ''
  return Number(text.replace(/[^\d]/g, ''))
}

describe('targets in a real browser', () => {
  it('comms creates a target; a fitting action logged by a partner raises the actual once validated', async () => {
    const label = `San Sebastián participants this month ${Date.now()}`
    const month = new Date().toISOString().slice(0, 7)

    const comms = await app.newPage(desktop)
    await app.login(comms, 'comms')
    await comms.goto('/plan/targets')
    await Promise.all([
      comms.waitForURL('**/plan/targets/new'),
      comms.getByRole('link', { name: 'New target' }).first().click(),
    ])
    await comms.getByLabel('Name (optional)').fill(label)
    await comms.getByLabel('Metric').selectOption({ label: 'Participants' })
    await comms.getByLabel('Kind of period').selectOption({ label: 'Month' })
    await comms.getByLabel('Month', { exact: true }).fill(month)
    await comms.getByLabel('Only for (optional)').selectOption({ label: 'San Sebastián' })
    await comms.getByLabel('Target', { exact: true }).fill('10000')
    await Promise.all([
      comms.waitForURL(/\/plan\/targets$/),
      comms.getByRole('button', { name: 'Create' }).click(),
    ])
    const before = await actual(comms, label)
    expect(await comms.locator('tr').filter({ hasText: label }).textContent()).toMatch(
      /On track|At risk|Behind/,
    )
    await comms.goto('/plan/targets?includeSubmitted=1')
    const beforeWithSubmitted = await actual(comms, label)

    // The partner (San Sebastián) logs an action with 37 people in the room, today.
    const title = `Presented the network at the city innovation forum ${Date.now()}`
    const partner = await app.newPage(phone)
    await app.login(partner, 'partner')
    await partner.goto('/actions/new')
    await partner.getByRole('radio', { name: 'Presentation at an event' }).check()
    await partner.getByLabel(/^What did you do/).fill(title)
    await partner.getByLabel('People in the room').fill('37')
    await Promise.all([
      partner.waitForURL(/\/actions\/\d+\?saved=1/),
      partner.getByRole('button', { name: 'Save and submit' }).click(),
    ])
    await partner.context().close()

    // Submitted only: it counts with the switch, not without.
    await comms.goto('/plan/targets')
    expect(await actual(comms, label)).toBe(before)
    await comms.goto('/plan/targets?includeSubmitted=1')
    expect(await actual(comms, label)).toBe(beforeWithSubmitted + 37)

    // Validated in the review queue: now it counts by default.
    await comms.goto('/actions/review')
    const card = comms.locator('article').filter({ hasText: title })
    await expect.poll(() => card.count()).toBe(1)
    await Promise.all([
      comms.waitForURL(/done=validate/),
      card.getByRole('button', { name: 'Validate' }).click(),
    ])
    await comms.goto('/plan/targets')
    expect(await actual(comms, label)).toBe(before + 37)
    await comms.context().close()
  })

  it('shows the plan at phone width, and the history of a part', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'viewer')
    await page.goto('/plan')
    expect(await page.locator('h1').textContent()).toBe('Communication plan')
    await expect.poll(() => page.getByRole('heading', { name: '1. Statement of purpose' }).count()).toBe(1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    await Promise.all([
      page.waitForURL(/history=1/),
      page.getByRole('link', { name: 'Version history of “Statement of purpose”' }).click(),
    ])
    await expect.poll(() => page.getByRole('heading', { name: 'Version history' }).count()).toBe(1)
    expect(await page.locator('textarea').count()).toBe(0)
    await page.context().close()
  })
})

describe('plan forms in a real browser', () => {
  it('validates in the browser as you go, and creates an event with its plan', async () => {
    const page = await app.newPage(desktop)
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    await app.login(page, 'comms')
    for (const path of [
      '/plan/targets/new',
      '/plan/workplan/new',
      '/plan/groups/new',
      '/materials',
      '/plan/purpose',
    ]) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      const field = page
        .locator('form[method="post"] input[type="text"], form[method="post"] textarea')
        .first()
      await field.fill('x')
      await field.blur()
    }
    await page.goto('/events/new')
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Kind').selectOption({ label: 'Dissemination campaign' })
    await page.getByLabel('Title').fill('Cities in Dialogue week')
    await page.getByLabel('Start date').fill('2026-11-02')
    await page.getByLabel('Tier A').check()
    await page.getByRole('button', { name: 'Create' }).click()
    // Checked in the browser: a campaign needs its end date, and a place or "online".
    await expect.poll(() => page.getByText('A campaign spans a period: give its end date.').count()).toBe(1)
    expect(await page.getByText('Give a place, or tick “Online”.').count()).toBe(1)
    expect(await page.getByLabel('Title').inputValue()).toBe('Cities in Dialogue week')
    await page.getByLabel('End date', { exact: false }).first().fill('2026-11-30')
    const online = page.getByLabel('Online', { exact: true })
    await online.click()
    expect(await online.isChecked()).toBe(true)
    await expect.poll(() => page.getByLabel('Tier A').isChecked()).toBe(true)
    await page.getByLabel('Key messages').fill('- **One week**, eight cities.')
    await Promise.all([
      page.waitForURL(/\/events\/\d+$/),
      page.getByRole('button', { name: 'Create' }).click(),
    ])
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cities in Dialogue week')
    expect(await page.locator('strong', { hasText: 'One week' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Tier A' }).count()).toBe(1)
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})
