import { json } from '@remix-run/node'

import { sqlite } from '#db/client'

/** Liveness and database check for monitoring; public, no personal data. */
export async function loader() {
  const started = performance.now()
  try {
    const row = sqlite().prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
    return json(
      {
        status: 'ok',
        database: {
          status: 'ok',
          migrations: row.n,
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    return json(
      {
        status: 'error',
        database: { status: 'error', error: error instanceof Error ? error.message : String(error) },
      },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
