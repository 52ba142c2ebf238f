import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

/** The partner's side (issue 14): logging from where you are, and the partner's home page, on a phone. */
const app = useBrowserApp()

describe('the partner’s side in a real browser', () => {
  it('the "Log an action" button on an event’s page opens the form with that event chosen, and the saved action belongs to it', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'partner')
    await page.goto('/events')
    await Promise.all([
      page.waitForURL(/\/events\/\d+$/),
      page.getByRole('link', { name: 'Transnational partner meeting in Porto' }).first().click(),
    ])
    const eventId = new URL(page.url()).pathname.split('/').pop()
    await Promise.all([
      page.waitForURL(new RegExp(`/actions/new\\?eventId=${eventId}$`)),
      page.getByRole('link', { name: 'Log an action for this event' }).click(),
    ])
    // A talk asks for its event: the one the button came from is chosen.
    await page.getByRole('radio', { name: 'Presentation at an event' }).check()
    const event = page.getByLabel('Event', { exact: true })
    await expect
      .poll(() => event.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''))
      .toContain('Transnational partner meeting in Porto')
    const title = `Aurkeztu genuen Portoko bilera Donostian ${Date.now()}`
    await page.getByLabel(/^What did you do/).fill(title)
    await Promise.all([
      page.waitForURL(/\/actions\/\d+\?saved=1/),
      page.getByRole('button', { name: 'Save and submit' }).click(),
    ])
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Transnational partner meeting in Porto')
    await page.context().close()
  })

  it('the partner’s home page says what is theirs and takes a returned action to its edit form in one tap', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'partner')
    await page.goto('/')
    await expect.poll(() => page.getByRole('heading', { name: /^San Sebastián in / }).count()).toBe(1)
    for (const name of [/^Returned to you/, 'Your next hosted events', 'Work plan: due soon or overdue'])
      expect(await page.getByRole('heading', { name }).count()).toBe(1)
    expect(
      await page.locator('main').getByRole('link', { name: 'Log an action', exact: true }).isVisible(),
    ).toBe(true)
    const fix = page.getByRole('link', { name: /^Fix it: “/ }).first()
    await Promise.all([page.waitForURL(/\/actions\/\d+\/edit$/), fix.click()])
    await page.context().close()
  })
})
