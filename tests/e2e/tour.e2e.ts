import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { planSectionKeys } from '#db/schema/plan'

import { hydrated, phone, useBrowserApp } from './harness'

/**
 * The whole product as real users meet it: every page each role's navigation offers, plus the
 * detail, new and edit pages reached from those pages' own links, on a 360 px phone. Each page is
 * checked for status, sideways scrolling, untranslated keys, console errors, one h1, named form
 * controls and axe-core (serious and critical findings). Pages outside a role must answer 403.
 */

const app = useBrowserApp()
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

type Role = 'admin' | 'comms' | 'partner' | 'viewer'

// ---- i18n keys: every namespace and every key path, so visible text can be compared with them
const localesDir = path.resolve('app/locales/en')
const namespaces = fs
  .readdirSync(localesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
const keyPaths = new Set<string>()
const topSegments = new Set<string>()
function walk(prefix: string, value: unknown) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v)
  } else {
    keyPaths.add(prefix.replace(/_(one|other|zero|few|many)$/, ''))
  }
}
for (const ns of namespaces) {
  const json = JSON.parse(fs.readFileSync(path.join(localesDir, `${ns}.json`), 'utf8'))
  walk('', json)
  for (const k of Object.keys(json)) topSegments.add(k)
}
const namespaceSet = new Set(namespaces)
const tlds = new Set([
  'com',
  'org',
  'net',
  'eu',
  'es',
  'it',
  'de',
  'fr',
  'pt',
  'nl',
  'pl',
  'gov',
  'edu',
  'io',
  'info',
  'ripple',
  'cat',
  'eus',
  'gal',
  'example',
  'test',
  'uk',
  'se',
  'fi',
  'gr',
  'hr',
  'si',
  'ro',
  'be',
  'at',
])

/** Key-shaped words that are really keys: "namespace:key", a known key path, or a dotted word under a known top-level key. */
function untranslatedKeys(text: string): string[] {
  const found = new Set<string>()
  const re = /(?<![@\w./:-])([a-zA-Z][a-zA-Z0-9]*(?:[.:][a-zA-Z][a-zA-Z0-9_]*)+)(?![\w/@-]|\.[a-zA-Z])/g
  for (const m of text.matchAll(re)) {
    const token = m[1]!
    const colon = token.indexOf(':')
    if (colon > 0) {
      const ns = token.slice(0, colon)
      if (namespaceSet.has(ns) && token.slice(colon + 1).length > 0) found.add(token)
      continue
    }
    const parts = token.split('.')
    if (tlds.has(parts[parts.length - 1]!.toLowerCase())) continue
    if (
      keyPaths.has(token) ||
      (topSegments.has(parts[0]!) && /^[a-z]/.test(parts[1]!)) ||
      namespaceSet.has(parts[0]!)
    )
      found.add(token)
  }
  return [...found]
}

// ---- which pages are outside each role (they must answer 403, never a broken page)
const forbiddenFor: Record<Role, string[]> = {
  admin: [],
  comms: ['/admin', '/admin/users', '/admin/audit'],
  partner: [
    '/admin',
    '/actions/review',
    '/stakeholders/import',
    '/stakeholders/duplicates',
    '/plan/targets/new',
    '/plan/targets/1',
    '/reports/value',
  ],
  viewer: [
    '/admin',
    '/actions/new',
    '/actions/review',
    '/actions/import',
    '/stakeholders/new',
    '/plan/workplan/new',
    '/events/new',
  ],
}

// Links the tour does not follow: downloads, exports, sign-out, JSON and outside sites.
const skip = [
  /\.(csv|json|vcf|zip|sqlite|ics|md|docx)$/i,
  /\/files\/\d+/,
  /\/file$/,
  /\/download/,
  /^\/logout/,
  /^\/locale/,
  /^\/api\//,
  /^\/healthz/,
  /\/export/,
  /^\/actions\/\d+\/evidence$/,
]
// One page of each route: /stakeholders/27 stands for every stakeholder, /plan/purpose for every plan section.
const planSection = new RegExp(`^/plan/(${planSectionKeys.join('|')})$`)
const shapeOf = (pathname: string) =>
  pathname
    .replace(planSection, '/plan/:section')
    .replace(/\/\d+(?=\/|$)/g, '/:id')
    .replace(/\/$/, '') || '/'

