import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'

import { db } from '#db/client'
import { addActionFiles, canManageActionFiles, getAction } from '~/models/actions/index.server'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { checkEvidenceFiles, readEvidenceForm } from '~/utils/evidence-upload.server'

const idSchema = z.coerce.number().int().positive()

/**
 * Adds evidence files from the action's page (multipart, the field `evidenceFiles`). A refused
 * file keeps nothing and goes back to the page with `?fileError=<message key>`.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const id = idSchema.safeParse(params.id)
  invariantResponse(id.success)
  const existing = getAction(id.data)
  invariantResponse(existing)
  invariantResponse(!existing.archivedAt)
  // Refused before the files are read and re-encoded; the command checks again.
  if (!canManageActionFiles(user, existing)) throw forbidden()
  const { files: received } = await readEvidenceForm(request)
  const checked = await checkEvidenceFiles(received)
  const { files } = checked
  const error = checked.error ?? (files.length ? null : 'evidence:files.errors.none')
  // Back to the page, which shows the message next to the file field: the same with the page's
  // script (a fetcher follows the redirect) as with a plain form post, without JavaScript.
  if (error) return redirect(`/actions/${id.data}?${new URLSearchParams({ fileError: error })}#files`, 303)
  orForbidden(() => db.transaction((tx) => addActionFiles(tx, id.data, files, user)))
  return redirect(`/actions/${id.data}?files=added#files`)
}
