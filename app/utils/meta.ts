import type { MetaArgs, MetaDescriptor } from '@remix-run/react'

import { createI18n, defaultLocale, type LocaleResources, type SupportedLocale } from '~/i18n/i18n'

type RootMatchData = { locale?: SupportedLocale; resources?: LocaleResources } | undefined

/**
 * The page title in the reader's language, from the same resources as the page (the root loader
 * sends them): `export const meta = pageTitle('plan:events.title')`. A function of the route's
 * meta arguments may give interpolation values (a record's name) or a different key.
 */
export function pageTitle<Args extends MetaArgs = MetaArgs>(
  key: string | ((args: Args) => string),
  values?: (args: Args) => Record<string, unknown>,
) {
  return (args: Args): MetaDescriptor[] => {
    const root = args.matches.find((m) => m.id === 'root')?.data as RootMatchData
    const t = createI18n(root?.locale ?? defaultLocale, root?.resources ?? {}).t
    const appName = t('common:appName', { defaultValue: 'Ripple' })
    const resolved = typeof key === 'function' ? key(args) : key
    const title = t(resolved, { ...(values?.(args) ?? {}), defaultValue: '' })
    return [{ title: title ? `${title} · ${appName}` : appName }]
  }
}
