import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'

import { Field, FormErrors, SelectField, TextareaField } from '~/components/forms'
import { adoptFormSchema, closeFormSchema, commentFormSchema } from '~/models/ideas/schemas'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'

/** What the proposal's page action answers when a form is refused: which form, and its errors. */
export type IntentReply = { intent: string; result: SubmissionResult<string[]> } | undefined

function useIntentForm(id: string, schema: z.ZodTypeAny, reply: IntentReply, defaultValue?: object) {
  return useForm({
    id,
    lastResult: reply?.intent === id ? reply.result : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
}

/** A one-button form posting an intent (support, join, withdraw...). */
export function IntentButton({
  intent,
  children,
  primary = false,
}: {
  intent: string
  children: ReactNode
  primary?: boolean
}) {
  return (
    <Form method="post">
      <button
        type="submit"
        name="intent"
        value={intent}
        className={primary ? 'btn-primary' : 'btn-secondary'}
      >
        {children}
      </button>
    </Form>
  )
}

type Comment = { id: number; body: string; createdAt: string; userName: string; partnerName: string | null }

export function CommentsPanel({
  comments,
  canComment,
  reply,
}: {
  comments: Comment[]
  canComment: boolean
  reply: IntentReply
}) {
  const { t } = useTranslation('ideas')
  const f = useFormat()
  const [form, fields] = useIntentForm('comment', commentFormSchema, reply)
  return (
    <section aria-labelledby="comments-heading" className="card space-y-3">
      <h2 id="comments-heading">{t('discussion')}</h2>
      {comments.length === 0 ? <p className="text-sm text-ink-muted">{t('noComments')}</p> : null}
      <ul className="space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="border-l-4 border-slate-200 pl-3">
            <p className="whitespace-pre-line">{c.body}</p>
            <p className="text-xs text-ink-muted">
              {[c.userName, c.partnerName].filter(Boolean).join(', ')} · {f.dateTime(c.createdAt)}
            </p>
          </li>
        ))}
      </ul>
      {canComment ? (
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="comment" />
          <TextareaField
            label={t('comment')}
            {...getTextareaProps(fields.body)}
            rows={3}
            errors={fields.body.errors}
          />
          <button type="submit" className="btn-secondary">
            {t('addComment')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

type Group = {
  count: number
  partners: string[]
  people: { name: string; email: string; partnerName: string | null }[] | null
}

/** The working group: names, partners and e-mails for the comms lead; the count and partners for others. */
export function WorkingGroupPanel({ group, children }: { group: Group; children?: ReactNode }) {
  const { t } = useTranslation('ideas')
  return (
    <section aria-labelledby="group-heading" className="card space-y-3">
      <h2 id="group-heading">{t('workingGroup')}</h2>
      <p>
        {group.count === 0
          ? t('groupNone')
          : t('groupCount', { count: group.count, partners: group.partners.join(', ') || '—' })}
      </p>
      {group.people?.length ? (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('workingGroup')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('groupName')}</th>
                <th scope="col">{t('groupPartner')}</th>
                <th scope="col">{t('groupEmail')}</th>
              </tr>
            </thead>
            <tbody>
              {group.people.map((p) => (
                <tr key={p.email}>
                  <td>{p.name}</td>
                  <td>{p.partnerName ?? '—'}</td>
                  <td>
                    <a href={`mailto:${p.email}`}>{p.email}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {children}
    </section>
  )
}

/** The communications lead's decision: adopt as a work-plan activity, or close with a reason. */
export function DecisionPanel({
  title,
  partnerId,
  partners,
  reply,
}: {
  title: string
  partnerId: number | null
  partners: { value: number; label: string }[]
  reply: IntentReply
}) {
  const { t } = useTranslation('ideas')
  const [adopt, adoptFields] = useIntentForm('adopt', adoptFormSchema, reply, {
    title,
    partnerId: partnerId?.toString() ?? '',
  })
  const [close, closeFields] = useIntentForm('close', closeFormSchema, reply)
  return (
    <section aria-labelledby="decide-heading" className="card space-y-4">
      <h2 id="decide-heading">{t('decide')}</h2>
      <Form method="post" {...getFormProps(adopt)} className="space-y-3">
        <FormErrors errors={adopt.errors} />
        <input type="hidden" name="intent" value="adopt" />
        <Field
          label={t('activityTitle')}
          {...getInputProps(adoptFields.title, { type: 'text' })}
          errors={adoptFields.title.errors}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t('dueDate')}
            {...getInputProps(adoptFields.dueDate, { type: 'date' })}
            errors={adoptFields.dueDate.errors}
          />
          <SelectField
            label={t('activityPartner')}
            {...getSelectProps(adoptFields.partnerId)}
            placeholder={t('noPartner')}
            options={partners}
            errors={adoptFields.partnerId.errors}
          />
        </div>
        <p className="hint">{t('adoptHint')}</p>
        <button type="submit" className="btn-primary">
          {t('adopt')}
        </button>
      </Form>
      <Form method="post" {...getFormProps(close)} className="space-y-3 border-t border-slate-200 pt-4">
        <input type="hidden" name="intent" value="close" />
        <TextareaField
          label={t('closeReason')}
          hint={t('closeReasonHint')}
          {...getTextareaProps(closeFields.reason)}
          rows={2}
          errors={closeFields.reason.errors}
        />
        <button type="submit" className="btn-secondary">
          {t('close')}
        </button>
      </Form>
    </section>
  )
}
