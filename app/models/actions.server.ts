import { and, asc, desc, eq, exists, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
import { db, preparedOnce } from '#db/client'
import {
  actionEvidence,
  actionLanguages,
  actions,
  actionStakeholders,
  type ActionStatus,
  actionStatuses,
  actionThemes,
  actionTypes,
  channels,
  events,
  materials,
  partners,
  plannedActivities,
  type Role,
  stakeholders,
  themes,
  users,
} from '#db/schema'
import { projectSummary } from '~/models/admin/index.server'
import { recordArchive, recordAudit } from '~/models/audit/index.server'
import { stakeholderWhere } from '~/models/stakeholders/index.server'

import { isHttpUrl, isRealDate } from './action-form'
import { notifyActionReturned } from './notifications.server'

/** Who is acting: enough of the session user to decide what they may do. */
export type Actor = { id: number; role: Role; partnerId: number | null }

// ---------------------------------------------------------------------------------------------
// Filters: the one definition of "which actions", shared by the list, the CSV and the dashboards.
// ---------------------------------------------------------------------------------------------

export { isRealDate }

/** An optional URL parameter that is ignored (not an error) when it does not parse. */
const lenient = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional()).catch(undefined)

const idParam = lenient(z.coerce.number().int().positive())
const dateParam = lenient(z.string().refine(isRealDate))

export const actionSorts = ['date_desc', 'date_asc'] as const

/** The URL parameters of /actions (and /actions.csv, and the dashboards' filters). */
export const actionFilterSchema = z.object({
  partner: idParam,
  type: idParam,
  channel: idParam,
  language: lenient(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/),
  ),
  status: lenient(z.enum(actionStatuses)),
  from: dateParam,
  to: dateParam,
  stakeholder: idParam,
  theme: idParam,
  event: idParam,
  q: lenient(z.string().trim().min(1).max(200)),
  mine: lenient(z.enum(['1'])),
  sort: lenient(z.enum(actionSorts)),
})
export type ActionFilter = z.infer<typeof actionFilterSchema>

/** Reads the filter from a URL's search parameters; unknown or malformed values are dropped. */
export function actionFilterFromUrl(url: URL | URLSearchParams): ActionFilter {
  const params = url instanceof URL ? url.searchParams : url
  const raw: Record<string, string> = {}
  for (const key of Object.keys(actionFilterSchema.shape)) {
    const v = params.get(key)
    if (v !== null) raw[key] = v
  }
  return actionFilterSchema.parse(raw)
}

/** Escapes LIKE wildcards so a search for "50%" means the characters. */
function likeContains(value: string) {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * The SQL condition for a filter over `actions` (archived actions are always left out).
 * `mine` needs the user: their partner's actions, or those they logged themselves.
 */
export function actionWhere(
  filter: ActionFilter,
  user?: Pick<Actor, 'id' | 'partnerId'> | null,
): SQL | undefined {
  const where: (SQL | undefined)[] = [isNull(actions.archivedAt)]
  if (filter.partner) where.push(eq(actions.partnerId, filter.partner))
  if (filter.type) where.push(eq(actions.typeId, filter.type))
  if (filter.channel) where.push(eq(actions.channelId, filter.channel))
  if (filter.status) where.push(eq(actions.status, filter.status))
  if (filter.from) where.push(gte(actions.date, filter.from))
  if (filter.to) where.push(lte(actions.date, filter.to))
  if (filter.event) where.push(eq(actions.eventId, filter.event))
  if (filter.language) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(actionLanguages)
          .where(and(eq(actionLanguages.actionId, actions.id), eq(actionLanguages.language, filter.language)))
          .limit(1),
      ),
    )
  }
  if (filter.stakeholder) {
    // A stakeholder is reached by few actions: start from them (its index) rather than from the dates.
    where.push(
      sql`${actions.id} in (select ${actionStakeholders.actionId} from ${actionStakeholders} where ${actionStakeholders.stakeholderId} = ${filter.stakeholder})`,
    )
  }
  if (filter.theme) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(actionThemes)
          .where(and(eq(actionThemes.actionId, actions.id), eq(actionThemes.themeId, filter.theme)))
          .limit(1),
      ),
    )
  }
  if (filter.q) {
    // Trigram full-text index for 3+ characters (fast at a million rows); LIKE for shorter input.
    const q = filter.q.toLowerCase()
    if (q.length >= 3) {
      const phrase = `"${q.replace(/"/g, '""')}"`
      where.push(
        sql`${actions.id} in (select rowid from action_title_search where action_title_search match ${phrase})`,
      )
    } else {
      where.push(sql`${actions.title} like ${likeContains(filter.q)} escape '\\'`)
    }
  }
  if (filter.mine) {
    if (!user) where.push(sql`0`)
    else if (user.partnerId)
      where.push(or(eq(actions.partnerId, user.partnerId), eq(actions.createdBy, user.id)))
    else where.push(eq(actions.createdBy, user.id))
  }
  return and(...where)
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Above this many matches the list says "more than 1,000" rather than counting a million rows. */
export const COUNT_CAP = 1_000

