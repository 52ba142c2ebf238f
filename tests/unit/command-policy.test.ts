import fs from 'node:fs'
import path from 'node:path'

import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import {
  actionTypes,
  contacts,
  criteria,
  partners,
  stakeholderCategories,
  stakeholders,
  themes,
} from '#db/schema'
import {
  addListEntry,
  moveListEntry,
  renameListEntry,
  setListEntryArchived,
} from '~/models/actions/index.server'
import {
  addCategory,
  addTheme,
  archiveCategory,
  backupDatabase,
  createPartner,
  createUser,
  editCategory,
  moveCategoryBy,
  renameTheme,
  resetPassword,
  setPartnerArchived,
  setThemeArchived,
  setUserActive,
  updatePartner,
  updateUser,
} from '~/models/admin/index.server'
import {
  createContact,
  eraseContact,
  setContactArchived,
  updateContact,
} from '~/models/contacts/index.server'
import { createEvent, eventFormSchema, setEventArchived, updateEvent } from '~/models/events/index.server'
import {
  adoptIdea,
  closeIdea,
  commentOnIdea,
  createIdea,
  setIdeaMembership,
  setIdeaSupport,
  updateIdea,
  withdrawIdea,
} from '~/models/ideas/index.server'
import { importContactsFromBuffer, importStakeholdersFromBuffer } from '~/models/imports/index.server'
import { setLeagueEnabled } from '~/models/league/index.server'
import {
  createMaterial,
  materialFormSchema,
  reviewMaterial,
  setMaterialArchived,
  updateMaterial,
} from '~/models/materials/index.server'
import {
  createActivity,
  createGroup,
  createTarget,
  restoreSectionVersion,
  saveGroupStrategy,
  saveMappings,
  savePlanSection,
  setActivityArchived,
  setGroupArchived,
  setTargetArchived,
  updateActivity,
  updateGroup,
  updateTarget,
} from '~/models/plan/index.server'
import { activityFormSchema, groupFormSchema, targetFormSchema } from '~/models/plan/schemas'
import {
  createCriterion,
  saveStrategy,
  scoreStakeholder,
  setCriterionArchived,
  setThresholds,
  updateCriterion,
} from '~/models/priorities/index.server'
import { saveValueReport, valueReportFormSchema } from '~/models/reports/index.server'
import {
  archiveStakeholder,
  createStakeholder,
  mergeStakeholders,
  restoreStakeholder,
  stakeholderInputSchema,
  updateStakeholder,
} from '~/models/stakeholders/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { auditCount } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * Every domain command, run once as a role that may and once as each role that may not. A refusal
 * throws ForbiddenError and writes nothing (no audit row, no record); nothing runs unchecked.
 */

type Role = keyof typeof demo
type Case = {
  command: string
  allowed: Role
  refused: Role[]
  run: (actor: Actor) => unknown
}

let ownStakeholder: number
let ownContact: number
let categoryId: number
let themeId: number
let typeId: number
const created: Record<string, number> = {}

beforeAll(() => {
  const partner = demo.partner()
  categoryId = db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'ngo')).get()!.id
  themeId = db.select({ id: themes.id }).from(themes).limit(1).get()!.id
  typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  const stakeholder = (name: string) =>
    tx((t) =>
      createStakeholder(
        t,
        stakeholderInputSchema.parse({ name, categoryId, ownerPartnerId: partner.partnerId }),
        demo.comms(),
      ),
    )
  ownStakeholder = stakeholder('Policy Table Association')
  created.survivor = stakeholder('Policy Merge Survivor')
  created.loser = stakeholder('Policy Merge Loser')
  ownContact = tx((t) => createContact(t, ownStakeholder, contactInput('Policy Person'), demo.comms()))
  created.criterion = db.select({ id: criteria.id }).from(criteria).limit(1).get()!.id
  created.partner = db
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.name, 'Tampere'))
    .get()!.id
  // San Sebastián (partner) hosts one event, Barcelona (partner2) another; comms plans for each.
  created.ownEvent = tx((t) => createEvent(t, eventInput(partner.partnerId), demo.comms()))
  created.otherEvent = tx((t) => createEvent(t, eventInput(demo.partner2().partnerId), demo.comms()))
  created.ownActivity = tx((t) => createActivity(t, activityInput(created.ownEvent), demo.comms()))
  created.otherActivity = tx((t) => createActivity(t, activityInput(created.otherEvent), demo.comms()))
  created.projectActivity = tx((t) => createActivity(t, activityInput(), demo.comms()))
  created.ownMaterial = tx((t) => createMaterial(t, materialInput(), null, demo.partner()))
})

