import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { MapPage } from '~/components/import/MapPage'
import { pageTitle } from '~/utils/meta'

import { mapAction, mapLoader } from './_shared/import.server'

export const meta = pageTitle('import:title.registrations')
export const loader = ({ request, params }: LoaderFunctionArgs) => mapLoader(request, params, 'registrations')
export const action = ({ request, params }: ActionFunctionArgs) => mapAction(request, params, 'registrations')

export default function Map() {
  return <MapPage area="registrations" />
}