export type ActionListRow = Awaited<ReturnType<typeof listActions>>['rows'][number]

/**
 * One page of actions for a filter, newest first (or oldest), with the total number of matches
 * counted up to COUNT_CAP (so the count stays cheap on a very large log).
 */
export function listActions(
  filter: ActionFilter,
  page: { limit: number; offset: number },
  user?: Pick<Actor, 'id' | 'partnerId'> | null,
) {
  const where = actionWhere(filter, user)
  const order =
    filter.sort === 'date_asc' ? [asc(actions.date), asc(actions.id)] : [desc(actions.date), desc(actions.id)]
  // First the page's ids from the actions table alone (an index walk), then their details:
  // the joins and the language lists are only computed for the 50 rows shown.
  // On a deep page the same walk counts: it reads on past the page up to COUNT_CAP + 1 matches,
  // so the capped count costs no second pass over the matches (page 20 walked its 1,000 matches
  // twice). On early pages a separate count is cheaper: without an order SQLite counts in rowid
  // order, where the per-row language/theme probes hit neighbouring index pages.
  const deep = page.offset * 2 >= COUNT_CAP
  const countAhead = deep ? Math.max(page.limit, COUNT_CAP + 1 - page.offset) : page.limit
  const ids = db
    .select({ id: actions.id })
    .from(actions)
    .where(where)
    .orderBy(...order)
    .limit(countAhead)
    .offset(page.offset)
    .all()
    .map((r) => r.id)
  const pageIds = ids.slice(0, page.limit)
  const details = pageIds.length
    ? db
        .select({
          id: actions.id,
          date: actions.date,
          title: actions.title,
          status: actions.status,
          partnerId: actions.partnerId,
          partnerName: partners.name,
          typeId: actions.typeId,
          typeKey: actionTypes.key,
          typeName: actionTypes.name,
          channelId: actions.channelId,
          channelKey: channels.key,
          channelName: channels.name,
          participants: actions.participants,
          onlineReach: actions.onlineReach,
          engagements: actions.engagements,
          evidenceUrl: actions.evidenceUrl,
          createdBy: actions.createdBy,
          languages: sql<
            string | null
          >`(select group_concat(language, ',') from ${actionLanguages} where ${actionLanguages.actionId} = ${actions.id})`,
        })
        .from(actions)
        .innerJoin(partners, eq(partners.id, actions.partnerId))
        .innerJoin(actionTypes, eq(actionTypes.id, actions.typeId))
        .leftJoin(channels, eq(channels.id, actions.channelId))
        .where(inArray(actions.id, pageIds))
        .all()
    : []
  const byId = new Map(
    details.map((r) => [r.id, { ...r, languages: r.languages ? r.languages.split(',').sort() : [] }]),
  )
  const rows = pageIds.map((id) => byId.get(id)!).filter(Boolean)
  // Counting stops at COUNT_CAP + 1 matches: past that the list says "more than 1,000".
  const capped =
    deep && ids.length
      ? page.offset + ids.length
      : db.get<{ n: number }>(
          sql`select count(*) as n from (select 1 from ${actions} where ${where ?? sql`1`} limit ${COUNT_CAP + 1})`,
        ).n
  return { rows, total: Math.min(capped, COUNT_CAP), totalIsCapped: capped > COUNT_CAP }
}

/** Every action of a filter for the CSV export, in list order, with names resolved. */
export function exportActions(filter: ActionFilter, user?: Pick<Actor, 'id' | 'partnerId'> | null) {
  const where = actionWhere(filter, user)
  const order =
    filter.sort === 'date_asc' ? [asc(actions.date), asc(actions.id)] : [desc(actions.date), desc(actions.id)]
  return db
    .select({
      id: actions.id,
      date: actions.date,
      partner: partners.name,
      typeKey: actionTypes.key,
      typeName: actionTypes.name,
      channelKey: channels.key,
      channelName: channels.name,
      title: actions.title,
      status: actions.status,
      participants: actions.participants,
      onlineReach: actions.onlineReach,
      engagements: actions.engagements,
      evidenceUrl: actions.evidenceUrl,
      event: events.title,
      returnComment: actions.returnComment,
      languages: sql<
        string | null
      >`(select group_concat(language, ', ') from ${actionLanguages} where ${actionLanguages.actionId} = ${actions.id})`,
      themes: sql<
        string | null
      >`(select group_concat(t.name, ', ') from ${actionThemes} at join ${themes} t on t.id = at.theme_id where at.action_id = ${actions.id})`,
      stakeholders: sql<
        string | null
      >`(select group_concat(s.name, '; ') from ${actionStakeholders} ast join ${stakeholders} s on s.id = ast.stakeholder_id where ast.action_id = ${actions.id})`,
      description: actions.description,
    })
    .from(actions)
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .innerJoin(actionTypes, eq(actionTypes.id, actions.typeId))
    .leftJoin(channels, eq(channels.id, actions.channelId))
    .leftJoin(events, eq(events.id, actions.eventId))
    .where(where)
    .orderBy(...order)
    .all()
}

