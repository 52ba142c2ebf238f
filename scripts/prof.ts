import { performance } from 'node:perf_hooks'
import { countedActionsWhere } from '~/models/dashboards/counted.server'
import { monthlyReach } from '~/models/dashboards/reach/index.server'
import { stakeholderFacts, reachedPerMonth, newlyEngaged } from '~/models/dashboards/reach/stakeholders.server'
import { languageBreakdown, partnerBreakdown } from '~/models/dashboards/reach/breakdowns.server'
import { topActions } from '~/models/dashboards/reach/top.server'
import { monthlyByKey } from '~/models/dashboards/reach/monthly.server'
import * as cov from '~/models/dashboards/coverage/index.server'
const month = '2026-10'
const filters = { validatedOnly: true }
const counted = countedActionsWhere(filters as any)
function t(name: string, f: () => unknown, n = 7) {
  const xs: number[] = []
  for (let i = 0; i < n; i++) { const s = performance.now(); f(); xs.push(performance.now() - s) }
  xs.sort((a, b) => a - b)
  console.log(name.padEnd(24), xs.map((x) => x.toFixed(1)).join(' '))
}
t('monthlyReach', () => monthlyReach({ month }))
t('stakeholderFacts', () => stakeholderFacts(month, filters as any, counted))
t('reachedPerMonth', () => reachedPerMonth([month, '2026-09', '2025-10'], filters as any, counted))
t('newlyEngaged', () => newlyEngaged(month, filters as any))
t('languageBreakdown', () => languageBreakdown(month, filters as any, counted, ['en', 'es']))
t('partnerBreakdown', () => partnerBreakdown(month, 'actions', filters as any, counted))
t('topActions', () => topActions(month, counted))
t('monthlyByKey', () => monthlyByKey('2025-10', month, 'channel', filters as any))
console.log(Object.keys(cov))
