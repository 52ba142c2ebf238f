import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { RefreshStaleEvidenceForm, staleEvidenceSettings } from '~/components/evidence-preview'
import { countStaleEvidence, refreshStaleEvidence } from '~/models/evidence/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { safeRedirect } from '~/utils/redirect'

export const meta = pageTitle('actions:meta.evidenceRefresh')

/** The communications lead's page for re-reading the counters of recent actions. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'action:validate')
  const { days, hours } = staleEvidenceSettings
  return json({ due: countStaleEvidence({ withinDays: days, olderThanHours: hours }) })
}

/**
 * Re-reads the evidence of recent actions whose counters are old (bounded: see
 * staleEvidenceSettings), then goes back where the button was, with a summary in the URL.
 */
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'action:validate')
  const form = await request.formData()
  const { days, hours, limit } = staleEvidenceSettings
  const summary = await refreshStaleEvidence({ withinDays: days, olderThanHours: hours, limit })
  const back = new URL(
    safeRedirect(form.get('redirectTo'), '/actions/evidence/refresh'),
    'http://ripple.invalid',
  )
  back.searchParams.set('evidenceRefresh', `${summary.checked}.${summary.ok}.${summary.failed}`)
  return redirect(back.pathname + back.search)
}

export default function EvidenceRefreshRoute() {
  const { t } = useTranslation('evidence')
  const f = useFormat()
  const { due } = useLoaderData<typeof loader>()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to="/actions/review">{t('stale.back')}</Link>
      </p>
      <h1 className="page-title">{t('stale.title')}</h1>
      <p>{t('stale.intro')}</p>
      <div className="card space-y-3">
        <p>{t('stale.due', { count: due, formatted: f.number(due) })}</p>
        <RefreshStaleEvidenceForm />
      </div>
    </div>
  )
}
