import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { leagueEnabled, leaguePeriodOf, leagueStandings } from '~/models/league/index.server'
import { leagueFilterSchema } from '~/models/league/schemas'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The standings as CSV, with the page's filters: every partner (all pages) and what each rule gave. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'league:read')
  if (!leagueEnabled()) throw json({ message: 'league_off' }, { status: 404 })
  const filter = leagueFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const period = leaguePeriodOf(filter)
  const { rows } = leagueStandings(period, { limit: 100_000, offset: 0 })
  const t = serverT(user.locale)
  const label = period.period === 'month' ? period.month : t('league:periods.project')
  const header = [
    'period',
    'rank',
    'partner',
    'group',
    'points',
    'validated',
    'tierA',
    'newLanguage',
    'eventPlan',
    'firstChannel',
    'badges',
  ].map((k) => t(`league:csv.${k}`))
  return csvResponse(
    period.period === 'month' ? `league-${period.month}.csv` : 'league-project.csv',
    header,
    rows.map((r) => [
      label,
      r.rank,
      r.name,
      t(`league:groups.${r.role}`),
      r.points,
      r.validated,
      r.tierA,
      r.newLanguage,
      r.eventPlan,
      r.firstChannel,
      r.badges.map((b) => t(`league:badges.${b}.name`)).join('; '),
    ]),
  )
}
