import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LeagueOff, ScrollingTable } from '~/components/league'
import { PageHeader } from '~/components/list'
import { leagueEnabled } from '~/models/league/index.server'
import { leagueBadgeKeys, leagueRules, TIER_A_PER_ACTION } from '~/models/league/rules'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('league:rules.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'league:read')
  if (!leagueEnabled()) return json({ off: true }, { status: 404 })
  return json({ off: false })
}

/** Every rule and badge in plain words, from the same rule table the standings are computed with. */
export default function LeagueRulesPage() {
  const { t } = useTranslation('league')
  const f = useFormat()
  const { off } = useLoaderData<typeof loader>()
  if (off) return <LeagueOff />
  return (
    <div className="max-w-prose space-y-6">
      <PageHeader title={t('rules.title')}>
        <Link to="/league" className="btn-secondary">
          {t('rules.back')}
        </Link>
      </PageHeader>
      <p>{t('rules.intro')}</p>
      <section aria-labelledby="points-heading" className="space-y-3">
        <h2 id="points-heading">{t('rules.pointsTitle')}</h2>
        <ScrollingTable label={t('rules.pointsTitle')}>
          <table className="table">
            <caption className="sr-only">{t('rules.pointsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rules.rule')}</th>
                <th scope="col" className="text-right">
                  {t('rules.points')}
                </th>
              </tr>
            </thead>
            <tbody>
              {leagueRules.map((rule) => (
                <tr key={rule.key}>
                  <th scope="row" className="font-normal">
                    <span className="block font-medium">{t(`rules.items.${rule.key}.name`)}</span>
                    <span className="block text-sm text-ink-muted">
                      {t(`rules.items.${rule.key}.text`, { max: f.number(TIER_A_PER_ACTION) })}
                    </span>
                  </th>
                  <td className="whitespace-nowrap text-right tabular-nums">
                    {t('pointsValue', { count: rule.points })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </section>
      <section aria-labelledby="badges-heading" className="space-y-3">
        <h2 id="badges-heading">{t('rules.badgesTitle')}</h2>
        <p className="text-sm text-ink-muted">{t('rules.badgesIntro')}</p>
        <dl className="space-y-3">
          {leagueBadgeKeys.map((key) => (
            <div key={key}>
              <dt className="font-medium">{t(`badges.${key}.name`)}</dt>
              <dd className="text-sm">{t(`badges.${key}.text`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="periods-heading" className="space-y-2">
        <h2 id="periods-heading">{t('rules.periodsTitle')}</h2>
        <p>{t('rules.periods')}</p>
        <p>{t('rules.privacy')}</p>
      </section>
    </div>
  )
}
