import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

describe('pages people read, in a real browser', () => {
  it('scores a cell with a click and a tap on the 1-5 picker; the keys still work', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    await page.goto('/priorities/score?unscored=1')
    await page.locator('[data-testid="scoring-grid"][data-hydrated="true"]').waitFor()
    const row = page.locator('[data-testid="scoring-grid"] tbody tr').first()
    await page.locator('#cell-0-1').click()
    const picker = page.getByTestId('score-picker')
    await picker.waitFor()
    await picker.getByRole('button', { name: '4', exact: true }).click()
    await expect.poll(() => picker.count()).toBe(0)
    expect(await page.locator('#cell-0-1').textContent()).toContain('4')
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Saved/)
    // Escape closes the picker without scoring; the keyboard way still scores.
    await page.locator('#cell-0-2').click()
    await picker.waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => picker.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-0-2')
    await page.keyboard.press('2')
    expect(await page.locator('#cell-0-2').textContent()).toContain('2')
    await page.context().close()
  })

  it('opens the same picker with a tap on a phone', async () => {
    const context = await app.browser.newContext({
      viewport: phone,
      baseURL: app.url,
      hasTouch: true,
      isMobile: true,
    })
    const mobile = await context.newPage()
    await app.login(mobile, 'comms')
    await mobile.goto('/priorities/score?unscored=1')
    await mobile.locator('[data-testid="scoring-grid"][data-hydrated="true"]').waitFor()
    await mobile.locator('#cell-0-3').tap()
    await mobile.getByTestId('score-picker').getByRole('button', { name: '5', exact: true }).tap()
    expect(await mobile.locator('#cell-0-3').textContent()).toContain('5')
    await context.close()
  })

  it('names each dot of the power/interest grid and shows its tooltip on keyboard focus', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    await page.goto('/priorities/grid')
    await page.waitForFunction(
      () =>
        (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
    )
    const dots = page.getByTestId('grid-dot')
    expect(await dots.count()).toBeGreaterThan(5)
    expect(await page.getByTestId('grid-label').count()).toBe(5)
    expect(await dots.first().getAttribute('aria-label')).toMatch(/influence .*interest .*Tier [ABC]/)
    await dots.first().focus()
    const tip = page.getByTestId('grid-tooltip')
    await tip.waitFor()
    const name = (await dots.first().getAttribute('aria-label'))!.split(':')[0]
    expect(await tip.textContent()).toContain(name)
    await page.keyboard.press('Escape')
    await expect.poll(() => tip.count()).toBe(0)
    // Hover shows it too.
    await dots.last().locator('circle').hover()
    await tip.waitFor()
    // No two dots on the same spot.
    const spots = await dots.evaluateAll((els) =>
      els.map((el) => {
        const r = el.querySelector('circle')!.getBoundingClientRect()
        return `${Math.round(r.x)},${Math.round(r.y)}`
      }),
    )
    // Dots of one position never share a spot; neighbouring positions (3.5 and 3.67) rarely may.
    expect(new Set(spots).size).toBeGreaterThan(spots.length * 0.98)
    await page.context().close()
  })

  it('keeps the top menu on one row at 1024 and 1280 px, with no entry twice, and menus that open and close', async () => {
    for (const width of [1024, 1280]) {
      const page = await app.newPage({ width, height: 800 })
      await app.login(page, 'admin')
      await page.goto('/stakeholders')
      const nav = page.getByTestId('top-nav')
      const tops = await nav
        .locator(':scope > ul > li')
        .evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)))
      expect(new Set(tops).size, `one row at ${width} px`).toBe(1)
      const header = await page.locator('header > div').boundingBox()
      expect(header!.height, `header one row at ${width} px`).toBeLessThan(60)
      const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      expect(new Set(hrefs).size).toBe(hrefs.length)
      expect(hrefs).toEqual(
        expect.arrayContaining(['/actions', '/stakeholders', '/plan', '/events', '/admin']),
      )
      // A group opens as a menu, and closes on Escape (focus back on it) or on a click outside.
      const plan = page.getByTestId('nav-group-plan')
      await plan.locator('summary').click()
      expect(await plan.getByRole('link', { name: 'Events' }).isVisible()).toBe(true)
      await page.keyboard.press('Escape')
      expect(await plan.getAttribute('open')).toBeNull()
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY')
      await plan.locator('summary').click()
      await page.locator('h1').click()
      expect(await plan.getAttribute('open')).toBeNull()
      await page.context().close()
    }
  })
})
