import { eq, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actionTypes, channels, importValueChoices, scales, stages, stakeholderCategories } from '#db/schema'
import { isSupportedLocale } from '~/i18n/i18n'
import { serverT } from '~/i18n/resources.server'
import { listLabelKey } from '~/models/actions/index.server'
import { countryCodes } from '~/models/stakeholders/index.server'
import { nameKey } from '~/utils/text'

import { isBlankValue, knownLanguageCodes, languageCode } from './countries.server'
import type { ImportKind } from './fields'
import { type Cell, listOf } from './parse.server'
import type { Problem } from './pipeline.server'

/** The list fields of each import: a value that matches no entry goes to the value step. */
export const listFields: Record<ImportKind, string[]> = {
  stakeholders: ['category', 'country', 'scale', 'stage', 'languages'],
  contacts: ['languages'],
  actions: ['type', 'channel', 'languages'],
  registrations: [],
}

/** A value of the file that matched no entry of its list, how often, and the user's remembered choice. */
export type UnmatchedValue = {
  field: string
  key: string
  value: string
  count: number
  /** The remembered target ('' = leave empty), or null when the user never chose. */
  choice: string | null
}

export type ListValue<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'unknown' }

/**
 * Reads the list fields of one import: built-in matches first, then the user's remembered
 * choices; counts every value that matched nothing built-in for the value step.
 */
export type ValueChoices = {
  read<T>(
    field: string,
    raw: string,
    builtIn: (v: string) => T | null,
    fromTarget: (target: string) => T | null,
  ): ListValue<T>
  unmatched(): UnmatchedValue[]
}

export function valueChoices(userId: number | null): ValueChoices {
  const remembered = new Map<string, string>()
  if (userId)
    for (const r of db.select().from(importValueChoices).where(eq(importValueChoices.userId, userId)).all())
      remembered.set(`${r.field}\u0000${r.valueKey}`, r.target)
  const seen = new Map<string, UnmatchedValue>()
  return {
    read(field, raw, builtIn, fromTarget) {
      const v = raw.trim()
      if (!v || isBlankValue(v)) return { kind: 'empty' }
      const hit = builtIn(v)
      if (hit !== null) return { kind: 'ok', value: hit }
      const key = nameKey(v)
      const id = `${field}\u0000${key}`
      const target = remembered.get(id)
      const entry = seen.get(id) ?? { field, key, value: v, count: 0, choice: target ?? null }
      entry.count++
      seen.set(id, entry)
      if (target === '') return { kind: 'empty' }
      const mapped = target === undefined ? null : fromTarget(target)
      return mapped === null ? { kind: 'unknown' } : { kind: 'ok', value: mapped }
    },
    unmatched: () => [...seen.values()].sort((a, b) => a.field.localeCompare(b.field) || b.count - a.count),
  }
}

export type ListOption = { value: string; label: string }

function listRows(table: typeof actionTypes | typeof channels | typeof stakeholderCategories) {
  return db
    .select({ id: table.id, key: table.key, name: table.name })
    .from(table)
    .where(isNull(table.archivedAt))
    .all()
}

/** The entries a value of `field` may be mapped to, labelled in `locale`. */
export function listOptions(field: string, locale = 'en'): ListOption[] {
  const t = serverT(isSupportedLocale(locale) ? locale : 'en')
  switch (field) {
    case 'category':
      return listRows(stakeholderCategories).map((c) => ({
        value: String(c.id),
        label: c.key ? t(`stakeholders:categories.${c.key}`, { defaultValue: c.name }) : c.name,
      }))
    case 'type':
    case 'channel': {
      const kind = field === 'type' ? 'types' : 'channels'
      return listRows(field === 'type' ? actionTypes : channels).map((r) => {
        const labelKey = listLabelKey(kind, r)
        return { value: String(r.id), label: labelKey ? t(labelKey) : r.name }
      })
    }
    case 'stage':
      return stages.map((s) => ({ value: s, label: t(`stakeholders:stages.${s}`) }))
    case 'scale':
      return scales.map((s) => ({ value: s, label: t(`stakeholders:scales.${s}`) }))
    case 'country': {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
      return countryCodes
        .map((c) => ({ value: c, label: names.of(c) ?? c }))
        .sort((a, b) => a.label.localeCompare(b.label, locale))
    }
    case 'languages': {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })
      return knownLanguageCodes()
        .map((c) => ({ value: c, label: names.of(c) ?? c }))
        .sort((a, b) => a.label.localeCompare(b.label, locale))
    }
    default:
      return []
  }
}

/** The accepted values of a list, named in a problem message ("Presentation, Webinar, …"). */
export function acceptedText(field: string) {
  return listOptions(field)
    .map((o) => o.label)
    .join(', ')
}

/**
 * Remembers the user's choices for values of one field: a list entry, or '' to leave the
 * value empty. Targets that are not entries of the list are ignored.
 */
export function rememberValueChoices(
  userId: number,
  kind: ImportKind,
  choices: { field: string; key: string; target: string }[],
) {
  const allowed = new Map<string, Set<string>>()
  for (const field of listFields[kind])
    allowed.set(field, new Set(['', ...listOptions(field).map((o) => o.value)]))
  const valid = choices.filter((c) => allowed.get(c.field)?.has(c.target) && c.key.length <= 300)
  if (!valid.length) return 0
  db.transaction((tx) => {
    for (const c of valid)
      tx.insert(importValueChoices)
        .values({ userId, field: c.field, valueKey: c.key, target: c.target })
        .onConflictDoUpdate({
          target: [importValueChoices.userId, importValueChoices.field, importValueChoices.valueKey],
          set: { target: c.target, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` },
        })
        .run()
  })
  return valid.length
}

/** A list of languages ("es; Polski, EN"): known ones and mapped ones kept, the others warned about. */
export function readLanguageList(
  values: ValueChoices,
  cell: Cell,
  warnings: Omit<Problem, 'line' | 'label'>[],
): string[] {
  const languages: string[] = []
  for (const l of listOf(cell, /[;,/|\n]+/)) {
    const read = values.read('languages', l, languageCode, (t) => t)
    if (read.kind === 'ok') languages.push(read.value)
    else if (read.kind === 'unknown')
      warnings.push({ reason: 'problems.unknownLanguage', params: { value: l } })
  }
  return [...new Set(languages)]
}
