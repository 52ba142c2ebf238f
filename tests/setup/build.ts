import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { buildPaths } from '../../app/server/paths.server'

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)))
  return newest
}

/**
 * Route and browser tests run against the real production build. Rebuild when any source is newer
 * than the build, so a test never checks stale code.
 */
export function ensureFreshBuild() {
  const { serverBuild } = buildPaths()
  const sources = ['app', 'db/schema', 'remix.config.js', 'tailwind.config.ts'].map((p) =>
    newestMtime(path.resolve(p)),
  )
  const built = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0
  if (built >= Math.max(...sources)) return
  execFileSync(process.execPath, [path.resolve('node_modules/@remix-run/dev/dist/cli.js'), 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
}
