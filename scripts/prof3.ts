import { performance } from 'node:perf_hooks'
import { countedActionsWhere } from '~/models/dashboards/counted.server'
import { languagesUsed, materialsByLanguage, partnerActivity } from '~/models/dashboards/coverage/activity.server'
import { unreachedPriority } from '~/models/dashboards/coverage/unreached.server'
import { projectRow, workingLanguagesOf } from '~/models/dashboards/shared.server'
const month = '2026-10', windowStart = '2026-05'
const filters = { validatedOnly: true }
const counted = countedActionsWhere(filters as any)
const window = { month, windowStart, filters, counted } as any
function t(name: string, f: () => unknown, n = 5) {
  const xs: number[] = []
  for (let i = 0; i < n; i++) { const s = performance.now(); f(); xs.push(performance.now() - s) }
  console.log(name.padEnd(24), xs.map((x) => x.toFixed(1)).join(' '))
}
t('project', () => workingLanguagesOf(projectRow()))
t('unreached', () => unreachedPriority(window, undefined, 100))
t('partnerActivity', () => partnerActivity(month, filters as any, counted))
t('languagesUsed', () => languagesUsed(window, ['en', 'es']))
t('materials', () => materialsByLanguage(['en', 'es']))
