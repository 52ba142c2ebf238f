import type { LoaderFunctionArgs } from '@remix-run/node'

import { valueReportMarkdown } from '~/models/reports/index.server'

import {
  badReportPeriod,
  readValueReportRequest,
  reportFileName,
  valueReportFor,
} from './_shared/value-report.server'

/** The value report as Markdown (`?from=YYYY-MM&to=YYYY-MM&lang=en|es`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const read = await readValueReportRequest(request)
  if (!read.ok) return badReportPeriod(read.errors, read.uiLang)
  return new Response(valueReportMarkdown(valueReportFor(read.period)), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${reportFileName(read.period, 'md')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
