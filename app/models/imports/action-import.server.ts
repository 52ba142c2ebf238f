import { isNull } from 'drizzle-orm'

import type { Tx } from '#db/client'
import { db, sqlite } from '#db/client'
import { actionTypes, channels } from '#db/schema'
import {
  type ActionInput,
  type Actor,
  builtInNames,
  createAction,
  isRealDate,
} from '~/models/actions/index.server'
import { nameKey, webDomainFrom } from '~/utils/text'

import { type Cell, firstOf, listOf } from './parse.server'
import {
  type ImportAdapter,
  keyedLookup,
  parseCount,
  type ReadRow,
  stakeholderLookups,
  translatedNames,
} from './pipeline.server'
import { acceptedText, readLanguageList, type ValueChoices, valueChoices } from './values.server'

export type ActionCandidate = { input: ActionInput }

/**
 * Dates as spreadsheets write them: 2026-03-14, 14/03/2026, 14.03.2026, 14-03-2026, 2026/03/14
 * (day first: the project works in Europe and Latin America), and Excel's serial day numbers.
 */
export function parseDate(value: string): string | null {
  const v = value.trim()
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(v)
  if (m) return real(m[1], m[2], m[3])
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v)
  if (m) return real(m[3], m[2], m[1])
  if (/^\d{5}$/.test(v)) {
    const serial = Number(v)
    if (serial > 20000 && serial < 80000)
      return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10)
  }
  return null
}

