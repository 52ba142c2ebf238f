import type { LoaderFunctionArgs } from '@remix-run/node'

import { categoryLabel } from '~/components/stakeholders'
import { serverT } from '~/i18n/resources.server'
import {
  exportStakeholders,
  parseStakeholderFilter,
  unreadableFilterParams,
} from '~/models/stakeholders/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The register's current filtered list (same URL parameters as /stakeholders), every page, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'stakeholder:read')
  const t = serverT(user.locale)
  const params = new URL(request.url).searchParams
  const filter = parseStakeholderFilter(params)
  // The page says a mistyped day beside its field; the file cannot, so it is refused in plain words.
  if (unreadableFilterParams(params, filter).length)
    throw new Response(t('crm:lastContact.badDateRequest'), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  const rows = exportStakeholders(filter)
  const columns = [
    'id',
    'name',
    'acronym',
    'category',
    'programme',
    'period',
    'scale',
    'country',
    'city',
    'website',
    'webDomain',
    'description',
    'themes',
    'languages',
    'owner',
    'stage',
    'score',
    'tier',
    'archived',
    'created',
    'updated',
  ] as const
  const category = (r: (typeof rows)[number]) =>
    categoryLabel(t, { key: r.categoryKey, name: r.categoryName })
  return csvResponse(
    `stakeholders-${new Date().toISOString().slice(0, 10)}.csv`,
    [...columns.map((c) => t(`stakeholders:csv.${c}`)), t('crm:lastContact.csv')],
    rows.map((r) => [
      r.id,
      r.name,
      r.acronym,
      category(r),
      r.programme,
      r.period,
      r.scale ? t(`stakeholders:scales.${r.scale}`) : null,
      r.country,
      r.city,
      r.website,
      r.webDomain,
      r.description,
      r.themes,
      r.languages,
      r.ownerName,
      t(`stakeholders:stages.${r.stage}`),
      r.score === null ? null : Math.round(r.score * 10) / 10,
      r.tier,
      r.archivedAt,
      r.createdAt,
      r.updatedAt,
      r.lastContactOn,
    ]),
  )
}
