import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { db } from '#db/client'
import { targetProgress } from '~/models/plan/index.server'
import { coverage } from '~/models/dashboards/coverage/index.server'
import { batchedActuals } from '~/models/dashboards/coverage/batched.server'
const rows = db.all<any>(sql`select id, label, metric, period_kind as periodKind, period_start as periodStart, period_end as periodEnd, breakdown, breakdown_value as breakdownValue, value from targets where archived_at is null`)
const asOf = '2026-10-31'
let s = performance.now()
batchedActuals(rows, asOf, { validatedOnly: true }); s = performance.now()
const b = batchedActuals(rows, asOf, { validatedOnly: true })
console.log('batched', b.size, 'of', rows.length, (performance.now() - s).toFixed(1))
const byMetric = new Map<string, number[]>()
for (const t of rows) {
  if (b.has(t.id)) continue
  s = performance.now()
  targetProgress(t, { includeSubmitted: false, today: asOf })
  const k = `${t.metric}/${t.breakdown}/${t.periodKind}`
  byMetric.set(k, [...(byMetric.get(k) ?? []), performance.now() - s])
}
for (const [k, v] of [...byMetric].sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y)))
  console.log(k.padEnd(50), v.length, v.reduce((x, y) => x + y).toFixed(1))
for (let i = 0; i < 3; i++) { s = performance.now(); coverage({ month: '2026-10', today: '2026-12-04' }); console.log('coverage', (performance.now() - s).toFixed(1)) }
