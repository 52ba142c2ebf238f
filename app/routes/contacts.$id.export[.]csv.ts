import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { contactAccessExport } from '~/models/contacts/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

const show = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)

/** GDPR access request as CSV: one row per fact (section, field, value), readable in a spreadsheet. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'contact:gdpr')
  const id = Number(params.id)
  invariantResponse(Number.isInteger(id) && id > 0)
  const data = contactAccessExport(id)
  invariantResponse(data)
  const t = serverT(user.locale)
  const rows: unknown[][] = []
  for (const [field, value] of Object.entries(data.contact))
    rows.push([t('stakeholders:contacts.csv.contact'), field, show(value)])
  if (data.organisation)
    rows.push([t('stakeholders:contacts.csv.organisation'), 'name', data.organisation.name])
  for (const h of data.history) {
    rows.push([
      t('stakeholders:contacts.csv.history'),
      `${h.at} ${h.action}${h.by ? ` (${h.by})` : ''}`,
      show({ before: h.before, after: h.after }),
    ])
  }
  for (const a of data.organisationActions)
    rows.push([t('stakeholders:contacts.csv.action'), a.date, `${a.title} (${a.partner}, ${a.status})`])
  const c = (k: 'section' | 'field' | 'value') => t(`stakeholders:contacts.csv.${k}`)
  return csvResponse(`contact-${id}-access-request.csv`, [c('section'), c('field'), c('value')], rows)
}
