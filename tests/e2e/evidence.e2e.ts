import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { demoMastodon } from '../mocks/mastodon'
import { demoPages } from '../mocks/opengraph'
import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

/** Logs an action with an evidence link from the quick form; returns to its page. */
async function logWithEvidence(page: Page, title: string, link: string) {
  await page.goto('/actions/new')
  await page.getByRole('radio', { name: 'Social media post' }).check()
  await page.getByLabel(/^What did you do/).fill(title)
  await page.locator('summary', { hasText: 'More details' }).click()
  await page.getByLabel('Channel').selectOption({ label: 'Mastodon' })
  await page.getByLabel('Evidence link').fill(link)
  await Promise.all([
    page.waitForURL(/\/actions\/\d+\?saved=1/),
    page.getByRole('button', { name: 'Save and submit' }).click(),
  ])
  await expect.poll(() => page.locator('h1').textContent()).toBe(title)
}

describe('evidence links in a real browser (outbound HTTP answered by msw in the server)', () => {
  it("a partner logs a Mastodon post with its link; the action page shows the post's counters, read in the background", async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'partner')
    await logWithEvidence(page, `Workshop post ${Date.now()}`, demoMastodon.workshop.url)
    const evidence = page.getByRole('region', { name: 'Evidence' })
    // The link is read after the save; the page looks again until the counters are there.
    await expect.poll(() => evidence.textContent(), { timeout: 15_000 }).toContain('Post counters · Mastodon')
    const counters = await evidence.locator('dl div').allTextContents()
    expect(counters).toEqual(['Replies1', 'Reposts4', 'Likes9', 'Total engagements14'])
    // Nobody typed an engagement figure, so the counters fill it in.
    await expect
      .poll(() =>
        page
          .getByRole('listitem')
          .filter({ hasText: /^Engagements/ })
          .textContent(),
      )
      .toMatch(/: 14$/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    await page.context().close()
  })

  it('says in words why a link could not be read, and reads it again on request', async () => {
    const page = await app.newPage()
    await app.login(page, 'partner')
    // A PDF is a file, not a page with a preview.
    await logWithEvidence(page, `Annual report post ${Date.now()}`, demoPages.report)
    const evidence = page.getByRole('region', { name: 'Evidence' })
    await expect
      .poll(() => evidence.textContent(), { timeout: 15_000 })
      .toContain('the link is a file, not a web page')
    const again = evidence.getByRole('button', { name: 'Try again' })
    const [retried] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/evidence')),
      again.click(),
    ])
    expect(retried.ok()).toBe(true)
    await expect
      .poll(() => evidence.textContent(), { timeout: 15_000 })
      .toContain('the link is a file, not a web page')
    expect(await evidence.getByRole('button', { name: 'Try again' }).isEnabled()).toBe(true)
    await page.context().close()
  })
})
