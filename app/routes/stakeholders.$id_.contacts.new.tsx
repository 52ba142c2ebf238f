import { getFormProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { FormErrors } from '~/components/forms'
import { ContactFormFields } from '~/components/stakeholders'
import { createContact } from '~/models/contacts/index.server'
import { contactInputSchema } from '~/models/contacts/schemas'
import { requireEditableStakeholder, stakeholderFormOptions } from '~/models/stakeholders/index.server'
import { orForbidden } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('stakeholders:meta.newContact')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { stakeholder } = await requireEditableStakeholder(request, params.id)
  const languages = [...new Set([...stakeholderFormOptions().workingLanguages, ...stakeholder.languages])]
  return json({ stakeholder: { id: stakeholder.id, name: stakeholder.name }, languages })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, stakeholder } = await requireEditableStakeholder(request, params.id)
  const submission = parseForm(await request.formData(), { schema: contactInputSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  orForbidden(() => db.transaction((tx) => createContact(tx, stakeholder.id, submission.value, user)))
  return redirect(`/stakeholders/${stakeholder.id}`)
}

export default function NewContact() {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm<Record<string, string | string[]>>({
    lastResult,
    defaultValue: {
      lawfulBasis: 'legitimate_interest',
      basisObtainedAt: new Date().toISOString().slice(0, 10),
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: contactInputSchema }) as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link to={`/stakeholders/${data.stakeholder.id}`}>← {data.stakeholder.name}</Link>
      </p>
      <h1 className="mb-4">{t('contacts.newTitle', { name: data.stakeholder.name })}</h1>
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card space-y-6">
        <ContactFormFields fields={fields as never} languages={data.languages} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            {t('contacts.create')}
          </button>
          <Link to={`/stakeholders/${data.stakeholder.id}`} className="btn-secondary">
            {tc('actions.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}
