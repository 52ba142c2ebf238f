import { z } from 'zod'

import { actionFileContent } from '~/models/actions/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'

export const actionFileParams = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
})

/** An evidence file (or its thumbnail) of an action, for a reader of the action; 404 otherwise. */
export async function readActionFile(
  request: Request,
  params: Record<string, string | undefined>,
  which: 'file' | 'thumbnail',
) {
  const user = await requirePermission(request, 'action:read')
  const ids = actionFileParams.safeParse(params)
  invariantResponse(ids.success)
  const content = actionFileContent(ids.data.id, ids.data.fileId, user, which)
  invariantResponse(content)
  return content
}
