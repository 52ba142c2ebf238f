/**
 * The permission table and every policy module, role by role: pure functions, so each answer is
 * pinned for each role (and, where a partner scope applies, for the own and another partner).
 */
import { describe, expect, it } from 'vitest'

import * as actionPolicy from '~/models/actions/policy'
import * as adminPolicy from '~/models/admin/policy'
import { canReadCalendar } from '~/models/calendar/policy'
import * as contactPolicy from '~/models/contacts/policy'
import { canSeeTasks, homeKind, homeShortcuts } from '~/models/dashboards/policy'
import * as eventPolicy from '~/models/events/policy'
import * as ideaPolicy from '~/models/ideas/policy'
import * as importPolicy from '~/models/imports/policy'
import * as leaguePolicy from '~/models/league/policy'
import * as materialPolicy from '~/models/materials/policy'
import * as planPolicy from '~/models/plan/policy'
import * as priorityPolicy from '~/models/priorities/policy'
import * as stakeholderPolicy from '~/models/stakeholders/policy'
import {
  type Actor,
  allPermissions,
  assertCan,
  can,
  canForPartner,
  ForbiddenError,
  roleActsForOnePartner,
  rolePermissions,
} from '~/utils/permissions'

const OWN = 10
const OTHER = 20
const admin: Actor = { id: 1, role: 'admin', partnerId: null }
const comms: Actor = { id: 2, role: 'comms', partnerId: null }
const partner: Actor = { id: 3, role: 'partner', partnerId: OWN }
const viewer: Actor = { id: 4, role: 'viewer', partnerId: null }
/** A partner account without a partner (never valid data, so it must get nothing scoped). */
const loosePartner: Actor = { id: 5, role: 'partner', partnerId: null }
/** A viewer attached to a partner still holds no `:own` right. */
const viewerOfOwn: Actor = { id: 6, role: 'viewer', partnerId: OWN }
const everyone = { admin, comms, partner, viewer, loosePartner, viewerOfOwn, nobody: null }
type Who = keyof typeof everyone

/** Runs `check` for every kind of actor and returns those it said yes to. */
const allowed = (check: (actor: Actor | null) => boolean) =>
  (Object.keys(everyone) as Who[]).filter((who) => check(everyone[who]))
/** The actors an assert lets through. */
const passes = (assert: (actor: Actor | null) => void) =>
  allowed((actor) => {
    try {
      assert(actor)
      return true
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenError)
      return false
    }
  })