export type ActionDetail = NonNullable<ReturnType<typeof getAction>>

/** One action with everything its detail page and edit form need. */
export function getAction(id: number) {
  const row = db
    .select({
      action: actions,
      partnerName: partners.name,
      typeKey: actionTypes.key,
      typeName: actionTypes.name,
      channelKey: channels.key,
      channelName: channels.name,
      createdByName: users.name,
      eventTitle: events.title,
      activityTitle: plannedActivities.title,
      materialTitle: materials.title,
    })
    .from(actions)
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .innerJoin(actionTypes, eq(actionTypes.id, actions.typeId))
    .leftJoin(channels, eq(channels.id, actions.channelId))
    .leftJoin(users, eq(users.id, actions.createdBy))
    .leftJoin(events, eq(events.id, actions.eventId))
    .leftJoin(plannedActivities, eq(plannedActivities.id, actions.activityId))
    .leftJoin(materials, eq(materials.id, actions.materialId))
    .where(eq(actions.id, id))
    .get()
  if (!row) return null
  const languages = db
    .select({ language: actionLanguages.language })
    .from(actionLanguages)
    .where(eq(actionLanguages.actionId, id))
    .all()
    .map((r) => r.language)
    .sort()
  const reached = db
    .select({ id: stakeholders.id, name: stakeholders.name, archivedAt: stakeholders.archivedAt })
    .from(actionStakeholders)
    .innerJoin(stakeholders, eq(stakeholders.id, actionStakeholders.stakeholderId))
    .where(eq(actionStakeholders.actionId, id))
    .orderBy(stakeholders.name)
    .all()
  const actionThemeRows = db
    .select({ id: themes.id, name: themes.name })
    .from(actionThemes)
    .innerJoin(themes, eq(themes.id, actionThemes.themeId))
    .where(eq(actionThemes.actionId, id))
    .orderBy(themes.name)
    .all()
  const validatedByName = row.action.validatedBy
    ? (db.select({ name: users.name }).from(users).where(eq(users.id, row.action.validatedBy)).get()?.name ??
      null)
    : null
  const evidence = db.select().from(actionEvidence).where(eq(actionEvidence.actionId, id)).get() ?? null
  const { action, ...names } = row
  return {
    ...action,
    ...names,
    languages,
    stakeholders: reached,
    themes: actionThemeRows,
    validatedByName,
    evidence,
  }
}

// ---------------------------------------------------------------------------------------------
// Who may do what
// ---------------------------------------------------------------------------------------------

const hasAny = (user: Actor) => user.role === 'admin' || user.role === 'comms'

/** May this user log an action for this partner? Partners only for their own. */
export function canCreateFor(user: Actor, partnerId: number): boolean {
  if (hasAny(user)) return true
  return user.role === 'partner' && user.partnerId !== null && user.partnerId === partnerId
}

/** Comms and admin edit every action; a partner edits its own partner's, and not once validated. */
export function canEditAction(user: Actor, action: { partnerId: number; status: ActionStatus }): boolean {
  if (hasAny(user)) return true
  if (user.role !== 'partner' || user.partnerId === null) return false
  return action.partnerId === user.partnerId && action.status !== 'validated'
}

export function canValidate(user: Actor): boolean {
  return hasAny(user)
}

/** Thrown by the domain functions when the user may not do what they asked (routes answer 403). */
export class ActionForbiddenError extends Error {
  constructor(message = 'forbidden') {
    super(message)
    this.name = 'ActionForbiddenError'
  }
}

