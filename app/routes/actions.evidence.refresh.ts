import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { staleEvidenceSettings } from '~/components/evidence-preview'
import { refreshStaleEvidence } from '~/models/evidence.server'
import { requirePermission } from '~/utils/auth.server'
import { safeRedirect } from '~/utils/redirect'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'action:validate')
  return redirect('/actions/review')
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
  const back = new URL(safeRedirect(form.get('redirectTo'), '/actions/review'), 'http://ripple.invalid')
  back.searchParams.set('evidenceRefresh', `${summary.checked}.${summary.ok}.${summary.failed}`)
  return redirect(back.pathname + back.search)
}
