import { type Tx } from '#db/client'
import { db, sqlite } from '#db/client'
import { stakeholderCategories } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { createContact } from '~/models/contacts/index.server'
import {
  type Stakeholder,
  stakeholderAuditValues,
  stakeholderColumnsFrom,
  type StakeholderInput,
  updateStakeholder,
} from '~/models/stakeholders/index.server'
import { type Actor, assertCan } from '~/utils/permissions'
import { nameKey, webDomainFrom } from '~/utils/text'

import type { ColumnMapping } from './fields'
import { cleanMapping, guessMapping } from './mapping.server'
import { type ParsedFile, parseUpload } from './parse.server'
import {
  type Decision,
  type DedupeKey,
  type ImportAdapter,
  type ImportReport,
  planRows,
  stakeholderLookups,
  summarize,
  type WriteMode,
  writeRows,
} from './pipeline.server'
import { isSharedDomain } from './shared-domains'
import {
  readStakeholderRow,
  type StakeholderCandidate,
  type StakeholderImportOptions,
  stakeholderLists,
} from './stakeholder-row.server'
import { categoryLookup } from './stakeholder-words.server'
import { assertSize } from './upload-limit.server'
import { type ValueChoices, valueChoices } from './values.server'

export type { StakeholderCandidate, StakeholderImportOptions }
export { assertSize, uploadLimitBytes } from './upload-limit.server'

/** Web domains that several differently named live organisations of the register use. */
function sharedRegisterDomains(): Set<string> {
  const rows = sqlite()
    .prepare<[], { d: string }>(
      `select web_domain as d from stakeholders
       where web_domain is not null and archived_at is null and merged_into_id is null
       group by web_domain having count(distinct name_key) > 1`,
    )
    .all()
  return new Set(rows.map((r) => r.d))
}

/**
 * Name, web domain and contact e-mail. A web domain is an identity only when one organisation
 * uses it: webmail, portals and domains several differently named organisations use (in the
 * register or in the file) are only hints.
 */
function stakeholderKeys(c: StakeholderCandidate, sharedDomains: Set<string>): DedupeKey[] {
  const name = nameKey(c.input.name)
  const keys: DedupeKey[] = [{ match: 'name', value: name }]
  const domain = webDomainFrom(c.input.website)
  if (domain)
    keys.push({
      match: 'domain',
      value: domain,
      owner: name,
      ...(isSharedDomain(domain) || sharedDomains.has(domain) ? { weak: true } : {}),
    })
  if (c.contactEmail) keys.push({ match: 'email', value: c.contactEmail })
  return keys
}

/** The stakeholder import's writes, as the actor (who needs stakeholder:import). */
export function stakeholderAdapter({
  actor,
  options,
  values = valueChoices(null),
}: {
  actor: Actor
  options: StakeholderImportOptions
  /** The user's choices for values that match no list entry (the value step). */
  values?: ValueChoices
}): ImportAdapter<StakeholderCandidate> {
  assertCan(actor, 'stakeholder:import')
  const userId = actor.id
  const lists = stakeholderLists(values, categoryLookup())
  const sharedDomains = sharedRegisterDomains()
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
    readRow: (get) => readStakeholderRow(get, lists, options),
    keys: (c) => stakeholderKeys(c, sharedDomains),
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
      if (c.contactEmail || c.contactName) addContact(tx, id, c, actor)
      return id
    },
    update(tx, id, c) {
      const changes: Partial<StakeholderInput> = { name: c.input.name }
      for (const field of c.given) (changes as Record<string, unknown>)[field] = c.input[field]
      updateStakeholder(tx, id, changes, actor)
      if (c.contactEmail && !contactOn.get(id, c.contactEmail)) addContact(tx, id, c, actor)
    },
  }
}

function addContact(tx: Tx, stakeholderId: number, c: StakeholderCandidate, actor: Actor) {
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
    actor,
  )
}

export type StakeholderImportArgs = {
  buffer: Uint8Array
  fileName: string
  /** The user importing (the job's user), who needs stakeholder:import. */
  actor: Actor
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
  const adapter = stakeholderAdapter({ actor: args.actor, options: optionsFor(args, mapping) })
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
        userId: args.actor.id,
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
  const adapter = stakeholderAdapter({ actor: args.actor, options: optionsFor(args, mapping) })
  return summarize(
    planRows(adapter, parsed, mapping, { decisions: args.decisions, defaultDecision: args.defaultDecision }),
  )
}
