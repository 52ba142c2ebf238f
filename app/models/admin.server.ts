/**
 * Administration: the project's settings and themes, partners, and user accounts. Every change
 * writes an audit row in the same transaction; nothing here deletes a row.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { and, asc, eq, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { db, sqlite } from '#db/client'
import {
  auditActions,
  partners,
  project,
  type Role,
  roles,
  type SocialAccounts,
  themes,
  users,
} from '#db/schema'
import { hashPassword } from '~/utils/auth.server'
import { endSessionsOf } from '~/utils/session.server'

import { isoDate, type PartnerInput, socialKinds } from './admin'
import { type AuditFilters, recordArchive, recordAudit, recordUpdate } from './audit.server'

export type FieldError = { field: string; message: string }
export type Result<T = undefined> = { ok: true; value: T } | { ok: false; error: FieldError }

const ok = <T>(value: T): Result<T> => ({ ok: true, value })
const fail = (field: string, message: string): Result<never> => ({ ok: false, error: { field, message } })

const now = () => new Date().toISOString()

// ---------------------------------------------------------------- project

export type ProjectInput = {
  name: string
  acronym?: string
  description?: string
  startDate: string
  endDate: string
  workingLanguages: string[]
  stakeholderEditPolicy: (typeof project.$inferSelect)['stakeholderEditPolicy']
  reportingPeriods: { label: string; start: string; end: string }[]
}

function projectValues(p: typeof project.$inferSelect) {
  return {
    name: p.name,
    acronym: p.acronym,
    description: p.description,
    startDate: p.startDate,
    endDate: p.endDate,
    workingLanguages: p.workingLanguages,
    stakeholderEditPolicy: p.stakeholderEditPolicy,
    reportingPeriods: p.reportingPeriods,
  }
}

export function updateProjectSettings(input: ProjectInput, userId: number) {
  db.transaction((tx) => {
    const before = tx.select().from(project).where(eq(project.id, 1)).get()
    if (!before) throw new Error('The project row is missing; seed or migrate the database first.')
    const values = {
      name: input.name,
      acronym: input.acronym || null,
      description: input.description || null,
      startDate: input.startDate,
      endDate: input.endDate,
      workingLanguages: [...new Set(input.workingLanguages)],
      stakeholderEditPolicy: input.stakeholderEditPolicy,
      reportingPeriods: input.reportingPeriods,
    }
    tx.update(project)
      .set({ ...values, updatedAt: now() })
      .where(eq(project.id, 1))
      .run()
    recordUpdate(
      tx,
      { userId, entity: 'project', entityId: 1, summary: 'project settings' },
      projectValues(before),
      values,
    )
  })
}

// ---------------------------------------------------------------- themes

export function listThemes() {
  return db
    .select({ id: themes.id, name: themes.name, archivedAt: themes.archivedAt })
    .from(themes)
    .orderBy(asc(themes.archivedAt), asc(themes.name))
    .all()
}

function themeNameTaken(name: string, exceptId?: number) {
  const where = [sql`lower(${themes.name}) = lower(${name})`]
  if (exceptId) where.push(ne(themes.id, exceptId))
  return !!db
    .select({ id: themes.id })
    .from(themes)
    .where(and(...where))
    .get()
}

export function addTheme(name: string, userId: number): Result<number> {
  if (themeNameTaken(name)) return fail('name', 'admin:themes.errors.duplicate')
  const id = db.transaction((tx) => {
    const row = tx.insert(themes).values({ name }).returning().get()
    recordAudit(tx, {
      userId,
      entity: 'theme',
      entityId: row.id,
      action: 'create',
      after: { name },
      summary: name,
    })
    return row.id
  })
  return ok(id)
}

export function renameTheme(id: number, name: string, userId: number): Result<number> {
  const before = db.select().from(themes).where(eq(themes.id, id)).get()
  if (!before) return fail('name', 'admin:errors.notFound')
  if (themeNameTaken(name, id)) return fail('name', 'admin:themes.errors.duplicate')
  db.transaction((tx) => {
    tx.update(themes).set({ name, updatedAt: now() }).where(eq(themes.id, id)).run()
    recordUpdate(
      tx,
      { userId, entity: 'theme', entityId: id, summary: name },
      { name: before.name },
      { name },
    )
  })
  return ok(id)
}

export function setThemeArchived(id: number, archived: boolean, userId: number): boolean {
  return setArchived(themes, 'theme', id, archived, userId)
}

function setArchived(
  table: typeof themes | typeof partners,
  entity: string,
  id: number,
  archived: boolean,
  userId: number,
): boolean {
  return db.transaction((tx) => {
    const row = tx
      .select({ name: table.name, archivedAt: table.archivedAt })
      .from(table)
      .where(eq(table.id, id))
      .get()
    if (!row) return false
    if (!!row.archivedAt === archived) return true
    const archivedAt = archived ? now() : null
    tx.update(table).set({ archivedAt, updatedAt: now() }).where(eq(table.id, id)).run()
    recordArchive(tx, { userId, entity, entityId: id, summary: row.name }, row.archivedAt, archivedAt)
    return true
  })
}

// ---------------------------------------------------------------- partners

export function listPartners({ includeArchived }: { includeArchived: boolean }) {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      country: partners.country,
      city: partners.city,
      role: partners.role,
      website: partners.website,
      socialAccounts: partners.socialAccounts,
      archivedAt: partners.archivedAt,
      users: sql<number>`(select count(*) from ${users} where ${users.partnerId} = ${partners.id} and ${users.deactivatedAt} is null)`,
    })
    .from(partners)
    .where(includeArchived ? undefined : isNull(partners.archivedAt))
    .orderBy(asc(partners.name))
    .all()
}

/** Partners a user account may be bound to (active ones, plus the current one even if archived). */
export function partnerChoices(currentId?: number | null) {
  return db
    .select({ id: partners.id, name: partners.name, archivedAt: partners.archivedAt })
    .from(partners)
    .where(
      currentId
        ? sql`${partners.archivedAt} is null or ${partners.id} = ${currentId}`
        : isNull(partners.archivedAt),
    )
    .orderBy(asc(partners.name))
    .all()
}

