import { forbidden, invariantResponse, requirePermission } from '~/utils/auth.server'

import { canEditStakeholder } from './policy'
import { getStakeholder } from './queries/detail.server'
import { stakeholderEditPolicy } from './queries/options.server'

/**
 * For the edit routes: the stakeholder of the URL's :id if the signed-in user may edit it (404,
 * 403 or the sign-in redirect otherwise). The same policy the commands enforce, asked early so
 * the form is never shown to who may not send it.
 */
export async function requireEditableStakeholder(request: Request, rawId: string | undefined) {
  const user = await requirePermission(request, 'stakeholder:read')
  const id = Number(rawId)
  invariantResponse(Number.isInteger(id) && id > 0)
  const stakeholder = getStakeholder(id)
  invariantResponse(stakeholder)
  if (!canEditStakeholder(user, stakeholder, stakeholderEditPolicy())) throw forbidden()
  return { user, stakeholder }
}
