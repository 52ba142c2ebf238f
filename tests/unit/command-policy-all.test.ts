import { eq } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite, type Tx } from '#db/client'
import { actionTypes, outcomeFiles, type Role, stakeholderCategories, stakeholders } from '#db/schema'
import { changeOwnPassword, setOwnLocale } from '~/models/account/index.server'
import { inviteUser, reinviteUser } from '~/models/accounts/index.server'
import {
  addActionFiles,
  archiveAction,
  createAction,
  listNotifications,
  markRead,
  prepareEvidenceFiles,
  setActionFileArchived,
  setActionStatus,
} from '~/models/actions/index.server'
import { getProject, updateProjectSettings } from '~/models/admin/index.server'
import { hasCalendarToken, resetCalendarToken } from '~/models/calendar/index.server'
import { createContact, eraseContactNow } from '~/models/contacts/index.server'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import { getEvidence, refreshActionEvidence } from '~/models/evidence/index.server'
import { chooseJobEncoding, createImportJob, getImportJob, runImportJob } from '~/models/imports/index.server'
import { runJobNow } from '~/models/jobs/index.server'
import {
  addOutcomeFiles,
  createOutcome,
  outcomeFormSchema,
  setOutcomeFileArchived,
} from '~/models/outcomes/index.server'
import { addRegistration, registrationFormSchema, updateRegistration } from '~/models/people/index.server'
import { setGridCutoffs } from '~/models/priorities/index.server'
import {
  createCategory,
  createStakeholder,
  dismissDuplicateGroup,
  findDuplicateGroups,
  moveCategory,
  setCategoryArchived,
  stakeholderInputSchema,
  undoDuplicateDismissal,
  updateCategory,
} from '~/models/stakeholders/index.server'
import { type Actor, ForbiddenError, type Permission, rolePermissions } from '~/utils/permissions'
import type { SessionUser } from '~/utils/session.server'

import { demo } from '../setup/actors'
import { auditCount, lastAudit } from '../setup/audit'

/*
 * The commands that tests/unit/command-policy.test.ts and command-policy-more.test.ts do not list:
 * each run once as a role that may (its audit row named: entity, action, before and after) and
 * once as each role that may not (ForbiddenError, and nothing written: no audit row, the
 * transaction rolled back). tests/unit/command-coverage.test.ts fails on any exported command
 * that none of these tables lists.
 */

type DemoRole = keyof typeof demo
type Audit = { entity: string; entityId?: number; action: string; before?: unknown; after?: unknown }
type Case = {
  command: string
  allowed: DemoRole
  refused: DemoRole[]
  /** Fixtures the case needs, made before the audit rows are counted; passed on to run. */
  given?: () => unknown
  run: (actor: Actor, given: never) => unknown
  /** The audit row the allowed run writes; null for a draft or a cache that is not audited, then `check`. */
  audit: Audit | ((result: unknown) => Audit) | null
  check?: (result: unknown, actor: Actor) => void
}

const tx = <T>(fn: (t: Tx) => T) => db.transaction(fn)

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
async function evidence(fileName: string) {
  const prepared = await prepareEvidenceFiles([{ fileName, bytes: pdf, tooLarge: false }], 1024 * 1024)
  if (!prepared.ok) throw new Error('the test PDF was refused')
  return prepared.files
}

let typeId: number
let ownAction: number
let ownOutcome: number
let hostedEvent: number
let registration: number
let actionFile: number
let outcomeFile: number
let category: number
let files: Awaited<ReturnType<typeof evidence>>

const actionInput = (title: string, status?: 'draft') => ({
  partnerId: demo.partner().partnerId!,
  typeId,
  date: '2026-05-04',
  title,
  status,
})
const outcomeForm = () =>
  outcomeFormSchema.parse({
    type: 'practice_adopted',
    date: '2026-05-04',
    title: 'Městská část Praha 7 adopts the guide',
    stakeholderIds: [],
    actionIds: [],
    eventIds: [],
  })
