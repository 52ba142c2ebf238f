import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { UploadPage } from '~/components/import/UploadPage'
import { pageTitle } from '~/utils/meta'

import { uploadAction, uploadLoader } from './_shared/import.server'

export const meta = pageTitle('import:meta.title')
export const loader = ({ request }: LoaderFunctionArgs) => uploadLoader(request, 'stakeholders')
export const action = ({ request }: ActionFunctionArgs) => uploadAction(request, 'stakeholders')

export default function Upload() {
  return <UploadPage area="stakeholders" />
}
