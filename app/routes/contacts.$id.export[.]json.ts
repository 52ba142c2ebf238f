import type { LoaderFunctionArgs } from '@remix-run/node'

import { contactAccessExport } from '~/models/contacts/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'

/** GDPR access request: everything held on one contact, as JSON. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'contact:gdpr')
  const id = Number(params.id)
  invariantResponse(Number.isInteger(id) && id > 0)
  const data = contactAccessExport(id)
  invariantResponse(data)
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="contact-${id}-access-request.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
