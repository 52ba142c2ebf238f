import type { LoaderFunctionArgs } from '@remix-run/node'

import { reportCsv } from './_shared/import.server'

export const loader = ({ request, params }: LoaderFunctionArgs) => reportCsv(request, params, 'registrations')