const registrant = (name: string) => registrationFormSchema.parse({ name, email: '' })
const ngo = () =>
  db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'ngo')).get()!.id

/** Two stakeholders of the same name: a duplicate group to dismiss, as shown on the duplicates page. */
function twinGroup(name: string) {
  for (let i = 0; i < 2; i++)
    tx((t) => createStakeholder(t, stakeholderInputSchema.parse({ name, categoryId: ngo() }), demo.comms()))
  const key = db
    .select({ key: stakeholders.nameKey })
    .from(stakeholders)
    .where(eq(stakeholders.name, name))
    .get()!.key
  return findDuplicateGroups({ limit: 100_000 }).groups.find((g) => g.reason === 'name' && g.key === key)!
}
let twinNames = 0

/** The signed-in user the import commands take, for a demo actor. */
const sessionUser = (actor: Actor) =>
  sqlite()
    .prepare(`select id, email, name, role, partner_id as partnerId, locale from users where id = ?`)
    .get(actor.id) as SessionUser
const actionsCsv = () =>
  Buffer.from(`fecha;tipo;titulo\n2026-04-02;Seminario web;Mintegia ${Math.random()}\n`)
/** An actions import of San Sebastián's, uploaded by its partner user. */
async function partnerImportJob() {
  const partner = sessionUser(demo.partner())
  const id = await createImportJob({
    kind: 'actions',
    user: partner,
    fileName: 'ekintzak.csv',
    buffer: actionsCsv(),
    partnerId: partner.partnerId,
  })
  return getImportJob(id, partner, 'actions')!
}
type Job = Awaited<ReturnType<typeof partnerImportJob>>
const projectInput = () => {
  const p = getProject()!
  return {
    name: p.name,
    acronym: p.acronym ?? undefined,
    description: p.description ?? undefined,
    startDate: p.startDate,
    endDate: p.endDate,
    workingLanguages: p.workingLanguages,
    stakeholderEditPolicy: p.stakeholderEditPolicy,
    reportingPeriods: p.reportingPeriods,
  }
}

beforeAll(async () => {
  typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  files = await evidence('Sprawozdanie z warsztatów.pdf')
  ownAction = tx((t) => createAction(t, actionInput('Warsztaty w Łodzi'), demo.partner()))
  ownOutcome = tx((t) => createOutcome(t, outcomeForm(), demo.partner()))
  actionFile = tx((t) => addActionFiles(t, ownAction, files, demo.partner()))[0]
  tx((t) => addOutcomeFiles(t, ownOutcome, files, demo.partner()))
  outcomeFile = db
    .select({ id: outcomeFiles.id })
    .from(outcomeFiles)
    .where(eq(outcomeFiles.outcomeId, ownOutcome))
    .get()!.id
  hostedEvent = tx((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind: 'consultation',
        title: 'Διαβούλευση — Θεσσαλονίκη',
        startDate: '2026-10-01',
        online: 'on',
        hostPartnerId: String(demo.partner().partnerId),
      }),
      demo.comms(),
    ),
  )
  registration = tx((t) => addRegistration(t, hostedEvent, registrant('Andrei Popescu'), demo.comms()))
  category = tx((t) =>
    createCategory(t, { name: 'Kooperatiba (policy)', isFundedProject: false }, demo.admin()),
  )
})

