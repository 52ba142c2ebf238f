import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'

import { db } from '#db/client'
import { setActionFileArchived } from '~/models/actions/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { attachmentHeaders } from '~/utils/uploaded-files.server'

import { actionFileParams, readActionFile } from './_shared/action-file.server'

/** Downloads an evidence file, always as an attachment, to whoever may read the action. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = await readActionFile(request, params, 'file')
  return new Response(new Uint8Array(file.data), { headers: attachmentHeaders(file) })
}

const intentSchema = z.object({ intent: z.enum(['archive', 'restore']) })

/** Removes (archives) or restores an evidence file: whoever may edit the action. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const ids = actionFileParams.safeParse(params)
  invariantResponse(ids.success)
  const submission = parseForm(await request.formData(), { schema: intentSchema })
  if (submission.status !== 'success') return new Response('Unknown request.', { status: 400 })
  const { id, fileId } = ids.data
  const done = orForbidden(() =>
    db.transaction((tx) =>
      setActionFileArchived(tx, id, fileId, submission.value.intent === 'archive', user),
    ),
  )
  invariantResponse(done)
  return redirect(`/actions/${id}?files=${submission.value.intent}d#files`)
}
