import type { Stage } from '#db/schema'
import { emailKeyOf } from '~/models/contacts/index.server'
import type { StakeholderInput } from '~/models/stakeholders/index.server'
import { webDomainFrom } from '~/utils/text'

import { countryCode } from './countries.server'
import { type Cell, firstOf } from './parse.server'
import { emailPattern, type ReadRow } from './pipeline.server'
import { maxLengths, scaleOf, stageOf } from './stakeholder-words.server'
import { acceptedText, readLanguageList, type ValueChoices } from './values.server'

export type StakeholderCandidate = {
  input: StakeholderInput
  /** Which optional fields the file gave, so an update changes only those. */
  given: (keyof StakeholderInput)[]
  contactName: string | null
  contactEmail: string | null
}

export type StakeholderImportOptions = {
  /** Category for rows without one (or when no column is mapped to category). */
  defaultCategoryId?: number | null
  ownerPartnerId?: number | null
}

type Issues = ReadRow<StakeholderCandidate>['problems']

/** The look-ups of the list fields: categories by any name, and the user's value choices. */
export type StakeholderLists = {
  category: (text: string) => number | null
  values: ValueChoices
  /** "Presentation, Webinar, …": the accepted values named in messages, built once. */
  accepted: (field: string) => string
}

/** The lists of one import (read once per import, not per row). */
export function stakeholderLists(values: ValueChoices, category: (text: string) => number | null) {
  const cache = new Map<string, string>()
  const accepted = (field: string) => {
    if (!cache.has(field)) cache.set(field, acceptedText(field))
    return cache.get(field)!
  }
  return { category, values, accepted } satisfies StakeholderLists
}

/** One row being read: the fields found so far, which were given, and the problems. */
type RowState = {
  get: (field: string) => Cell
  text: (field: string) => string
  input: Record<string, unknown>
  given: (keyof StakeholderInput)[]
  problems: Issues
  warnings: Issues
}

function readCategory(row: RowState, lists: StakeholderLists, options: StakeholderImportOptions) {
  const categoryText = row.text('category')
  const read = lists.values.read('category', categoryText, lists.category, (t) =>
    /^\d+$/.test(t) ? Number(t) : null,
  )
  if (read.kind === 'ok') {
    row.input.categoryId = read.value
    row.given.push('categoryId')
  } else if (options.defaultCategoryId) {
    row.input.categoryId = options.defaultCategoryId
    if (read.kind === 'unknown')
      row.warnings.push({ reason: 'problems.unknownCategoryDefault', params: { value: categoryText } })
  } else if (read.kind === 'unknown')
    row.problems.push({
      reason: 'problems.unknownCategory',
      params: { value: categoryText, accepted: lists.accepted('category') },
    })
  else row.problems.push({ reason: 'problems.missingCategory' })
}

/**
 * Coded fields (country, scale, stage): a value that matches nothing (and that the user did not
 * map in the value step) is left empty with a warning, never a rejection.
 */
function readCoded(
  row: RowState,
  lists: StakeholderLists,
  field: 'country' | 'scale' | 'stage',
  toCode: (v: string) => string | null,
) {
  const value = row.text(field)
  const read = lists.values.read(field, value, toCode, toCode)
  if (read.kind === 'ok') {
    row.input[field] = read.value
    row.given.push(field)
  } else if (read.kind === 'unknown') {
    const reason = `problems.unknown${field[0].toUpperCase()}${field.slice(1)}`
    row.warnings.push({
      reason,
      params: { value, ...(field === 'country' ? {} : { accepted: lists.accepted(field) }) },
    })
  }
}

function readWebsite(row: RowState) {
  const website = row.text('website')
  if (!website) return
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`
  if (/^https?:\/\//i.test(url) && webDomainFrom(url)) {
    row.input.website = url
    row.given.push('website')
  } else row.problems.push({ reason: 'problems.badUrl', params: { value: website } })
}

function readLanguages(row: RowState, values: ValueChoices): string[] {
  const languages = readLanguageList(values, row.get('languages'), row.warnings)
  if (languages.length) {
    row.input.languages = languages
    row.given.push('languages')
  }
  return languages
}

/** Every field of the row but the contact, in the order its problems are reported. */
function readFields(row: RowState, lists: StakeholderLists, options: StakeholderImportOptions) {
  readCategory(row, lists, options)
  for (const field of ['acronym', 'programme', 'period', 'city', 'description'] as const) {
    const v = field === 'description' ? firstOf(row.get(field)) : row.text(field)
    if (v) {
      row.input[field] = v
      row.given.push(field)
    }
  }
  readCoded(row, lists, 'country', countryCode)
  readWebsite(row)
  readCoded(row, lists, 'scale', scaleOf)
  readCoded(row, lists, 'stage', stageOf)
  const languages = readLanguages(row, lists.values)
  if (options.ownerPartnerId) row.input.ownerPartnerId = options.ownerPartnerId
  return languages
}

/** One row of a stakeholder file: the stakeholder (and its contact) or the row's problems. */
export function readStakeholderRow(
  get: (field: string) => Cell,
  lists: StakeholderLists,
  options: StakeholderImportOptions,
): ReadRow<StakeholderCandidate> {
  const text = (f: string) => firstOf(get(f)).replace(/\s+/g, ' ')
  const name = text('name')
  const row: RowState = {
    get,
    text,
    input: { name, themeIds: [], languages: [] },
    given: [],
    problems: [],
    warnings: [],
  }
  const { input, problems, warnings } = row
  const label = name || text('website') || text('contactEmail')
  if (!name) problems.push({ reason: 'problems.missingName' })
  const languages = readFields(row, lists, options)
  const contactEmail = text('contactEmail').replace(/^mailto:/i, '')
  if (contactEmail && !emailPattern.test(contactEmail))
    problems.push({ reason: 'problems.badEmail', params: { value: contactEmail } })
  const contactName = text('contactName')
  if (problems.length) return { label, candidate: null, problems, warnings }

  // The limits of stakeholderInputSchema, checked here without zod: it costs more than the
  // whole write at 10,000 rows.
  for (const [field, max] of Object.entries(maxLengths)) {
    const v = input[field]
    if (typeof v === 'string' && v.length > max)
      problems.push({ reason: 'problems.tooLong', params: { field, max } })
  }
  if (problems.length) return { label, candidate: null, problems, warnings }
  const candidate: StakeholderInput = {
    name,
    categoryId: input.categoryId as number,
    themeIds: [],
    languages,
    stage: (input.stage as Stage | undefined) ?? 'identified',
    ...(input as Partial<StakeholderInput>),
  }
  return {
    label,
    candidate: {
      input: candidate,
      given: row.given,
      contactName: contactName || null,
      contactEmail: emailKeyOf(contactEmail),
    },
    problems,
    warnings,
  }
}