const contactInput = (name: string) => ({
  name,
  languages: [],
  lawfulBasis: 'legitimate_interest' as const,
  doNotContact: false,
})
const stakeholderCsv = (name: string) => Buffer.from(`name,country,category\n${name},FR,University\n`)
const partnerInput = { name: 'Policy City', country: 'FR', role: 'partner' as const }
const userInput = (email: string) => ({
  email,
  name: 'Policy User',
  role: 'viewer' as const,
  locale: 'en' as const,
  password: 'long-enough-password-1',
})
const viewerId = () => demo.viewer().id
const groupInput = () => groupFormSchema.parse({ name: `Policy group ${Math.random()}` })
const activityInput = (eventId?: number) =>
  activityFormSchema.parse({
    title: 'Policy activity',
    dueDate: '2026-09-01',
    eventId: eventId ? String(eventId) : undefined,
    phase: eventId ? 'before' : undefined,
  })
const targetInput = () => targetFormSchema.parse({ metric: 'actions', periodKind: 'project', value: '5' })
const eventInput = (hostPartnerId?: number | null) =>
  eventFormSchema.parse({
    kind: 'partner_meeting',
    title: 'Policy event',
    startDate: '2026-09-01',
    online: 'on',
    hostPartnerId: hostPartnerId ? String(hostPartnerId) : undefined,
  })
const materialInput = () =>
  materialFormSchema.parse({ title: 'Policy leaflet', kind: 'brochure', language: 'en' })

const anyRow = (table: string) =>
  (sqlite().prepare(`select id from ${table} order by id limit 1`).get() as { id: number }).id

