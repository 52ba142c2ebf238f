import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { desktop, phone, useBrowserApp } from './harness'

const app = useBrowserApp()

/** Filters the page by Barcelona and LinkedIn with its own (plain GET) filter form. */
async function filterBarcelonaLinkedIn(page: Page) {
  await page.selectOption('#f-partner', { label: 'Barcelona' })
  await page.selectOption('#f-channel', { label: 'LinkedIn' })
  await Promise.all([
    page.waitForURL(/partner=\d+/),
    page.getByRole('button', { name: 'Apply filters' }).click(),
  ])
  await page.waitForLoadState('networkidle')
}

async function noSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
}

/** The first target's Actual and Status cells lie inside the viewport. */
async function actualAndStatusOnScreen(page: Page, width: number) {
  for (const column of [5, 9]) {
    const box = await page
      .locator(`#table-targets tbody tr:first-child td:nth-child(${column})`)
      .boundingBox()
    expect(box, `column ${column}`).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(width)
  }
}

describe('dashboards at 360 and 1280 px', () => {
  for (const [name, viewport] of [
    ['360', phone],
    ['1280', desktop],
  ] as const) {
    for (const dash of ['reach', 'coverage']) {
      it(`${dash} fits ${name} px, states its filters and keeps Actual and Status on screen`, async () => {
        const page = await app.newPage(viewport)
        await app.login(page, 'comms')
        await page.goto(`/dashboard/${dash}`)
        await expect.poll(() => page.locator('[data-filters]').textContent()).toContain('All partners')
        await noSidewaysScroll(page, viewport.width)
        if (dash === 'coverage') await actualAndStatusOnScreen(page, viewport.width)
        await page.screenshot({
          path: `reports/screenshots/17-after-${dash}-all-${name}.png`,
          fullPage: true,
        })

        await filterBarcelonaLinkedIn(page)
        await expect
          .poll(() => page.locator('[data-filters]').textContent())
          .toContain('Partner: Barcelona · Channel: LinkedIn')
        await noSidewaysScroll(page, viewport.width)
        // Filtered by partner and channel, a project-wide target is never compared with these figures.
        const section = dash === 'coverage' ? '#targets' : '#cumulative'
        expect(await page.locator(section).textContent()).toContain('not compared when filtered by')
        await page.screenshot({
          path: `reports/screenshots/17-after-${dash}-filtered-${name}.png`,
          fullPage: true,
        })
        await page.context().close()
      }, 150_000)
    }
  }
})
