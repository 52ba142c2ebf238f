import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { UploadPage } from '~/components/import/ImportPages'
import { uploadAction, uploadLoader } from '~/models/import/routes.server'

export const meta: MetaFunction = () => [{ title: 'Import · Ripple' }]
export const loader = ({ request }: LoaderFunctionArgs) => uploadLoader(request, 'stakeholders')
export const action = ({ request }: ActionFunctionArgs) => uploadAction(request, 'stakeholders')

export default function Upload() {
  return <UploadPage area="stakeholders" />
}
