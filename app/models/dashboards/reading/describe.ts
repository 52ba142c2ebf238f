/**
 * What a dashboard view is filtered by, in words: the same facts head the page on screen and in
 * print, and open the CSV export (one "label, value" row each), so a figure is never read as the
 * whole project's when it is not. Client-safe: no database.
 */
import type { ActionFilters, DashboardOption, DashboardOptions } from '../types'

/** Any i18next-like translate function (the page's `t` or the server's `serverT`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export type FilterFact = {
  /** partner, channel, type, category, group, months, counting */
  key: string
  label: string
  value: string
  /** true when this fact narrows what is counted (a chosen partner, channel, ...). */
  active: boolean
}

export type FilterDescriptionInput = {
  kind: 'reach' | 'coverage'
  filters: ActionFilters
  /** Coverage: the stakeholder group of the "not reached" list (tier A when absent). */
  group?: number
  options: Pick<DashboardOptions, 'partners' | 'channels' | 'types' | 'categories' | 'groups'>
  /** First and last month the view covers (ISO YYYY-MM). */
  from: string
  to: string
}

function optionName(list: DashboardOption[], id: number, prefix: string | null, t: Translate): string {
  const found = list.find((o) => o.id === id)
  if (!found) return `#${id}`
  return found.key && prefix ? t(`${prefix}.${found.key}`, { defaultValue: found.name }) : found.name
}

/** Every fact of the view, chosen or not, in a fixed order (so the CSV always has the same rows). */
export function filterFacts(input: FilterDescriptionInput, t: Translate): FilterFact[] {
  const { filters, options } = input
  const dims = [
    { key: 'partner', list: options.partners, prefix: null, all: 'reading:filters.allPartners' },
    {
      key: 'channel',
      list: options.channels,
      prefix: 'actions:channels',
      all: 'reading:filters.allChannels',
    },
    { key: 'type', list: options.types, prefix: 'actions:types', all: 'reading:filters.allTypes' },
    {
      key: 'category',
      list: options.categories,
      prefix: 'stakeholders:categories',
      all: 'reading:filters.allCategories',
    },
  ] as const
  const facts: FilterFact[] = dims.map((d) => {
    const id = filters[d.key]
    return {
      key: d.key,
      label: t(`dashboard:filters.${d.key}`),
      value: id === undefined ? t(d.all) : optionName(d.list, id, d.prefix, t),
      active: id !== undefined,
    }
  })
  if (input.kind === 'coverage')
    facts.push({
      key: 'group',
      label: t('dashboard:filters.group'),
      value:
        input.group === undefined
          ? t('dashboard:filters.tierA')
          : (options.groups.find((g) => g.id === input.group)?.name ?? `#${input.group}`),
      active: input.group !== undefined,
    })
  facts.push(
    {
      key: 'months',
      label: t('reading:filters.months'),
      value:
        input.from === input.to
          ? input.to
          : t('reading:filters.monthRange', { from: input.from, to: input.to }),
      active: false,
    },
    {
      key: 'counting',
      label: t('dashboard:filters.validated'),
      value: t(
        filters.validatedOnly === false
          ? 'dashboard:filters.includeSubmitted'
          : 'dashboard:filters.validatedOnly',
      ),
      active: filters.validatedOnly === false,
    },
  )
  return facts
}

/**
 * The one line a reader sees: the chosen filters, then the months and what counts, e.g.
 * "Partner: Barcelona · Channel: LinkedIn · Months: 2025-12 to 2026-11 · Actions counted: Validated only".
 * Without any filter it says so ("All partners, channels, action types and stakeholder categories").
 */
export function filterSentence(facts: FilterFact[], t: Translate): string {
  const narrowing = facts.filter((f) => f.active && f.key !== 'counting')
  const fixed = facts.filter((f) => f.key === 'months' || f.key === 'counting')
  const head = narrowing.length ? narrowing.map((f) => `${f.label}: ${f.value}`) : [t('reading:filters.none')]
  return [...head, ...fixed.map((f) => `${f.label}: ${f.value}`)].join(' · ')
}
