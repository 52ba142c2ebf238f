import { getFormProps, useForm } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { ErrorList, FormErrors } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import { ContactFormFields } from '~/components/stakeholders'
import { eraseContact, getContact, setContactArchived, updateContact } from '~/models/contacts.server'
import { contactInputSchema } from '~/models/stakeholder-schemas'
import { canEditStakeholder, stakeholderFormOptions } from '~/models/stakeholders.server'
import { forbidden, invariantResponse, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Contact · Ripple' }]

async function load(request: Request, rawId: string | undefined) {
  const user = await requirePermission(request, 'stakeholder:read')
  const id = Number(rawId)
  invariantResponse(Number.isInteger(id) && id > 0)
  const found = getContact(id)
  invariantResponse(found)
  const canEdit = canEditStakeholder(user, { ownerPartnerId: found.stakeholderOwnerPartnerId ?? null })
  return { user, found, canEdit, canGdpr: can(user, 'contact:gdpr') }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, canEdit, canGdpr } = await load(request, params.id)
  const languages = [...new Set([...stakeholderFormOptions().workingLanguages, ...found.contact.languages])]
  const { emailKey: _e, ...contact } = found.contact
  return json({ contact, stakeholderName: found.stakeholderName, canEdit, canGdpr, languages })
}

const eraseSchema = z.object({
  confirm: z.literal('ERASE', { errorMap: () => ({ message: 'stakeholders:contacts.eraseMismatch' }) }),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found, canEdit, canGdpr } = await load(request, params.id)
  const contact = found.contact
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = contact.stakeholderId ? `/stakeholders/${contact.stakeholderId}` : `/contacts/${contact.id}`
  if (intent === 'erase') {
    if (!canGdpr) throw forbidden()
    const submission = parseForm(formData, { schema: eraseSchema })
    if (submission.status !== 'success')
      return json({ intent: 'erase' as const, result: submission.reply() }, { status: 400 })
    db.transaction((tx) => eraseContact(tx, contact.id, user.id))
    return redirect(`/contacts/${contact.id}`)
  }
  if (!canEdit) throw forbidden()
  if (intent === 'archive' || intent === 'restore') {
    db.transaction((tx) => setContactArchived(tx, contact.id, intent === 'archive', user.id))
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
  db.transaction((tx) => updateContact(tx, contact.id, submission.value, user.id))
  return redirect(back)
}

export default function ContactPage() {
  const { t } = useTranslation('stakeholders')
  const f = useFormat()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const c = data.contact
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
  const [eraseForm, eraseFields] = useForm({
    id: 'erase',
    lastResult: actionData?.intent === 'erase' ? (actionData.result as never) : undefined,
  })
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        {c.stakeholderId ? (
          <p className="mb-2 text-sm">
            <Link to={`/stakeholders/${c.stakeholderId}`}>← {data.stakeholderName}</Link>
          </p>
        ) : null}
        <h1 className="flex flex-wrap items-center gap-2">
          {c.erasedAt ? t('detail.erased') : c.name}
          {c.doNotContact ? <StatusBadge tone="bad">{t('detail.doNotContact')}</StatusBadge> : null}
          {c.archivedAt ? <StatusBadge tone="neutral">{t('contacts.archivedBadge')}</StatusBadge> : null}
        </h1>
        {c.erasedAt ? (
          <p className="mt-1 text-sm text-ink-muted">
            {t('contacts.erasedOn', { date: f.date(c.erasedAt) })}
          </p>
        ) : null}
      </div>

      {c.erasedAt ? (
        <p className="card text-sm">{t('contacts.erasedCannotEdit')}</p>
      ) : data.canEdit ? (
        <>
          <FormErrors errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="card space-y-6">
            <h2>{t('contacts.editTitle')}</h2>
            <input type="hidden" name="intent" value="save" />
            <ContactFormFields fields={fields as never} languages={data.languages} />
            <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
              {t('contacts.save')}
            </button>
          </Form>
        </>
      ) : (
        <dl className="card space-y-1 text-sm">
          <div>
            <dt className="inline font-medium">{t('contacts.position')}: </dt>
            <dd className="inline">{c.position ?? t('detail.none')}</dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('contacts.email')}: </dt>
            <dd className="inline">{c.email ?? t('detail.none')}</dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('contacts.phone')}: </dt>
            <dd className="inline">{c.phone ?? t('detail.none')}</dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('contacts.lawfulBasis')}: </dt>
            <dd className="inline">{t(`contacts.bases.${c.lawfulBasis}`)}</dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('contacts.basisObtainedAt')}: </dt>
            <dd className="inline">{c.basisObtainedAt ? f.date(c.basisObtainedAt) : t('detail.none')}</dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('contacts.basisSource')}: </dt>
            <dd className="inline">{c.basisSource ?? t('detail.none')}</dd>
          </div>
        </dl>
      )}

      {data.canEdit ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value={c.archivedAt ? 'restore' : 'archive'} />
          <button type="submit" className="btn-secondary">
            {c.archivedAt ? t('contacts.restore') : t('contacts.archive')}
          </button>
        </Form>
      ) : null}

      {data.canGdpr ? (
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
          {c.erasedAt ? null : (
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
          )}
        </section>
      ) : null}
    </div>
  )
}
