import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { z } from 'zod'

import { db } from '#db/client'
import { actions } from '#db/schema'
import { canEditAction, canValidate } from '~/models/actions.server'
import { refreshEvidence } from '~/models/evidence.server'
import { forbidden, invariantResponse, requirePermission } from '~/utils/auth.server'

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
 * Allowed to whoever may edit the action, and to whoever validates actions.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const id = idSchema.safeParse(params.id)
  invariantResponse(id.success)
  const found = db
    .select({
      id: actions.id,
      partnerId: actions.partnerId,
      status: actions.status,
      archivedAt: actions.archivedAt,
    })
    .from(actions)
    .where(eq(actions.id, id.data))
    .get()
  invariantResponse(found)
  invariantResponse(!found.archivedAt)
  if (!canEditAction(user, found) && !canValidate(user)) throw forbidden()
  await refreshEvidence(found.id)
  return redirect(`/actions/${found.id}`)
}