/** Thrown when a status change makes no sense from the current status (routes answer 409/400). */
export class ActionStatusError extends Error {
  constructor(
    public from: ActionStatus,
    public to: ActionStatus,
  ) {
    super(`cannot go from ${from} to ${to}`)
    this.name = 'ActionStatusError'
  }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

export type ActionInput = {
  partnerId: number
  typeId: number
  date: string
  title: string
  channelId?: number | null
  languages?: string[]
  participants?: number | null
  onlineReach?: number | null
  engagements?: number | null
  evidenceUrl?: string | null
  stakeholderIds?: number[]
  themeIds?: number[]
  eventId?: number | null
  activityId?: number | null
  materialId?: number | null
  description?: string | null
  /** 'draft' keeps it out of the review queue; anything else is submitted for validation. */
  status?: 'draft' | 'submitted'
}

const unique = <T>(values: T[] | undefined) => [...new Set(values ?? [])]

function writeLinks(
  tx: Tx,
  actionId: number,
  input: Pick<ActionInput, 'languages' | 'stakeholderIds' | 'themeIds'>,
) {
  const languages = unique(input.languages?.map((l) => l.toLowerCase()))
  const stakeholderIds = unique(input.stakeholderIds)
  const themeIds = unique(input.themeIds)
  if (languages.length)
    tx.insert(actionLanguages)
      .values(languages.map((language) => ({ actionId, language })))
      .run()
  if (stakeholderIds.length)
    tx.insert(actionStakeholders)
      .values(stakeholderIds.map((stakeholderId) => ({ actionId, stakeholderId })))
      .run()
  if (themeIds.length)
    tx.insert(actionThemes)
      .values(themeIds.map((themeId) => ({ actionId, themeId })))
      .run()
  return {
    languages: languages.sort(),
    stakeholderIds: stakeholderIds.sort((a, b) => a - b),
    themeIds: themeIds.sort((a, b) => a - b),
  }
}

function linksOf(tx: Tx, actionId: number) {
  return {
    languages: tx
      .select({ v: actionLanguages.language })
      .from(actionLanguages)
      .where(eq(actionLanguages.actionId, actionId))
      .all()
      .map((r) => r.v)
      .sort(),
    stakeholderIds: tx
      .select({ v: actionStakeholders.stakeholderId })
      .from(actionStakeholders)
      .where(eq(actionStakeholders.actionId, actionId))
      .all()
      .map((r) => r.v)
      .sort((a, b) => a - b),
    themeIds: tx
      .select({ v: actionThemes.themeId })
      .from(actionThemes)
      .where(eq(actionThemes.actionId, actionId))
      .all()
      .map((r) => r.v)
      .sort((a, b) => a - b),
  }
}

function assertInput(input: ActionInput) {
  if (!isRealDate(input.date)) throw new Error(`invalid date: ${input.date}`)
  for (const n of [input.participants, input.onlineReach, input.engagements]) {
    if (n !== null && n !== undefined && (!Number.isInteger(n) || n < 0))
      throw new Error('figures must be whole numbers, never negative')
  }
  if (input.evidenceUrl && !isHttpUrl(input.evidenceUrl)) throw new Error('evidence link must be http(s)')
  if (!input.title.trim()) throw new Error('title is required')
}

const now = () => new Date().toISOString()

/**
 * Logs a dissemination action (the quick form and the bulk import both come here): derives the
 * month, sets the status (submitted unless a draft), links languages, stakeholders and themes,
 * and audits the creation. Returns the new id. Call inside a transaction.
 */
const insertedActionColumns = [
  'partnerId',
  'createdBy',
  'date',
  'month',
  'typeId',
  'channelId',
  'title',
  'description',
  'evidenceUrl',
  'participants',
  'onlineReach',
  'engagements',
  'status',
  'submittedAt',
  'eventId',
  'activityId',
  'materialId',
] as const
const insertActionQuery = preparedOnce((db) =>
  db
    .insert(actions)
    .values(
      Object.fromEntries(
        insertedActionColumns.map((c) => [c, sql.placeholder(c)]),
      ) as unknown as typeof actions.$inferInsert,
    )
    .returning({ id: actions.id })
    .prepare(),
)

export function createAction(tx: Tx, input: ActionInput, user: Actor): number {
  if (!canCreateFor(user, input.partnerId))
    throw new ActionForbiddenError('cannot log actions for this partner')
  assertInput(input)
  const status = input.status === 'draft' ? 'draft' : 'submitted'
  const values = {
    partnerId: input.partnerId,
    createdBy: user.id,
    date: input.date,
    month: input.date.slice(0, 7),
    typeId: input.typeId,
    channelId: input.channelId ?? null,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    evidenceUrl: input.evidenceUrl?.trim() || null,
    participants: input.participants ?? null,
    onlineReach: input.onlineReach ?? null,
    engagements: input.engagements ?? null,
    status,
    submittedAt: status === 'submitted' ? now() : null,
    eventId: input.eventId ?? null,
    activityId: input.activityId ?? null,
    materialId: input.materialId ?? null,
  } as const satisfies Record<(typeof insertedActionColumns)[number], unknown>
  // Prepared once (the hot path of logging an action); it runs inside the caller's transaction.
  const id = insertActionQuery().get(values)!.id
  const links = writeLinks(tx, id, input)
  recordAudit(tx, {
    userId: user.id,
    entity: 'action',
    entityId: id,
    action: 'create',
    after: { ...values, ...links },
    summary: values.title,
  })
  return id
}

const editableFields = [
  'partnerId',
  'typeId',
  'date',
  'month',
  'title',
  'channelId',
  'description',
  'evidenceUrl',
  'participants',
  'onlineReach',
  'engagements',
  'eventId',
  'activityId',
  'materialId',
] as const

/**
 * Saves an edit. A partner may not move an action to another partner. `submit` re-submits a
 * draft or returned action in the same step (the "edit and send again" path).
 * Audits the changed fields (and the status change, if any). Returns false if nothing changed.
 */
export function updateAction(
  tx: Tx,
  id: number,
  input: Omit<ActionInput, 'status'> & { submit?: boolean },
  user: Actor,
): boolean {
  const before = tx.select().from(actions).where(eq(actions.id, id)).get()
  if (!before || before.archivedAt) throw new ActionForbiddenError('not found')
  if (!canEditAction(user, before)) throw new ActionForbiddenError()
  if (!canCreateFor(user, input.partnerId))
    throw new ActionForbiddenError('cannot move the action to this partner')
  assertInput(input)
  const next = {
    partnerId: input.partnerId,
    typeId: input.typeId,
    date: input.date,
    month: input.date.slice(0, 7),
    title: input.title.trim(),
    channelId: input.channelId ?? null,
    description: input.description?.trim() || null,
    evidenceUrl: input.evidenceUrl?.trim() || null,
    participants: input.participants ?? null,
    onlineReach: input.onlineReach ?? null,
    engagements: input.engagements ?? null,
    eventId: input.eventId ?? null,
    activityId: input.activityId ?? null,
    materialId: input.materialId ?? null,
  }
  const beforeLinks = linksOf(tx, id)
  tx.delete(actionLanguages).where(eq(actionLanguages.actionId, id)).run()
  tx.delete(actionStakeholders).where(eq(actionStakeholders.actionId, id)).run()
  tx.delete(actionThemes).where(eq(actionThemes.actionId, id)).run()
  const afterLinks = writeLinks(tx, id, input)

  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of editableFields) {
    if ((before[key] ?? null) !== (next[key] ?? null)) {
      b[key] = before[key] ?? null
      a[key] = next[key] ?? null
    }
  }
  for (const key of ['languages', 'stakeholderIds', 'themeIds'] as const) {
    if (JSON.stringify(beforeLinks[key]) !== JSON.stringify(afterLinks[key])) {
      b[key] = beforeLinks[key]
      a[key] = afterLinks[key]
    }
  }
  const changed = Object.keys(a).length > 0
  if (changed) {
    tx.update(actions)
      .set({ ...next, updatedAt: now() })
      .where(eq(actions.id, id))
      .run()
    recordAudit(tx, {
      userId: user.id,
      entity: 'action',
      entityId: id,
      action: 'update',
      before: b,
      after: a,
      summary: next.title,
    })
  }
  if (input.submit && (before.status === 'draft' || before.status === 'returned')) {
    setActionStatus(tx, id, 'submitted', user)
    return true
  }
  return changed
}

