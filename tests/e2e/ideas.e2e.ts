import { describe, expect, it } from 'vitest'

import { desktop, hydrated, pageWidth, phone, seriousAxe, useBrowserApp } from './harness'

/*
 * Issue 15 point 8 on a 360 px phone (the co-creation board: post, support, join, the columns stack)
 * and issue 17 point 9 (the plan editor's live preview; a <script> typed in the text never runs).
 */

const app = useBrowserApp()
describe('co-creation board on a phone', () => {
  it('a partner posts a proposal, another supports it and joins its working group; columns stack', async () => {
    const title = `Paseo fotográfico por Gràcia ${Date.now()}`
    const author = await app.newPage(phone)
    await app.login(author, 'partner2')
    await author.goto('/ideas')
    expect(await pageWidth(author)).toBeLessThanOrEqual(phone.width + 1)
    // The two columns stack: the second starts below the first.
    const [first, second] = await Promise.all(
      ['#column-partner', '#column-project'].map((s) => author.locator(s).boundingBox()),
    )
    expect(second!.y).toBeGreaterThan(first!.y)
    expect(Math.abs(second!.x - first!.x)).toBeLessThan(2)
    expect(await seriousAxe(author)).toEqual([])

    await Promise.all([
      author.waitForURL('**/ideas/new'),
      author.getByRole('link', { name: 'Post a proposal' }).first().click(),
    ])
    await hydrated(author)
    await author.getByLabel('Column').selectOption({ label: 'What we as a partner can do' })
    await author.getByLabel('Proposal').fill(title)
    await author.getByLabel('Details').fill('Con vecinas del barrio; fotos en la web — ąęł, Ελλάδα.')
    await author.getByRole('button', { name: 'Post a proposal' }).click()
    // The redirect after the post is a client-side navigation (no load event): poll the address,
    // and say what the page shows if it never moves (a refused form shows its errors).
    await expect
      .poll(() => new URL(author.url()).pathname, {
        timeout: 30_000,
        message: 'the post did not lead to the proposal page',
      })
      .toMatch(/^\/ideas\/\d+$/)
    const ideaUrl = new URL(author.url()).pathname
    // The URL changes as the navigation commits; the new page may render a moment later.
    await expect.poll(() => author.getByRole('heading', { level: 1 }).textContent()).toBe(title)
    expect(await author.getByRole('button', { name: 'Support' }).count()).toBe(0)
    expect(await seriousAxe(author)).toEqual([])
    await author.context().close()

    const supporter = await app.newPage(phone)
    await app.login(supporter, 'partner')
    await supporter.goto(ideaUrl)
    await Promise.all([
      supporter.waitForLoadState('networkidle'),
      supporter.getByRole('button', { name: 'Support' }).click(),
    ])
    await supporter.getByRole('button', { name: 'Withdraw my support' }).waitFor()
    expect(await supporter.getByText('1 support', { exact: true }).count()).toBe(1)
    await supporter.getByRole('button', { name: 'I want to be involved' }).click()
    await supporter.getByText('1 person from San Sebastián').waitFor()
    await supporter.getByLabel('Your comment').fill('¡Nos apuntamos! Dziękujemy.')
    await supporter.getByRole('button', { name: 'Add comment' }).click()
    await supporter.getByText('¡Nos apuntamos! Dziękujemy.').waitFor()
    expect(await pageWidth(supporter)).toBeLessThanOrEqual(phone.width + 1)
    await supporter.context().close()
  })
})

describe('plan editor preview', () => {
  it('updates the preview as you type and never runs a <script> from the text', async () => {
    const page = await app.newPage(desktop)
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await app.login(page, 'comms')
    await page.goto('/plan/situation')
    const text = page.getByLabel('Text (Markdown)')
    const preview = page.getByTestId('live-preview')
    await text.fill('')
    await text.pressSequentially(
      '## Stan **Zażółć**\n\n<script>window.__ran = 1; alert(1)</script><img src=x onerror="window.__ran=2">',
    )
    await preview.locator('h2', { hasText: 'Stan Zażółć' }).waitFor()
    expect(await preview.locator('strong').textContent()).toBe('Zażółć')
    expect(await preview.locator('script').count()).toBe(0)
    expect(await preview.innerHTML()).not.toContain('onerror')
    // The preview stands beside the text on a desk.
    const [t, p] = await Promise.all([text.boundingBox(), preview.boundingBox()])
    expect(p!.x).toBeGreaterThan(t!.x + t!.width - 1)
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined()
    expect(dialogs).toEqual([])
    // Nothing was saved by previewing.
    await page.goto('/plan/situation')
    expect(await page.getByLabel('Text (Markdown)').inputValue()).not.toContain('Zażółć')
  })
})
