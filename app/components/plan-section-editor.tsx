import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { Form, Link, useFetcher, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'

import { FormErrors, TextareaField } from '~/components/forms'
import { markdownClass } from '~/components/plan-nav'
import { parseForm } from '~/utils/forms'

/** What the section's action answers to a "Preview": the form as sent, and the rendered HTML. */
export type PreviewReply = SubmissionResult<string[]> & { previewHtml?: string }

const PREVIEW_DELAY_MS = 250

/**
 * The plan section's Markdown editor with its preview beside it (below on a phone). The preview is
 * rendered by the server with the same sanitiser as the plan page: with JavaScript as you type
 * (a fetcher posting intent "preview"), without it through the "Preview" button, which re-renders
 * the form with the preview and keeps the text.
 */
export function PlanSectionEditor({
  body,
  bodyHtml,
  lastResult,
  schema,
}: {
  body: string
  bodyHtml: string
  lastResult: PreviewReply | undefined
  schema: z.ZodTypeAny
}) {
  const { t } = useTranslation('planeditor')
  const { t: tp } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const navigation = useNavigation()
  const preview = useFetcher<PreviewReply>()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])
  const [form, fields] = useForm({
    id: 'plan-section',
    lastResult,
    defaultValue: { body, intent: 'save' },
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const html = preview.data?.previewHtml ?? lastResult?.previewHtml ?? bodyHtml
  const onInput = (text: string) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(
      () => preview.submit({ intent: 'preview', body: text }, { method: 'post' }),
      PREVIEW_DELAY_MS,
    )
  }
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4">
      <FormErrors errors={form.errors} />
      <div className="grid gap-4 lg:grid-cols-2">
        <TextareaField
          label={tp('markdownLabel')}
          hint={tp('markdownHint')}
          {...getTextareaProps(fields.body)}
          onInput={(e) => onInput(e.currentTarget.value)}
          rows={18}
          className="font-mono"
          errors={fields.body.errors}
        />
        <section aria-labelledby="live-preview-heading" className="min-w-0">
          <h2 id="live-preview-heading" className="label">
            {t('preview')}
          </h2>
          <div
            data-testid="live-preview"
            aria-live="polite"
            className={`${markdownClass} rounded border border-slate-200 p-3`}
            dangerouslySetInnerHTML={{ __html: html }}
          />
        </section>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="intent"
          value="save"
          className="btn-primary"
          disabled={navigation.state === 'submitting'}
        >
          {tc('actions.save')}
        </button>
        <button type="submit" name="intent" value="preview" className="btn-secondary" formNoValidate>
          {t('previewButton')}
        </button>
        <Link to="/plan" className="btn-secondary">
          {tc('actions.cancel')}
        </Link>
      </div>
      <p className="hint">{t('previewHint')}</p>
    </Form>
  )
}