describe('permission table', () => {
  it('lists every permission once', () => {
    expect(allPermissions).toEqual([
      'admin:manage',
      'audit:read',
      'stakeholder:read',
      'stakeholder:edit:own',
      'stakeholder:edit:any',
      'stakeholder:import',
      'stakeholder:merge',
      'contact:gdpr',
      'action:read',
      'action:create',
      'action:edit:own',
      'action:edit:any',
      'action:validate',
      'action:import',
      'priority:read',
      'priority:score',
      'priority:criteria',
      'plan:read',
      'plan:edit',
      'material:edit',
      'dashboard:read',
      'action:import:own',
      'action:import:any',
      'action:create:any',
      'event:create:own',
      'event:create:any',
      'event:edit:own',
      'event:edit:any',
      'activity:edit:own',
      'activity:edit:any',
      'material:upload',
      'material:approve',
      'idea:read',
      'idea:create',
      'idea:support',
      'idea:moderate',
      'registration:manage:own',
      'registration:manage:any',
      'registration:accept',
      'outcome:read',
      'outcome:create:own',
      'outcome:create:any',
      'outcome:edit:own',
      'outcome:edit:any',
      'outcome:verify',
      'report:read',
      'report:edit',
      'actor:read',
      'league:read',
      'league:manage',
    ])
  })

  it('gives each role exactly its permissions', () => {
    const reader = [
      'stakeholder:read',
      'action:read',
      'priority:read',
      'plan:read',
      'dashboard:read',
      'idea:read',
      'outcome:read',
      'actor:read',
      'league:read',
    ]
    expect(rolePermissions.admin).toEqual(allPermissions)
    expect(rolePermissions.comms).toEqual(allPermissions.filter((p) => p !== 'admin:manage'))
    expect(rolePermissions.partner).toEqual([
      ...reader,
      'stakeholder:edit:own',
      'action:create',
      'action:edit:own',
      'action:import',
      'action:import:own',
      'event:create:own',
      'event:edit:own',
      'activity:edit:own',
      'material:upload',
      'idea:create',
      'idea:support',
      'registration:manage:own',
      'outcome:create:own',
      'outcome:edit:own',
    ])
    expect(rolePermissions.viewer).toEqual([...reader, 'report:read'])
  })

  it('can: the role holds the permission; no user holds none', () => {
    expect(can(admin, 'admin:manage')).toBe(true)
    expect(can(comms, 'admin:manage')).toBe(false)
    expect(can(viewer, 'plan:read')).toBe(true)
    expect(can(viewer, 'plan:edit')).toBe(false)
    expect(can(null, 'plan:read')).toBe(false)
    expect(can(undefined, 'plan:read')).toBe(false)
  })

  it('canForPartner: `any` covers every partner, `own` only the actor’s own', () => {
    for (const partnerId of [OWN, OTHER, null, undefined]) {
      expect(canForPartner(admin, 'action:edit', partnerId)).toBe(true)
      expect(canForPartner(comms, 'action:edit', partnerId)).toBe(true)
      expect(canForPartner(viewer, 'action:edit', partnerId)).toBe(false)
      expect(canForPartner(viewerOfOwn, 'action:edit', partnerId)).toBe(false)
      expect(canForPartner(loosePartner, 'action:edit', partnerId)).toBe(false)
      expect(canForPartner(null, 'action:edit', partnerId)).toBe(false)
      expect(canForPartner(undefined, 'action:edit', partnerId)).toBe(false)
    }
    expect(canForPartner(partner, 'action:edit', OWN)).toBe(true)
    expect(canForPartner(partner, 'action:edit', OTHER)).toBe(false)
    expect(canForPartner(partner, 'action:edit', null)).toBe(false)
    expect(canForPartner(partner, 'action:edit', undefined)).toBe(false)
    expect(canForPartner(partner, 'stakeholder:edit', OWN)).toBe(true)
    expect(canForPartner(partner, 'action:import', OWN)).toBe(true)
    expect(canForPartner(partner, 'action:import', OTHER)).toBe(false)
  })

  it('assertCan throws ForbiddenError naming the missing permission', () => {
    expect(() => assertCan(admin, 'admin:manage')).not.toThrow()
    expect(() => assertCan(comms, 'admin:manage')).toThrow(new ForbiddenError('missing admin:manage'))
    expect(() => assertCan(null, 'plan:read')).toThrow(ForbiddenError)
    const error = new ForbiddenError()
    expect(error.message).toBe('forbidden')
    expect(error.name).toBe('ForbiddenError')
    expect(error).toBeInstanceOf(Error)
  })

  it('only the partner role acts for one partner', () => {
    expect(roleActsForOnePartner('partner')).toBe(true)
    expect(roleActsForOnePartner('admin')).toBe(false)
    expect(roleActsForOnePartner('comms')).toBe(false)
    expect(roleActsForOnePartner('viewer')).toBe(false)
  })
})

