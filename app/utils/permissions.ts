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
] as const
export type Permission = (typeof allPermissions)[number]

const reader: Permission[] = [
  'stakeholder:read',
  'action:read',
  'priority:read',
  'plan:read',
  'dashboard:read',
]

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: allPermissions,
  comms: allPermissions.filter((p) => p !== 'admin:manage'),
  partner: [...reader, 'stakeholder:edit:own', 'action:create', 'action:edit:own', 'action:import'],
  viewer: reader,
}

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && rolePermissions[user.role].includes(permission)
}
