import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'

import { reinviteUser } from '~/models/accounts/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'

function userId(params: { id?: string }) {
  const parsed = z.coerce.number().int().positive().safeParse(params.id)
  invariantResponse(parsed.success)
  return parsed.data
}

/** Nothing to show: the button lives on the user's page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  return redirect(`/admin/users/${userId(params)}`)
}

/** Sends a new invitation link (the previous one stops working). */
export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requirePermission(request, 'admin:manage')
  const id = userId(params)
  const sent = await orForbidden(() => reinviteUser(id, me))
  invariantResponse(sent)
  return redirect(`/admin/users/${id}?saved=invited`)
}
