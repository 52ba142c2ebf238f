import { isNull } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { db, sqlite } from '#db/client'
import { type Scale, scales, type Stage, stages, stakeholderCategories } from '#db/schema'
import { recordAudit } from '~/models/audit.server'
import { createContact, emailKeyOf } from '~/models/contacts.server'
import {
  type Stakeholder,
  stakeholderAuditValues,
  stakeholderColumnsFrom,
  type StakeholderInput,
  updateStakeholder,
} from '~/models/stakeholders.server'
import { env } from '~/utils/env.server'
import { nameKey, webDomainFrom } from '~/utils/text'

import { ImportRefusal } from './decode.server'
import { cleanMapping, type ColumnMapping, countryCode, guessMapping, languageCode } from './mapping.server'
import { firstOf, listOf, type ParsedFile, parseUpload } from './parse.server'
import {
  type Decision,
  emailPattern,
  type ImportAdapter,
  type ImportReport,
  keyedLookup,
  planRows,
  type ReadRow,
  stakeholderLookups,
  summarize,
  translatedNames,
  type WriteMode,
  writeRows,
} from './pipeline.server'

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

// Scale and stage words in the languages spreadsheets come in.
const scaleWords: Record<string, Scale> = {
  local: 'local',
  municipal: 'local',
  regional: 'regional',
  region: 'regional',
  national: 'national',
  nacional: 'national',
  nationale: 'national',
  european: 'european',
  europea: 'european',
  europeo: 'european',
  europeen: 'european',
  europeenne: 'european',
  europeia: 'european',
  europeu: 'european',
  eu: 'european',
  global: 'global',
  international: 'global',
  internacional: 'global',
  mundial: 'global',
  world: 'global',
  mondial: 'global',
}
const stageWords: Record<string, Stage> = {
  identified: 'identified',
  identificado: 'identified',
  identifie: 'identified',
  contacted: 'contacted',
  contactado: 'contacted',
  contacte: 'contacted',
  contatado: 'contacted',
  engaged: 'engaged',
  implicado: 'engaged',
  comprometido: 'engaged',
  engage: 'engaged',
  envolvido: 'engaged',
  collaborating: 'collaborating',
  colaborando: 'collaborating',
  collabore: 'collaborating',
  collaboration: 'collaborating',
  dormant: 'dormant',
  inactivo: 'dormant',
  latente: 'dormant',
  inactif: 'dormant',
  inativo: 'dormant',
}
// Category words in Spanish, French and Portuguese for the built-in keys.
const categoryWords: Record<string, string[]> = {
  university: ['universidad', 'universite', 'universidade', 'university', 'higher education', 'universities'],
  city_network: ['red de ciudades', 'reseau de villes', 'rede de cidades', 'network'],
  local_authority: [
    'ayuntamiento',
    'municipality',
    'city council',
    'autoridad local',
    'collectivite',
    'municipio',
    'camara municipal',
    'regional authority',
  ],
  national_authority: ['ministry', 'ministerio', 'ministere', 'government'],
  media: ['medios', 'medio', 'prensa', 'press', 'medias', 'media'],
  ngo: ['ngo', 'ong', 'association', 'asociacion', 'associacao', 'civil society'],
  business: ['empresa', 'entreprise', 'company'],
  other: ['otro', 'otra', 'autre', 'outro'],
}

const maxLengths: Record<string, number> = {
  name: 300,
  acronym: 60,
  programme: 200,
  period: 60,
  city: 120,
  website: 500,
  description: 5000,
}

function scaleOf(value: string): Scale | null {
  const key = nameKey(value)
  return (scales as readonly string[]).includes(key) ? (key as Scale) : (scaleWords[key] ?? null)
}
function stageOf(value: string): Stage | null {
  const key = nameKey(value)
  return (stages as readonly string[]).includes(key) ? (key as Stage) : (stageWords[key] ?? null)
}

function categoryLookup() {
  const rows = db.select().from(stakeholderCategories).where(isNull(stakeholderCategories.archivedAt)).all()
  return keyedLookup(
    rows.map((c) => ({
      id: c.id,
      names: [
        c.name,
        c.key,
        c.key?.replace(/_/g, ' '),
        ...(c.key ? translatedNames('stakeholders', 'categories', c.key) : []),
        ...(c.key ? (categoryWords[c.key] ?? []) : []),
      ],
    })),
  )
}

