import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { listMaterials, materialFilterSchema } from '~/models/materials/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The materials list as CSV: exactly the filtered list. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const filter = materialFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const t = serverT(user.locale)
  const header = ['id', 'title', 'kind', 'language', 'version', 'status', 'url', 'file', 'actions'].map((k) =>
    t(`plan:materials.csv.${k}`),
  )
  return csvResponse(
    'materials.csv',
    header,
    listMaterials(filter, user).map((m) => [
      m.id,
      m.title,
      t(`plan:materialKinds.${m.kind}`),
      m.language,
      m.version,
      t(`plan:materialStatus.${m.status}`),
      m.url,
      m.fileName,
      m.actionCount,
    ]),
  )
}
