import { getFormProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EvidenceFilesInput } from '~/components/action-files'
import {
  type ActionFields,
  type ActionFormDefaults,
  type ActionFormOptions,
  asList,
  ChannelPartner,
  DateTitle,
  LanguageChoice,
  LinkSelects,
  ReachFields,
  ThemeChoice,
  useActionForm,
} from '~/components/action-form-fields'
import { TypeChoice, TypeFields } from '~/components/action-form-quick'
import { ErrorList, FormErrors, TextareaField } from '~/components/forms'
import { ClientKeyInput } from '~/components/offline-queue'
import { type PickerOption, StakeholderPicker } from '~/components/stakeholder-picker'

export type { ActionFormDefaults, ActionFormOptions }

/** Save and submit, save and log another, save as draft (new); save, or save and send (edit). */
function SaveButtons({ mode, canDraft }: { mode: 'new' | 'edit'; canDraft?: boolean }) {
  const { t } = useTranslation('actions')
  const busy = useNavigation().state === 'submitting'
  const primary = mode === 'new' ? t('new.submit') : canDraft ? t('edit.saveAndSubmit') : t('edit.save')
  const others: [intent: string, label: string][] =
    mode === 'new'
      ? [
          ['another', t('new.another')],
          ['draft', t('new.draft')],
        ]
      : canDraft
        ? [['draft', t('edit.saveOnly')]]
        : []
  return (
    <>
      {/* Sticky at the bottom of the form: on a phone, Save stays in reach while the keyboard is up. */}
      <div
        data-testid="save-bar"
        className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-2 sm:mx-0 sm:px-0"
      >
        <button
          type="submit"
          name="intent"
          value="submit"
          className="btn-primary min-h-[3rem] w-full sm:w-auto"
          disabled={busy}
        >
          {primary}
        </button>
      </div>
      {others.length ? (
        <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
          {others.map(([intent, label]) => (
            <button
              key={intent}
              type="submit"
              name="intent"
              value={intent}
              className="btn-secondary min-h-[3rem]"
              disabled={busy}
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  )
}

/** Fields whose errors must be seen: "More details" opens when one of them has an error. */
const detailFields = [
  'channelId',
  'partnerId',
  'languages',
  'onlineReach',
  'engagements',
  'stakeholderIds',
  'themeIds',
  'activityId',
  'materialId',
  'description',
  // Shown with their type only: another type hides them until "More details" opens.
  'evidenceUrl',
  'eventId',
  'participants',
] as const

function moreDetailsOpen(fields: ActionFields, mode: 'new' | 'edit', searched: boolean) {
  return mode === 'edit' || searched || detailFields.some((name) => !!fields[name].errors?.length)
}

/**
 * The quick action form, used by /actions/new and /actions/:id/edit. Type first, as large buttons;
 * then title and date (the only other required fields) and the fields the type needs; everything
 * else under "More details". Plain HTML form: it works without JavaScript, and each error appears
 * next to its field with every value kept.
 */
export function ActionForm({
  lastResult,
  defaults,
  options,
  canChoosePartner,
  stakeholderOptions,
  stakeholderResults,
  stakeholderQuery,
  mode,
  canDraft,
  clientKey,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaults: ActionFormDefaults
  options: ActionFormOptions
  canChoosePartner: boolean
  stakeholderOptions: PickerOption[]
  stakeholderResults?: PickerOption[]
  stakeholderQuery?: string
  mode: 'new' | 'edit'
  /** Edit mode: whether the action can still be sent for validation (draft or returned). */
  canDraft?: boolean
  /** New mode: the submission's key, so a resend logs nothing twice (offline-queue.tsx). */
  clientKey?: string
}) {
  const [form, fields] = useActionForm(lastResult, defaults)

  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="quick-form space-y-5"
    >
      {/* Enter in a text field saves (the first submit button is the default one), never the stakeholder search. */}
      <button
        type="submit"
        name="intent"
        value="submit"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
      />
      <FormErrors errors={form.errors} />
      {clientKey ? <ClientKeyInput initial={clientKey} /> : null}
      <TypeChoice fields={fields} options={options} />
      <DateTitle fields={fields} />
      <TypeFields fields={fields} options={options} />

      <MoreDetails
        fields={fields}
        options={options}
        canChoosePartner={canChoosePartner}
        open={moreDetailsOpen(fields, mode, !!stakeholderQuery)}
        stakeholders={{ options: stakeholderOptions, results: stakeholderResults, query: stakeholderQuery }}
      />

      <EvidenceFilesInput errors={lastResult?.error?.evidenceFiles} />

      <SaveButtons mode={mode} canDraft={canDraft} />
    </Form>
  )
}

/** Everything the type does not need, folded away until asked for (or when it holds an error). */
function MoreDetails({
  fields,
  options,
  canChoosePartner,
  open,
  stakeholders,
}: {
  fields: ActionFields
  options: ActionFormOptions
  canChoosePartner: boolean
  open: boolean
  stakeholders: { options: PickerOption[]; results?: PickerOption[]; query?: string }
}) {
  const { t } = useTranslation('actions')
  const chosenStakeholders = asList(fields.stakeholderIds.initialValue)
  return (
    <details className="more-details rounded-md border border-slate-200" open={open}>
      <summary className="flex min-h-[3rem] cursor-pointer items-center px-3 font-medium text-brand-700">
        {t('quick.moreDetails')}
      </summary>
      <div className="space-y-5 border-t border-slate-200 p-3">
        <ChannelPartner fields={fields} options={options} canChoosePartner={canChoosePartner} />
        <LanguageChoice fields={fields} options={options} />
        <ReachFields fields={fields} />
        <div key={fields.stakeholderIds.key}>
          <StakeholderPicker
            name={fields.stakeholderIds.name}
            label={t('fields.stakeholderIds')}
            selectedIds={chosenStakeholders}
            options={stakeholders.options}
            results={stakeholders.results}
            query={stakeholders.query}
            searchIntent={{ name: 'intent', value: 'searchStakeholders' }}
          />
          <ErrorList errors={fields.stakeholderIds.errors} />
        </div>
        <ThemeChoice fields={fields} options={options} />
        <LinkSelects fields={fields} options={options} />
        <TextareaField
          label={t('fields.description')}
          {...getTextareaProps(fields.description)}
          errors={fields.description.errors}
        />
      </div>
    </details>
  )
}
