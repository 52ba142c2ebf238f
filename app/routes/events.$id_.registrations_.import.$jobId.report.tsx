import type { LoaderFunctionArgs } from '@remix-run/node'

import { ReportPage } from '~/components/import/ReportPage'
import { pageTitle } from '~/utils/meta'

import { reportLoader } from './_shared/import.server'

export const meta = pageTitle('import:title.registrations')
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  reportLoader(request, params, 'registrations')

export default function Report() {
  return <ReportPage area="registrations" />
}
