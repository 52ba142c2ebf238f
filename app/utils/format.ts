/**
 * The one place dates and numbers are formatted for people. Dates are stored as ISO strings
 * (YYYY-MM-DD or full timestamps) and shown in the user's locale.
 */
import { useTranslation } from 'react-i18next'

const localeTag: Record<string, string> = { en: 'en-GB', es: 'es-ES' }

export function formatDate(
  iso: string | null | undefined,
  locale: string,
  style: 'short' | 'medium' | 'long' = 'medium',
) {
  if (!iso) return ''
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(localeTag[locale] ?? locale, { dateStyle: style, timeZone: 'UTC' }).format(
    date,
  )
}

export function formatDateTime(iso: string | null | undefined, locale: string) {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(localeTag[locale] ?? locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date)
}

/** "2026-03" -> "March 2026" / "marzo de 2026". */
export function formatMonth(month: string, locale: string, style: 'long' | 'short' = 'long') {
  const date = new Date(`${month}-01T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return month
  return new Intl.DateTimeFormat(localeTag[locale] ?? locale, {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

export function formatNumber(
  value: number | null | undefined,
  locale: string,
  options?: Intl.NumberFormatOptions,
) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return new Intl.NumberFormat(localeTag[locale] ?? locale, { maximumFractionDigits: 1, ...options }).format(
    value,
  )
}

export function formatPercent(ratio: number | null | undefined, locale: string) {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–'
  return new Intl.NumberFormat(localeTag[locale] ?? locale, {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(ratio)
}

/** Formatting helpers bound to the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return {
    locale,
    date: (iso: string | null | undefined, style?: 'short' | 'medium' | 'long') =>
      formatDate(iso, locale, style),
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale),
    month: (m: string, style?: 'long' | 'short') => formatMonth(m, locale, style),
    number: (v: number | null | undefined, o?: Intl.NumberFormatOptions) => formatNumber(v, locale, o),
    percent: (r: number | null | undefined) => formatPercent(r, locale),
  }
}
