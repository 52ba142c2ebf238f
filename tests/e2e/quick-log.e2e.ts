import fs from 'node:fs'

import Database from 'better-sqlite3'
import type { Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'

import {
  QUICK_LOG_COUNTS,
  type QuickLogCount,
  type QuickLogReport,
  quickLogTable,
} from '../../scripts/bench/quick-log-table'
import { useBrowserApp } from './harness'

const app = useBrowserApp()

/** The phone of the goal: 360 px wide, a screen of 640 px. */
const viewport = { width: 360, height: 640 }
const goal = { maxTaps: 6, maxFormHeight: 2 * viewport.height }

/** Drives the open quick form like a thumb would, counting every tap, field and key. */
function counter() {
  const n = { taps: 0, fields: 0, title: 0, link: 0, other: 0 }
  return {
    n,
    async tap(target: Locator) {
      n.taps += 1
      await target.click()
    },
    async choose(target: Locator) {
      n.taps += 1
      n.fields += 1
      await target.click()
    },
    /** A native select on a phone: one tap opens it, one chooses. */
    async select(target: Locator, index: number) {
      n.taps += 2
      n.fields += 1
      await target.selectOption({ index })
    },
    async type(target: Locator, text: string, kind: 'title' | 'link' | 'other') {
      n.taps += 1
      n.fields += 1
      await target.click()
      await target.pressSequentially(text)
      n[kind] += [...text].length
    },
  }
}

async function openForm() {
  const page = await app.newPage(viewport)
  await app.login(page, 'partner')
  await page.goto('/actions/new')
  await page.locator('form.quick-form').waitFor()
  return page
}

/** How far down the page the form ends (its Save buttons), as laid out now (More details closed). */
async function formHeight(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="save-bar"]') as HTMLElement
    const form = bar.closest('form') as HTMLFormElement
    // Unstick the bar for a moment to read where the form ends in the page.
    bar.style.position = 'static'
    const bottom = form.getBoundingClientRect().bottom + window.scrollY
    bar.style.position = ''
    return Math.round(bottom)
  })
}

/** Save stays in reach: the Save button is inside the viewport while a field is being typed in. */
async function saveInReach(page: Page) {
  const box = await page.getByRole('button', { name: 'Save and submit', exact: true }).boundingBox()
  expect(box).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
}

async function save(page: Page, c: ReturnType<typeof counter>) {
  await Promise.all([
    page.waitForURL(/\/actions\/\d+\?saved=1/),
    c.tap(page.getByRole('button', { name: 'Save and submit', exact: true })),
  ])
  return Number(new URL(page.url()).pathname.split('/').pop())
}

function savedRow(id: number) {
  const sqlite = new Database(app.dbFile, { readonly: true })
  try {
    return sqlite
      .prepare(
        `select t.key as type, c.key as channel, a.evidence_url as link, a.participants, a.event_id as eventId,
           (select group_concat(s.web_domain) from action_stakeholders x join stakeholders s on s.id = x.stakeholder_id
             where x.action_id = a.id) as outlets
         from actions a join action_types t on t.id = a.type_id left join channels c on c.id = a.channel_id
         where a.id = ?`,
      )
      .get(id) as {
      type: string
      channel: string | null
      link: string | null
      participants: number | null
      eventId: number | null
      outlets: string | null
    }
  } finally {
    sqlite.close()
  }
}

const logs: QuickLogCount[] = []

function record(
  action: string,
  c: ReturnType<typeof counter>,
  height: number,
  row: { type: string; channel: string | null },
) {
  logs.push({
    action,
    taps: c.n.taps,
    fields: c.n.fields,
    keystrokes: c.n.title + c.n.link + c.n.other,
    titleKeystrokes: c.n.title,
    linkKeystrokes: c.n.link,
    otherKeystrokes: c.n.other,
    formHeight: height,
    savedType: row.type,
    savedChannel: row.channel ?? 'none',
  })
}

