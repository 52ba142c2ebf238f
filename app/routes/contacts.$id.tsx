import { getFormProps, useForm } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { ErrorList, FormErrors } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import { ContactFormFields } from '~/components/stakeholders'
import {
  contactForActor,
  eraseContactNow,
  setContactArchived,
  updateContact,
} from '~/models/contacts/index.server'
import { contactInputSchema } from '~/models/contacts/schemas'
import { stakeholderFormOptions } from '~/models/stakeholders/index.server'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('stakeholders:meta.contact')

/** The contact as this user may see it (the domain shapes it: whole record or reader's card). */
async function load(request: Request, rawId: string | undefined) {
  const user = await requirePermission(request, 'stakeholder:read')
  const id = Number(rawId)
  invariantResponse(Number.isInteger(id) && id > 0)
  const found = contactForActor(id, user)
  invariantResponse(found)
  return { user, found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await load(request, params.id)
  const languages =
    found.view === 'record'
      ? [...new Set([...stakeholderFormOptions().workingLanguages, ...found.contact.languages])]
      : []
  return json({ ...found, languages })
}

const eraseSchema = z.object({
  confirm: z.literal('ERASE', { errorMap: () => ({ message: 'stakeholders:contacts.eraseMismatch' }) }),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found } = await load(request, params.id)
  const { contact, canEdit, canGdpr } = found
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = contact.stakeholderId ? `/stakeholders/${contact.stakeholderId}` : `/contacts/${contact.id}`
  if (intent === 'erase') {
    if (!canGdpr) throw forbidden()
    const submission = parseForm(formData, { schema: eraseSchema })
    if (submission.status !== 'success')
      return json({ intent: 'erase' as const, result: submission.reply() }, { status: 400 })
    orForbidden(() => eraseContactNow(contact.id, user))
    return redirect(`/contacts/${contact.id}`)
  }
  if (!canEdit) throw forbidden()
  if (intent === 'archive' || intent === 'restore') {
    orForbidden(() => db.transaction((tx) => setContactArchived(tx, contact.id, intent === 'archive', user)))
    return redirect(back)
  }
  if (contact.erasedAt)
    return json(
      {
        intent: 'save' as const,
        result: { status: 'error' as const, error: { '': ['stakeholders:contacts.erasedCannotEdit'] } },
      },
      { status: 400 },
    )
  const submission = parseForm(formData, { schema: contactInputSchema })
  if (submission.status !== 'success')
    return json({ intent: 'save' as const, result: submission.reply() }, { status: 400 })
  orForbidden(() => db.transaction((tx) => updateContact(tx, contact.id, submission.value, user)))
  return redirect(back)
}

type Data = SerializeFrom<typeof loader>
type Contact = Data['contact']
type ContactRecord = Extract<Data, { view: 'record' }>['contact']

export default function ContactPage() {
  const data = useLoaderData<typeof loader>()
  const c = data.contact
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <ContactHeader contact={c} stakeholderName={data.stakeholderName} />
      <ContactFields data={data} />
      {data.canEdit ? <ArchiveContactForm archived={!!c.archivedAt} /> : null}
      {data.canGdpr ? <GdprSection contact={c} /> : null}
    </div>
  )
}

function ContactHeader({
  contact: c,
  stakeholderName,
}: {
  contact: Contact
  stakeholderName: string | null
}) {
  const { t } = useTranslation('stakeholders')
  const f = useFormat()
  return (
    <div>
      {c.stakeholderId ? (
        <p className="mb-2 text-sm">
          <Link to={`/stakeholders/${c.stakeholderId}`}>← {stakeholderName}</Link>
        </p>
      ) : null}
      <h1 className="flex flex-wrap items-center gap-2">
        {c.erasedAt ? t('detail.erased') : c.name}
        {c.doNotContact ? <StatusBadge tone="bad">{t('detail.doNotContact')}</StatusBadge> : null}
        {c.archivedAt ? <StatusBadge tone="neutral">{t('contacts.archivedBadge')}</StatusBadge> : null}
      </h1>
      {c.erasedAt ? (
        <p className="mt-1 text-sm text-ink-muted">{t('contacts.erasedOn', { date: f.date(c.erasedAt) })}</p>
      ) : null}
    </div>
  )
}

/** The contact's record: a form for its editors, read-only otherwise, nothing once erased. */
function ContactFields({ data }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  if (data.contact.erasedAt) return <p className="card text-sm">{t('contacts.erasedCannotEdit')}</p>
  if (data.view === 'record' && data.canEdit)
    return <ContactEditForm contact={data.contact} languages={data.languages} />
  return <ContactReadOnly data={data} />
}

