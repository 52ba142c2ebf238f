import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { ListEditor } from '~/components/list-editor'
import { listEditorAction, listEditorLoader } from '~/utils/action-list-editor.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.types')

export async function loader({ request }: LoaderFunctionArgs) {
  return listEditorLoader(request, 'types')
}

export async function action({ request }: ActionFunctionArgs) {
  return listEditorAction(request, 'types')
}

export default function AdminTypes() {
  return <ListEditor />
}