export function stakeholderAdapter({
  userId,
  options,
}: {
  userId: number
  options: StakeholderImportOptions
}): ImportAdapter<StakeholderCandidate> {
  const category = categoryLookup()
  const raw = sqlite()
  const { byName, byDomain } = stakeholderLookups()
  const byEmail = raw.prepare<[string], { id: number; name: string }>(
    `select s.id, s.name from contacts c join stakeholders s on s.id = c.stakeholder_id
     where c.email_key = ? and c.erased_at is null and c.archived_at is null and s.archived_at is null and s.merged_into_id is null order by s.id limit 1`,
  )
  const insertStakeholder = raw.prepare<[Record<string, unknown>], { id: number; createdAt: string }>(
    `insert into stakeholders (name, acronym, category_id, programme, period, scale, country, city, website, web_domain, description, languages, owner_partner_id, stage, name_key, search_text, created_by)
     values (@name, @acronym, @categoryId, @programme, @period, @scale, @country, @city, @website, @webDomain, @description, @languages, @ownerPartnerId, @stage, @nameKey, @searchText, @createdBy)
     returning id, created_at as createdAt`,
  )
  const insertAudit = raw.prepare<[number, number, string, string]>(
    `insert into audit_log (user_id, entity, entity_id, action, after, summary) values (?, 'stakeholder', ?, 'create', ?, ?)`,
  )
  const contactOn = raw.prepare<[number, string], { id: number }>(
    'select id from contacts where stakeholder_id = ? and email_key = ? limit 1',
  )

  return {
    kind: 'stakeholders',
    readRow(get): ReadRow<StakeholderCandidate> {
      const problems: ReadRow<StakeholderCandidate>['problems'] = []
      const warnings: ReadRow<StakeholderCandidate>['warnings'] = []
      const text = (f: string) => firstOf(get(f)).replace(/\s+/g, ' ')
      const name = text('name')
      const label = name || text('website') || text('contactEmail')
      if (!name) problems.push({ reason: 'problems.missingName' })
      const given: (keyof StakeholderInput)[] = []
      const input: Record<string, unknown> = { name, themeIds: [], languages: [] }
      const categoryText = text('category')
      if (categoryText) {
        const id = category(categoryText)
        if (id) {
          input.categoryId = id
          given.push('categoryId')
        } else problems.push({ reason: 'problems.unknownCategory', params: { value: categoryText } })
      } else if (options.defaultCategoryId) input.categoryId = options.defaultCategoryId
      else problems.push({ reason: 'problems.missingCategory' })

      for (const field of ['acronym', 'programme', 'period', 'city', 'description'] as const) {
        const v = field === 'description' ? firstOf(get(field)) : text(field)
        if (v) {
          input[field] = v
          given.push(field)
        }
      }
      // Coded fields: a value the file gives must translate to a known code, or the row is rejected.
      const coded = <K extends 'country' | 'scale' | 'stage'>(
        field: K,
        toCode: (v: string) => string | null,
        reason: string,
      ) => {
        const value = text(field)
        if (!value) return
        const code = toCode(value)
        if (code) {
          input[field] = code
          given.push(field)
        } else problems.push({ reason, params: { value } })
      }
      coded('country', countryCode, 'problems.unknownCountry')
      const website = text('website')
      if (website) {
        const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`
        if (/^https?:\/\//i.test(url) && webDomainFrom(url)) {
          input.website = url
          given.push('website')
        } else problems.push({ reason: 'problems.badUrl', params: { value: website } })
      }
      coded('scale', scaleOf, 'problems.unknownScale')
      coded('stage', stageOf, 'problems.unknownStage')
      const languages: string[] = []
      for (const l of listOf(get('languages'), /[;,/|\n]+/)) {
        const code = languageCode(l)
        if (code) languages.push(code)
        else warnings.push({ reason: 'problems.unknownLanguage', params: { value: l } })
      }
      if (languages.length) {
        input.languages = languages
        given.push('languages')
      }
      if (options.ownerPartnerId) input.ownerPartnerId = options.ownerPartnerId
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
          given,
          contactName: contactName || null,
          contactEmail: emailKeyOf(contactEmail),
        },
        problems,
        warnings,
      }
    },
    keys(c) {
      const keys: { match: 'name' | 'domain' | 'email'; value: string }[] = [
        { match: 'name', value: nameKey(c.input.name) },
      ]
      const domain = webDomainFrom(c.input.website)
      if (domain) keys.push({ match: 'domain', value: domain })
      if (c.contactEmail) keys.push({ match: 'email', value: c.contactEmail })
      return keys
    },
    findExisting(key) {
      const row =
        key.match === 'name'
          ? byName.get(key.value)
          : key.match === 'domain'
            ? byDomain.get(key.value)
            : byEmail.get(key.value)
      return row ? { id: row.id, label: row.name } : null
    },
    create(tx, c) {
      // createStakeholder's writes (derived columns, search index via trigger, audit row) with
      // prepared statements: drizzle's per-call overhead is most of the time at 10,000 rows.
      const columns = stakeholderColumnsFrom(c.input)
      const row = insertStakeholder.get({
        ...columns,
        languages: JSON.stringify(columns.languages),
        createdBy: userId,
      })!
      const record = {
        ...columns,
        id: row.id,
        createdBy: userId,
        archivedAt: null,
        mergedIntoId: null,
        createdAt: row.createdAt,
        updatedAt: row.createdAt,
      } as Stakeholder
      insertAudit.run(userId, row.id, JSON.stringify(stakeholderAuditValues(record, [])), columns.name)
      const id = row.id
      if (c.contactEmail || c.contactName) addContact(tx, id, c, userId)
      return id
    },
    update(tx, id, c) {
      const changes: Partial<StakeholderInput> = { name: c.input.name }
      for (const field of c.given) (changes as Record<string, unknown>)[field] = c.input[field]
      updateStakeholder(tx, id, changes, userId)
      if (c.contactEmail && !contactOn.get(id, c.contactEmail)) addContact(tx, id, c, userId)
    },
  }
}

function addContact(tx: Tx, stakeholderId: number, c: StakeholderCandidate, userId: number) {
  createContact(
    tx,
    stakeholderId,
    {
      name: c.contactName || c.contactEmail || '',
      email: c.contactEmail ?? undefined,
      languages: [],
      lawfulBasis: 'legitimate_interest',
      basisObtainedAt: new Date().toISOString().slice(0, 10),
      basisSource: 'import',
      doNotContact: false,
    },
    userId,
  )
}

/** The upload size limit in bytes (UPLOAD_LIMIT_MB). */
export function uploadLimitBytes() {
  return Math.floor(env().UPLOAD_LIMIT_MB * 1024 * 1024)
}

/** Refuses files over the upload limit before reading them. */
export function assertSize(buffer: Uint8Array) {
  if (buffer.byteLength > uploadLimitBytes())
    throw new ImportRefusal('errors.tooLarge', { limit: env().UPLOAD_LIMIT_MB })
}

export type StakeholderImportArgs = {
  buffer: Uint8Array
  fileName: string
  userId: number
  mapping?: ColumnMapping
  /** Per-line choices for duplicates, plus the default for duplicates of the register. */
  decisions?: Record<string, Decision>
  defaultDecision?: Decision
  mode?: WriteMode
  options?: StakeholderImportOptions
  /** Parsed already (by a job): skips decoding again. */
  parsed?: ParsedFile
  onAfterWrite?: (tx: Tx, report: ImportReport) => void
}

/**
 * Without a category column or a chosen default, a file named after universities (the world
 * universities list) gets the "university" category; any other file must say or choose one.
 */
function optionsFor(
  args: Pick<StakeholderImportArgs, 'options' | 'fileName'>,
  mapping: ColumnMapping,
): StakeholderImportOptions {
  const options: StakeholderImportOptions = { ...args.options }
  if (!options.defaultCategoryId && !mapping.category && /universit/i.test(args.fileName)) {
    options.defaultCategoryId =
      db
        .select({ id: stakeholderCategories.id, key: stakeholderCategories.key })
        .from(stakeholderCategories)
        .all()
        .find((c) => c.key === 'university')?.id ?? null
  }
  return options
}

/**
 * Parse, map (guessed unless given), find problems and duplicates, and write in one transaction:
 * the whole stakeholder import without the pages. Used by the import pages and the benchmark.
 * Without a category column or a default category, a file whose name mentions universities
 * gets the "university" category.
 */
export function importStakeholdersFromBuffer(args: StakeholderImportArgs): ImportReport {
  const started = performance.now()
  assertSize(args.buffer)
  const parsed = args.parsed ?? parseUpload({ buffer: args.buffer, fileName: args.fileName })
  const mapping = cleanMapping(
    'stakeholders',
    parsed.headers,
    args.mapping ?? guessMapping('stakeholders', parsed),
  )
  const adapter = stakeholderAdapter({ userId: args.userId, options: optionsFor(args, mapping) })
  const rows = planRows(adapter, parsed, mapping, {
    decisions: args.decisions,
    defaultDecision: args.defaultDecision,
  })
  return writeRows(adapter, rows, {
    tx: (fn) => db.transaction((tx) => fn(tx)),
    mode: args.mode ?? 'valid',
    fileName: args.fileName,
    started,
    onAfterWrite: (tx, report) => {
      recordAudit(tx, {
        userId: args.userId,
        entity: 'import',
        entityId: null,
        action: 'import',
        after: {
          kind: 'stakeholders',
          fileName: args.fileName,
          created: report.created.length,
          updated: report.updated.length,
          skipped: report.skipped.length,
          rejected: report.rejected.length,
        },
        summary: `${args.fileName}: ${report.created.length} created, ${report.updated.length} updated`,
      })
      args.onAfterWrite?.(tx, report)
    },
  })
}

/** The preview of a stakeholder import: problems and duplicates, nothing written. */
export function previewStakeholderImport(args: Omit<StakeholderImportArgs, 'mode' | 'onAfterWrite'>) {
  const parsed = args.parsed ?? parseUpload({ buffer: args.buffer, fileName: args.fileName })
  const mapping = cleanMapping(
    'stakeholders',
    parsed.headers,
    args.mapping ?? guessMapping('stakeholders', parsed),
  )
  const adapter = stakeholderAdapter({ userId: args.userId, options: optionsFor(args, mapping) })
  return summarize(
    planRows(adapter, parsed, mapping, { decisions: args.decisions, defaultDecision: args.defaultDecision }),
  )
}
