import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

async function noSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
}

describe('dissemination log in a real browser, at phone size', () => {
  it('a partner logs a social post with three fields, sees it in "my actions"; comms validates it in the queue; it counts', async () => {
    const title = `Posted about the network on Mastodon ${Date.now()}`
    const partner = await app.newPage(phone)
    await app.login(partner, 'partner')
    await Promise.all([
      partner.waitForURL('**/actions/new'),
      partner.getByRole('link', { name: 'Log an action' }).first().click(),
    ])
    await noSideScroll(partner)
    // The date is already today; the type (a large button), title and channel are what the partner fills in.
    const today = new Date().toISOString().slice(0, 10)
    expect(await partner.getByLabel(/^Date/).inputValue()).toBe(today)
    await partner.getByRole('radio', { name: 'Social media post' }).check()
    await partner.getByLabel(/^What did you do/).fill(title)
    // Without a link, the channel is chosen under "More details".
    await partner.locator('summary', { hasText: 'More details' }).click()
    await partner.getByLabel('Channel').selectOption({ label: 'Mastodon' })
    await Promise.all([
      partner.waitForURL(/\/actions\/\d+\?saved=1/),
      partner.getByRole('button', { name: 'Save and submit' }).click(),
    ])
    await expect.poll(() => partner.locator('h1').textContent()).toBe(title)
    expect(await partner.getByRole('status').textContent()).toMatch(/waits for validation/)
    await noSideScroll(partner)

    await partner.goto('/actions')
    await Promise.all([
      partner.waitForURL(/mine=1/),
      partner.getByRole('link', { name: 'My actions' }).click(),
    ])
    const mine = partner.getByRole('listitem').filter({ hasText: title })
    await expect.poll(() => mine.count()).toBe(1)
    expect(await mine.textContent()).toContain('Submitted')
    await noSideScroll(partner)
    await partner.context().close()

    const comms = await app.newPage(phone)
    await app.login(comms, 'comms')
    await comms.goto('/actions/review')
    const card = comms.locator('article').filter({ hasText: title })
    await expect.poll(() => card.count()).toBe(1)
    await noSideScroll(comms)
    await Promise.all([
      comms.waitForURL(/done=validate/),
      card.getByRole('button', { name: 'Validate' }).click(),
    ])
    await expect.poll(() => comms.getByRole('status').textContent()).toContain(`Validated “${title}”`)
    await expect.poll(() => comms.locator('article').filter({ hasText: title }).count()).toBe(0)

    // It counts: validated, and in the list of validated actions.
    await comms.goto('/actions?status=validated')
    const row = comms.getByRole('listitem').filter({ hasText: title })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('Validated')
    await comms.context().close()
  })

  it('the review queue works from the keyboard: j moves on, v validates, r goes to the comment', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    await page.goto('/actions/review')
    const cards = page.locator('article')
    const first = await cards.nth(0).locator('h2').textContent()
    const second = await cards.nth(1).locator('h2').textContent()
    await page.locator('h1').click()
    await page.keyboard.press('j')
    await expect.poll(() => cards.nth(1).getAttribute('data-current')).toBe('true')
    await page.keyboard.press('r')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('comment')
    await page.keyboard.type('Please add the figures.')
    // Typing in the comment does not trigger shortcuts; Escape-free: click back on the page, then validate the first.
    await page.locator('h1').click()
    await page.keyboard.press('k')
    await Promise.all([page.waitForURL(/done=validate/), page.keyboard.press('v')])
    await expect.poll(() => page.getByRole('status').textContent()).toContain(first!)
    await expect.poll(() => page.locator('article h2').first().textContent()).toBe(second)
    await page.context().close()
  })

  it('finds stakeholders as you type, and "save and log another like this" keeps them, clearing the title', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'partner')
    await page.goto('/actions/new')
    await page.getByRole('radio', { name: 'Presentation at an event' }).check()
    await page.getByLabel(/^What did you do/).fill('Presented the network to Deusto students')
    await page.getByLabel('People in the room').fill('45')
    await page.locator('summary', { hasText: 'More details' }).click()
    await page.getByRole('searchbox', { name: 'Search stakeholders' }).fill('Deusto')
    const deusto = page.getByRole('checkbox', { name: /^Universidad de Deusto/ }).first()
    await expect.poll(() => deusto.count(), { timeout: 10_000 }).toBe(1)
    await deusto.check()
    await noSideScroll(page)
    await Promise.all([
      page.waitForURL(/\/actions\/new\?like=\d+/),
      page.getByRole('button', { name: 'Save and log another like this' }).click(),
    ])
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Saved “Presented the network to Deusto students”')
    await expect.poll(() => page.getByLabel(/^What did you do/).inputValue()).toBe('')
    await expect.poll(() => page.getByLabel('People in the room').inputValue()).toBe('')
    expect(await page.getByRole('radio', { name: 'Presentation at an event' }).isChecked()).toBe(true)
    // The stakeholders kept are under "More details".
    await page.locator('summary', { hasText: 'More details' }).click()
    expect(
      await page
        .getByRole('checkbox', { name: /^Universidad de Deusto/ })
        .first()
        .isChecked(),
    ).toBe(true)
    await page.context().close()
  })

  for (const javaScriptEnabled of [true, false]) {
    it(`a negative count and an impossible date come back next to their fields, everything else kept (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await app.browser.newContext({ viewport: phone, baseURL: app.url, javaScriptEnabled })
      const page = await context.newPage()
      await app.login(page, 'partner')
      await page.goto('/actions/new')
      // Browsers without a date picker send what was typed; make the field a text box to type an impossible date.
      await page.locator('input[name="date"]').evaluate((el) => el.setAttribute('type', 'text'))
      await page.getByRole('radio', { name: 'Presentation at an event' }).check()
      await page.locator('input[name="date"]').fill('2026-02-30')
      await page.getByLabel(/^What did you do/).fill('Talk at the Donostia innovation forum')
      await page.getByLabel('People in the room').fill('-12')
      // Online reach and, for a talk, the link sit under "More details".
      await page.locator('summary', { hasText: 'More details' }).click()
      await page.getByLabel(/^Online reach/).fill('300')
      await page.getByLabel('Evidence link').fill('https://www.donostia.eus/forum')
      await page.getByRole('button', { name: 'Save and submit' }).click()

      const byId = (id: string | undefined) => page.locator(`[id="${id}"]`)
      const dateError = byId(
        (await page.locator('input[name="date"]').getAttribute('aria-describedby'))?.split(' ').pop(),
      )
      await expect.poll(() => dateError.textContent()).toContain('Enter a real date')
      const countError = byId(
        (await page.getByLabel('People in the room').getAttribute('aria-describedby'))?.split(' ').pop(),
      )
      await expect.poll(() => countError.textContent()).toContain('cannot be negative')
      expect(await page.getByLabel(/^What did you do/).inputValue()).toBe(
        'Talk at the Donostia innovation forum',
      )
      expect(await page.getByLabel(/^Online reach/).inputValue()).toBe('300')
      expect(await page.getByLabel('Evidence link').inputValue()).toBe('https://www.donostia.eus/forum')
      expect(await page.locator('input[name="date"]').inputValue()).toBe('2026-02-30')
      expect(await page.getByLabel('People in the room').inputValue()).toBe('-12')
      expect(await page.getByRole('radio', { name: 'Presentation at an event' }).isChecked()).toBe(true)
      expect(new URL(page.url()).pathname).toBe('/actions/new')
      await noSideScroll(page)
      await context.close()
    })
  }
})
