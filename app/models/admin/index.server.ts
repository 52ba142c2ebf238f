/**
 * Administration: the project's settings and themes, partners, user accounts and backups. Every
 * change writes an audit row in the same transaction; nothing here deletes a row. Every command
 * checks that the acting user may administer (policy.ts).
 */
export * from './audit.server'
export * from './backup.server'
export * from './categories.server'
export * from './partners.server'
export * from './policy'
export * from './project.server'
export * from './schemas'
export { type FieldError, type Result } from './shared.server'
export * from './user-commands.server'
export * from './users.server'
