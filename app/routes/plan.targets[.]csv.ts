import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { actualAsOf } from '~/models/dashboards/reading/scope'
import { facetLabeller, listTargetsWithProgress, targetListOptions } from '~/models/plan/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The targets with their progress as CSV: the same rows and switches as /plan/targets. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const options = targetListOptions(new URL(request.url).searchParams)
  const t = serverT(user.locale)
  const label = facetLabeller()
  const today = new Date().toISOString().slice(0, 10)
  const header = [
    'id',
    'name',
    'metric',
    'breakdown',
    'breakdownValue',
    'periodKind',
    'periodStart',
    'periodEnd',
    'target',
    'actual',
    'achieved',
    'projection',
    'status',
    'finished',
    'counting',
  ]
    .map((k) => t(`plan:targets.csv.${k}`))
    .concat(t('reading:targets.asOfColumn'))
  const counting = options.includeSubmitted
    ? t('plan:targets.countingSubmitted')
    : t('plan:targets.countingValidated')
  return csvResponse(
    'targets.csv',
    header,
    listTargetsWithProgress({ ...options, today }).map((r) => {
      const facet = label(r.breakdown, r.breakdownValue)
      return [
        r.id,
        r.label ?? '',
        t(`plan:metrics.${r.metric}`),
        r.breakdown ? t(`plan:breakdowns.${r.breakdown}`) : '',
        r.breakdown === 'language' && r.breakdownValue
          ? t(`common:languages.${r.breakdownValue}`, { defaultValue: facet ?? '' })
          : (facet ?? ''),
        t(`plan:periodKinds.${r.periodKind}`),
        r.periodStart,
        r.periodEnd,
        r.value,
        r.progress.actual,
        r.progress.percentage,
        r.progress.notStarted ? '' : r.progress.projection,
        t(`plan:status.${r.progress.status}`),
        r.progress.finished ? t('common:yes') : t('common:no'),
        counting,
        actualAsOf(r, today) ?? '',
      ]
    }),
  )
}