const transitions: Record<ActionStatus, ActionStatus[]> = {
  draft: ['submitted'],
  submitted: ['validated', 'returned', 'draft'],
  returned: ['submitted', 'validated'],
  validated: ['returned'],
}

/**
 * Moves an action through draft → submitted → validated / returned (with a comment), checking
 * who may do it: validating and returning need action:validate; submitting (or taking back to
 * draft) needs the right to edit the action. Audits before/after; returning notifies the
 * action's creator and its partner's users.
 */
export function setActionStatus(
  tx: Tx,
  id: number,
  status: ActionStatus,
  user: Actor,
  comment?: string | null,
) {
  const before = tx.select().from(actions).where(eq(actions.id, id)).get()
  if (!before || before.archivedAt) throw new ActionForbiddenError('not found')
  if (status === 'validated' || status === 'returned') {
    if (!canValidate(user)) throw new ActionForbiddenError()
  } else if (!canEditAction(user, before)) {
    throw new ActionForbiddenError()
  }
  if (!transitions[before.status].includes(status)) throw new ActionStatusError(before.status, status)
  const returnComment =
    status === 'returned' ? comment?.trim() || null : status === 'validated' ? null : before.returnComment
  if (status === 'returned' && !returnComment) throw new Error('a returned action needs a comment')
  const at = now()
  const patch = {
    status,
    returnComment,
    submittedAt: status === 'submitted' ? at : before.submittedAt,
    validatedAt: status === 'validated' ? at : null,
    validatedBy: status === 'validated' ? user.id : null,
    updatedAt: at,
  }
  tx.update(actions).set(patch).where(eq(actions.id, id)).run()
  recordAudit(tx, {
    userId: user.id,
    entity: 'action',
    entityId: id,
    action: 'status',
    before: {
      status: before.status,
      returnComment: before.returnComment,
      validatedAt: before.validatedAt,
      validatedBy: before.validatedBy,
    },
    after: {
      status: patch.status,
      returnComment: patch.returnComment,
      validatedAt: patch.validatedAt,
      validatedBy: patch.validatedBy,
    },
    summary: `${before.status} → ${status}`,
  })
  if (status === 'returned')
    notifyActionReturned(tx, {
      actionId: id,
      partnerId: before.partnerId,
      createdBy: before.createdBy,
      comment: returnComment!,
      by: user.id,
    })
}

