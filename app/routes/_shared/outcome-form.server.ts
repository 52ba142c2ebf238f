import { json } from '@remix-run/node'

import { db } from '#db/client'
import {
  type PickerStakeholder,
  searchStakeholdersForPicker,
  stakeholdersByIds,
  suggestedStakeholders,
} from '~/models/actions/index.server'
import {
  canChooseOutcomePartner,
  createOutcome,
  outcomeFormOptions,
  outcomeFormSchema,
  updateOutcome,
} from '~/models/outcomes/index.server'
import { orForbidden, type SessionUser } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { orFieldErrors } from '~/utils/references.server'

const noResults: PickerStakeholder[] = []

const ids = (values: FormDataEntryValue[]) => values.map(Number).filter((n) => Number.isInteger(n) && n > 0)

/** What the outcome form's page needs from the server: choices, and the stakeholders to name. */
export function outcomeFormData(
  user: SessionUser,
  values: { partnerId?: string; stakeholderIds?: string[]; actionIds?: string[]; eventIds?: string[] },
) {
  const partnerId = Number(values.partnerId) || user.partnerId
  const chosen = stakeholdersByIds(ids(values.stakeholderIds ?? []))
  const seen = new Set<number>()
  return {
    options: outcomeFormOptions(partnerId ?? null, {
      actionIds: ids(values.actionIds ?? []),
      eventIds: ids(values.eventIds ?? []),
    }),
    canChoosePartner: canChooseOutcomePartner(user),
    stakeholderOptions: [...chosen, ...suggestedStakeholders(partnerId ?? null)].filter((s) =>
      seen.has(s.id) ? false : (seen.add(s.id), true),
    ),
  }
}

/**
 * The outcome form's post, for the new and the edit page: a stakeholder search without
 * JavaScript hands the form back with the matches; a save creates or updates and answers the
 * new id, or the field errors (400).
 */
export function saveOutcomeForm(formData: FormData, user: SessionUser, id?: number) {
  const submission = parseForm(formData, { schema: outcomeFormSchema })
  const chosen = stakeholdersByIds(ids(formData.getAll('stakeholderIds')))
  if (formData.getAll('intent').includes('searchStakeholders')) {
    const query = String(formData.get('stakeholderQuery') ?? '').trim()
    return {
      response: json({
        result: { ...submission.reply(), error: undefined },
        chosen,
        pickerResults: query ? searchStakeholdersForPicker(query, 20) : noResults,
        query,
      }),
    }
  }
  const fail = (result: ReturnType<typeof submission.reply>) => ({
    response: json({ result, chosen, pickerResults: noResults, query: '' }, { status: 400 }),
  })
  if (submission.status !== 'success') return fail(submission.reply())
  const input = submission.value
  const saved = orFieldErrors(() =>
    orForbidden(() =>
      db.transaction((tx) =>
        id ? (updateOutcome(tx, id, input, user), id) : createOutcome(tx, input, user),
      ),
    ),
  )
  if (!saved.ok) return fail(submission.reply({ fieldErrors: saved.fieldErrors }))
  return { id: saved.value }
}
