import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { useBrowserApp } from './harness'

const app = useBrowserApp()

async function quadrantCounts(page: Page) {
  await page.goto('/priorities/grid')
  const read = async (q: string) =>
    Number((await page.getByTestId(`count-${q}`).textContent())!.replace(/\D/g, ''))
  return {
    manage_closely: await read('manage_closely'),
    keep_satisfied: await read('keep_satisfied'),
    keep_informed: await read('keep_informed'),
    monitor: await read('monitor'),
  }
}

describe('prioritisation in a real browser', () => {
  it('scores three stakeholders with the keyboard only, then the ranking and the grid change', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    const before = await quadrantCounts(page)

    await page.goto('/priorities/score?unscored=1')
    await page.locator('[data-testid="scoring-grid"][data-hydrated="true"]').waitFor()
    const rows = page.locator('[data-testid="scoring-grid"] tbody tr')
    const names = await Promise.all(
      [0, 1, 2].map(async (i) => (await rows.nth(i).locator('th a').textContent())!.trim()),
    )

    // Saving must not reload the 500-row page (nor the root data) after every keystroke.
    const requests: string[] = []
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`))

    // Tab into the grid: one tab stop, landing on the first score cell.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'gridcell')) break
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-0-1')

    // Row 1: 5 on every criterion (manage closely, top score).
    for (let c = 0; c < 5; c++) {
      await page.keyboard.press('5')
      if (c < 4) await page.keyboard.press('ArrowRight')
    }
    // Row 2: low influence, high interest (keep informed); a typo corrected with Backspace.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('3')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('1')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('5')
    // Row 3: high influence, low interest (keep satisfied).
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('4')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('2')

    for (let i = 0; i < 3; i++)
      await expect.poll(() => rows.nth(i).textContent(), { timeout: 10_000 }).toMatch(/Saved/)
    expect(await rows.nth(0).textContent()).toContain('Tier A')
    expect(await page.locator('[role="alert"]').count()).toBe(0)
    expect(
      requests.filter((r) => r.startsWith('POST') && r.includes('/priorities/score')).length,
    ).toBeGreaterThanOrEqual(3)
    expect(requests.filter((r) => r.startsWith('GET') && r.includes('_data='))).toEqual([])

    // The ranking: the all-5 stakeholder is there with 100, tier A, first scoring.
    await page.goto(`/priorities?tier=A`)
    const ranked = page.locator('[data-testid="ranked-row"]', { hasText: names[0] })
    expect(await ranked.count()).toBe(1)
    expect(await ranked.textContent()).toMatch(/100/)
    await page.goto('/priorities')
    const all = await page.locator('[data-testid="ranked-row"]').allTextContents()
    expect(all.findIndex((r) => r.includes(names[0]))).toBeLessThan(10)
    // Low influence, high interest: weights 3 and 2 give (0 + 2 * 4/4) / 5 = 40, tier C.
    await page.goto(`/priorities?q=${encodeURIComponent(names[1])}`)
    const second = page
      .locator('[data-testid="ranked-row"]')
      .filter({ has: page.getByRole('link', { name: names[1], exact: true }) })
    expect(await second.textContent()).toMatch(/40.*Tier C/)

    // The grid: one more stakeholder in each of three quadrants, each listed in the table.
    const after = await quadrantCounts(page)
    expect(after.manage_closely).toBe(before.manage_closely + 1)
    expect(after.keep_informed).toBe(before.keep_informed + 1)
    expect(after.keep_satisfied).toBe(before.keep_satisfied + 1)
    expect(after.monitor).toBe(before.monitor)
    const table = page.getByTestId('placements')
    expect(await table.locator('tr', { hasText: names[1] }).textContent()).toContain('Keep informed')
    expect(await table.locator('tr', { hasText: names[2] }).textContent()).toContain('Keep satisfied')
    expect(await page.locator('[data-testid="grid-dot"]').count()).toBeGreaterThan(3)
    // A dot opens its stakeholder.
    // The last dot is drawn on top of any it overlaps.
    const dot = page.locator('[data-testid="grid-dot"]').last()
    const target = await dot.getAttribute('data-stakeholder')
    await dot.locator('circle').click()
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe(`/stakeholders/${target}`)
    await page.context().close()
  })

  it('says in words when a score was not saved', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    await page.goto('/priorities/score?unscored=1')
    await page.locator('[data-testid="scoring-grid"][data-hydrated="true"]').waitFor()
    // Someone archives the first stakeholder meanwhile: the server refuses the save.
    const row = page.locator('[data-testid="scoring-grid"] tbody tr').first()
    const id = Number(await row.getAttribute('data-stakeholder'))
    const sqlite = new Database(app.dbFile)
    sqlite.prepare("update stakeholders set archived_at = '2026-01-01T00:00:00.000Z' where id = ?").run(id)
    sqlite.close()
    await page.locator('#cell-0-2').focus()
    await page.keyboard.press('4')
    await row.getByRole('alert').waitFor({ timeout: 10_000 })
    expect(await row.getByRole('alert').textContent()).toMatch(/Not saved: this stakeholder no longer exists/)
    await page.context().close()
  })

  it('degrades to a form per row without JavaScript', async () => {
    const context = await app.browser.newContext({ baseURL: app.url, javaScriptEnabled: false })
    const page = await context.newPage()
    await app.login(page, 'comms')
    await page.goto('/priorities/score?unscored=1')
    const row = page.locator('[data-testid="scoring-grid"] tbody tr').first()
    const name = (await row.locator('th a').textContent())!.trim()
    const selects = row.locator('select')
    expect(await selects.count()).toBe(5)
    for (let i = 0; i < 5; i++) await selects.nth(i).selectOption('4')
    await Promise.all([page.waitForURL(/saved=/), row.getByRole('button', { name: 'Save' }).click()])
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(name)
    await page.goto('/priorities?tier=A')
    expect(await page.locator('[data-testid="ranked-row"]', { hasText: name }).textContent()).toMatch(/75/)
    await context.close()
  })
})
