import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { ReportPage } from '~/components/import/ImportPages'
import { reportLoader } from '~/models/import/routes.server'

export const meta: MetaFunction = () => [{ title: 'Import · Ripple' }]
export const loader = ({ request, params }: LoaderFunctionArgs) => reportLoader(request, params, 'actions')

export default function Report() {
  return <ReportPage area="actions" />
}