export function getPartner(id: number) {
  return db.select().from(partners).where(eq(partners.id, id)).get() ?? null
}

function partnerValues(input: PartnerInput) {
  const socialAccounts: SocialAccounts = {}
  for (const kind of socialKinds) if (input[kind]) socialAccounts[kind] = input[kind]
  return {
    name: input.name,
    country: input.country,
    city: input.city || null,
    role: input.role,
    website: input.website || null,
    socialAccounts,
  }
}

export function createPartner(input: PartnerInput, userId: number): number {
  const values = partnerValues(input)
  return db.transaction((tx) => {
    const row = tx.insert(partners).values(values).returning().get()
    recordAudit(tx, {
      userId,
      entity: 'partner',
      entityId: row.id,
      action: 'create',
      after: values,
      summary: values.name,
    })
    return row.id
  })
}

export function updatePartner(id: number, input: PartnerInput, userId: number): boolean {
  const values = partnerValues(input)
  return db.transaction((tx) => {
    const before = tx.select().from(partners).where(eq(partners.id, id)).get()
    if (!before) return false
    tx.update(partners)
      .set({ ...values, updatedAt: now() })
      .where(eq(partners.id, id))
      .run()
    recordUpdate(tx, { userId, entity: 'partner', entityId: id, summary: values.name }, before, values)
    return true
  })
}

export function setPartnerArchived(id: number, archived: boolean, userId: number): boolean {
  return setArchived(partners, 'partner', id, archived, userId)
}

// ---------------------------------------------------------------- users

export type UserFilter = { q?: string; role?: Role; partner?: number; status?: 'active' | 'inactive' | 'all' }

const userFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  partner: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(['active', 'inactive', 'all']).default('active').catch('active'),
})

