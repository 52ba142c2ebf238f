import type { Stage } from '#db/schema'
import { emailKeyOf } from '~/models/contacts/index.server'
import type { StakeholderInput } from '~/models/stakeholders/index.server'
import { webDomainFrom } from '~/utils/text'

import { countryCode, languageCode } from './countries.server'
import { type Cell, firstOf, listOf } from './parse.server'
import { emailPattern, type ReadRow } from './pipeline.server'
import { maxLengths, scaleOf, stageOf } from './stakeholder-words.server'

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

/** One row being read: the fields found so far, which were given, and the problems. */
type RowState = {
  get: (field: string) => Cell
  text: (field: string) => string
  input: Record<string, unknown>
  given: (keyof StakeholderInput)[]
  problems: Issues
  warnings: Issues
}

function readCategory(
  row: RowState,
  category: (text: string) => number | null,
  options: StakeholderImportOptions,
) {
  const categoryText = row.text('category')
  if (categoryText) {
    const id = category(categoryText)
    if (id) {
      row.input.categoryId = id
      row.given.push('categoryId')
    } else row.problems.push({ reason: 'problems.unknownCategory', params: { value: categoryText } })
  } else if (options.defaultCategoryId) row.input.categoryId = options.defaultCategoryId
  else row.problems.push({ reason: 'problems.missingCategory' })
}

/** Coded fields: a value the file gives must translate to a known code, or the row is rejected. */
function readCoded(
  row: RowState,
  field: 'country' | 'scale' | 'stage',
  toCode: (v: string) => string | null,
  reason: string,
) {
  const value = row.text(field)
  if (!value) return
  const code = toCode(value)
  if (code) {
    row.input[field] = code
    row.given.push(field)
  } else row.problems.push({ reason, params: { value } })
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

function readLanguages(row: RowState): string[] {
  const languages: string[] = []
  for (const l of listOf(row.get('languages'), /[;,/|\n]+/)) {
    const code = languageCode(l)
    if (code) languages.push(code)
    else row.warnings.push({ reason: 'problems.unknownLanguage', params: { value: l } })
  }
  if (languages.length) {
    row.input.languages = languages
    row.given.push('languages')
  }
  return languages
}

/** Every field of the row but the contact, in the order its problems are reported. */
function readFields(
  row: RowState,
  category: (text: string) => number | null,
  options: StakeholderImportOptions,
) {
  readCategory(row, category, options)
  for (const field of ['acronym', 'programme', 'period', 'city', 'description'] as const) {
    const v = field === 'description' ? firstOf(row.get(field)) : row.text(field)
    if (v) {
      row.input[field] = v
      row.given.push(field)
    }
  }
  readCoded(row, 'country', countryCode, 'problems.unknownCountry')
  readWebsite(row)
  readCoded(row, 'scale', scaleOf, 'problems.unknownScale')
  readCoded(row, 'stage', stageOf, 'problems.unknownStage')
  const languages = readLanguages(row)
  if (options.ownerPartnerId) row.input.ownerPartnerId = options.ownerPartnerId
  return languages
}

/** One row of a stakeholder file: the stakeholder (and its contact) or the row's problems. */
export function readStakeholderRow(
  get: (field: string) => Cell,
  category: (text: string) => number | null,
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
  const languages = readFields(row, category, options)
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
