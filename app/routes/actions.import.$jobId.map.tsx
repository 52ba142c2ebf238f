import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { MapPage } from '~/components/import/ImportPages'
import { mapAction, mapLoader } from '~/models/import/routes.server'

export const meta: MetaFunction = () => [{ title: 'Import · Ripple' }]
export const loader = ({ request, params }: LoaderFunctionArgs) => mapLoader(request, params, 'actions')
export const action = ({ request, params }: ActionFunctionArgs) => mapAction(request, params, 'actions')

export default function Map() {
  return <MapPage area="actions" />
}
