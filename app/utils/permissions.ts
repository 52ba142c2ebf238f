import type { Role } from '#db/schema'

/**
 * Typed permission strings `area:verb[:scope]`. Shared by the server (the check) and the
 * browser (only to decide what to show; hiding is never the check).
 */
export const allPermissions = [
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
] as const
export type Permission = (typeof allPermissions)[number]

const reader: Permission[] = [
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

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: allPermissions,
  comms: allPermissions.filter((p) => p !== 'admin:manage'),
  partner: [
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
  ],
  viewer: [...reader, 'report:read'],
}

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && rolePermissions[user.role].includes(permission)
}

/** Who is acting: enough of the session user to decide what they may do. */
export type Actor = { id: number; role: Role; partnerId: number | null }

/** A permission that comes in two scopes, `x:own` (the actor's partner's records) and `x:any`. */
export type ScopedPermission = Permission extends infer P ? (P extends `${infer B}:own` ? B : never) : never

/**
 * May the actor do `base` to a record of this partner? `base:any` covers every record, `base:own`
 * only records of the actor's own partner.
 */
export function canForPartner(
  actor: Actor | null | undefined,
  base: ScopedPermission,
  partnerId: number | null | undefined,
): boolean {
  if (can(actor, `${base}:any` as Permission)) return true
  return actor?.partnerId != null && actor.partnerId === partnerId && can(actor, `${base}:own` as Permission)
}

/**
 * Thrown by a domain command when the acting user may not do what they asked. Routes turn it into
 * 403 (`orForbidden` in utils/auth.server.ts); the domain never imports HTTP.
 */
export class ForbiddenError extends Error {
  constructor(message = 'forbidden') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

/** The domain's guard: throws ForbiddenError unless the actor holds the permission. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(`missing ${permission}`)
}

/**
 * Does a user of this role act for one partner only (holds some `:own` permission and no `:any`)?
 * Such a user must belong to a partner; other roles belong to none.
 */
export function roleActsForOnePartner(role: Role): boolean {
  const held = rolePermissions[role]
  return held.some((p) => p.endsWith(':own')) && !held.some((p) => p.endsWith(':any'))
}
