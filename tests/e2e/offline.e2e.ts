import { randomUUID } from 'node:crypto'

import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'

import { phone, useBrowserApp } from './harness'

const app = useBrowserApp()

let readOnly: Database.Database | null = null
afterAll(() => readOnly?.close())

/** Actions on the server with this title, read from the test server's own database. */
function savedWithTitle(title: string): number {
  readOnly ??= new Database(app.dbFile, { readonly: true, fileMustExist: true })
  return (readOnly.prepare('select count(*) as n from actions where title = ?').get(title) as { n: number }).n
}

/** Evidence files kept for the action with this title. */
function filesOfTitle(title: string): string[] {
  readOnly ??= new Database(app.dbFile, { readonly: true, fileMustExist: true })
  return (
    readOnly
      .prepare(
        'select f.original_name as name from action_files f join actions a on a.id = f.action_id where a.title = ?',
      )
      .all(title) as { name: string }[]
  ).map((r) => r.name)
}

/** The new action form's loader data as this page was rendered (a stored copy repeats its key). */
const renderedKey = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __remixContext: { state: { loaderData: Record<string, { clientKey?: string }> } }
        }
      ).__remixContext.state.loaderData['routes/actions.new']?.clientKey,
  )

const hydrated = (page: Page) =>
  page.waitForFunction(
    () =>
      (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
  )

/** The browser's offline queue (IndexedDB), read or written as the page would. */
function queue(page: Page, replace?: unknown[]) {
  return page.evaluate(
    (items) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('ripple-offline', 1)
        open.onupgradeneeded = () => open.result.createObjectStore('actions', { keyPath: 'clientKey' })
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('actions', items ? 'readwrite' : 'readonly')
          const store = tx.objectStore('actions')
          for (const item of items ?? []) store.put(item)
          const all = store.getAll()
          tx.oncomplete = () => (open.result.close(), resolve(all.result))
          tx.onerror = () => reject(tx.error)
        }
      }),
    replace ?? null,
  )
}

