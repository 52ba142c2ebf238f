import type { LoaderFunctionArgs } from '@remix-run/node'

import { reportCsv } from '~/models/import/routes.server'

export const loader = ({ request, params }: LoaderFunctionArgs) => reportCsv(request, params, 'stakeholders')