type Finding = { role: string; url: string; problem: string }

async function checkPage(
  page: Page,
  errors: string[],
  expectStatus: number,
  status: number | undefined,
  withAxe: boolean,
): Promise<string[]> {
  const problems: string[] = []
  if (status !== expectStatus) problems.push(`status ${status} (expected ${expectStatus})`)
  const facts = await page.evaluate(() => {
    const named = (el: Element) => {
      const e = el as HTMLInputElement
      if (e.getAttribute('aria-label')?.trim()) return true
      const by = e.getAttribute('aria-labelledby')
      if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true
      if (e.labels && [...e.labels].some((l) => l.textContent?.trim())) return true
      if (e.getAttribute('title')?.trim()) return true
      if (el.tagName === 'BUTTON' && el.textContent?.trim()) return true
      if (el.tagName === 'INPUT' && ['submit', 'reset', 'button'].includes(e.type) && e.value) return true
      return false
    }
    // A hidden default submit button (aria-hidden, out of the tab order) is not a control anyone meets.
    const controls = [
      ...document.querySelectorAll('input:not([type=hidden]), select, textarea, button'),
    ].filter((c) => !(c.getAttribute('aria-hidden') === 'true' && c.getAttribute('tabindex') === '-1'))
    const unnamed = controls
      .filter((c) => !named(c))
      .map((c) => `${c.tagName.toLowerCase()}[name=${c.getAttribute('name') ?? ''}]`)
    const attrText = [...document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')]
      .map((e) =>
        [
          e.getAttribute('aria-label'),
          e.getAttribute('placeholder'),
          e.getAttribute('title'),
          e.getAttribute('alt'),
        ]
          .filter(Boolean)
          .join(' '),
      )
      .join('\n')
    return {
      width: document.documentElement.scrollWidth,
      h1: document.querySelectorAll('h1').length,
      text: `${document.title}\n${document.body.innerText}\n${attrText}`,
      unnamed,
    }
  })
  if (facts.width > phone.width + 1) problems.push(`sideways scroll: ${facts.width}px wide`)
  if (facts.h1 !== 1) problems.push(`${facts.h1} h1 elements`)
  if (facts.unnamed.length) problems.push(`unnamed controls: ${facts.unnamed.join(', ')}`)
  const keys = untranslatedKeys(facts.text)
  if (keys.length) problems.push(`untranslated: ${keys.join(', ')}`)
  const consoleErrors = errors.filter((e) => !(expectStatus !== 200 && /status of (403|404)/.test(e)))
  if (consoleErrors.length) problems.push(`console: ${consoleErrors.join(' | ').slice(0, 400)}`)
  if (!withAxe) return problems
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}) at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('; ')}`,
      )
  })
  for (const v of violations) problems.push(`axe ${v}`)
  return problems
}

async function signedInPhone(role: Role | 'partner2') {
  const page = await app.newPage(phone)
  await app.login(page, role)
  return page
}

function watchErrors(page: Page) {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  return errors
}

/**
 * axe-core is the slow check (seconds per page on a loaded machine), so each page shape gets it
 * once, from whichever role reaches it first; every other check runs on every page for every role.
 */
const axeScanned = new Set<string>()

/** Page shapes some role has loaded whole (as a document) already. */
const loadedWhole = new Set<string>()

async function loadWhole(page: Page, target: string) {
  const response = await page.goto(target)
  await hydrated(page)
  return response?.status()
}

/**
 * A client-side navigation through the hydrated app's router, as a followed link does: its data
 * request, then the render. The status is the error boundary's (a loader's 403 or 500), else 200.
 */
async function followInApp(page: Page, target: string) {
  type Router = {
    navigate: (to: string) => Promise<void>
    state: { errors: Record<string, { status?: number }> | null }
  }
  const status = await page.evaluate(async (to) => {
    const router = (window as unknown as { __remixRouter: Router }).__remixRouter
    await router.navigate(to)
    const errors = Object.values(router.state.errors ?? {})
    return errors.length ? (errors[0]!.status ?? 500) : 200
  }, target)
  // React commits the new page after the router's state changes: two frames.
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
  )
  return status
}

/**
 * Visits the role's navigation, then one page of each shape those pages link to, `depth` levels
 * down (2 reaches edit forms and sub-pages).
 */
async function tour(
  page: Page,
  role: string,
  forbidden: string[],
  { axe, depth: maxDepth }: { axe: boolean; depth: number },
): Promise<{ findings: Finding[]; visited: string[] }> {
  const findings: Finding[] = []
  const visited: string[] = []
  const errors = watchErrors(page)
  await page.goto('/')
  const navLinks = await page.$$eval('header nav a, header a', (as) =>
    as.map((a) => a.getAttribute('href') ?? ''),
  )
  // Pages not linked from the navigation: visited directly.
  const start = [
    '/',
    ...navLinks,
    '/actions?mine=1',
    '/inbox',
    '/ideas',
    '/calendar',
    '/account/calendar-token',
    // The partner league's nav entry is added at the merge (issue 15 point 7).
    '/league',
  ]
  const seen = new Set<string>()
  let queue = start.map((href) => ({ href, depth: 0 }))
  while (queue.length) {
    const next: typeof queue = []
    for (const { href, depth } of queue) {
      const u = new URL(href, app.url)
      if (u.origin !== new URL(app.url).origin || skip.some((r) => r.test(u.pathname))) continue
      const shape = shapeOf(u.pathname) + (u.searchParams.get('mine') ? '?mine' : '')
      if (seen.has(shape)) continue
      seen.add(shape)
      const target = u.pathname + u.search
      errors.length = 0
      // The home page is a different page per role (its own sections and links): scanned per role.
      const axeKey = shape === '/' ? `${role} /` : shape
      // The first role to reach a page shape loads it whole (server rendering, hydration, axe);
      // the others follow a link to it inside the app, as people do, which costs a fraction.
      const status = loadedWhole.has(axeKey) ? await followInApp(page, target) : await loadWhole(page, target)
      loadedWhole.add(axeKey)
      visited.push(target)
      const withAxe = axe && !axeScanned.has(axeKey)
      if (withAxe) axeScanned.add(axeKey)
      for (const problem of await checkPage(page, errors, 200, status, withAxe))
        findings.push({ role, url: target, problem })
      if (depth < maxDepth) {
        const links = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''))
        for (const l of links)
          if (l && !l.startsWith('#') && !l.startsWith('mailto:') && !l.startsWith('tel:'))
            next.push({ href: l, depth: depth + 1 })
      }
    }
    queue = next
  }
  for (const target of forbidden) {
    errors.length = 0
    const response = await page.goto(target)
    await hydrated(page)
    visited.push(`${target} (403)`)
    const withAxe = axe && !axeScanned.has('403')
    if (withAxe) axeScanned.add('403')
    for (const problem of await checkPage(page, errors, 403, response?.status(), withAxe))
      findings.push({ role, url: target, problem })
  }
  return { findings, visited }
}

/**
 * How far each role's tour goes. The administrator reaches every page and the partner the other
 * side of every permission, so both go to edit forms and sub-pages (depth 2). The comms lead's and
 * the viewer's pages two links deep are the administrator's components with fewer buttons (and
 * `tests/http/guards.test.ts` checks every route for every role), so they stop one level earlier,
 * which keeps CI well under its 15 minutes.
 */
const depthFor: Record<Role, number> = { admin: 2, partner: 2, comms: 1, viewer: 1 }

const report = (findings: Finding[]) => findings.map((f) => `${f.role} ${f.url}: ${f.problem}`).join('\n')

// The role tours are independent (one browser context each), so they run side by side.
describe.concurrent('a tour of every page, per role, on a 360 px phone', () => {
  for (const role of ['admin', 'comms', 'partner', 'viewer'] as const) {
    it(
      `${role}: every page is reachable, fits, is translated, named and passes axe`,
      { timeout: 600_000 },
      async () => {
        const page = await signedInPhone(role)
        const { findings, visited } = await tour(page, role, forbiddenFor[role], {
          axe: true,
          depth: depthFor[role],
        })
        // The tour really went somewhere: navigation, lists and at least one detail page.
        expect(visited.length).toBeGreaterThan(8)
        expect(visited.some((v) => /\/\d+/.test(v))).toBe(true)
        await page.context().close()
        expect(report(findings)).toBe('')
      },
    )
  }

  it(
    'a partner in Spanish (chosen with the language switch): the same pages, in Spanish',
    { timeout: 600_000 },
    async () => {
      const page = await signedInPhone('partner2')
      await hydrated(page)
      await page.getByText('Menu', { exact: true }).click()
      await Promise.all([
        page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/locale' && r.request().method() === 'POST',
        ),
        page.locator('header details nav').getByRole('button', { name: 'es', exact: true }).click(),
      ])
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es')
      // axe already ran on every page shape in English; here the text is what changes, so the
      // navigation and the pages it links to are enough (edit forms share the new forms' strings).
      const { findings, visited } = await tour(page, 'partner2 (es)', forbiddenFor.partner, {
        axe: false,
        depth: 1,
      })
      expect(visited.length).toBeGreaterThan(8)
      expect(await page.locator('html').getAttribute('lang')).toBe('es')
      await page.context().close()
      expect(report(findings)).toBe('')
    },
  )
})

describe('from the keyboard', () => {
  it('the first Tab reaches the skip link, and after it the next Tab lands in the page content', async () => {
    const page = await signedInPhone('partner')
    await page.goto('/actions')
    await hydrated(page)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/skip/i)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true)
    await page.context().close()
  })
})

describe('without JavaScript', () => {
  it('a partner signs in, logs an action with type and title, finds it in "my actions" and switches language', async () => {
    const context = await app.browser.newContext({
      viewport: phone,
      baseURL: app.url,
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await app.login(page, 'partner')
    expect(new URL(page.url()).pathname).toBe('/')

    const title = `Talk at the neighbourhood council, no JavaScript ${Date.now()}`
    await page.goto('/actions/new')
    // Sent empty, the form comes back (400) with translated errors next to the fields it names.
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Save and submit' }).click(),
    ])
    await page.waitForLoadState('load')
    expect(refused.status()).toBe(400)
    expect(untranslatedKeys(await page.locator('body').innerText())).toEqual([])
    expect(await page.getByLabel(/^What did you do/).getAttribute('aria-invalid')).toBe('true')
    // Not among the large buttons: under "Other types".
    await page.locator('summary', { hasText: 'Other types' }).click()
    await page.getByRole('radio', { name: 'Bilateral meeting' }).check()
    await page.getByLabel(/^What did you do/).fill(title)
    await Promise.all([
      page.waitForURL(/\/actions\/\d+/),
      page.getByRole('button', { name: 'Save and submit' }).click(),
    ])
    expect(await page.locator('h1').textContent()).toBe(title)

    await page.goto('/actions')
    await Promise.all([page.waitForURL(/mine=1/), page.getByRole('link', { name: 'My actions' }).click()])
    expect(await page.getByRole('listitem').filter({ hasText: title }).count()).toBe(1)

    // The phone menu is a <details> element and the language switch a plain form: both work with JavaScript off.
    await page.getByText('Menu', { exact: true }).click()
    // The URL already matches before the switch: wait for the list page the switch goes back to,
    // loaded whole (its HTML streams in; the heading can be there before the list).
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/actions' && r.request().method() === 'GET'),
      page.locator('header details nav').getByRole('button', { name: 'es', exact: true }).click(),
    ])
    await page.waitForLoadState('load')
    expect(await page.locator('html').getAttribute('lang')).toBe('es')
    expect(await page.locator('h1').textContent()).toBe('Mis acciones')
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: title }).count()).toBe(1)
    await context.close()
  })
})
