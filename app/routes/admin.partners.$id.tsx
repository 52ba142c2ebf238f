import { getFormProps, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { PartnerFields, SavedNotice } from '~/components/admin'
import { FormErrors } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import { getPartner, setPartnerArchived, updatePartner } from '~/models/admin/index.server'
import { partnerSchema } from '~/models/admin/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.partner')

const idParam = z.coerce.number().int().positive()

function partnerId(params: { id?: string }) {
  const parsed = idParam.safeParse(params.id)
  invariantResponse(parsed.success)
  return parsed.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  const partner = getPartner(partnerId(params))
  invariantResponse(partner)
  return json({ partner })
}

const editSchema = partnerSchema.extend({ intent: z.literal('edit') })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const id = partnerId(params)
  invariantResponse(getPartner(id))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    orForbidden(() => setPartnerArchived(id, intent === 'archive', user))
    return redirect(`/admin/partners/${id}?saved=${intent === 'archive' ? 'archived' : 'restored'}`)
  }
  const submission = parseForm(formData, { schema: editSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  orForbidden(() => updatePartner(id, submission.value, user))
  return redirect(`/admin/partners/${id}?saved=1`)
}

export default function EditPartner() {
  const { t } = useTranslation('admin')
  const { partner } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const saved = searchParams.get('saved')
  const [form, fields] = useForm({
    id: `partner-${partner.id}`,
    lastResult,
    defaultValue: {
      name: partner.name,
      country: partner.country,
      city: partner.city ?? '',
      role: partner.role,
      website: partner.website ?? '',
      ...partner.socialAccounts,
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: editSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>
          {partner.name}{' '}
          {partner.archivedAt ? <StatusBadge tone="neutral">{t('status.archived')}</StatusBadge> : null}
        </h1>
        <div className="flex flex-wrap gap-2">
          <Link to={`/admin/audit?entity=partner&entityId=${partner.id}`} className="btn-secondary">
            {t('audit.history')}
          </Link>
          <Link to="/admin/partners" className="btn-secondary">
            {t('common:actions.back')}
          </Link>
        </div>
      </div>
      <SavedNotice
        message={
          saved
            ? t(
                saved === 'archived'
                  ? 'common:actions.archived'
                  : saved === 'restored'
                    ? 'common:actions.restored'
                    : 'common:actions.saved',
              )
            : null
        }
      />
      <FormErrors errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <input type="hidden" name="intent" value="edit" />
        <PartnerFields fields={fields} />
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('common:actions.saveChanges')}
        </button>
      </Form>
      <Form method="post" className="card flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-ink-muted">
          {partner.archivedAt ? t('partners.restoreHint') : t('partners.archiveHint')}
        </p>
        <button
          type="submit"
          name="intent"
          value={partner.archivedAt ? 'restore' : 'archive'}
          className={partner.archivedAt ? 'btn-secondary' : 'btn-danger'}
        >
          {partner.archivedAt ? t('common:actions.restore') : t('common:actions.archive')}
        </button>
      </Form>
    </div>
  )
}
