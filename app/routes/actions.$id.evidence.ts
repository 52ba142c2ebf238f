import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'

import { refreshActionEvidence } from '~/models/evidence/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'

const idSchema = z.coerce.number().int().positive()

/** Nothing to show here: a GET goes to the action page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'action:read')
  const id = idSchema.safeParse(params.id)
  invariantResponse(id.success)
  return redirect(`/actions/${id.data}`)
}

/**
 * Re-reads the action's evidence link (preview and counters) and goes back to the action page.
 * Allowed to whoever may edit the action, and to whoever validates actions (the domain checks).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const id = idSchema.safeParse(params.id)
  invariantResponse(id.success)
  const reading = orForbidden(() => refreshActionEvidence(user, id.data))
  invariantResponse(reading)
  await reading
  return redirect(`/actions/${id.data}`)
}
