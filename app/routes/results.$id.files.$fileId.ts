import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'

import { db } from '#db/client'
import { setOutcomeFileArchived } from '~/models/outcomes/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { attachmentHeaders } from '~/utils/uploaded-files.server'

import { outcomeFileParams, readOutcomeFile } from './_shared/outcome-file.server'

/** Downloads an outcome's evidence file, always as an attachment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = await readOutcomeFile(request, params, 'file')
  return new Response(new Uint8Array(file.data), { headers: attachmentHeaders(file) })
}

const intentSchema = z.object({ intent: z.enum(['archive', 'restore']) })

/** Removes (archives) or restores an evidence file: whoever may edit the outcome. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  const ids = outcomeFileParams.safeParse(params)
  invariantResponse(ids.success)
  const submission = parseForm(await request.formData(), { schema: intentSchema })
  if (submission.status !== 'success') return new Response('Unknown request.', { status: 400 })
  const { id, fileId } = ids.data
  const done = orForbidden(() =>
    db.transaction((tx) =>
      setOutcomeFileArchived(tx, id, fileId, submission.value.intent === 'archive', user),
    ),
  )
  invariantResponse(done)
  return redirect(`/results/${id}?files=${submission.value.intent}d#files`)
}