async function logOffline(page: Page, title: string) {
  await page.getByRole('radio', { name: 'Presentation at an event' }).check()
  await page.getByLabel(/^What did you do/).fill(title)
  await page.getByRole('button', { name: 'Save and submit' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Saved on this phone/)
  // The form is empty again, ready for the next one.
  await expect.poll(() => page.getByLabel(/^What did you do/).inputValue()).toBe('')
}

describe('logging offline on a phone', () => {
  it('opens the form without a network, queues two actions and sends each exactly once when the network returns', async () => {
    const page = await app.newPage(phone)
    const context = page.context()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text())
    })
    await app.login(page, 'partner')
    await page.goto('/actions/new')
    // The service worker installs, stores the form and takes control of the page.
    await expect
      .poll(() =>
        page.evaluate(() => navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)),
      )
      .toBe(true)
    await expect.poll(() => page.evaluate(async () => !!(await caches.match('/actions/new')))).toBe(true)
    // One more visit online: the worker answers from the network and keeps this copy.
    await page.reload()
    await hydrated(page)
    const keptKey = await renderedKey(page)
    expect(keptKey).toBeTruthy()
    // The worker keeps that copy in the background.
    await expect
      .poll(() =>
        page.evaluate(
          async (key) => !!(await (await caches.match('/actions/new'))?.text())?.includes(key!),
          keptKey,
        ),
      )
      .toBe(true)

    await context.setOffline(true)
    const offlinePage = await page.reload()
    expect(offlinePage?.fromServiceWorker()).toBe(true)
    // The stored copy: the same page as last rendered online (a network answer has a new key).
    expect(await renderedKey(page)).toBe(keptKey)
    await hydrated(page)
    expect(await page.locator('h1').textContent()).toBe('Log an action')
    await expect.poll(() => page.getByText(/You are offline/).count()).toBe(1)
    // Elsewhere really is out of reach.
    await expect(page.evaluate(() => fetch('/actions').then(() => 'reached'))).rejects.toThrow()

    const stamp = Date.now()
    const titles = [`Prezentacja w Gdańsku ${stamp}`, `Παρουσίαση στη Θεσσαλονίκη ${stamp}`]
    // A photo taken offline goes with its action: the form's evidence file input is kept in the
    // queue and sent as multipart.
    const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#1b8a9a' } })
      .jpeg()
      .toBuffer()
    await page
      .locator('input[type="file"][name="evidenceFiles"]')
      .setInputFiles({ name: 'fórum-Gdańsk.jpg', mimeType: 'image/jpeg', buffer: photo })
    await logOffline(page, titles[0])
    await expect.poll(() => page.getByRole('heading', { name: 'Waiting to send (1)' }).count()).toBe(1)
    await logOffline(page, titles[1])
    await expect.poll(() => page.getByRole('heading', { name: 'Waiting to send (2)' }).count()).toBe(1)
    const waiting = page.getByTestId('offline-queue')
    for (const title of titles) expect(await waiting.textContent()).toContain(title)
    const badge = page.getByTestId('offline-badge')
    expect(await badge.getAttribute('aria-label')).toBe('Waiting to send (2)')
    // At phone width the number alone shows; the words from 400 pixels up.
    expect(await badge.innerText()).toBe('2')
    const queued = await queue(page)
    expect(new Set(queued.map((q) => (q as { clientKey: string }).clientKey)).size).toBe(2)
    expect(titles.map(savedWithTitle)).toEqual([0, 0])

    // What the queue hands to fetch (Chromium does not show a body holding a file to the test).
    await page.evaluate(() => {
      const w = window as unknown as { sentForms: unknown[] }
      w.sentForms = []
      const send = window.fetch
      window.fetch = async (input, init) => {
        if (init?.body instanceof FormData) {
          const files = init.body.getAll('evidenceFiles').filter((v): v is File => v instanceof File)
          w.sentForms.push({
            type: 'multipart',
            title: init.body.get('title'),
            files: await Promise.all(
              files.map(async (f) => ({
                name: f.name,
                type: f.type,
                bytes: [...new Uint8Array(await f.arrayBuffer())],
              })),
            ),
          })
        }
        return send(input, init)
      }
    })
    await context.setOffline(false)
    await expect.poll(() => titles.map(savedWithTitle)).toEqual([1, 1])
    expect(await page.evaluate(() => (window as unknown as { sentForms: unknown[] }).sentForms)).toEqual([
      {
        type: 'multipart',
        title: titles[0],
        files: [{ name: 'fórum-Gdańsk.jpg', type: 'image/jpeg', bytes: [...photo] }],
      },
      // An empty file input, as a browser posts it: a nameless empty part.
      {
        type: 'multipart',
        title: titles[1],
        files: [{ name: '', type: 'application/octet-stream', bytes: [] }],
      },
    ])
    // The photo was kept by the server with its action, and only with it.
    expect(titles.map(filesOfTitle)).toEqual([['fórum-Gdańsk.jpg'], []])
    await expect.poll(() => page.getByTestId('offline-queue').count()).toBe(0)
    await expect.poll(() => page.getByTestId('offline-badge').count()).toBe(0)
    expect(await page.getByRole('status').first().textContent()).toContain(
      'The 2 actions saved offline have been sent.',
    )

    // A resend (an answer lost on the way back, a second tab): the same items go again on the next
    // page load, and the server answers with the actions it already logged.
    await queue(page, queued)
    await page.goto('/actions?mine=1')
    await expect.poll(() => queue(page).then((q) => q.length)).toBe(0)
    expect(titles.map(savedWithTitle)).toEqual([1, 1])
    expect(titles.map(filesOfTitle)).toEqual([['fórum-Gdańsk.jpg'], []])
    expect(violations).toEqual([])
    await context.close()
  })

  it('keeps the form after signing in without opening it, keeps a refused action until removed, forgets the form on signing out', async () => {
    const page = await app.newPage(phone)
    const context = page.context()
    // The sign-in page installs the worker; signing in moves on inside the app, to the home page.
    await app.login(page, 'partner2')
    expect(new URL(page.url()).pathname).toBe('/')
    await expect.poll(() => page.evaluate(async () => !!(await caches.match('/actions/new')))).toBe(true)
    await context.setOffline(true)
    const offline = await page.goto('/actions/new')
    expect(offline?.fromServiceWorker()).toBe(true)
    await hydrated(page)
    expect(await page.locator('h1').textContent()).toBe('Log an action')
    await context.setOffline(false)

    // An action the server refuses (its type no longer exists) stays, marked, until it is removed.
    readOnly ??= new Database(app.dbFile, { readonly: true, fileMustExist: true })
    const { id: userId } = readOnly
      .prepare("select id from users where email = 'partner2@demo.ripple'")
      .get() as {
      id: number
    }
    const title = `Hitzaldia Bilbon ${Date.now()}`
    const fields = { typeId: '999999', date: '2026-11-20', title, clientKey: randomUUID(), intent: 'submit' }
    await queue(page, [
      {
        clientKey: fields.clientKey,
        userId,
        url: '/actions/new',
        fields: Object.entries(fields),
        title,
        date: fields.date,
        queuedAt: new Date().toISOString(),
      },
    ])
    await page.reload()
    const refused = page.getByTestId('offline-queue').getByRole('listitem').filter({ hasText: title })
    await expect.poll(() => refused.textContent()).toContain('Not accepted: log it again')
    expect(savedWithTitle(title)).toBe(0)
    await refused.getByRole('button', { name: `Remove “${title}” from this phone` }).click()
    await expect.poll(() => page.getByTestId('offline-queue').count()).toBe(0)
    expect(await queue(page)).toEqual([])

    await page.goto('/')
    await page.locator('header > div > details > summary').click()
    await Promise.all([
      page.waitForURL('**/login'),
      page.locator('header details').getByRole('button', { name: 'Sign out' }).click(),
    ])
    // The stored page held this user's name and choices.
    await expect.poll(() => page.evaluate(async () => !!(await caches.match('/actions/new')))).toBe(false)
    await context.close()
  })
})
