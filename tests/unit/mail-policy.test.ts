import { afterEach, describe, expect, it } from 'vitest'

import type { Role } from '#db/schema'
import { actsForPartner, isCommsLead, isReader } from '~/models/mail/policy'
import { type Permission, rolePermissions } from '~/utils/permissions'

/*
 * Who receives which mail (app/models/mail/policy.ts): partner users get the reminders, returned
 * actions and overdue activities; the comms lead the review queue; readers and the comms lead the
 * monthly summary. Each rule, each role, and each condition of the rule on its own: the rules are
 * written over permissions, so a role whose permissions change is judged by them, not by its name.
 */

type Person = { role: Role; partnerId: number | null }
const roles: Role[] = ['admin', 'comms', 'partner', 'viewer']
const withPartner = (role: Role): Person => ({ role, partnerId: 7 })
const withoutPartner = (role: Role): Person => ({ role, partnerId: null })

/** Runs `fn` with `role` holding `permissions` instead of its own; the table is restored after. */
const saved = new Map<Role, readonly Permission[]>()
function withPermissions<T>(
  role: Role,
  change: (held: readonly Permission[]) => Permission[],
  fn: () => T,
): T {
  if (!saved.has(role)) saved.set(role, rolePermissions[role])
  rolePermissions[role] = change(rolePermissions[role])
  return fn()
}
afterEach(() => {
  for (const [role, held] of saved) rolePermissions[role] = held
  saved.clear()
})
const without =
  (...removed: Permission[]) =>
  (held: readonly Permission[]) =>
    held.filter((p) => !removed.includes(p))
const plus =
  (...added: Permission[]) =>
  (held: readonly Permission[]) => [...held, ...added]

describe('actsForPartner: partner users with a partner', () => {
  it.each(roles.map((role) => [role, role === 'partner'] as const))(
    '%s with a partner: %s',
    (role, expected) => {
      expect(actsForPartner(withPartner(role))).toBe(expected)
    },
  )

  it.each(roles)('%s without a partner: false', (role) => {
    expect(actsForPartner(withoutPartner(role))).toBe(false)
  })

  it('a partner-scoped role that may not log actions gets no partner mail', () => {
    withPermissions('partner', without('action:create'), () => {
      expect(actsForPartner(withPartner('partner'))).toBe(false)
    })
  })

  it('a role that also edits any partner’s records is not a partner user', () => {
    withPermissions('partner', plus('action:edit:any'), () => {
      expect(actsForPartner(withPartner('partner'))).toBe(false)
    })
  })

  it('a role with only project-wide permissions and a partner set is not a partner user', () => {
    expect(actsForPartner({ role: 'comms', partnerId: 3 })).toBe(false)
    expect(actsForPartner({ role: 'admin', partnerId: 3 })).toBe(false)
  })
})

describe('isCommsLead: validates actions, does not administer', () => {
  it.each([
    ['admin', false],
    ['comms', true],
    ['partner', false],
    ['viewer', false],
  ] as const)('%s: %s', (role, expected) => {
    expect(isCommsLead(withoutPartner(role))).toBe(expected)
    expect(isCommsLead(withPartner(role))).toBe(expected)
  })

  it('without action:validate nobody is the comms lead', () => {
    withPermissions('comms', without('action:validate'), () => {
      expect(isCommsLead(withoutPartner('comms'))).toBe(false)
    })
  })

  it('an administrator who lost admin:manage but validates is the comms lead', () => {
    withPermissions('admin', without('admin:manage'), () => {
      expect(isCommsLead(withoutPartner('admin'))).toBe(true)
    })
  })
})

describe('isReader: reads the dashboards, logs nothing', () => {
  it.each([
    ['admin', false],
    ['comms', false],
    ['partner', false],
    ['viewer', true],
  ] as const)('%s: %s', (role, expected) => {
    expect(isReader(withoutPartner(role))).toBe(expected)
  })

  it('a role that cannot read the dashboards gets no summary as a reader', () => {
    withPermissions('viewer', without('dashboard:read'), () => {
      expect(isReader(withoutPartner('viewer'))).toBe(false)
    })
  })

  it('a reader who may log actions is no longer a reader', () => {
    withPermissions('viewer', plus('action:create'), () => {
      expect(isReader(withoutPartner('viewer'))).toBe(false)
    })
  })
})
