import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { PreviewPage } from '~/components/import/PreviewPage'
import { pageTitle } from '~/utils/meta'

import { previewAction, previewLoader } from './_shared/import.server'

export const meta = pageTitle('import:title.registrations')
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  previewLoader(request, params, 'registrations')
export const action = ({ request, params }: ActionFunctionArgs) =>
  previewAction(request, params, 'registrations')

export default function Preview() {
  return <PreviewPage area="registrations" />
}