/** Archives (never deletes) an action; audited. */
export function archiveAction(tx: Tx, id: number, user: Actor) {
  const before = tx.select().from(actions).where(eq(actions.id, id)).get()
  if (!before || before.archivedAt) throw new ActionForbiddenError('not found')
  if (!canEditAction(user, before)) throw new ActionForbiddenError()
  const at = now()
  tx.update(actions).set({ archivedAt: at, updatedAt: at }).where(eq(actions.id, id)).run()
  recordAudit(tx, {
    userId: user.id,
    entity: 'action',
    entityId: id,
    action: 'archive',
    before: { archivedAt: null },
    after: { archivedAt: at },
    summary: before.title,
  })
}

/** Remembers the last type, channel and languages a user chose, for their next quick form. */
export function rememberFormChoices(
  tx: Tx,
  userId: number,
  input: Pick<ActionInput, 'typeId' | 'channelId' | 'languages'>,
) {
  tx.update(users)
    .set({
      actionFormMemory: {
        typeId: input.typeId,
        channelId: input.channelId ?? undefined,
        languages: unique(input.languages),
      },
    })
    .where(eq(users.id, userId))
    .run()
}

export function formMemory(userId: number) {
  return db.select({ m: users.actionFormMemory }).from(users).where(eq(users.id, userId)).get()?.m ?? {}
}

// ---------------------------------------------------------------------------------------------
// Review queue
// ---------------------------------------------------------------------------------------------

/** Submitted actions, oldest submission first: what the communications lead works through. */
export function reviewQueue(limit = 50) {
  const where = and(eq(actions.status, 'submitted'), isNull(actions.archivedAt))
  const rows = db
    .select({ id: actions.id })
    .from(actions)
    .where(where)
    .orderBy(asc(actions.submittedAt), asc(actions.id))
    .limit(limit)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .where(where)
    .get()!.n
  return { items: rows.map((r) => getAction(r.id)!), total }
}

// ---------------------------------------------------------------------------------------------
// Types and channels (administrator-editable lists)
// ---------------------------------------------------------------------------------------------

export type ListKind = 'types' | 'channels'
const listTable = (kind: ListKind) => (kind === 'types' ? actionTypes : channels)

/** The built-in English names, so a renamed built-in entry shows the administrator's name. */
export const builtInNames: Record<ListKind, Record<string, string>> = {
  types: {
    presentation: 'Presentation at an event',
    social_post: 'Social media post',
    press: 'Press article or release',
    newsletter: 'Newsletter',
    web_news: 'Website news',
    conference_talk: 'Conference talk',
    bilateral_meeting: 'Bilateral meeting',
    webinar: 'Webinar',
    policy_clinic: 'Policy clinic',
    partner_meeting: 'Partner meeting',
    publication: 'Publication',
    video: 'Video',
    creative_format: 'Creative or gamified format',
    other: 'Other',
  },
  channels: {
    in_person: 'In person',
    online_event: 'Online event',
    linkedin: 'LinkedIn',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    mastodon: 'Mastodon',
    bluesky: 'Bluesky',
    youtube: 'YouTube',
    website: 'Website',
    newsletter: 'Newsletter',
    print_press: 'Print press',
    radio_tv: 'Radio or TV',
    other: 'Other',
  },
}

/**
 * The i18n key to show for a list entry, or null to show its stored name: a built-in entry is
 * translated until the administrator renames it.
 */
export function listLabelKey(kind: ListKind, entry: { key: string | null; name: string }): string | null {
  if (!entry.key) return null
  return builtInNames[kind][entry.key] === entry.name ? `actions:${kind}.${entry.key}` : null
}

/** Entries of a list in the administrator's order; archived ones only when asked. */
export function listEntries(kind: ListKind, { includeArchived = false } = {}) {
  const table = listTable(kind)
  return db
    .select({
      id: table.id,
      key: table.key,
      name: table.name,
      sortOrder: table.sortOrder,
      archivedAt: table.archivedAt,
    })
    .from(table)
    .where(includeArchived ? undefined : isNull(table.archivedAt))
    .orderBy(asc(table.sortOrder), asc(table.id))
    .all()
}

