import { json } from '@remix-run/node'

import { sqlite } from '#db/client'
import { checkHealth } from '~/server/health.server'
import { env } from '~/utils/env.server'

/**
 * Liveness for monitoring; public, no personal data. 503 when the database does not read or take a
 * write, or its disk is below HEALTH_MIN_FREE_MB; `failed` names the checks that failed.
 */
export async function loader() {
  const health = checkHealth(sqlite, env().HEALTH_MIN_FREE_MB)
  return json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
