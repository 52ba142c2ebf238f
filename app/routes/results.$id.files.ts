import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'

import { db } from '#db/client'
import { addOutcomeFiles, canEditOutcome, getOutcome } from '~/models/outcomes/index.server'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { checkEvidenceFiles, readEvidenceForm } from '~/utils/evidence-upload.server'

const idSchema = z.coerce.number().int().positive()

/**
 * Adds evidence files from the outcome's page (multipart, the field `evidenceFiles`), checked as
 * an action's are. A refused file keeps nothing and goes back to the page with `?fileError=<key>`.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  const id = idSchema.safeParse(params.id)
  invariantResponse(id.success)
  const existing = getOutcome(id.data)
  invariantResponse(existing)
  invariantResponse(!existing.archivedAt)
  if (!canEditOutcome(user, existing)) throw forbidden()
  const { files: received } = await readEvidenceForm(request)
  const checked = await checkEvidenceFiles(received)
  const error = checked.error ?? (checked.files.length ? null : 'evidence:files.errors.none')
  if (error) return redirect(`/results/${id.data}?${new URLSearchParams({ fileError: error })}#files`, 303)
  orForbidden(() => db.transaction((tx) => addOutcomeFiles(tx, id.data, checked.files, user)))
  return redirect(`/results/${id.data}?files=added#files`)
}
