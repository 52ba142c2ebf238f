import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ErrorList, Field, TextareaField } from '~/components/forms'
import { useFormat } from '~/utils/format'

type Errors = Record<string, string[] | null> | undefined

/** Adding one registrant by hand: name, e-mail, organisation, and consent with date and wording. */
export function AddRegistrationForm({ errors }: { errors: Errors }) {
  const { t } = useTranslation('people')
  return (
    <details className="card" open={!!errors}>
      <summary className="cursor-pointer font-semibold text-brand-700">{t('registrations.add')}</summary>
      <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-3">
        <input type="hidden" name="intent" value="add" />
        <Field label={t('fields.name')} name="name" required maxLength={200} errors={errors?.name} />
        <Field label={t('fields.email')} name="email" type="email" errors={errors?.email} />
        <Field label={t('fields.organisation')} name="organisation" errors={errors?.organisation} />
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input type="checkbox" name="consent" className="h-5 w-5" />
          {t('fields.consent')}
        </label>
        <Field
          label={t('fields.consentAt')}
          name="consentAt"
          type="date"
          hint={t('fields.consentAtHint')}
          errors={errors?.consentAt}
        />
        <TextareaField
          className="sm:col-span-2"
          label={t('fields.consentWording')}
          name="consentWording"
          rows={2}
          errors={errors?.consentWording}
        />
        <div className="sm:col-span-3">
          <button type="submit" className="btn-primary">
            {t('registrations.addButton')}
          </button>
        </div>
      </Form>
    </details>
  )
}

type Row = {
  id: number
  name: string
  email: string | null
  organisation: string | null
  consent: boolean
  consentAt: string | null
  attended: boolean
  erasedAt: string | null
  contactId: number | null
  contactName: string | null
  proposedStakeholderId: number | null
  proposedStakeholderName: string | null
}
type Choices = Record<
  string,
  {
    contacts: { id: number; name: string; stakeholderName: string | null }[]
    stakeholders: { id: number; name: string }[]
  }
>

/**
 * The registrants as a checklist: ticking marks who came (one form, works without JavaScript);
 * each row's link, proposal and removal are their own small forms, joined by the `form` attribute.
 */
export function AttendanceList({
  rows,
  choices,
  canAccept,
  errors,
}: {
  rows: Row[]
  choices: Choices
  canAccept: boolean
  errors: Errors
}) {
  const { t } = useTranslation('people')
  const f = useFormat()
  return (
    <div className="card space-y-3">
      <ErrorList errors={errors ? Object.values(errors).flatMap((e) => e ?? []) : undefined} />
      <Form method="post" id="attendance">
        <input type="hidden" name="intent" value="attendance" />
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('registrations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registrations.present')}</th>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.organisation')}</th>
                <th scope="col">{t('registrations.consent')}</th>
                <th scope="col">{t('registrations.contact')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <input type="hidden" name="shown" value={r.id} />
                    <input
                      type="checkbox"
                      name="attended"
                      value={r.id}
                      defaultChecked={r.attended}
                      className="h-5 w-5"
                      aria-label={t('registrations.presentName', { name: r.name })}
                    />
                  </td>
                  <td>
                    {r.name}
                    {r.email ? <span className="block text-xs text-ink-muted">{r.email}</span> : null}
                  </td>
                  <td>{r.organisation ?? '—'}</td>
                  <td>
                    {r.consent ? t('registrations.consentOn', { date: f.date(r.consentAt) }) : t('common:no')}
                  </td>
                  <td>
                    <ContactCell row={r} choices={choices[r.id]} canAccept={canAccept} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit" className="btn-primary mt-3">
          {t('registrations.saveAttendance')}
        </button>
      </Form>
      {rows.map((r) => (
        <RowForms key={r.id} id={r.id} />
      ))}
    </div>
  )
}

const intents = ['link', 'propose', 'accept', 'decline', 'remove'] as const

/** The empty forms a row's controls submit (through their `form` attribute). */
function RowForms({ id }: { id: number }) {
  return (
    <>
      {intents.map((intent) => (
        <Form key={intent} method="post" id={`${intent}-${id}`} hidden>
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="registrationId" value={id} />
        </Form>
      ))}
    </>
  )
}

function ContactCell({
  row: r,
  choices,
  canAccept,
}: {
  row: Row
  choices: Choices[string] | undefined
  canAccept: boolean
}) {
  const { t } = useTranslation('people')
  if (r.erasedAt) return <span className="text-ink-muted">{t('registrations.erased')}</span>
  if (r.contactId)
    return (
      <span className="flex flex-wrap items-center gap-2">
        <Link to={`/contacts/${r.contactId}`}>{r.contactName}</Link>
        <RemoveButton id={r.id} name={r.name} />
      </span>
    )
  if (r.proposedStakeholderId)
    return (
      <span className="flex flex-wrap items-center gap-2">
        {t('registrations.proposedTo', { stakeholder: r.proposedStakeholderName })}
        {canAccept ? (
          <>
            <button type="submit" form={`accept-${r.id}`} className="btn-secondary">
              {t('registrations.accept')}
            </button>
            <button type="submit" form={`decline-${r.id}`} className="btn-secondary">
              {t('registrations.decline')}
            </button>
          </>
        ) : null}
      </span>
    )
  return (
    <div className="space-y-2">
      <ChoiceSelect
        id={r.id}
        intent="link"
        name="contactId"
        label={t('registrations.linkTo', { name: r.name })}
        button={t('registrations.link')}
        options={(choices?.contacts ?? []).map((c) => ({
          value: c.id,
          label: c.stakeholderName ? `${c.name} (${c.stakeholderName})` : c.name,
        }))}
      />
      <ChoiceSelect
        id={r.id}
        intent="propose"
        name="stakeholderId"
        label={t('registrations.proposeFor', { name: r.name })}
        button={t('registrations.propose')}
        options={(choices?.stakeholders ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
      <RemoveButton id={r.id} name={r.name} />
    </div>
  )
}

function ChoiceSelect(props: {
  id: number
  intent: string
  name: string
  label: string
  button: string
  options: { value: number; label: string }[]
}) {
  if (!props.options.length) return null
  const selectId = `${props.intent}-${props.id}-${props.name}`
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label htmlFor={selectId} className="sr-only">
        {props.label}
      </label>
      <select id={selectId} name={props.name} form={`${props.intent}-${props.id}`} className="input w-auto">
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        form={`${props.intent}-${props.id}`}
        className="btn-secondary"
        aria-label={props.label}
      >
        {props.button}
      </button>
    </div>
  )
}

function RemoveButton({ id, name }: { id: number; name: string }) {
  const { t } = useTranslation('people')
  return (
    <button
      type="submit"
      form={`remove-${id}`}
      className="text-sm text-red-700 underline"
      aria-label={t('registrations.removeName', { name })}
    >
      {t('registrations.remove')}
    </button>
  )
}
