import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { searchStakeholders } from '~/models/stakeholders/index.server'
import { requirePermission } from '~/utils/auth.server'

/** JSON for the stakeholder picker: up to 20 stakeholders matching ?q= (same search as the register). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'stakeholder:read')
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  const results = q.length >= 2 ? searchStakeholders(q, 20) : []
  return json({ results }, { headers: { 'Cache-Control': 'private, no-store' } })
}
