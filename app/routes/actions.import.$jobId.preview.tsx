import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { PreviewPage } from '~/components/import/PreviewPage'
import { pageTitle } from '~/utils/meta'

import { previewAction, previewLoader } from './_shared/import.server'

export const meta = pageTitle('import:meta.title')
export const loader = ({ request, params }: LoaderFunctionArgs) => previewLoader(request, params, 'actions')
export const action = ({ request, params }: ActionFunctionArgs) => previewAction(request, params, 'actions')

export default function Preview() {
  return <PreviewPage area="actions" />
}