describe('logging an action on a 360 px phone, counted', () => {
  afterAll(() => {
    // Written only when all three logs ran, so a failed run never leaves half a report behind.
    if (logs.length !== 3) return
    const report: QuickLogReport = { date: new Date().toISOString(), viewport, goal, logs }
    fs.mkdirSync('reports', { recursive: true })
    fs.writeFileSync(QUICK_LOG_COUNTS, JSON.stringify(report, null, 2) + '\n')
    console.log(`\n${quickLogTable(report)}\n`)
  })

  it('(a) a LinkedIn post with its link: the channel comes from the link', async () => {
    const page = await openForm()
    const c = counter()
    await c.choose(page.getByText('Social media post', { exact: true }))
    // Only the link is asked for besides title and date; the figures wait under "More details".
    expect(await page.getByLabel('Evidence link').isVisible()).toBe(true)
    expect(await page.getByLabel('People in the room').isVisible()).toBe(false)
    expect(await page.getByLabel('Channel').isVisible()).toBe(false)
    await c.type(page.getByLabel(/^What did you do/), 'Gdańsk i Donostia: miasta w dialogu', 'title')
    await saveInReach(page)
    // Typed as a phone user would: no https://.
    await c.type(page.getByLabel('Evidence link'), 'linkedin.com/posts/donostia_ripple-7140', 'link')
    await expect.poll(() => page.getByText('Channel: LinkedIn, from the link.').isVisible()).toBe(true)
    await saveInReach(page)
    const height = await formHeight(page)
    const row = savedRow(await save(page, c))
    expect(row).toMatchObject({
      type: 'social_post',
      channel: 'linkedin',
      link: 'https://linkedin.com/posts/donostia_ripple-7140',
    })
    record('a LinkedIn post with its link', c, height, row)
    expect(c.n.taps).toBeLessThanOrEqual(goal.maxTaps)
    expect(c.n.other).toBe(0)
    expect(height).toBeLessThanOrEqual(goal.maxFormHeight)
    await page.context().close()
  })

  it('(b) a talk at an existing event with 40 people: in person, no link', async () => {
    const page = await openForm()
    const c = counter()
    await c.choose(page.getByText('Presentation at an event', { exact: true }))
    expect(await page.getByLabel('Event', { exact: true }).isVisible()).toBe(true)
    expect(await page.getByLabel('People in the room').isVisible()).toBe(true)
    expect(await page.getByLabel('Evidence link').isVisible()).toBe(false)
    await c.type(page.getByLabel(/^What did you do/), 'Hitzaldia Donostiako berrikuntza foroan', 'title')
    await c.select(page.getByLabel('Event', { exact: true }), 1)
    const eventId = Number(await page.getByLabel('Event', { exact: true }).inputValue())
    await c.type(page.getByLabel('People in the room'), '40', 'other')
    await saveInReach(page)
    const height = await formHeight(page)
    const row = savedRow(await save(page, c))
    expect(row).toMatchObject({ type: 'presentation', channel: 'in_person', participants: 40, eventId })
    record('a talk at an existing event with 40 people', c, height, row)
    expect(c.n.taps).toBeLessThanOrEqual(goal.maxTaps)
    expect(height).toBeLessThanOrEqual(goal.maxFormHeight)
    await page.context().close()
  })

  it('(c) a press article: print press, and the outlet found in the register from the link', async () => {
    const page = await openForm()
    const c = counter()
    await c.choose(page.getByText('Press article or release', { exact: true }))
    await c.type(page.getByLabel(/^What did you do/), 'Miasta w dialogu: Gdańsk gości sieć', 'title')
    await c.type(
      page.getByLabel('Evidence link'),
      'https://dziennikbaltycki.pl/gdansk/miasta-w-dialogu/ar/c1-1',
      'link',
    )
    await saveInReach(page)
    const height = await formHeight(page)
    const row = savedRow(await save(page, c))
    expect(row).toMatchObject({ type: 'press', channel: 'print_press', outlets: 'dziennikbaltycki.pl' })
    record('a press article', c, height, row)
    expect(c.n.taps).toBeLessThanOrEqual(goal.maxTaps)
    expect(c.n.other).toBe(0)
    expect(height).toBeLessThanOrEqual(goal.maxFormHeight)
    await page.context().close()
  })

  it('without JavaScript, the type buttons and the link still log a post, its channel from the link', async () => {
    const context = await app.browser.newContext({ viewport, baseURL: app.url, javaScriptEnabled: false })
    const page = await context.newPage()
    await app.login(page, 'partner')
    await page.goto('/actions/new')
    await page.getByText('Social media post', { exact: true }).click()
    // The CSS alone shows the post's fields.
    expect(await page.getByLabel('People in the room').isVisible()).toBe(false)
    await page.getByLabel(/^What did you do/).fill('Post sobre el foro, sin JavaScript')
    await page.getByLabel('Evidence link').fill('www.instagram.com/p/Cdonostia/')
    await Promise.all([
      page.waitForURL(/\/actions\/\d+\?saved=1/),
      page.getByRole('button', { name: 'Save and submit', exact: true }).click(),
    ])
    const row = savedRow(Number(new URL(page.url()).pathname.split('/').pop()))
    expect(row).toMatchObject({
      type: 'social_post',
      channel: 'instagram',
      link: 'https://www.instagram.com/p/Cdonostia/',
    })
    await context.close()
  })
})
