import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { ActionForm } from '~/components/action-form'
import { actionFormSchema, toActionInput, today } from '~/models/actions/form'
import {
  actionFormPresets,
  actionPresetParams,
  addActionFiles,
  canChoosePartner,
  canCreateFor,
  createAction,
  formMemory,
  getAction,
  liveActionLinks,
  type PickerStakeholder,
  quickFormOptions,
  referenceErrors,
  rememberFormChoices,
  searchStakeholdersForPicker,
  stakeholdersByIds,
  suggestedStakeholders,
} from '~/models/actions/index.server'
import { refreshEvidence } from '~/models/evidence/index.server'
import { forbidden, orForbidden, requirePermission } from '~/utils/auth.server'
import { checkEvidenceFiles, evidenceErrors, readEvidenceForm } from '~/utils/evidence-upload.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('actions:meta.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'action:create')
  const params = actionPresetParams.parse(Object.fromEntries(new URL(request.url).searchParams))
  const memory = formMemory(user.id)
  let defaults: Record<string, unknown> = {
    partnerId: user.partnerId,
    date: today(),
    typeId: memory.typeId,
    channelId: memory.channelId,
    languages: memory.languages ?? [],
    // Links from a stakeholder, an event or a work-plan activity (?stakeholderId=, ?eventId=,
    // ?activityId=) preset what the action reached and belongs to; unknown or archived ones are ignored.
    ...actionFormPresets(params, user),
  }
  // "Save and log another like this": start from the action just saved, minus title, figures and link.
  let saved: { id: number; title: string } | null = null
  const likeId = params.like
  if (likeId) {
    const like = getAction(likeId)
    if (like && !like.archivedAt && canCreateFor(user, like.partnerId)) {
      saved = { id: like.id, title: like.title }
      defaults = {
        typeId: like.typeId,
        channelId: like.channelId,
        languages: like.languages,
        date: like.date,
        partnerId: like.partnerId,
        stakeholderIds: like.stakeholders.map((s) => s.id),
        themeIds: like.themes.map((th) => th.id),
        // Logging several actions for one event or activity: the next one belongs to it too.
        ...liveActionLinks(like),
      }
    }
  }
  const chosen = stakeholdersByIds((defaults.stakeholderIds as number[] | undefined) ?? [])
  const suggestions = suggestedStakeholders((defaults.partnerId as number | null) ?? user.partnerId)
  return json({
    defaults,
    saved,
    options: quickFormOptions(),
    canChoosePartner: canChoosePartner(user),
    stakeholderOptions: mergeById(chosen, suggestions),
  })
}

function mergeById<T extends { id: number }>(...lists: T[][]): T[] {
  const seen = new Set<number>()
  return lists.flat().filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true)))
}

const noResults: PickerStakeholder[] = []

function postedIds(formData: FormData, name: string) {
  return formData
    .getAll(name)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'action:create')
  const { formData, files: received } = await readEvidenceForm(request)
  const submission = parseForm(formData, { schema: actionFormSchema })
  const chosen = stakeholdersByIds(postedIds(formData, 'stakeholderIds'))

  if (formData.get('intent') === 'searchStakeholders') {
    const query = String(formData.get('stakeholderQuery') ?? '').trim()
    // Not a save: hand everything back unchanged, with the matches, and no error messages yet.
    const result = submission.reply()
    return json({
      result: { ...result, error: undefined },
      chosen,
      pickerResults: query ? searchStakeholdersForPicker(query, 20) : [],
      query,
    })
  }
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), chosen, pickerResults: noResults, query: '' }, { status: 400 })
  }
  const value = submission.value

  // A partner logs for its own partner only; the communications lead and the administrator choose.
  let partnerId = user.partnerId
  if (canChoosePartner(user)) partnerId = value.partnerId ?? user.partnerId
  else if (value.partnerId && value.partnerId !== user.partnerId) throw forbidden()
  if (!partnerId) {
    return json(
      {
        result: submission.reply({ fieldErrors: { partnerId: ['common:errors.required'] } }),
        chosen,
        pickerResults: noResults,
        query: '',
      },
      { status: 400 },
    )
  }

  const input = {
    ...toActionInput(value, partnerId),
    status: value.intent === 'draft' ? ('draft' as const) : ('submitted' as const),
  }
  const evidence = await checkEvidenceFiles(received)
  const problems = { ...referenceErrors(input), ...evidenceErrors(evidence.error) }
  if (Object.keys(problems).length) {
    return json(
      { result: submission.reply({ fieldErrors: problems }), chosen, pickerResults: noResults, query: '' },
      { status: 400 },
    )
  }

  const id = orForbidden(() =>
    db.transaction((tx) => {
      const newId = createAction(tx, input, user)
      rememberFormChoices(tx, user.id, input)
      if (evidence.files.length) addActionFiles(tx, newId, evidence.files, user)
      return newId
    }),
  )
  // Reading the evidence link happens in the background: it can never block or undo the save.
  if (input.evidenceUrl) void refreshEvidence(id).catch(() => {})

  if (value.intent === 'another') return redirect(`/actions/new?like=${id}`)
  return redirect(`/actions/${id}?saved=1`)
}

export default function NewAction() {
  const { t } = useTranslation('actions')
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="mx-auto max-w-2xl">
      <div className="page-title">
        <h1>{t('new.title')}</h1>
        <Link to="/actions?mine=1" className="text-sm">
          {t('list.myActions')}
        </Link>
      </div>
      {data.saved ? (
        <p role="status" className="mb-4 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {t('new.savedAnother', { title: data.saved.title })}{' '}
          <Link to={`/actions/${data.saved.id}`}>{t('new.viewSaved')}</Link>
        </p>
      ) : (
        <p className="mb-4 text-sm text-ink-muted">{t('new.intro')}</p>
      )}
      <div className="card">
        <ActionForm
          key={data.saved?.id ?? 'new'}
          mode="new"
          lastResult={actionData?.result}
          defaults={data.defaults}
          options={data.options}
          canChoosePartner={data.canChoosePartner}
          stakeholderOptions={mergeById(actionData?.chosen ?? [], data.stakeholderOptions)}
          stakeholderResults={actionData?.pickerResults}
          stakeholderQuery={actionData?.query}
        />
      </div>
    </div>
  )
}