const entity = (kind: ListKind) => (kind === 'types' ? 'action_type' : 'channel')

export function addListEntry(tx: Tx, kind: ListKind, name: string, userId: number) {
  const table = listTable(kind)
  const max =
    tx
      .select({ m: sql<number | null>`max(${table.sortOrder})` })
      .from(table)
      .get()?.m ?? 0
  const row = tx
    .insert(table)
    .values({ name: name.trim(), sortOrder: max + 10 })
    .returning()
    .get()
  recordAudit(tx, {
    userId,
    entity: entity(kind),
    entityId: row.id,
    action: 'create',
    after: { name: row.name, sortOrder: row.sortOrder },
    summary: row.name,
  })
  return row.id
}

export function renameListEntry(tx: Tx, kind: ListKind, id: number, name: string, userId: number) {
  const table = listTable(kind)
  const before = tx.select().from(table).where(eq(table.id, id)).get()
  if (!before) return false
  const next = name.trim()
  if (next === before.name) return false
  tx.update(table).set({ name: next, updatedAt: now() }).where(eq(table.id, id)).run()
  recordAudit(tx, {
    userId,
    entity: entity(kind),
    entityId: id,
    action: 'update',
    before: { name: before.name },
    after: { name: next },
    summary: next,
  })
  return true
}

/** Swaps an entry with its neighbour above or below (archived entries keep their place). */
export function moveListEntry(tx: Tx, kind: ListKind, id: number, direction: 'up' | 'down', userId: number) {
  const table = listTable(kind)
  const all = tx
    .select({ id: table.id, sortOrder: table.sortOrder })
    .from(table)
    .orderBy(asc(table.sortOrder), asc(table.id))
    .all()
  const index = all.findIndex((e) => e.id === id)
  const other = direction === 'up' ? index - 1 : index + 1
  if (index < 0 || other < 0 || other >= all.length) return false
  // Renumber in steps of 10 so equal sort orders never make a swap a no-op.
  const order = all.map((e) => e.id)
  ;[order[index], order[other]] = [order[other], order[index]]
  order.forEach((entryId, i) => {
    const sortOrder = (i + 1) * 10
    if (all.find((e) => e.id === entryId)!.sortOrder !== sortOrder)
      tx.update(table).set({ sortOrder }).where(eq(table.id, entryId)).run()
  })
  recordAudit(tx, {
    userId,
    entity: entity(kind),
    entityId: id,
    action: 'update',
    before: { position: index + 1 },
    after: { position: other + 1 },
  })
  return true
}

export function setListEntryArchived(tx: Tx, kind: ListKind, id: number, archived: boolean, userId: number) {
  const table = listTable(kind)
  const before = tx.select().from(table).where(eq(table.id, id)).get()
  if (!before || !!before.archivedAt === archived) return false
  const at = archived ? now() : null
  tx.update(table).set({ archivedAt: at, updatedAt: now() }).where(eq(table.id, id)).run()
  recordArchive(
    tx,
    { userId, entity: entity(kind), entityId: id, summary: before.name },
    before.archivedAt,
    at,
  )
  return true
}

// ---------------------------------------------------------------------------------------------
// What the forms offer
// ---------------------------------------------------------------------------------------------

/** Options for the quick form and the list filters (only what exists; archived left out). */
export function formOptions() {
  const activePartners = db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(isNull(partners.archivedAt))
    .orderBy(partners.name)
    .all()
  const activeThemes = db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(isNull(themes.archivedAt))
    .orderBy(themes.name)
    .all()
  const eventRows = db
    .select({ id: events.id, title: events.title, startDate: events.startDate })
    .from(events)
    .where(isNull(events.archivedAt))
    .orderBy(desc(events.startDate))
    .limit(200)
    .all()
  const activityRows = db
    .select({
      id: plannedActivities.id,
      title: plannedActivities.title,
      dueDate: plannedActivities.dueDate,
      partnerId: plannedActivities.partnerId,
    })
    .from(plannedActivities)
    .where(isNull(plannedActivities.archivedAt))
    .orderBy(desc(plannedActivities.dueDate))
    .limit(300)
    .all()
  const materialRows = db
    .select({ id: materials.id, title: materials.title, language: materials.language })
    .from(materials)
    .where(isNull(materials.archivedAt))
    .orderBy(materials.title)
    .limit(300)
    .all()
  return {
    types: listEntries('types'),
    channels: listEntries('channels'),
    partners: activePartners,
    themes: activeThemes,
    events: eventRows,
    activities: activityRows,
    materials: materialRows,
  }
}

/** Stakeholders by id (to show the chosen ones again after a failed submit). */
export function stakeholdersByIds(ids: number[]) {
  if (!ids.length) return []
  return db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
    })
    .from(stakeholders)
    .where(inArray(stakeholders.id, ids.slice(0, 500)))
    .orderBy(stakeholders.name)
    .all()
}