/** The user list's filters from the URL; unknown or malformed values are ignored rather than failing the page. */
export function userFilterFromUrl(url: URL) {
  return userFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')))
}

/** Never selects the password hash. */
const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  partnerId: users.partnerId,
  partnerName: partners.name,
  locale: users.locale,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
}

export function listUsers(filter: UserFilter, page: { limit: number; offset: number }) {
  const where: SQL[] = []
  if (filter.q) {
    // LIKE ignores ASCII case; wildcards typed by the user are matched literally.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(sql`(${users.name} like ${pattern} escape '\\' or ${users.email} like ${pattern} escape '\\')`)
  }
  if (filter.role) where.push(eq(users.role, filter.role))
  if (filter.partner) where.push(eq(users.partnerId, filter.partner))
  const status = filter.status ?? 'active'
  if (status === 'active') where.push(isNull(users.deactivatedAt))
  if (status === 'inactive') where.push(isNotNull(users.deactivatedAt))
  const condition = where.length ? and(...where) : undefined
  const rows = db
    .select(userColumns)
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(condition)
    .orderBy(asc(users.name), asc(users.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(condition)
    .get()!.n
  return { rows, total }
}

export function getUser(id: number) {
  return (
    db
      .select(userColumns)
      .from(users)
      .leftJoin(partners, eq(partners.id, users.partnerId))
      .where(eq(users.id, id))
      .get() ?? null
  )
}

/** Users for filter selects (the audit page's "who"). */
export function userChoices() {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(asc(users.name))
    .all()
}

export type UserInput = { name: string; role: Role; partnerId?: number; locale: 'en' | 'es' }

function auditedUser(u: {
  email: string
  name: string
  role: Role
  partnerId: number | null
  locale: string
  deactivatedAt: string | null
}) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    partnerId: u.partnerId,
    locale: u.locale,
    deactivatedAt: u.deactivatedAt,
  }
}

function partnerIsUsable(partnerId: number | undefined, currentId?: number | null) {
  if (!partnerId) return true
  const p = getPartner(partnerId)
  return !!p && (!p.archivedAt || p.id === currentId)
}

export async function createUser(
  input: UserInput & { email: string; password: string },
  actorId: number,
): Promise<Result<number>> {
  const email = input.email.trim().toLowerCase()
  if (
    db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .get()
  )
    return fail('email', 'common:errors.duplicateEmail')
  if (!partnerIsUsable(input.partnerId)) return fail('partnerId', 'common:errors.choose')
  const passwordHash = await hashPassword(input.password)
  // Checked again inside the transaction: another admin may have taken the address while we hashed.
  return db.transaction((tx) => {
    if (
      tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email))
        .get()
    )
      return fail('email', 'common:errors.duplicateEmail')
    const values = {
      email,
      name: input.name,
      role: input.role,
      partnerId: input.role === 'partner' ? (input.partnerId ?? null) : null,
      locale: input.locale,
    }
    const row = tx
      .insert(users)
      .values({ ...values, passwordHash })
      .returning()
      .get()
    recordAudit(tx, {
      userId: actorId,
      entity: 'user',
      entityId: row.id,
      action: 'create',
      after: auditedUser(row),
      summary: email,
    })
    return ok(row.id)
  })
}

export function updateUser(id: number, input: UserInput, actorId: number): Result<number> {
  const before = db.select().from(users).where(eq(users.id, id)).get()
  if (!before) return fail('name', 'admin:errors.notFound')
  if (id === actorId && input.role !== before.role) return fail('role', 'admin:users.errors.selfDemote')
  if (!partnerIsUsable(input.partnerId, before.partnerId)) return fail('partnerId', 'common:errors.choose')
  const values = {
    name: input.name,
    role: input.role,
    partnerId: input.role === 'partner' ? (input.partnerId ?? null) : null,
    locale: input.locale,
  }
  db.transaction((tx) => {
    tx.update(users)
      .set({ ...values, updatedAt: now() })
      .where(eq(users.id, id))
      .run()
    recordUpdate(
      tx,
      { userId: actorId, entity: 'user', entityId: id, summary: before.email },
      auditedUser(before),
      { ...auditedUser(before), ...values },
    )
  })
  return ok(id)
}

