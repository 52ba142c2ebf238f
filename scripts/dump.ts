import { monthlyReach } from '~/models/dashboards/reach/index.server'
const out: unknown[] = []
for (const month of ['2026-10', '2025-03'])
  for (const validatedOnly of [true, false]) {
    const r = monthlyReach({ month, filters: { validatedOnly } })
    out.push({ month, validatedOnly, byCategory: r.byCategory, byLanguage: r.byLanguage, headline: r.headline })
  }
console.log(JSON.stringify(out))
