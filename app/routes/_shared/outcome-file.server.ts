import { z } from 'zod'

import { outcomeFileContent } from '~/models/outcomes/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'

export const outcomeFileParams = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
})

/** An evidence file (or its thumbnail) of an outcome, for a reader of outcomes; 404 otherwise. */
export async function readOutcomeFile(
  request: Request,
  params: Record<string, string | undefined>,
  which: 'file' | 'thumbnail',
) {
  const user = await requirePermission(request, 'outcome:read')
  const ids = outcomeFileParams.safeParse(params)
  invariantResponse(ids.success)
  const content = outcomeFileContent(ids.data.id, ids.data.fileId, user, which)
  invariantResponse(content)
  return content
}
