import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { getEvent } from '~/models/events/index.server'
import {
  canManageRegistrations,
  registrationFilterSchema,
  registrationsForExport,
} from '~/models/people/index.server'
import { forbidden, invariantResponse, requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** An event's registrants as CSV (personal data: only for who manages them), with the page's filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const event = getEvent(Number(params.id))
  invariantResponse(event)
  if (!canManageRegistrations(user, event)) throw forbidden()
  const filter = registrationFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const t = serverT(user.locale)
  const header = [
    'name',
    'email',
    'organisation',
    'consent',
    'consentAt',
    'consentWording',
    'attended',
    'contact',
  ].map((k) => t(`people:csv.${k}`))
  return csvResponse(
    `event-${event.id}-registrations.csv`,
    header,
    registrationsForExport(event.id, filter).map((r) => [
      r.name,
      r.email,
      r.organisation,
      r.consent ? t('common:yes') : t('common:no'),
      r.consentAt,
      r.consentWording,
      r.attended ? t('common:yes') : t('common:no'),
      r.contactName,
    ]),
  )
}