function real(y: string, mo: string, d: string) {
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`
  return isRealDate(iso) ? iso : null
}

function listLookup(kind: 'types' | 'channels') {
  const table = kind === 'types' ? actionTypes : channels
  const rows = db
    .select({ id: table.id, key: table.key, name: table.name })
    .from(table)
    .where(isNull(table.archivedAt))
    .all()
  return keyedLookup(
    rows.map((r) => ({
      id: r.id,
      names: [
        r.name,
        r.key,
        r.key?.replace(/_/g, ' '),
        r.key ? builtInNames[kind][r.key] : null,
        ...(r.key ? translatedNames('actions', kind, r.key) : []),
      ],
    })),
  )
}

type Issues = ReadRow<ActionCandidate>['problems']
type Lookups = {
  type: (text: string) => number | null
  channel: (text: string) => number | null
  stakeholders: ReturnType<typeof stakeholderLookups>
  values: ValueChoices
  /** The type of rows without one, or with one that matches nothing (chosen on the mapping page). */
  defaultTypeId: number | null
  accepted: { type: string; channel: string }
}
type Get = (field: string) => Cell

function readFigures(text: (f: string) => string, problems: Issues) {
  const figures: Record<'participants' | 'onlineReach' | 'engagements', number | null> = {
    participants: null,
    onlineReach: null,
    engagements: null,
  }
  for (const field of ['participants', 'onlineReach', 'engagements'] as const) {
    const parsed = parseCount(text(field))
    if (parsed.ok) figures[field] = parsed.value
    else problems.push({ reason: `problems.${parsed.reason}`, params: { field, value: text(field) } })
  }
  return figures
}

function readEvidenceUrl(evidence: string, problems: Issues): string | null {
  if (!evidence) return null
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(evidence) ? evidence : `https://${evidence}`
  if (/^https?:\/\//i.test(url) && webDomainFrom(url)) return url
  problems.push({ reason: 'problems.badUrl', params: { value: evidence } })
  return null
}

function readLinks(get: Get, lookups: Lookups, warnings: Issues) {
  const languages = readLanguageList(lookups.values, get('languages'), warnings)
  const { byName, byDomain } = lookups.stakeholders
  const stakeholderIds: number[] = []
  // Names may hold commas ("University of California, Berkeley"): only ; | and new lines separate.
  for (const s of listOf(get('stakeholders'), /[;|\n]+/)) {
    const domain = /\s/.test(s) ? null : webDomainFrom(s)
    const hit = (domain ? byDomain.get(domain) : undefined) ?? byName.get(nameKey(s))
    if (hit) stakeholderIds.push(hit.id)
    else warnings.push({ reason: 'problems.unmatchedStakeholder', params: { value: s } })
  }
  return { languages, stakeholderIds }
}

const asId = (t: string) => (/^\d+$/.test(t) ? Number(t) : null)

/** The type: the file's (or the one mapped in the value step), else the default type. */
function readType(text: (f: string) => string, lookups: Lookups, problems: Issues, warnings: Issues) {
  const typeText = text('type')
  const read = lookups.values.read('type', typeText, lookups.type, asId)
  if (read.kind === 'ok') return read.value
  if (lookups.defaultTypeId) {
    if (read.kind === 'unknown')
      warnings.push({ reason: 'problems.unknownTypeDefault', params: { value: typeText } })
    return lookups.defaultTypeId
  }
  if (read.kind === 'unknown')
    problems.push({
      reason: 'problems.unknownType',
      params: { value: typeText, accepted: lookups.accepted.type },
    })
  else problems.push({ reason: 'problems.missingType' })
  return null
}

/** The required fields (title, date, type) and the channel, with their problems. */
function readEssentials(text: (f: string) => string, lookups: Lookups, problems: Issues, warnings: Issues) {
  const title = text('title')
  if (!title) problems.push({ reason: 'problems.missingTitle' })
  else if (title.length > 300)
    problems.push({ reason: 'problems.tooLong', params: { field: 'title', max: 300 } })
  const dateText = text('date')
  const date = dateText ? parseDate(dateText) : null
  if (!dateText) problems.push({ reason: 'problems.missingDate' })
  else if (!date) problems.push({ reason: 'problems.badDate', params: { value: dateText } })
  const typeId = readType(text, lookups, problems, warnings)
  const channelText = text('channel')
  const channel = lookups.values.read('channel', channelText, lookups.channel, asId)
  if (channel.kind === 'unknown')
    warnings.push({
      reason: 'problems.unknownChannel',
      params: { value: channelText, accepted: lookups.accepted.channel },
    })
  return { title, date, typeId, channelId: channel.kind === 'ok' ? channel.value : null }
}

function readActionRow(get: Get, partnerId: number, lookups: Lookups): ReadRow<ActionCandidate> {
  const problems: Issues = []
  const warnings: Issues = []
  const text = (f: string) => firstOf(get(f)).replace(/\s+/g, ' ')
  const label = text('title') || text('date')
  const { title, date, typeId, channelId } = readEssentials(text, lookups, problems, warnings)
  const figures = readFigures(text, problems)
  const evidenceUrl = readEvidenceUrl(text('evidenceUrl'), problems)
  const { languages, stakeholderIds } = readLinks(get, lookups, warnings)
  if (problems.length || !date || !typeId) return { label, candidate: null, problems, warnings }
  const description = firstOf(get('description'))
  return {
    label,
    candidate: {
      input: {
        partnerId,
        typeId,
        date,
        title,
        channelId,
        languages,
        ...figures,
        evidenceUrl,
        stakeholderIds,
        description: description ? description.slice(0, 5000) : null,
        status: 'submitted',
      },
    },
    problems,
    warnings,
  }
}

/**
 * A partner's spreadsheet of past actions, written through createAction (status "submitted",
 * so they go to the review queue). Stakeholders are matched by name or web domain; one that is
 * not found is a warning, never a rejection. The same partner, date and title is a duplicate.
 */
export function actionAdapter({
  actor,
  partnerId,
  defaultTypeId = null,
  values = valueChoices(null),
}: {
  actor: Actor
  partnerId: number
  defaultTypeId?: number | null
  values?: ValueChoices
}): ImportAdapter<ActionCandidate> {
  const lookups: Lookups = {
    type: listLookup('types'),
    channel: listLookup('channels'),
    stakeholders: stakeholderLookups(),
    values,
    defaultTypeId,
    accepted: { type: acceptedText('type'), channel: acceptedText('channel') },
  }
  const sameAction = sqlite().prepare<[number, string], { id: number; title: string }>(
    'select id, title from actions where partner_id = ? and date = ? and archived_at is null',
  )
  return {
    kind: 'actions',
    readRow: (get) => readActionRow(get, partnerId, lookups),
    keys(c) {
      return [{ match: 'action', value: `${c.input.date}|${nameKey(c.input.title)}` }]
    },
    findExisting(key) {
      const [date, titleKey] = key.value.split('|')
      const hit = sameAction.all(partnerId, date).find((a) => nameKey(a.title) === titleKey)
      return hit ? { id: hit.id, label: hit.title } : null
    },
    create(tx: Tx, c) {
      return createAction(tx, c.input, actor)
    },
  }
}
