import type { LoaderFunctionArgs } from '@remix-run/node'

import { valueReportDocx } from '~/models/reports/index.server'

import {
  badReportPeriod,
  readValueReportRequest,
  reportFileName,
  valueReportFor,
} from './_shared/value-report.server'

/** The value report as a Word document (`?from=YYYY-MM&to=YYYY-MM&lang=en|es`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const read = await readValueReportRequest(request)
  if (!read.ok) return badReportPeriod(read.errors, read.uiLang)
  const bytes = await valueReportDocx(valueReportFor(read.period))
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${reportFileName(read.period, 'docx')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