function ContactEditForm({ contact: c, languages }: { contact: ContactRecord; languages: string[] }) {
  const { t } = useTranslation('stakeholders')
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm<Record<string, string | string[] | boolean>>({
    id: 'contact',
    lastResult: actionData?.intent === 'save' ? (actionData.result as never) : undefined,
    defaultValue: {
      name: c.name,
      position: c.position ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
      languages: c.languages,
      notes: c.notes ?? '',
      lawfulBasis: c.lawfulBasis,
      basisObtainedAt: c.basisObtainedAt ?? '',
      basisSource: c.basisSource ?? '',
      doNotContact: c.doNotContact ? 'on' : '',
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: contactInputSchema }) as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card space-y-6">
        <h2>{t('contacts.editTitle')}</h2>
        <input type="hidden" name="intent" value="save" />
        <ContactFormFields fields={fields as never} languages={languages} />
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('contacts.save')}
        </button>
      </Form>
    </>
  )
}

/** A reader's view: the card every reader gets, and the GDPR record to whom the domain sent it. */
function ContactReadOnly({ data }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  const f = useFormat()
  const c = data.contact
  const facts: [string, string][] = [
    ['position', c.position ?? t('detail.none')],
    ['email', c.email ?? t('detail.none')],
    ['phone', c.phone ?? t('detail.none')],
  ]
  if (data.view === 'record') {
    const r = data.contact
    facts.push(
      ['lawfulBasis', t(`contacts.bases.${r.lawfulBasis}`)],
      ['basisObtainedAt', r.basisObtainedAt ? f.date(r.basisObtainedAt) : t('detail.none')],
      ['basisSource', r.basisSource ?? t('detail.none')],
    )
  }
  return (
    <dl className="card space-y-1 text-sm">
      {facts.map(([key, value]) => (
        <div key={key}>
          <dt className="inline font-medium">{t(`contacts.${key}`)}: </dt>
          <dd className="inline">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function ArchiveContactForm({ archived }: { archived: boolean }) {
  const { t } = useTranslation('stakeholders')
  return (
    <Form method="post" className="card">
      <input type="hidden" name="intent" value={archived ? 'restore' : 'archive'} />
      <button type="submit" className="btn-secondary">
        {archived ? t('contacts.restore') : t('contacts.archive')}
      </button>
    </Form>
  )
}

/** GDPR requests: the access export, and the erasure with its typed confirmation. */
function GdprSection({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation('stakeholders')
  return (
    <section aria-labelledby="gdpr-title" className="card space-y-4">
      <h2 id="gdpr-title">{t('contacts.gdpr')}</h2>
      <div>
        <h3>{t('contacts.accessRequest')}</h3>
        <p className="mb-2 text-sm text-ink-muted">{t('contacts.accessRequestHint')}</p>
        <p className="flex flex-wrap gap-2">
          <a className="btn-secondary" href={`/contacts/${c.id}/export.json`} download>
            {t('contacts.exportJson')}
          </a>
          <a className="btn-secondary" href={`/contacts/${c.id}/export.csv`} download>
            {t('contacts.exportCsv')}
          </a>
        </p>
      </div>
      {c.erasedAt ? null : <EraseForm />}
    </section>
  )
}

function EraseForm() {
  const { t } = useTranslation('stakeholders')
  const actionData = useActionData<typeof action>()
  const [eraseForm, eraseFields] = useForm({
    id: 'erase',
    lastResult: actionData?.intent === 'erase' ? (actionData.result as never) : undefined,
  })
  return (
    <Form method="post" {...getFormProps(eraseForm)} className="space-y-2">
      <h3>{t('contacts.erasure')}</h3>
      <p className="text-sm text-ink-muted">{t('contacts.erasureHint')}</p>
      <input type="hidden" name="intent" value="erase" />
      <label htmlFor="erase-confirm" className="label">
        {t('contacts.eraseConfirm')}
      </label>
      <input
        id="erase-confirm"
        name={eraseFields.confirm.name}
        className="input max-w-xs"
        autoComplete="off"
        aria-invalid={eraseFields.confirm.errors ? true : undefined}
        aria-describedby={eraseFields.confirm.errors ? 'erase-confirm-error' : undefined}
      />
      <ErrorList id="erase-confirm-error" errors={eraseFields.confirm.errors} />
      <button type="submit" className="btn-danger">
        {t('contacts.erase')}
      </button>
    </Form>
  )
}
