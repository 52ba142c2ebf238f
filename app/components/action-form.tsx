import { getFormProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EvidenceFilesInput } from '~/components/action-files'
import {
  type ActionFormDefaults,
  type ActionFormOptions,
  asList,
  FigureFields,
  LanguageChoice,
  LinkSelects,
  MainFields,
  ThemeChoice,
  useActionForm,
} from '~/components/action-form-fields'
import { ErrorList, FormErrors, TextareaField } from '~/components/forms'
import { type PickerOption, StakeholderPicker } from '~/components/stakeholder-picker'

export type { ActionFormDefaults, ActionFormOptions }

/** Save and submit, save and log another, save as draft (new); save, or save and send (edit). */
function SaveButtons({ mode, canDraft }: { mode: 'new' | 'edit'; canDraft?: boolean }) {
  const { t } = useTranslation('actions')
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
      {mode === 'new' ? (
        <>
          <button
            type="submit"
            name="intent"
            value="submit"
            className="btn-primary min-h-[3rem]"
            disabled={busy}
          >
            {t('new.submit')}
          </button>
          <button
            type="submit"
            name="intent"
            value="another"
            className="btn-secondary min-h-[3rem]"
            disabled={busy}
          >
            {t('new.another')}
          </button>
          <button
            type="submit"
            name="intent"
            value="draft"
            className="btn-secondary min-h-[3rem]"
            disabled={busy}
          >
            {t('new.draft')}
          </button>
        </>
      ) : (
        <>
          <button
            type="submit"
            name="intent"
            value="submit"
            className="btn-primary min-h-[3rem]"
            disabled={busy}
          >
            {canDraft ? t('edit.saveAndSubmit') : t('edit.save')}
          </button>
          {canDraft ? (
            <button
              type="submit"
              name="intent"
              value="draft"
              className="btn-secondary min-h-[3rem]"
              disabled={busy}
            >
              {t('edit.saveOnly')}
            </button>
          ) : null}
        </>
      )}
    </div>
  )
}

/**
 * The quick action form, used by /actions/new and /actions/:id/edit. Type, date and title come
 * first (the only required fields); everything else is optional. Plain HTML form: it works
 * without JavaScript, and each error appears next to its field with every value kept.
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
}) {
  const { t } = useTranslation('actions')
  const [form, fields] = useActionForm(lastResult, defaults)
  const chosenStakeholders = asList(fields.stakeholderIds.initialValue)

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-5">
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
      <MainFields fields={fields} options={options} canChoosePartner={canChoosePartner} />
      <LanguageChoice fields={fields} options={options} />
      <FigureFields fields={fields} />

      <div key={fields.stakeholderIds.key}>
        <StakeholderPicker
          name={fields.stakeholderIds.name}
          label={t('fields.stakeholderIds')}
          selectedIds={chosenStakeholders}
          options={stakeholderOptions}
          results={stakeholderResults}
          query={stakeholderQuery}
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

      <EvidenceFilesInput errors={lastResult?.error?.evidenceFiles} />

      <SaveButtons mode={mode} canDraft={canDraft} />
    </Form>
  )
}