export type PickerStakeholder = { id: number; name: string; city: string | null; country: string | null }

/** Stakeholders matching a search (same search as the register), for the picker. */
export function searchStakeholdersForPicker(q: string, limit = 20): PickerStakeholder[] {
  const where = stakeholderWhere({ q })
  if (!q.trim()) return []
  return db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
    })
    .from(stakeholders)
    .where(where)
    .orderBy(stakeholders.nameKey)
    .limit(limit)
    .all()
}

/**
 * A few stakeholders worth offering before any search: those a partner reached in its latest
 * actions, then those it owns. Bounded queries, so they stay cheap on a large log.
 */
export function suggestedStakeholders(partnerId: number | null, limit = 12): PickerStakeholder[] {
  if (!partnerId) return []
  const recent = db.all<PickerStakeholder>(sql`
    select s.id, s.name, s.city, s.country from ${stakeholders} s
    join ${actionStakeholders} ast on ast.stakeholder_id = s.id
    where ast.action_id in (select id from ${actions} where partner_id = ${partnerId} and archived_at is null order by date desc limit 200)
      and s.archived_at is null
    group by s.id order by max(ast.action_id) desc limit ${limit}`)
  if (recent.length >= limit) return recent
  const owned = db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
    })
    .from(stakeholders)
    .where(and(eq(stakeholders.ownerPartnerId, partnerId), isNull(stakeholders.archivedAt)))
    .orderBy(stakeholders.nameKey)
    .limit(limit)
    .all()
  const seen = new Set(recent.map((r) => r.id))
  return [...recent, ...owned.filter((o) => !seen.has(o.id))].slice(0, limit)
}

/**
 * Field errors (i18n keys) for ids that point at nothing: an unknown or archived type, channel,
 * partner, theme, stakeholder, event, activity or material. `keep` lets an edit keep the
 * archived entries the action already had.
 */
export function referenceErrors(
  input: Pick<
    ActionInput,
    | 'partnerId'
    | 'typeId'
    | 'channelId'
    | 'stakeholderIds'
    | 'themeIds'
    | 'eventId'
    | 'activityId'
    | 'materialId'
  >,
  keep: { typeId?: number; channelId?: number | null } = {},
): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const live = <T extends { id: number; archivedAt: string | null }>(
    row: T | undefined,
    keepId?: number | null,
  ) => !!row && (!row.archivedAt || row.id === keepId)
  const choose = ['common:errors.choose']
  if (
    !live(
      db
        .select({ id: actionTypes.id, archivedAt: actionTypes.archivedAt })
        .from(actionTypes)
        .where(eq(actionTypes.id, input.typeId))
        .get(),
      keep.typeId,
    )
  )
    errors.typeId = choose
  if (
    input.channelId &&
    !live(
      db
        .select({ id: channels.id, archivedAt: channels.archivedAt })
        .from(channels)
        .where(eq(channels.id, input.channelId))
        .get(),
      keep.channelId,
    )
  )
    errors.channelId = choose
  if (!db.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get())
    errors.partnerId = choose
  const ids = unique(input.stakeholderIds)
  if (
    ids.length &&
    db
      .select({ n: sql<number>`count(*)` })
      .from(stakeholders)
      .where(inArray(stakeholders.id, ids))
      .get()!.n !== ids.length
  )
    errors.stakeholderIds = ['common:errors.invalid']
  const themeIds = unique(input.themeIds)
  if (
    themeIds.length &&
    db
      .select({ n: sql<number>`count(*)` })
      .from(themes)
      .where(inArray(themes.id, themeIds))
      .get()!.n !== themeIds.length
  )
    errors.themeIds = ['common:errors.invalid']
  if (input.eventId && !db.select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get())
    errors.eventId = choose
  if (
    input.activityId &&
    !db
      .select({ id: plannedActivities.id })
      .from(plannedActivities)
      .where(eq(plannedActivities.id, input.activityId))
      .get()
  )
    errors.activityId = choose
  if (
    input.materialId &&
    !db.select({ id: materials.id }).from(materials).where(eq(materials.id, input.materialId)).get()
  )
    errors.materialId = choose
  return errors
}

/** Types and channels with the i18n key to show (null: show the stored name). */
export function labelledEntries(kind: ListKind) {
  return listEntries(kind).map((e) => ({ ...e, labelKey: listLabelKey(kind, e) }))
}

/** What every render of the quick form needs: the lists to choose from, labelled. */
export function quickFormOptions() {
  return {
    ...formOptions(),
    types: labelledEntries('types'),
    channels: labelledEntries('channels'),
    languages: projectSummary()?.workingLanguages ?? ['en'],
  }
}
