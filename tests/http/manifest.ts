import { pathToFileURL } from 'node:url'

import type { ServerBuild } from '@remix-run/node'

import { buildPaths } from '../../app/server/paths.server'

type RouteInfo = { id: string; path: string; hasLoader: boolean; hasAction: boolean }

/**
 * Every route of the production build, read from its manifest (so a route added later is checked
 * without editing the tests), with a path to request: dynamic segments get id 1, splats a made-up
 * path, optional segments are dropped.
 */
export async function buildRoutes(): Promise<RouteInfo[]> {
  const build = (await import(/* @vite-ignore */ pathToFileURL(buildPaths().serverBuild).href)) as ServerBuild
  const fullPath = (id: string): string => {
    const route = build.routes[id]
    if (!route) return ''
    const parent = route.parentId ? fullPath(route.parentId) : ''
    return [parent, route.path ?? ''].filter(Boolean).join('/')
  }
  return Object.values(build.routes)
    .filter((r) => r.id !== 'root' && (r.path !== undefined || r.index))
    .map((r) => ({
      id: r.id,
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
}
