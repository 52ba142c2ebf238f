import { integer, sqliteTable } from 'drizzle-orm/sqlite-core'

/**
 * One row whose version changes (to a random value) whenever anything a register-derived
 * dashboard figure reads changes: a stakeholder's fields (not its last contact), themes, priority
 * tier or score, categories, groups, and the audit log's stakeholder entries. Kept by triggers (migration
 * register_version); logging an action never moves it, so the coverage dashboard keeps the
 * figures it computed from the register (group members, new stakeholders engaged, links with
 * funded projects, the priority population) across action writes and reads one row to know.
 */
export const stakeholderRegisterVersion = sqliteTable('stakeholder_register_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull().default(0),
})
