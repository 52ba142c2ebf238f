import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { ActionForm } from '~/components/action-form'
import { actionFormSchema, toActionInput } from '~/models/actions/form'
import {
  addActionFiles,
  canChoosePartner,
  canEditAction,
  getAction,
  type PickerStakeholder,
  quickFormOptions,
  referenceErrors,
  searchStakeholdersForPicker,
  stakeholdersByIds,
  updateAction,
} from '~/models/actions/index.server'
import { refreshEvidence } from '~/models/evidence/index.server'
import {
  forbidden,
  invariantResponse,
  orForbidden,
  requirePermission,
  requireUser,
} from '~/utils/auth.server'
import { checkEvidenceFiles, evidenceErrors, readEvidenceForm } from '~/utils/evidence-upload.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { can } from '~/utils/permissions'

export const meta = pageTitle('actions:meta.edit')

const idSchema = z.coerce.number().int().positive()
const noResults: PickerStakeholder[] = []

/** The action, if this user may edit it: 404 when missing or archived, 403 when not theirs to edit. */
async function editable(request: Request, rawId: string | undefined) {
  const user = await requireUser(request)
  if (!can(user, 'action:edit:own') && !can(user, 'action:edit:any')) throw forbidden()
  const id = idSchema.safeParse(rawId)
  invariantResponse(id.success)
  const action = getAction(id.data)
  invariantResponse(action)
  invariantResponse(!action.archivedAt)
  if (!canEditAction(user, action)) throw forbidden()
  return { user, action }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'action:read')
  const { user, action } = await editable(request, params.id)
  // Archived types or channels the action already has stay selectable for it.
  const options = quickFormOptions()
  return json({
    action: {
      id: action.id,
      status: action.status,
      returnComment: action.returnComment,
      title: action.title,
    },
    defaults: {
      typeId: action.typeId,
      date: action.date,
      title: action.title,
      channelId: action.channelId,
      partnerId: action.partnerId,
      languages: action.languages,
      participants: action.participants,
      onlineReach: action.onlineReach,
      engagements: action.engagements,
      evidenceUrl: action.evidenceUrl,
      stakeholderIds: action.stakeholders.map((s) => s.id),
      themeIds: action.themes.map((th) => th.id),
      eventId: action.eventId,
      activityId: action.activityId,
      materialId: action.materialId,
      description: action.description,
    },
    options: {
      ...options,
      types: options.types.some((e) => e.id === action.typeId)
        ? options.types
        : [
            ...options.types,
            {
              id: action.typeId,
              key: action.typeKey,
              name: action.typeName,
              sortOrder: 0,
              archivedAt: null,
              labelKey: null,
            },
          ],
      channels:
        !action.channelId || options.channels.some((e) => e.id === action.channelId)
          ? options.channels
          : [
              ...options.channels,
              {
                id: action.channelId,
                key: action.channelKey,
                name: action.channelName ?? '',
                sortOrder: 0,
                archivedAt: null,
                labelKey: null,
              },
            ],
    },
    canChoosePartner: canChoosePartner(user),
    stakeholderOptions: action.stakeholders.map((s) => ({ id: s.id, name: s.name })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, action: existing } = await editable(request, params.id)
  const { formData, files: received } = await readEvidenceForm(request)
  const submission = parseForm(formData, { schema: actionFormSchema })
  const chosen = stakeholdersByIds(
    formData
      .getAll('stakeholderIds')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
  )
  if (formData.get('intent') === 'searchStakeholders') {
    const query = String(formData.get('stakeholderQuery') ?? '').trim()
    return json({
      result: { ...submission.reply(), error: undefined },
      chosen,
      pickerResults: query ? searchStakeholdersForPicker(query, 20) : noResults,
      query,
    })
  }
  if (submission.status !== 'success')
    return json({ result: submission.reply(), chosen, pickerResults: noResults, query: '' }, { status: 400 })
  const value = submission.value
  let partnerId = existing.partnerId
  if (canChoosePartner(user)) partnerId = value.partnerId ?? existing.partnerId
  else if (value.partnerId && value.partnerId !== existing.partnerId) throw forbidden()

  const input = toActionInput(value, partnerId)
  const evidence = await checkEvidenceFiles(received)
  const problems = {
    ...referenceErrors(input, { typeId: existing.typeId, channelId: existing.channelId }),
    ...evidenceErrors(evidence.error),
  }
  if (Object.keys(problems).length)
    return json(
      { result: submission.reply({ fieldErrors: problems }), chosen, pickerResults: noResults, query: '' },
      { status: 400 },
    )
  orForbidden(() =>
    db.transaction((tx) => {
      updateAction(tx, existing.id, { ...input, submit: value.intent === 'submit' }, user)
      if (evidence.files.length) addActionFiles(tx, existing.id, evidence.files, user)
    }),
  )
  if (input.evidenceUrl !== existing.evidenceUrl) void refreshEvidence(existing.id).catch(() => {})
  return redirect(`/actions/${existing.id}?saved=edit`)
}

export default function EditAction() {
  const { t } = useTranslation('actions')
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const canResubmit = data.action.status === 'draft' || data.action.status === 'returned'
  const chosen = actionData?.chosen ?? []
  const seen = new Set(chosen.map((c) => c.id))
  return (
    <div className="mx-auto max-w-2xl">
      <div className="page-title">
        <h1>{t('edit.title')}</h1>
        <Link to={`/actions/${data.action.id}`} className="text-sm">
          {t('common:actions.cancel')}
        </Link>
      </div>
      {data.action.status === 'returned' && data.action.returnComment ? (
        <p className="mb-4 rounded-md border border-warn bg-warn-bg p-3 text-sm">
          {t('edit.returnedNotice', { comment: data.action.returnComment })}
        </p>
      ) : null}
      <div className="card">
        <ActionForm
          mode="edit"
          canDraft={canResubmit}
          lastResult={actionData?.result}
          defaults={data.defaults}
          options={data.options}
          canChoosePartner={data.canChoosePartner}
          stakeholderOptions={[...chosen, ...data.stakeholderOptions.filter((s) => !seen.has(s.id))]}
          stakeholderResults={actionData?.pickerResults}
          stakeholderQuery={actionData?.query}
        />
      </div>
    </div>
  )
}
