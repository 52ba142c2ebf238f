import { json, redirect } from '@remix-run/node'
import { z } from 'zod'

import { db } from '#db/client'
import {
  DismissalError,
  dismissDuplicateGroup,
  duplicateReasons,
  findDuplicateGroups,
  undoDuplicateDismissal,
} from '~/models/stakeholders/index.server'
import { invariantResponse, orForbidden, type SessionUser } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'

const dismissSchema = z.object({
  intent: z.literal('dismiss'),
  reason: z.enum(duplicateReasons),
  key: z.string().min(1).max(500),
  ids: z
    .string()
    .regex(/^\d{1,12}(,\d{1,12}){1,999}$/)
    .transform((s) => s.split(',').map(Number)),
})
const undoSchema = z.object({ intent: z.literal('undo'), dismissalId: z.coerce.number().int().positive() })

/**
 * The duplicates page's "Not duplicates" and "Undo" posts (intent `dismiss` / `undo`); null for
 * any other intent (the merge). A refused or changed group answers 400 with a form error.
 */
export function duplicateDismissalAction(formData: FormData, user: SessionUser) {
  const intent = formData.get('intent')
  if (intent === 'undo') {
    const submission = parseForm(formData, { schema: undoSchema })
    if (submission.status !== 'success')
      return json({ formErrors: ['common:errors.invalid'] }, { status: 400 })
    const done = orForbidden(() =>
      db.transaction((tx) => undoDuplicateDismissal(tx, submission.value.dismissalId, user)),
    )
    invariantResponse(done)
    return redirect('/stakeholders/duplicates#dismissed')
  }
  if (intent !== 'dismiss') return null
  const submission = parseForm(formData, { schema: dismissSchema })
  if (submission.status !== 'success') return json({ formErrors: ['common:errors.invalid'] }, { status: 400 })
  const shown = submission.value
  const current = findDuplicateGroups({ limit: Number.MAX_SAFE_INTEGER }).groups.find(
    (g) => g.reason === shown.reason && g.key === shown.key,
  )
  try {
    orForbidden(() => db.transaction((tx) => dismissDuplicateGroup(tx, shown, current, user)))
  } catch (error) {
    if (error instanceof DismissalError)
      return json({ formErrors: [`duplicates:errors.${error.message}`] }, { status: 400 })
    throw error
  }
  return redirect('/stakeholders/duplicates?dismissed=1')
}
