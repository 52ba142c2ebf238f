import { type ActionFunctionArgs, json, redirect } from '@remix-run/node'
import { z } from 'zod'

import { db } from '#db/client'
import { addActionFiles, canManageActionFiles, getAction } from '~/models/actions/index.server'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { checkEvidenceFiles, evidenceFilesField, readEvidenceForm } from '~/utils/evidence-upload.server'

const idSchema = z.coerce.number().int().positive()

/**
 * Adds evidence files from the action's page (multipart, the field `evidenceFiles`). A refused
 * file answers 400 with the message for the field, and nothing is kept.
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
  const { files, error } = await checkEvidenceFiles(received)
  if (error) return json({ fieldErrors: { [evidenceFilesField]: [error] } }, { status: 400 })
  if (!files.length)
    return json({ fieldErrors: { [evidenceFilesField]: ['evidence:files.errors.none'] } }, { status: 400 })
  orForbidden(() => db.transaction((tx) => addActionFiles(tx, id.data, files, user)))
  return redirect(`/actions/${id.data}?files=added#files`)
}
