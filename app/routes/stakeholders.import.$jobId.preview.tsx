import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { PreviewPage } from '~/components/import/ImportPages'
import { previewAction, previewLoader } from '~/models/import/routes.server'

export const meta: MetaFunction = () => [{ title: 'Import · Ripple' }]
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  previewLoader(request, params, 'stakeholders')
export const action = ({ request, params }: ActionFunctionArgs) =>
  previewAction(request, params, 'stakeholders')

export default function Preview() {
  return <PreviewPage area="stakeholders" />
}
