import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { ListEditor } from '~/components/list-editor'
import { listEditorAction, listEditorLoader } from '~/models/action-lists.server'

export const meta: MetaFunction = () => [{ title: 'Channels · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  return listEditorLoader(request, 'channels')
}

export async function action({ request }: ActionFunctionArgs) {
  return listEditorAction(request, 'channels')
}

export default function AdminChannels() {
  return <ListEditor />
}