/** A fresh open proposal by the San Sebastián partner, inside the case's transaction. */
const ideaIn = (t: Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
  createIdea(t, { column: 'project', title: 'Policy idea' }, demo.partner())

const cases: Case[] = [
  {
    command: 'createIdea',
    allowed: 'partner',
    refused: ['viewer'],
    run: (a) => tx((t) => createIdea(t, { column: 'partner', title: 'Idea' }, a)),
  },
  {
    command: 'updateIdea (the author’s own)',
    allowed: 'partner',
    refused: ['partner2', 'comms', 'viewer'],
    run: (a) => tx((t) => updateIdea(t, ideaIn(t), { column: 'partner', title: 'Edited' }, a)),
  },
  {
    command: 'withdrawIdea',
    allowed: 'partner',
    refused: ['partner2', 'comms', 'viewer'],
    run: (a) => tx((t) => withdrawIdea(t, ideaIn(t), a)),
  },
  {
    command: 'setIdeaSupport',
    allowed: 'partner2',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => setIdeaSupport(t, ideaIn(t), true, a)),
  },
  {
    command: 'setIdeaMembership',
    allowed: 'partner2',
    refused: ['viewer'],
    run: (a) => tx((t) => setIdeaMembership(t, ideaIn(t), true, a)),
  },
  {
    command: 'commentOnIdea',
    allowed: 'partner2',
    refused: ['viewer'],
    run: (a) => tx((t) => commentOnIdea(t, ideaIn(t), 'Comment', a)),
  },
  {
    command: 'closeIdea',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) => tx((t) => closeIdea(t, ideaIn(t), 'Reason', a)),
  },
  {
    command: 'adoptIdea',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) => tx((t) => adoptIdea(t, ideaIn(t), { title: 'Activity', dueDate: '2027-01-31' }, a)),
  },
  // Stakeholders (the default policy "owner": a partner edits its own partner's stakeholders).
  {
    command: 'createStakeholder',
    allowed: 'partner',
    refused: ['viewer'],
    run: (a) =>
      tx((t) => createStakeholder(t, stakeholderInputSchema.parse({ name: 'Policy New', categoryId }), a)),
  },
  {
    command: 'updateStakeholder',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => updateStakeholder(t, ownStakeholder, { city: `City ${Math.random()}` }, a)),
  },
  {
    command: 'archiveStakeholder + restoreStakeholder',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        archiveStakeholder(t, ownStakeholder, a)
        restoreStakeholder(t, ownStakeholder, a)
      }),
  },
  {
    command: 'mergeStakeholders',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => mergeStakeholders(t, { survivorId: created.survivor, loserId: created.loser, picks: {} }, a)),
  },
  // Contacts.
  {
    command: 'createContact',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => createContact(t, ownStakeholder, contactInput('Another Person'), a)),
  },
  {
    command: 'updateContact',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => updateContact(t, ownContact, contactInput(`Renamed ${Math.random()}`), a)),
  },
  {
    command: 'setContactArchived',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        setContactArchived(t, ownContact, true, a)
        setContactArchived(t, ownContact, false, a)
      }),
  },
  {
    command: 'eraseContact',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => eraseContact(t, createContact(t, ownStakeholder, contactInput('To Erase'), demo.comms()), a)),
  },
  // Prioritisation.
  {
    command: 'scoreStakeholder',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) =>
        scoreStakeholder(
          t,
          ownStakeholder,
          [{ criterionId: created.criterion, value: Math.random() < 2 ? 3 : 4 }],
          a,
        ),
      ),
  },
  {
    command: 'createCriterion',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => createCriterion(t, { name: `Policy criterion ${Math.random()}`, weight: 1 }, a)),
  },
  {
    command: 'updateCriterion',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => {
      const c = db.select().from(criteria).where(eq(criteria.id, created.criterion)).get()!
      return tx((t) =>
        updateCriterion(t, c.id, { name: c.name, weight: c.weight, gridAxis: c.gridAxis ?? undefined }, a),
      )
    },
  },
  {
    command: 'setCriterionArchived',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => {
        setCriterionArchived(t, created.criterion, true, a)
        setCriterionArchived(t, created.criterion, false, a)
      }),
  },
  {
    command: 'setThresholds',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => setThresholds(t, { tierA: 70, tierB: 45 }, a)),
  },
  {
    command: 'saveStrategy',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => saveStrategy(t, { quadrant: 'monitor' }, { methods: 'Meet them', messages: {} }, a)),
  },
  // Stakeholder and contact imports (stakeholder:import).
  {
    command: 'importStakeholdersFromBuffer',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      importStakeholdersFromBuffer({
        buffer: stakeholderCsv(`Policy Import ${Math.random()}`),
        fileName: 'p.csv',
        actor: a,
      }),
  },
  {
    command: 'importContactsFromBuffer',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      importContactsFromBuffer({
        buffer: Buffer.from('Name,E-mail Address\nPolicy Contact,policy.contact@example.org\n'),
        fileName: 'c.csv',
        actor: a,
      }),
  },
  // Plan (plan:edit), events (event:*:own|any), activities (activity:edit:own|any), materials.
  {
    command: 'savePlanSection',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => savePlanSection(t, 'methods', `Text ${Math.random()}`, a)),
  },
  {
    command: 'restoreSectionVersion',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => restoreSectionVersion(t, 'methods', anyRow('plan_section_versions'), a)),
  },
  {
    command: 'createGroup',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => createGroup(t, groupInput(), a)),
  },
  {
    command: 'updateGroup',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => updateGroup(t, anyRow('stakeholder_groups'), groupInput(), a)),
  },
  {
    command: 'setGroupArchived',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => {
        const id = createGroup(t, groupInput(), demo.comms())
        return setGroupArchived(t, typeof id === 'number' ? id : (id as { id: number }).id, true, a)
      }),
  },
  {
    command: 'saveGroupStrategy',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) =>
        saveGroupStrategy(t, anyRow('stakeholder_groups'), { methods: 'Talk', messages: {} }, ['en'], a),
      ),
  },
  {
    command: 'createActivity (project-wide)',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => createActivity(t, activityInput(), a)),
  },
  {
    command: 'createActivity (for the partner’s own event)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => createActivity(t, activityInput(created.ownEvent), a)),
  },
  {
    command: 'updateActivity (project-wide)',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) => tx((t) => updateActivity(t, created.projectActivity, activityInput(), a)),
  },
  {
    command: 'updateActivity (of the partner’s own event)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => updateActivity(t, created.ownActivity, activityInput(created.ownEvent), a)),
  },
  {
    command: 'updateActivity (of another partner’s event)',
    allowed: 'partner2',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => updateActivity(t, created.otherActivity, activityInput(created.otherEvent), a)),
  },
  {
    command: 'updateActivity (moving it to another partner’s event)',
    allowed: 'comms',
    refused: ['partner', 'partner2'],
    run: (a) =>
      tx((t) => {
        updateActivity(t, created.ownActivity, activityInput(created.otherEvent), a)
        updateActivity(t, created.ownActivity, activityInput(created.ownEvent), a)
      }),
  },
  {
    command: 'setActivityArchived',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        setActivityArchived(t, created.ownActivity, true, a)
        setActivityArchived(t, created.ownActivity, false, a)
      }),
  },
  {
    command: 'createTarget',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => createTarget(t, targetInput(), a)),
  },
  {
    command: 'updateTarget',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => updateTarget(t, anyRow('targets'), targetInput(), a)),
  },
  {
    command: 'setTargetArchived',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => {
        setTargetArchived(t, anyRow('targets'), true, a)
        setTargetArchived(t, anyRow('targets'), false, a)
      }),
  },
  {
    command: 'saveMappings',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => saveMappings(t, { indicator: 'RCO115', eventKinds: ['conference'], typeIds: [typeId] }, a)),
  },
  {
    command: 'createEvent (no host)',
    allowed: 'comms',
    refused: ['viewer'],
    run: (a) => tx((t) => createEvent(t, eventInput(), a)),
  },
  {
    command: 'createEvent (hosted by San Sebastián)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => createEvent(t, eventInput(demo.partner().partnerId), a)),
  },
  {
    command: 'updateEvent (hosted by San Sebastián)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => updateEvent(t, created.ownEvent, eventInput(demo.partner().partnerId), a)),
  },
  {
    command: 'updateEvent (handing it to another host)',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        updateEvent(t, created.ownEvent, eventInput(demo.partner2().partnerId), a)
        updateEvent(t, created.ownEvent, eventInput(demo.partner().partnerId), a)
      }),
  },
  {
    command: 'setEventArchived',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        setEventArchived(t, created.ownEvent, true, a)
        setEventArchived(t, created.ownEvent, false, a)
      }),
  },
  {
    command: 'createMaterial',
    allowed: 'partner',
    refused: ['viewer'],
    run: (a) => tx((t) => createMaterial(t, materialInput(), null, a)),
  },
  {
    command: 'updateMaterial (approved)',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => updateMaterial(t, anyRow('materials'), materialInput(), null, a)),
  },
  {
    command: 'updateMaterial (San Sebastián’s, waiting)',
    allowed: 'partner',
    refused: ['partner2', 'viewer'],
    run: (a) => tx((t) => updateMaterial(t, created.ownMaterial, materialInput(), null, a)),
  },
  {
    command: 'reviewMaterial',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) =>
      tx((t) => {
        const id = createMaterial(t, materialInput(), null, demo.partner())
        reviewMaterial(t, id, 'approve', a)
      }),
  },
  {
    command: 'setMaterialArchived',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) =>
      tx((t) => {
        setMaterialArchived(t, anyRow('materials'), true, a)
        setMaterialArchived(t, anyRow('materials'), false, a)
      }),
  },
  // Lists of types and channels, and the administration (admin:manage).
  {
    command: 'addListEntry',
    allowed: 'admin',
    refused: ['comms', 'viewer'],
    run: (a) => tx((t) => addListEntry(t, 'channels', `Policy ${Math.random()}`, a)),
  },
  {
    command: 'renameListEntry',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => tx((t) => renameListEntry(t, 'channels', anyRow('channels'), `Renamed ${Math.random()}`, a)),
  },
  {
    command: 'moveListEntry',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => tx((t) => moveListEntry(t, 'channels', anyRow('channels'), 'down', a)),
  },
  {
    command: 'setListEntryArchived',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) =>
      tx((t) => {
        setListEntryArchived(t, 'channels', anyRow('channels'), true, a)
        setListEntryArchived(t, 'channels', anyRow('channels'), false, a)
      }),
  },
  {
    command: 'createPartner',
    allowed: 'admin',
    refused: ['comms', 'partner'],
    run: (a) => createPartner({ ...partnerInput, name: `Policy City ${Math.random()}` }, a),
  },
  {
    command: 'updatePartner',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => updatePartner(created.partner, { ...partnerInput, name: 'Tampere' }, a),
  },
  {
    command: 'setPartnerArchived',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => {
      setPartnerArchived(created.partner, true, a)
      return setPartnerArchived(created.partner, false, a)
    },
  },
  {
    command: 'addCategory',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => addCategory({ name: `Policy cat ${Math.random()}`, isFundedProject: false }, a),
  },
  {
    command: 'editCategory',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => editCategory(categoryId, { name: 'NGO', isFundedProject: false }, a),
  },
  {
    command: 'moveCategoryBy',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => moveCategoryBy(categoryId, 1, a),
  },
  {
    command: 'archiveCategory',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => {
      archiveCategory(categoryId, true, a)
      return archiveCategory(categoryId, false, a)
    },
  },
  {
    command: 'addTheme',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => addTheme(`Policy theme ${Math.random()}`, a),
  },
  {
    command: 'renameTheme',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => renameTheme(themeId, `Theme ${Math.random()}`, a),
  },
  {
    command: 'setThemeArchived',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => {
      setThemeArchived(themeId, true, a)
      return setThemeArchived(themeId, false, a)
    },
  },
  {
    command: 'createUser',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => createUser(userInput(`policy${Math.random()}@example.org`), a),
  },
  {
    command: 'updateUser',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => updateUser(viewerId(), { name: 'Viewer', role: 'viewer', locale: 'en' }, a),
  },
  {
    command: 'resetPassword',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => resetPassword(viewerId(), 'ripple-demo', a),
  },
  {
    command: 'setUserActive',
    allowed: 'admin',
    refused: ['comms'],
    run: (a) => {
      setUserActive(viewerId(), false, a)
      return setUserActive(viewerId(), true, a)
    },
  },
  {
    command: 'saveValueReport',
    allowed: 'comms',
    refused: ['partner', 'partner2', 'viewer'],
    run: (a) =>
      tx((t) =>
        saveValueReport(
          t,
          valueReportFormSchema.parse({ from: '2031-01', to: '2031-06', lang: 'en', intro: 'Policy intro' }),
          a,
        ),
      ),
  },
  {
    command: 'setLeagueEnabled',
    allowed: 'comms',
    refused: ['partner', 'viewer'],
    run: (a) => tx((t) => setLeagueEnabled(t, true, a)),
  },
  {
    command: 'backupDatabase',
    allowed: 'admin',
    refused: ['comms'],
    run: async (a) => {
      const file = await backupDatabase(a)
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
    },
  },
]

describe('every domain command checks its actor', () => {
  it.each(cases)('$command runs as $allowed', async ({ allowed, run }) => {
    await run(demo[allowed]())
  })

  it.each(cases.flatMap((c) => c.refused.map((role) => ({ ...c, role }))))(
    '$command is refused to $role and writes nothing',
    async ({ role, run }) => {
      const audits = auditCount()
      await expect(Promise.resolve().then(() => run(demo[role]()))).rejects.toThrow(ForbiddenError)
      expect(auditCount()).toBe(audits)
    },
  )

  it('a refused stakeholder edit leaves the record as it was', () => {
    const before = db.select().from(stakeholders).where(eq(stakeholders.id, ownStakeholder)).get()
    expect(() =>
      tx((t) => updateStakeholder(t, ownStakeholder, { city: 'Elsewhere' }, demo.partner2())),
    ).toThrow(ForbiddenError)
    expect(db.select().from(stakeholders).where(eq(stakeholders.id, ownStakeholder)).get()).toEqual(before)
    expect(
      db
        .select()
        .from(contacts)
        .where(and(eq(contacts.id, ownContact), eq(contacts.stakeholderId, ownStakeholder)))
        .get(),
    ).toBeDefined()
  })
})
