import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { ListEditor } from '~/components/list-editor'
import { listEditorAction, listEditorLoader } from '~/models/action-lists.server'

export const meta: MetaFunction = () => [{ title: 'Action types · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  return listEditorLoader(request, 'types')
}

export async function action({ request }: ActionFunctionArgs) {
  return listEditorAction(request, 'types')
}

export default function AdminTypes() {
  return <ListEditor />
}
