import { pathToFileURL } from 'node:url'

import type { ServerBuild } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'

import { buildPaths } from '../../app/server/paths.server'
import { type DemoUser, useTestApp } from './app'

/**
 * Every page of the production build, read from its route manifest (so a route added later is
 * checked without editing this file): anonymous visitors are sent to /login, and only
 * administrators reach /admin.
 */
const app = useTestApp()

// The web app manifest is public: browsers fetch it without cookies.
// /unsubscribe is public too: its signed link is the authority (a link without a valid signature gets 400).
// Calendar programs open /calendar.ics with the user's secret token instead of a session (404 without one).
const publicPaths = new Set([
  '/login',
  '/healthz',
  '/locale',
  '/logout',
  '/manifest.webmanifest',
  '/unsubscribe',
  // Signed out by design: asking for and using a link sent by e-mail.
  '/forgot-password',
  '/reset-password/1',
  '/invitation/1',
  '/calendar.ics',
])

type RouteInfo = { id: string; path: string; hasLoader: boolean; hasAction: boolean }

let routes: RouteInfo[] = []

beforeAll(async () => {
  const build = (await import(/* @vite-ignore */ pathToFileURL(buildPaths().serverBuild).href)) as ServerBuild
  const fullPath = (id: string): string => {
    const route = build.routes[id]
    if (!route) return ''
    const parent = route.parentId ? fullPath(route.parentId) : ''
    return [parent, route.path ?? ''].filter(Boolean).join('/')
  }
  routes = Object.values(build.routes)
    .filter((r) => r.id !== 'root' && (r.path !== undefined || r.index))
    .map((r) => ({
      id: r.id,
      // Dynamic segments get id 1, splats a made-up path, optional segments are dropped.
      path:
        (
          '/' +
          fullPath(r.id)
            .split('/')
            .filter((s) => s && !/^\(.*\)$/.test(s))
            .map((s) => (s === '*' ? 'x' : s.startsWith(':') ? '1' : s))
            .join('/')
        ).replace(/\/+$/, '') || '/',
      hasLoader: typeof r.module.loader === 'function' || typeof r.module.default === 'function',
      hasAction: typeof r.module.action === 'function',
    }))
})

describe('route guards (every route in the build)', () => {
  it('finds the routes in the build manifest', () => {
    const paths = routes.map((r) => r.path)
    for (const p of [
      '/',
      '/login',
      '/admin',
      '/admin/users',
      '/admin/partners',
      '/admin/audit',
      '/admin/project',
      '/admin/backup',
    ])
      expect(paths).toContain(p)
  })

  it('sends an anonymous GET of every page to /login', async () => {
    const failures: string[] = []
    for (const route of routes) {
      if (publicPaths.has(route.path) || !route.hasLoader) continue
      const response = await app.fetch(route.path)
      const location = response.headers.get('location') ?? ''
      if (response.status !== 302 || !/^\/login(\?|$)/.test(location))
        failures.push(`${route.path} (${route.id}): ${response.status} ${location}`)
    }
    expect(failures).toEqual([])
  })

  it('sends an anonymous POST to any route with an action to /login (or refuses it)', async () => {
    const failures: string[] = []
    for (const route of routes) {
      if (publicPaths.has(route.path) || !route.hasAction) continue
      const response = await app.post(route.path, { intent: 'probe' })
      const location = response.headers.get('location') ?? ''
      if (!(response.status === 302 && /^\/login(\?|$)/.test(location)))
        failures.push(`${route.path}: ${response.status} ${location}`)
    }
    expect(failures).toEqual([])
  })

  for (const user of ['partner', 'viewer'] satisfies DemoUser[]) {
    it(`gives ${user} 403 on every /admin page and every /admin POST`, async () => {
      const admin = routes.filter(
        (r) => r.path === '/admin' || r.path.startsWith('/admin/') || r.path.startsWith('/admin.'),
      )
      expect(admin.length).toBeGreaterThanOrEqual(8)
      const failures: string[] = []
      for (const route of admin) {
        if (route.hasLoader) {
          const response = await app.fetch(route.path, { as: user })
          if (response.status !== 403) failures.push(`GET ${route.path}: ${response.status}`)
        }
        if (route.hasAction) {
          const response = await app.post(route.path, { intent: 'archive', id: '1', name: 'x' }, { as: user })
          if (response.status !== 403) failures.push(`POST ${route.path}: ${response.status}`)
        }
      }
      expect(failures).toEqual([])
    })
  }

  it('keeps the communications lead out of the administration pages too', async () => {
    // /admin/project shows the communications lead the partner league's switch only (tests/http/league.test.ts).
    for (const path of [
      '/admin',
      '/admin/partners',
      '/admin/partners/new',
      '/admin/users',
      '/admin/users/1',
      '/admin/audit',
      '/admin/audit.csv',
      '/admin/backup',
    ]) {
      expect((await app.fetch(path, { as: 'comms' })).status, path).toBe(403)
    }
    expect((await app.post('/admin/backup/download', {}, { as: 'comms' })).status).toBe(403)
    expect((await app.post('/admin/users/1', { intent: 'deactivate' }, { as: 'comms' })).status).toBe(403)
    expect((await app.post('/admin/project', { intent: 'project' }, { as: 'comms' })).status).toBe(403)
  })

  it('lets an administrator open every /admin page', async () => {
    const failures: string[] = []
    for (const route of routes.filter(
      (r) => r.hasLoader && (r.path === '/admin' || r.path.startsWith('/admin/')),
    )) {
      const response = await app.fetch(route.path, { as: 'admin' })
      // 200, or a redirect/404 for pages about a record (id 1 may not exist in every area).
      if (![200, 302, 404].includes(response.status)) failures.push(`${route.path}: ${response.status}`)
    }
    expect(failures).toEqual([])
  })
})
