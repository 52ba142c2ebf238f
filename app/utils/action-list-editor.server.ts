import { json, redirect } from '@remix-run/node'
import { z } from 'zod'

import { db } from '#db/client'
import {
  addListEntry,
  listEntries,
  listEntryNameTaken,
  moveListEntry,
  renameListEntry,
  setListEntryArchived,
} from '~/models/actions/list-entries.server'
import { type ListKind, listLabelKey } from '~/models/actions/list-labels'
import { requirePermission } from '~/utils/auth.server'

/**
 * The HTTP side of the administrator's editor for action types (/admin/types) and channels
 * (/admin/channels), shared by both routes; the lists themselves live in models/actions.
 */

/** The administrator's editor for action types (/admin/types) and channels (/admin/channels). */
export async function listEditorLoader(request: Request, kind: ListKind) {
  await requirePermission(request, 'admin:manage')
  const done = new URL(request.url).searchParams.get('done')
  return json({
    kind,
    done: done && ['added', 'renamed', 'moved', 'archivedDone', 'restored'].includes(done) ? done : null,
    entries: listEntries(kind, { includeArchived: true }).map((e) => ({
      ...e,
      labelKey: listLabelKey(kind, e),
    })),
  })
}

const name = z.string().trim().min(1, 'common:errors.required').max(100, 'actions:errors.nameTooLong')
const editSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), name }),
  z.object({ intent: z.literal('rename'), id: z.coerce.number().int().positive(), name }),
  z.object({ intent: z.enum(['up', 'down', 'archive', 'restore']), id: z.coerce.number().int().positive() }),
])

export async function listEditorAction(request: Request, kind: ListKind) {
  const user = await requirePermission(request, 'admin:manage')
  const raw = Object.fromEntries(await request.formData())
  const parsed = editSchema.safeParse(raw)
  if (!parsed.success) {
    const error = parsed.error.issues.find((i) => i.path[0] === 'name')?.message ?? 'common:errors.invalid'
    return json(
      { intent: String(raw.intent ?? ''), id: Number(raw.id) || null, name: String(raw.name ?? ''), error },
      { status: 400 },
    )
  }
  const input = parsed.data
  if (input.intent === 'add' || input.intent === 'rename') {
    const taken = listEntryNameTaken(kind, input.name, input.intent === 'rename' ? input.id : undefined)
    if (taken)
      return json(
        {
          intent: input.intent,
          id: input.intent === 'rename' ? input.id : null,
          name: input.name,
          error: 'actions:errors.nameTaken',
        },
        { status: 400 },
      )
  }
  const done = db.transaction((tx) => {
    switch (input.intent) {
      case 'add':
        addListEntry(tx, kind, input.name, user)
        return 'added'
      case 'rename':
        renameListEntry(tx, kind, input.id, input.name, user)
        return 'renamed'
      case 'up':
      case 'down':
        moveListEntry(tx, kind, input.id, input.intent, user)
        return 'moved'
      case 'archive':
        setListEntryArchived(tx, kind, input.id, true, user)
        return 'archivedDone'
      case 'restore':
        setListEntryArchived(tx, kind, input.id, false, user)
        return 'restored'
    }
  })
  return redirect(`/admin/${kind}?done=${done}`)
}
