import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { UploadPage } from '~/components/import/UploadPage'
import { pageTitle } from '~/utils/meta'

import { uploadAction, uploadLoader } from './_shared/import.server'

export const meta = pageTitle('import:title.registrations')
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  uploadLoader(request, 'registrations', params)
export const action = ({ request, params }: ActionFunctionArgs) =>
  uploadAction(request, 'registrations', params)

export default function Upload() {
  return <UploadPage area="registrations" />
}