describe('actions policy', () => {
  const draft = (partnerId: number) => ({ partnerId, status: 'draft' as const })
  const validated = (partnerId: number) => ({ partnerId, status: 'validated' as const })

  it('who chooses the partner and who logs for whom', () => {
    expect(allowed(actionPolicy.canChoosePartner)).toEqual(['admin', 'comms'])
    expect(allowed((a) => actionPolicy.canCreateFor(a, OWN))).toEqual(['admin', 'comms', 'partner'])
    expect(allowed((a) => actionPolicy.canCreateFor(a, OTHER))).toEqual(['admin', 'comms'])
  })

  it('who edits: a partner its own until validated; comms and admin always', () => {
    expect(allowed((a) => actionPolicy.canEditAction(a, draft(OWN)))).toEqual(['admin', 'comms', 'partner'])
    expect(allowed((a) => actionPolicy.canEditAction(a, draft(OTHER)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => actionPolicy.canEditAction(a, validated(OWN)))).toEqual(['admin', 'comms'])
    for (const status of ['submitted', 'returned'] as const)
      expect(allowed((a) => actionPolicy.canEditAction(a, { partnerId: OWN, status }))).toEqual([
        'admin',
        'comms',
        'partner',
      ])
  })

  it('who validates and who refreshes evidence', () => {
    expect(allowed(actionPolicy.canValidate)).toEqual(['admin', 'comms'])
    expect(allowed((a) => actionPolicy.canRefreshEvidence(a, draft(OWN)))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    expect(allowed((a) => actionPolicy.canRefreshEvidence(a, validated(OWN)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => actionPolicy.canRefreshEvidence(a, draft(OTHER)))).toEqual(['admin', 'comms'])
  })

  it('names its errors', () => {
    const forbidden = new actionPolicy.ActionForbiddenError()
    expect(forbidden).toBeInstanceOf(ForbiddenError)
    expect([forbidden.name, forbidden.message]).toEqual(['ActionForbiddenError', 'forbidden'])
    expect(new actionPolicy.ActionForbiddenError('not yours').message).toBe('not yours')
    const status = new actionPolicy.ActionStatusError('draft', 'validated')
    expect([status.name, status.message, status.from, status.to]).toEqual([
      'ActionStatusError',
      'cannot go from draft to validated',
      'draft',
      'validated',
    ])
  })
})

describe('admin policy', () => {
  it('only administrators administer', () => {
    expect(passes(adminPolicy.assertMayAdminister)).toEqual(['admin'])
    expect(() => adminPolicy.assertMayAdminister(comms)).toThrow('missing admin:manage')
  })

  it('an administrator never changes their own role nor deactivates themselves', () => {
    expect(adminPolicy.mayChangeRole(1, 2, 'viewer', 'admin')).toBe(true)
    expect(adminPolicy.mayChangeRole(1, 1, 'admin', 'admin')).toBe(true)
    expect(adminPolicy.mayChangeRole(1, 1, 'admin', 'viewer')).toBe(false)
    expect(adminPolicy.mayDeactivate(1, 2)).toBe(true)
    expect(adminPolicy.mayDeactivate(1, 1)).toBe(false)
  })
})

describe('stakeholder and contact policy', () => {
  const policies = ['owner', 'any_partner', 'none'] as const
  const editors = (policy: (typeof policies)[number], ownerPartnerId: number | null) =>
    allowed((a) => !!a && stakeholderPolicy.canEditStakeholder(a, { ownerPartnerId }, policy))

  it('edit: comms and admin always; a partner as the project policy says', () => {
    expect(editors('owner', OWN)).toEqual(['admin', 'comms', 'partner'])
    expect(editors('owner', OTHER)).toEqual(['admin', 'comms'])
    expect(editors('owner', null)).toEqual(['admin', 'comms'])
    expect(editors('any_partner', OTHER)).toEqual(['admin', 'comms', 'partner'])
    expect(editors('any_partner', null)).toEqual(['admin', 'comms', 'partner'])
    expect(editors('none', OWN)).toEqual(['admin', 'comms'])
  })

  it('contacts follow their stakeholder', () => {
    for (const policy of policies)
      for (const owner of [OWN, OTHER, null])
        expect(
          allowed(
            (a) => !!a && contactPolicy.canEditContact(a, { stakeholderOwnerPartnerId: owner }, policy),
          ),
        ).toEqual(editors(policy, owner))
    expect(allowed((a) => !!a && contactPolicy.canHandleGdpr(a))).toEqual(['admin', 'comms'])
  })

  it('create: a partner with a partner unless the policy is none', () => {
    const creators = (policy: (typeof policies)[number]) =>
      allowed((a) => !!a && stakeholderPolicy.canCreateStakeholder(a, policy))
    expect(creators('owner')).toEqual(['admin', 'comms', 'partner'])
    expect(creators('any_partner')).toEqual(['admin', 'comms', 'partner'])
    expect(creators('none')).toEqual(['admin', 'comms'])
  })

  it('owners: comms chooses, a partner gets its own or keeps the current one', () => {
    expect(allowed((a) => !!a && stakeholderPolicy.canAssignOwner(a))).toEqual(['admin', 'comms'])
    expect(stakeholderPolicy.ownerOfNew(comms, OTHER)).toBe(OTHER)
    expect(stakeholderPolicy.ownerOfNew(comms, undefined)).toBeUndefined()
    expect(stakeholderPolicy.ownerOfNew(partner, OTHER)).toBe(OWN)
    expect(stakeholderPolicy.ownerOfNew(loosePartner, OTHER)).toBeUndefined()
    expect(stakeholderPolicy.ownerAfterEdit(comms, OWN, OTHER)).toBe(OTHER)
    expect(stakeholderPolicy.ownerAfterEdit(comms, OWN, undefined)).toBeUndefined()
    expect(stakeholderPolicy.ownerAfterEdit(partner, OWN, OTHER)).toBe(OWN)
    expect(stakeholderPolicy.ownerAfterEdit(partner, null, OTHER)).toBeUndefined()
  })

  it('merge and import are the communications lead’s', () => {
    expect(allowed((a) => !!a && stakeholderPolicy.canMergeStakeholders(a))).toEqual(['admin', 'comms'])
    expect(allowed((a) => !!a && stakeholderPolicy.canImportStakeholders(a))).toEqual(['admin', 'comms'])
  })
})

describe('import policy', () => {
  it('each area has its permission', () => {
    expect(importPolicy.importPermission('actions')).toBe('action:import')
    expect(importPolicy.importPermission('stakeholders')).toBe('stakeholder:import')
  })

  it('actions: any partner for comms and admin, its own for a partner', () => {
    expect(allowed(importPolicy.mayImportForAnyPartner)).toEqual(['admin', 'comms'])
    expect(allowed((a) => importPolicy.mayImportActionsFor(a, OWN))).toEqual(['admin', 'comms', 'partner'])
    expect(allowed((a) => importPolicy.mayImportActionsFor(a, OTHER))).toEqual(['admin', 'comms'])
    const list = [{ id: OWN }, { id: OTHER }]
    expect(importPolicy.importablePartners(comms, list)).toEqual(list)
    expect(importPolicy.importablePartners(partner, list)).toEqual([{ id: OWN }])
    expect(importPolicy.importablePartners(viewer, list)).toEqual([])
  })

  it('running a job: its kind and partner decide', () => {
    const job = (kind: 'stakeholders' | 'contacts' | 'actions', partnerId: number | null) => ({
      kind,
      partnerId,
    })
    expect(allowed((a) => importPolicy.mayRunImport(a, job('actions', OWN)))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    expect(allowed((a) => importPolicy.mayRunImport(a, job('actions', OTHER)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => importPolicy.mayRunImport(a, job('actions', null)))).toEqual([])
    expect(allowed((a) => importPolicy.mayRunImport(a, job('stakeholders', OWN)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => importPolicy.mayRunImport(a, job('contacts', null)))).toEqual(['admin', 'comms'])
    expect(passes((a) => importPolicy.assertMayRunImport(a, job('actions', OWN)))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    expect(() => importPolicy.assertMayRunImport(viewer, job('contacts', null))).toThrow(
      'may not import contacts',
    )
  })
})

describe('plan, events, materials, dashboards and priorities policies', () => {
  it('editing the plan and every material is the communications lead’s', () => {
    for (const check of [planPolicy.canEditPlan, materialPolicy.canEditMaterials])
      expect(allowed(check)).toEqual(['admin', 'comms'])
    for (const assert of [planPolicy.assertCanEditPlan, materialPolicy.assertCanEditMaterials])
      expect(passes(assert)).toEqual(['admin', 'comms'])
    expect(() => planPolicy.assertCanEditPlan(partner)).toThrow('missing plan:edit')
    expect(() => materialPolicy.assertCanEditMaterials(partner)).toThrow('missing material:edit')
  })

  it('a partner creates and edits the events its partner hosts, and no other', () => {
    expect(allowed(eventPolicy.canCreateEvents)).toEqual(['admin', 'comms', 'partner'])
    expect(allowed((a) => eventPolicy.canCreateEventFor(a, OWN))).toEqual(['admin', 'comms', 'partner'])
    expect(allowed((a) => eventPolicy.canCreateEventFor(a, OTHER))).toEqual(['admin', 'comms'])
    expect(allowed((a) => eventPolicy.canCreateEventFor(a, null))).toEqual(['admin', 'comms'])
    expect(allowed((a) => eventPolicy.canEditEvent(a, { hostPartnerId: OWN }))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    expect(allowed((a) => eventPolicy.canEditEvent(a, { hostPartnerId: OTHER }))).toEqual(['admin', 'comms'])
    expect(passes((a) => eventPolicy.assertCanEditEvent(a, { hostPartnerId: OWN }))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    // Handing its event to another host is refused.
    expect(() =>
      eventPolicy.assertCanEditEvent(partner, { hostPartnerId: OWN }, { hostPartnerId: OTHER }),
    ).toThrow(ForbiddenError)
    expect(passes((a) => eventPolicy.assertCanCreateEvent(a, OTHER))).toEqual(['admin', 'comms'])
    expect(eventPolicy.defaultHostFor(partner, undefined)).toBe(OWN)
    expect(eventPolicy.defaultHostFor(partner, OTHER)).toBe(OTHER)
    expect(eventPolicy.defaultHostFor(comms, undefined)).toBeUndefined()
    const partners = [{ value: OWN }, { value: OTHER }]
    expect(eventPolicy.hostChoices(partner, partners)).toEqual([{ value: OWN }])
    expect(eventPolicy.hostChoices(comms, partners)).toEqual(partners)
  })

  it('a partner writes the activities of its own partner and of the events it hosts', () => {
    const scope = (partnerId: number | null, eventHostPartnerId: number | null) => ({
      partnerId,
      eventHostPartnerId,
    })
    expect(allowed(planPolicy.canCreateActivities)).toEqual(['admin', 'comms', 'partner'])
    for (const [s, who] of [
      [scope(OWN, null), ['admin', 'comms', 'partner']],
      [scope(null, OWN), ['admin', 'comms', 'partner']],
      [scope(OTHER, OWN), ['admin', 'comms', 'partner']],
      [scope(OWN, OTHER), ['admin', 'comms', 'partner']],
      [scope(OTHER, OTHER), ['admin', 'comms']],
      [scope(null, OTHER), ['admin', 'comms']],
      [scope(null, null), ['admin', 'comms']],
    ] as const) {
      expect(
        allowed((a) => planPolicy.canEditActivity(a, s)),
        JSON.stringify(s),
      ).toEqual(who)
      expect(passes((a) => planPolicy.assertCanEditActivity(a, s))).toEqual(who)
    }
    expect(() => planPolicy.assertCanEditActivity(partner, scope(OWN, null), scope(OTHER, null))).toThrow(
      ForbiddenError,
    )
    expect(planPolicy.defaultActivityPartner(partner)).toBe(OWN)
    expect(planPolicy.defaultActivityPartner(comms)).toBeUndefined()
  })

  it('materials: partners upload, the communications lead approves; waiting ones stay with their partner', () => {
    const m = (status: 'pending' | 'approved' | 'returned', partnerId: number | null) => ({
      status,
      partnerId,
      archivedAt: null,
    })
    expect(allowed(materialPolicy.canUploadMaterials)).toEqual(['admin', 'comms', 'partner'])
    expect(allowed(materialPolicy.uploadWaitsForApproval)).toEqual([
      'partner',
      'viewer',
      'loosePartner',
      'viewerOfOwn',
      'nobody',
    ])
    const readers = ['admin', 'comms', 'partner', 'viewer', 'loosePartner', 'viewerOfOwn']
    expect(allowed((a) => materialPolicy.canSeeMaterial(a, m('approved', OTHER)))).toEqual(readers)
    expect(allowed((a) => materialPolicy.canSeeMaterial(a, m('pending', OWN)))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    expect(allowed((a) => materialPolicy.canSeeMaterial(a, m('pending', OTHER)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => materialPolicy.canSeeMaterial(a, m('returned', OWN)))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    expect(allowed((a) => materialPolicy.canDownloadMaterialFile(a, m('pending', OTHER)))).toEqual([
      'admin',
      'comms',
    ])
    expect(allowed((a) => materialPolicy.canEditMaterial(a, m('pending', OWN)))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
    expect(allowed((a) => materialPolicy.canEditMaterial(a, m('approved', OWN)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => materialPolicy.canEditMaterial(a, m('returned', OTHER)))).toEqual([
      'admin',
      'comms',
    ])
    expect(allowed((a) => materialPolicy.canReviewMaterial(a, m('pending', OWN)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => materialPolicy.canReviewMaterial(a, m('approved', OWN)))).toEqual([])
    expect(passes(materialPolicy.assertCanReviewMaterials)).toEqual(['admin', 'comms'])
    expect(passes(materialPolicy.assertCanUploadMaterials)).toEqual(['admin', 'comms', 'partner'])
    expect(passes((a) => materialPolicy.assertCanEditMaterial(a, m('pending', OWN)))).toEqual([
      'admin',
      'comms',
      'partner',
    ])
  })

  it('logging an action from an event, and the home shortcuts', () => {
    expect(allowed(eventPolicy.canLogActionForEvent)).toEqual(['admin', 'comms', 'partner', 'loosePartner'])
    expect(homeShortcuts(partner)).toEqual({ canCreate: true, canValidate: false })
    expect(homeShortcuts(comms)).toEqual({ canCreate: true, canValidate: true })
    expect(homeShortcuts(viewer)).toEqual({ canCreate: false, canValidate: false })
  })

  it('the home page’s kind, its counts and badges, and the calendar', () => {
    expect(allowed(canSeeTasks)).toEqual(['admin', 'comms'])
    expect(allowed(canReadCalendar)).toEqual([
      'admin',
      'comms',
      'partner',
      'viewer',
      'loosePartner',
      'viewerOfOwn',
    ])
    expect([admin, comms, partner, viewer, loosePartner, viewerOfOwn].map(homeKind)).toEqual([
      'comms',
      'comms',
      'partner',
      'figures',
      'figures',
      'figures',
    ])
  })

  it('scoring and criteria, for signed-in actors only', () => {
    expect(allowed(priorityPolicy.mayScore)).toEqual(['admin', 'comms'])
    expect(allowed(priorityPolicy.mayEditCriteria)).toEqual(['admin', 'comms'])
    const actors = { admin, comms, partner, viewer, loosePartner, viewerOfOwn }
    const through = (assert: (actor: Actor) => void) =>
      Object.entries(actors).flatMap(([who, actor]) => {
        try {
          assert(actor)
          return [who]
        } catch (error) {
          expect(error).toBeInstanceOf(ForbiddenError)
          return []
        }
      })
    expect(through(priorityPolicy.assertMayScore)).toEqual(['admin', 'comms'])
    expect(through(priorityPolicy.assertMayEditCriteria)).toEqual(['admin', 'comms'])
    expect(() => priorityPolicy.assertMayScore(viewer)).toThrow('missing priority:score')
    expect(() => priorityPolicy.assertMayEditCriteria(partner)).toThrow('missing priority:criteria')
  })
})

describe('co-creation board policy', () => {
  const open = (authorId: number) => ({ authorId, status: 'open' as const })
  it('everyone signed in reads; partners and comms post, support, comment and join; viewers read only', () => {
    expect(allowed(ideaPolicy.canPostIdeas)).toEqual(['admin', 'comms', 'partner', 'loosePartner'])
    expect(allowed((a) => ideaPolicy.canSupportIdea(a, open(99)))).toEqual([
      'admin',
      'comms',
      'partner',
      'loosePartner',
    ])
    expect(allowed((a) => ideaPolicy.canJoinIdea(a, open(99)))).toEqual([
      'admin',
      'comms',
      'partner',
      'loosePartner',
    ])
    expect(allowed((a) => ideaPolicy.canCommentIdea(a, open(99)))).toEqual([
      'admin',
      'comms',
      'partner',
      'loosePartner',
    ])
  })
  it('the author edits and withdraws only while open, and never supports their own', () => {
    expect(allowed((a) => ideaPolicy.canEditIdea(a, open(partner.id)))).toEqual(['partner'])
    expect(allowed((a) => ideaPolicy.canEditIdea(a, { authorId: partner.id, status: 'adopted' }))).toEqual([])
    expect(allowed((a) => ideaPolicy.canSupportIdea(a, open(partner.id)))).toEqual([
      'admin',
      'comms',
      'loosePartner',
    ])
    expect(allowed((a) => ideaPolicy.canSupportIdea(a, { authorId: 99, status: 'closed' }))).toEqual([])
    expect(allowed((a) => ideaPolicy.canCommentIdea(a, { authorId: 99, status: 'withdrawn' }))).toEqual([])
  })
  it('only the communications lead (and admin) moderates, and decides open proposals only', () => {
    expect(allowed(ideaPolicy.canModerateIdeas)).toEqual(['admin', 'comms'])
    expect(allowed((a) => ideaPolicy.canDecideIdea(a, open(99)))).toEqual(['admin', 'comms'])
    expect(allowed((a) => ideaPolicy.canDecideIdea(a, { authorId: 99, status: 'adopted' }))).toEqual([])
  })
})

describe('partner league policy', () => {
  it('every signed-in role reads the league; the communications lead (and admin) switches it', () => {
    expect(allowed((a) => can(a, 'league:read'))).toEqual([
      'admin',
      'comms',
      'partner',
      'viewer',
      'loosePartner',
      'viewerOfOwn',
    ])
    expect(allowed(leaguePolicy.canManageLeague)).toEqual(['admin', 'comms'])
    expect(passes(leaguePolicy.assertMayManageLeague)).toEqual(['admin', 'comms'])
  })
})
