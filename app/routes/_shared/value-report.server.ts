import { isSupportedLocale } from '~/i18n/i18n'
import { serverT } from '~/i18n/resources.server'
import {
  parseReportQuery,
  type ReportLang,
  type ReportPeriod,
  resolveReportPeriod,
  valueReportData,
  valueReportDocument,
} from '~/models/reports/index.server'
import { requirePermission } from '~/utils/auth.server'

/**
 * The value report's address, read the same way by the page and its downloads: who asks (report:read),
 * the period and language from `?from&to&lang` (defaults filled in), or the query's errors.
 */
export async function readValueReportRequest(request: Request) {
  const user = await requirePermission(request, 'report:read')
  const uiLang: ReportLang = isSupportedLocale(user.locale) ? user.locale : 'en'
  const parsed = parseReportQuery(new URL(request.url).searchParams)
  if (!parsed.ok) return { ok: false as const, user, uiLang, errors: parsed.errors, raw: parsed.raw }
  return { ok: true as const, user, uiLang, period: resolveReportPeriod(parsed.query, uiLang) }
}

/** The report for a period, put in words in its language. */
export function valueReportFor(period: ReportPeriod) {
  return valueReportDocument(valueReportData(period), period.lang)
}

/** A download asked for a period that cannot be: 400 with the reason in plain words. */
export function badReportPeriod(errors: Record<string, string>, lang: ReportLang) {
  const t = serverT(lang)
  const message = Object.values(errors)
    .map((key) => t(key))
    .join(' ')
  return new Response(t('reports:errors.invalid', { message }), {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** `value-report-2026-01-2026-12-en.docx`: the period and language in the file's name. */
export function reportFileName(period: ReportPeriod, extension: string) {
  return `value-report-${period.from}-${period.to}-${period.lang}.${extension}`
}
