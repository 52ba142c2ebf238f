import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { UploadPage } from '~/components/import/ImportPages'
import { uploadAction, uploadLoader } from '~/models/import/routes.server'

export const meta: MetaFunction = () => [{ title: 'Import · Ripple' }]
export const loader = ({ request }: LoaderFunctionArgs) => uploadLoader(request, 'actions')
export const action = ({ request }: ActionFunctionArgs) => uploadAction(request, 'actions')

export default function Upload() {
  return <UploadPage area="actions" />
}
