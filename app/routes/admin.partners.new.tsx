import { getFormProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { PartnerFields } from '~/components/admin'
import { FormErrors } from '~/components/forms'
import { createPartner } from '~/models/admin/index.server'
import { partnerSchema } from '~/models/admin/schemas'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.newPartner')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const submission = parseForm(await request.formData(), { schema: partnerSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const id = orForbidden(() => createPartner(submission.value, user))
  return redirect(`/admin/partners/${id}?saved=1`)
}

export default function NewPartner() {
  const { t } = useTranslation('admin')
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'partner',
    lastResult,
    defaultValue: { role: 'partner' },
    onValidate: ({ formData }) => parseForm(formData, { schema: partnerSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="max-w-3xl">
      <div className="page-title">
        <h1>{t('partners.new')}</h1>
        <Link to="/admin/partners" className="btn-secondary">
          {t('common:actions.back')}
        </Link>
      </div>
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <PartnerFields fields={fields} />
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('common:actions.create')}
        </button>
      </Form>
    </div>
  )
}