export async function resetPassword(id: number, password: string, actorId: number): Promise<boolean> {
  const before = db.select({ email: users.email }).from(users).where(eq(users.id, id)).get()
  if (!before) return false
  const passwordHash = await hashPassword(password)
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: now() }).where(eq(users.id, id)).run()
    // The hash is never written to the audit log: only that the password changed.
    recordAudit(tx, {
      userId: actorId,
      entity: 'user',
      entityId: id,
      action: 'update',
      after: { password: '••••' },
      summary: `${before.email}: password reset`,
    })
  })
  // As deactivation does: a session opened with the old password (a stolen cookie too) ends now.
  endSessionsOf(id)
  return true
}

/** Deactivating also ends every session of that user; an administrator cannot deactivate themselves. */
export function setUserActive(id: number, active: boolean, actorId: number): Result<number> {
  if (id === actorId && !active) return fail('intent', 'admin:users.errors.selfDeactivate')
  const result = db.transaction((tx) => {
    const row = tx
      .select({ email: users.email, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.id, id))
      .get()
    if (!row) return fail('intent', 'admin:errors.notFound')
    if (!row.deactivatedAt === active) return ok(id)
    const deactivatedAt = active ? null : now()
    tx.update(users).set({ deactivatedAt, updatedAt: now() }).where(eq(users.id, id)).run()
    recordAudit(tx, {
      userId: actorId,
      entity: 'user',
      entityId: id,
      action: 'status',
      before: { deactivatedAt: row.deactivatedAt },
      after: { deactivatedAt },
      summary: `${row.email}: ${active ? 'reactivated' : 'deactivated'}`,
    })
    return ok(id)
  })
  if (result.ok && !active) endSessionsOf(id)
  return result
}

// ---------------------------------------------------------------- backup

/**
 * A consistent copy of the live database made with SQLite's online backup API (readers and
 * writers keep working meanwhile). Returns the temporary file; the caller removes it.
 */
export async function backupDatabase(userId: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-backup-'))
  const file = path.join(dir, 'ripple.db')
  await sqlite().backup(file)
  // "create" of a backup copy: downloading the whole database is worth a trace.
  recordAudit(db, {
    userId,
    entity: 'backup',
    entityId: null,
    action: 'create',
    after: { bytes: fs.statSync(file).size },
    summary: 'database backup downloaded',
  })
  return file
}

// ---------------------------------------------------------------- audit

const auditFilterSchema = z.object({
  entity: z.string().trim().max(60).optional().catch(undefined),
  entityId: z.coerce.number().int().positive().optional().catch(undefined),
  user: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.enum(auditActions).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
})
export type AuditUrlFilter = z.infer<typeof auditFilterSchema>

/** The audit filters from the URL; a malformed value is ignored rather than failing the page. */
export function auditFilterFromUrl(url: URL): AuditUrlFilter {
  return auditFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')))
}

export function auditFilters(f: AuditUrlFilter): AuditFilters {
  return { entity: f.entity, entityId: f.entityId, userId: f.user, action: f.action, from: f.from, to: f.to }
}

/** One value as people read it in the audit list and its CSV. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) {
    if (!value.length) return '—'
    return value.every((v) => typeof v !== 'object' || v === null)
      ? value.join(', ')
      : value.map(auditValue).join(' | ')
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return entries.length ? entries.map(([k, v]) => `${k}: ${auditValue(v)}`).join('; ') : '—'
  }
  return String(value)
}

/** "field: old -> new" lines for one audit row (only "new" on a create, only "old" when nothing follows). */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  return keys.map((field) => ({
    field,
    before: before && field in before ? auditValue(before[field]) : null,
    after: after && field in after ? auditValue(after[field]) : null,
  }))
}
