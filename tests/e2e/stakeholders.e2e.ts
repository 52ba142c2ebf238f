import { describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

describe('the stakeholder register in a real browser', () => {
  it('on a phone: searches without accents, opens a stakeholder and edits it', async () => {
    const page = await app.newPage(phone)
    await app.login(page, 'partner')
    await page.goto('/stakeholders')
    await page.getByLabel('Search name, acronym, city or website').fill('universite de lyon')
    await Promise.all([
      page.waitForURL(/q=universite/),
      page.getByRole('button', { name: 'Search', exact: true }).click(),
    ])
    await expect
      .poll(() => page.getByRole('link', { name: 'Université de Lyon', exact: true }).count())
      .toBe(1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    // A stakeholder San Sebastián owns, so the partner may edit it.
    await page.getByLabel('Search name, acronym, city or website').fill('deusto')
    await Promise.all([
      page.waitForURL(/q=deusto/),
      page.getByRole('button', { name: 'Search', exact: true }).click(),
    ])
    // The search also lists the people whose e-mail matches, each with their organisation: the
    // register's own row is the link outside that "People" section.
    const people = page.getByRole('region', { name: 'People' })
    await expect
      .poll(() => people.getByRole('link', { name: 'Universidad de Deusto' }).count())
      .toBeGreaterThan(0)
    await Promise.all([
      page.waitForURL(/\/stakeholders\/\d+$/),
      page
        .getByRole('link', { name: 'Universidad de Deusto', exact: true })
        .and(page.locator('a:not(section[aria-labelledby="people-results"] a)'))
        .click(),
    ])
    await expect.poll(() => page.locator('h1').textContent()).toContain('Universidad de Deusto')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    await Promise.all([
      page.waitForURL(/\/edit$/),
      page.getByRole('link', { name: 'Edit', exact: true }).click(),
    ])
    await page.getByLabel('City').fill('Bilbao')
    await page.getByLabel('Engagement stage').selectOption('engaged')
    await Promise.all([
      page.waitForURL(/\/stakeholders\/\d+$/),
      page.getByRole('button', { name: 'Save changes' }).click(),
    ])
    const details = page.getByRole('region', { name: 'Details' })
    await expect.poll(() => details.textContent()).toContain('Bilbao')
    const timeline = await page.getByRole('region', { name: 'Timeline' }).textContent()
    expect(timeline).toContain('Stage changed from Identified to Engaged by Iker Goikoetxea')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.context().close()
  })
})

describe('merging duplicates in a real browser', () => {
  it('compares two likely duplicates, picks a value per field and merges them', async () => {
    const page = await app.newPage()
    await app.login(page, 'comms')
    await page.goto('/stakeholders/duplicates')
    const group = page.locator('li.card', { hasText: 'eurocities.eu' })
    await Promise.all([
      page.waitForURL(/a=\d+&b=\d+/),
      group.getByRole('link', { name: 'Compare and merge' }).click(),
    ])
    await page.waitForLoadState('networkidle')
    // The page is interactive after hydration: choose the merged record's city.
    await page.getByRole('radio', { name: 'Brussels' }).check()
    await Promise.all([
      page.waitForURL(/\/stakeholders\/\d+$/),
      page.getByRole('button', { name: 'Merge', exact: true }).click(),
    ])
    await expect.poll(() => page.locator('h1').textContent()).toContain('Eurocities')
    expect(await page.getByRole('region', { name: 'Details' }).textContent()).toContain('Brussels')
    expect(await page.getByRole('region', { name: 'Timeline' }).textContent()).toContain(
      'Merged by Lucía Moreno',
    )
    await page.context().close()
  })
})
