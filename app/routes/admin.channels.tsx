import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { ListEditor } from '~/components/list-editor'
import { listEditorAction, listEditorLoader } from '~/utils/action-list-editor.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.channels')

export async function loader({ request }: LoaderFunctionArgs) {
  return listEditorLoader(request, 'channels')
}

export async function action({ request }: ActionFunctionArgs) {
  return listEditorAction(request, 'channels')
}

export default function AdminChannels() {
  return <ListEditor />
}