const cases: Case[] = [
  {
    command: 'inviteUser',
    allowed: 'admin',
    refused: ['comms', 'partner', 'viewer'],
    run: (a) =>
      inviteUser(
        {
          email: `zaproszenie${Math.random()}@example.eu`,
          name: 'Zofia Wójcik',
          role: 'viewer',
          locale: 'en',
        },
        a,
      ),
    audit: { entity: 'user', action: 'update', after: { invitation: 'sent' } },
  },
  {
    command: 'reinviteUser',
    allowed: 'admin',
    refused: ['comms', 'partner', 'viewer'],
    run: (a) => reinviteUser(demo.viewer().id, a),
    audit: () => ({
      entity: 'user',
      entityId: demo.viewer().id,
      action: 'update',
      after: { invitation: 'sent' },
    }),
  },
  {
    command: 'updateProjectSettings',
    allowed: 'admin',
    refused: ['comms', 'partner', 'viewer'],
    run: (a) => updateProjectSettings({ ...projectInput(), acronym: `RPL-${Math.random()}`.slice(0, 12) }, a),
    audit: {
      entity: 'project',
      entityId: 1,
      action: 'update',
      after: { acronym: expect.stringMatching(/^RPL-/) },
    },
  },
  {
    command: 'refreshActionEvidence',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    // No link on the action: the refresh clears the stored reading without going out (no network here).
    run: (a) => refreshActionEvidence(a, ownAction),
    audit: null,
    check: () => expect(getEvidence(ownAction)).toBeNull(),
  },
  {
    command: 'createImportJob',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      createImportJob({
        kind: 'actions',
        user: sessionUser(a),
        fileName: 'ekintzak.csv',
        buffer: actionsCsv(),
        partnerId: demo.partner().partnerId,
      }),
    // An upload is a draft of the user's own, audited when it is written (runImportJob).
    audit: null,
    check: (id, a) =>
      expect(getImportJob(id as number, sessionUser(a), 'actions')).toMatchObject({
        kind: 'actions',
        partnerId: demo.partner().partnerId,
        fileName: 'ekintzak.csv',
      }),
  },
  {
    command: 'chooseJobEncoding',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    given: partnerImportJob,
    run: (a, job: Job) => chooseJobEncoding(job, sessionUser(a), 'windows-1252'),
    audit: null,
    check: (chosen) => expect(chosen).toBe(true),
  },
  {
    command: 'runImportJob',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    given: partnerImportJob,
    run: (a, job: Job) => runImportJob(job, sessionUser(a)),
    audit: {
      entity: 'import_job',
      action: 'import',
      after: { kind: 'actions', fileName: 'ekintzak.csv', created: 1, updated: 0 },
    },
  },
  {
    command: 'runJobNow',
    allowed: 'admin',
    refused: ['comms', 'partner', 'viewer'],
    run: (a) => runJobNow(a, 'mail-retry'),
    audit: { entity: 'job', action: 'update', after: { job: 'mail-retry' } },
  },
  {
    command: 'setActionStatus (submitting one’s own draft)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) =>
        setActionStatus(t, createAction(t, actionInput('Borrador', 'draft'), demo.partner()), 'submitted', a),
      ),
    audit: {
      entity: 'action',
      action: 'status',
      before: { status: 'draft' },
      after: { status: 'submitted' },
    },
  },
  {
    command: 'setActionStatus (validating)',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) =>
      tx((t) =>
        setActionStatus(t, createAction(t, actionInput('Zgłoszone'), demo.partner()), 'validated', a),
      ),
    audit: {
      entity: 'action',
      action: 'status',
      before: { status: 'submitted' },
      after: { status: 'validated' },
    },
  },
  {
    command: 'archiveAction',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => archiveAction(t, createAction(t, actionInput('Do archiwum'), demo.partner()), a)),
    audit: { entity: 'action', action: 'archive', before: { archivedAt: null } },
  },
  {
    command: 'addActionFiles',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => addActionFiles(t, ownAction, files, a)),
    audit: () => ({
      entity: 'action_file',
      action: 'create',
      after: {
        actionId: ownAction,
        kind: 'pdf',
        originalName: 'Sprawozdanie z warsztatów.pdf',
        size: pdf.length,
      },
    }),
  },
  {
    command: 'setActionFileArchived',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        setActionFileArchived(t, ownAction, actionFile, true, a)
        setActionFileArchived(t, ownAction, actionFile, false, a)
      }),
    audit: { entity: 'action_file', action: 'restore', after: { archivedAt: null } },
  },
  {
    command: 'addOutcomeFiles',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => addOutcomeFiles(t, ownOutcome, files, a)),
    audit: { entity: 'outcome_file', action: 'create' },
  },
  {
    command: 'setOutcomeFileArchived',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        setOutcomeFileArchived(t, ownOutcome, outcomeFile, true, a)
        setOutcomeFileArchived(t, ownOutcome, outcomeFile, false, a)
      }),
    audit: { entity: 'outcome_file', action: 'restore', after: { archivedAt: null } },
  },
  {
    command: 'updateRegistration',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => updateRegistration(t, hostedEvent, registration, registrant('Andrei Popescu-Ionescu'), a)),
    audit: { entity: 'event', action: 'update' },
  },
  {
    command: 'eraseContactNow',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    given: () => {
      const stakeholderId = db.select({ id: stakeholders.id }).from(stakeholders).limit(1).get()!.id
      const person = { languages: [], lawfulBasis: 'legitimate_interest' as const, doNotContact: false }
      return tx((t) => createContact(t, stakeholderId, { name: 'Miren Etxeberria', ...person }, demo.comms()))
    },
    run: (a, id: number) => eraseContactNow(id, a),
    audit: {
      entity: 'contact',
      action: 'erase',
      before: { erasedFields: expect.arrayContaining(['name', 'email']) },
      after: { name: expect.any(String), erasedAt: expect.any(String) },
    },
  },
  {
    command: 'setGridCutoffs',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => setGridCutoffs(t, { influence: 2.5, interest: 3.5 }, a)),
    audit: {
      entity: 'project',
      action: 'update',
      before: { gridInfluenceCutoff: 3, gridInterestCutoff: 3 },
      after: { gridInfluenceCutoff: 2.5, gridInterestCutoff: 3.5 },
    },
  },
  {
    command: 'dismissDuplicateGroup + undoDuplicateDismissal',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    given: () => twinGroup(`Asociația Vecinilor ${++twinNames}`),
    run: (a, group: ReturnType<typeof twinGroup>) => {
      const id = tx((t) => dismissDuplicateGroup(t, group, group, a))
      return tx((t) => undoDuplicateDismissal(t, id, a))
    },
    audit: { entity: 'duplicate_dismissal', action: 'restore' },
  },
  {
    command: 'createCategory',
    allowed: 'admin',
    refused: ['comms', 'partner'],
    run: (a) => tx((t) => createCategory(t, { name: `Ένωση ${Math.random()}`, isFundedProject: true }, a)),
    audit: { entity: 'stakeholder_category', action: 'create' },
  },
  {
    command: 'updateCategory',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => tx((t) => updateCategory(t, category, { name: 'Kooperatiba', isFundedProject: false }, a)),
    audit: { entity: 'stakeholder_category', action: 'update', after: { name: 'Kooperatiba' } },
  },
  {
    command: 'moveCategory',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => tx((t) => moveCategory(t, category, -1, a)),
    audit: { entity: 'stakeholder_category', action: 'update' },
  },
  {
    command: 'setCategoryArchived',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) =>
      tx((t) => {
        setCategoryArchived(t, category, true, a)
        setCategoryArchived(t, category, false, a)
      }),
    audit: { entity: 'stakeholder_category', action: 'restore', after: { archivedAt: null } },
  },
]

