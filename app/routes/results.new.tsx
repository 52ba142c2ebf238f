import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { OutcomeForm } from '~/components/outcome-form'
import { canProposeOutcomes, outcomeFormSchema } from '~/models/outcomes/index.server'
import { forbidden, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

import { outcomeFormData, saveOutcomeForm } from './_shared/outcome-form.server'

export const meta = pageTitle('results:meta.new')

/** The new outcome form; `?action=<id>` or `?event=<id>` (from an action's or event's page) links it already. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  if (!canProposeOutcomes(user)) throw forbidden()
  const url = new URL(request.url)
  const linked = (name: string) => {
    const n = Number(url.searchParams.get(name))
    return Number.isInteger(n) && n > 0 ? [String(n)] : []
  }
  const defaults = {
    date: new Date().toISOString().slice(0, 10),
    partnerId: user.partnerId ? String(user.partnerId) : undefined,
    actionIds: linked('action'),
    eventIds: linked('event'),
  }
  return json({ defaults, ...outcomeFormData(user, defaults) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  if (!canProposeOutcomes(user)) throw forbidden()
  const saved = saveOutcomeForm(await request.formData(), user)
  if ('response' in saved) return saved.response
  return redirect(`/results/${saved.id}?saved=1`)
}

export default function NewOutcomePage() {
  const { t } = useTranslation('results')
  const { defaults, options, canChoosePartner, stakeholderOptions } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-6">
      <div className="page-title">
        <h1>{t('new')}</h1>
        <Link to="/results" className="btn-secondary">
          {t('common:actions.cancel')}
        </Link>
      </div>
      <p className="text-sm text-ink-muted">{t('newIntro')}</p>
      <OutcomeForm
        schema={outcomeFormSchema}
        lastResult={data?.result}
        defaultValue={defaults}
        options={options}
        canChoosePartner={canChoosePartner}
        stakeholders={{
          options: [...(data?.chosen ?? []), ...stakeholderOptions],
          results: data?.pickerResults,
          query: data?.query,
        }}
        submitLabel={t('propose')}
      />
    </div>
  )
}
