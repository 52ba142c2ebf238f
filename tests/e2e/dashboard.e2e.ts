import fs from 'node:fs'

import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

/** A table's body as the reader sees it: each cell's text, numbers without thousands separators. */
async function tableCells(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#table-${id} tbody tr, #table-${id} tfoot tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    )
}

const asNumber = (s: string) => (s === '' || s === '–' ? null : Number(s.replace(/[,\s%]/g, '')))

async function downloadCsv(page: Page, table: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`a[data-csv="${table}"]`).click(),
  ])
  const file = await download.path()
  const text = fs.readFileSync(file!, 'utf8').replace(/^\uFEFF/, '')
  // The first 7 rows state the view and its filters, then an empty row (decision 025).
  return (parse(text, { relax_column_count: true }) as string[][]).slice(8)
}

describe('the reach dashboard in a real browser', () => {
  it('changes the month, and the CSV download holds the numbers of the table', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    await page.goto('/dashboard/reach')
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Monthly reach')
    // Today is in November 2026 in the demo; the default is the last complete month.
    const defaultMonth = await page.locator('#f-month').inputValue()
    expect(defaultMonth).toMatch(/^\d{4}-\d{2}$/)

    // Change the month with the filter form (a GET form: the month lands in the URL).
    await page.locator('#f-month').fill('2026-09')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/month=2026-09/)
    await expect
      .poll(() => page.locator('h1 + p').textContent(), { timeout: 15_000 })
      .toContain('September 2026')
    // And step back one more month with the month navigation, keeping the other filters.
    const previous = page.getByRole('link', { name: /previous month/i })
    await expect.poll(() => previous.getAttribute('href'), { timeout: 15_000 }).toContain('month=2026-08')
    await page.waitForLoadState('networkidle')
    await previous.click()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/month=2026-08/)
    await expect
      .poll(() => page.locator('#table-partners caption').textContent(), { timeout: 15_000 })
      .toContain('2026-08')

    for (const table of ['partners', 'headline', 'languages']) {
      const shown = await tableCells(page, table)
      const csv = await downloadCsv(page, table)
      const [header, ...rows] = csv
      expect(header.length).toBe(shown[0].length)
      expect(rows.length).toBe(shown.length)
      let nonZero = 0
      rows.forEach((row, i) => {
        row.forEach((cell, j) => {
          if (j === 0) return
          const fromTable = asNumber(shown[i][j])
          expect(asNumber(cell), `${table} row ${i} column ${header[j]}`).toBe(fromTable)
          if (fromTable) nonZero++
        })
      })
      if (table === 'partners') expect(nonZero).toBeGreaterThan(0)
    }
    await page.context().close()
  })

  it('fits a phone, keeps every table reachable and prints without the navigation', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'viewer')
    await page.goto('/dashboard/reach?month=2026-09&stack=type')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(360)
    // Each table scrolls inside a focusable region named by its caption.
    const regions = page.getByRole('region', { name: /^Per partner/ })
    await expect.poll(() => regions.count(), { timeout: 15_000 }).toBe(1)
    expect(await regions.getAttribute('tabindex')).toBe('0')
    // The print layout (no JavaScript needed) hides the app's header.
    await page.goto('/dashboard/reach?month=2026-09&print=1')
    expect(await page.locator('body > header').isVisible()).toBe(false)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('form[method="get"]').count()).toBe(0)
    await page.context().close()
  })
})