describe('every remaining command checks its actor', () => {
  it.each(cases)('$command runs as $allowed and audits it', async ({ allowed, given, run, audit, check }) => {
    const actor = demo[allowed]()
    const fixture = (await given?.()) as never
    const audits = auditCount()
    const result = await run(actor, fixture)
    check?.(result, actor)
    if (audit === null) {
      expect(check).toBeDefined()
      expect(auditCount()).toBe(audits)
      return
    }
    const expected = typeof audit === 'function' ? audit(result) : audit
    expect(lastAudit()).toMatchObject({ userId: actor.id, ...expected })
  })

  it.each(cases.flatMap((c) => c.refused.map((role) => ({ ...c, role }))))(
    '$command is refused to $role and writes nothing',
    async ({ role, given, run }) => {
      const fixture = (await given?.()) as never
      const audits = auditCount()
      await expect(Promise.resolve().then(() => run(demo[role](), fixture))).rejects.toThrow(ForbiddenError)
      expect(auditCount()).toBe(audits)
    },
  )
})

describe('resetCalendarToken: whoever reads the plan (every role today)', () => {
  const saved = rolePermissions.viewer
  afterEach(() => {
    rolePermissions.viewer = saved
  })

  it.each(['admin', 'comms', 'partner', 'viewer'] as const)('%s resets their own link, audited', (role) => {
    const actor = demo[role]()
    expect(resetCalendarToken(actor)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(lastAudit()).toMatchObject({
      userId: actor.id,
      entity: 'calendar_token',
      entityId: actor.id,
      action: 'update',
      before: null,
      after: null,
    })
  })

  it('a role without plan:read is refused and gets no link', () => {
    const viewer = demo.viewer()
    const role: Role = 'viewer'
    rolePermissions[role] = saved.filter((p: Permission) => p !== 'plan:read')
    const audits = auditCount()
    const had = hasCalendarToken(viewer)
    expect(() => resetCalendarToken(viewer)).toThrow(new ForbiddenError('missing plan:read'))
    expect(auditCount()).toBe(audits)
    expect(hasCalendarToken(viewer)).toBe(had)
  })
})

describe('one’s own account: each user changes only their own (no other user can be named)', () => {
  const localeOf = (id: number) =>
    (sqlite().prepare('select locale from users where id = ?').get(id) as { locale: string }).locale

  it.each(['admin', 'comms', 'partner', 'viewer'] as const)(
    'setOwnLocale: %s, audited with before and after',
    (role) => {
      const actor = demo[role]()
      const before = localeOf(actor.id)
      const next = before === 'es' ? 'en' : 'es'
      tx((t) => setOwnLocale(t, actor, next))
      expect(localeOf(actor.id)).toBe(next)
      expect(lastAudit()).toMatchObject({
        userId: actor.id,
        entity: 'user',
        entityId: actor.id,
        action: 'update',
        before: { locale: before },
        after: { locale: next },
      })
      tx((t) => setOwnLocale(t, actor, before as typeof next))
    },
  )

  it('changeOwnPassword: refused with a wrong current password (nothing written), then done and audited', async () => {
    const actor = demo.partner2()
    const audits = auditCount()
    const input = { current: 'not-the-password', next: 'Nowe hasło Łódź 2026', keepSessionId: null }
    expect(await changeOwnPassword(actor, input)).toBe(false)
    expect(auditCount()).toBe(audits)
    expect(await changeOwnPassword(actor, { ...input, current: 'ripple-demo' })).toBe(true)
    expect(lastAudit()).toMatchObject({
      userId: actor.id,
      entity: 'user',
      entityId: actor.id,
      action: 'update',
      before: null,
      after: { password: '••••' },
    })
    expect(await changeOwnPassword(actor, { ...input, current: input.next, next: 'ripple-demo' })).toBe(true)
  })

  it('markRead: a user marks only their own notifications', () => {
    // Returning the partner's action notifies the San Sebastián users.
    tx((t) => {
      const id = createAction(t, actionInput('Do poprawy'), demo.partner())
      setActionStatus(t, id, 'returned', demo.comms(), 'Dodaj listę obecności')
    })
    const partner = demo.partner()
    const unread = listNotifications(partner.id, { limit: 1, offset: 0 }).rows[0]
    expect(unread).toMatchObject({ readAt: null, message: 'Dodaj listę obecności' })
    expect(markRead(demo.partner2().id, unread.id)).toBe(0)
    expect(listNotifications(partner.id, { limit: 1, offset: 0 }).rows[0].readAt).toBeNull()
    expect(markRead(partner.id, unread.id)).toBe(1)
    expect(markRead(partner.id, unread.id)).toBe(0)
  })
})
