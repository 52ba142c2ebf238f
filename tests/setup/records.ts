import { eq, getTableName } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, actionTypes, channels, stakeholderCategories, stakeholders } from '#db/schema'
import { searchTextFor } from '~/models/stakeholders/index.server'
import { nameKey } from '~/utils/text'

/** The id of a seeded action type, channel or stakeholder category by its key (throws if there is none). */
function idOf(table: typeof actionTypes | typeof channels | typeof stakeholderCategories, key: string) {
  const row = db.select({ id: table.id }).from(table).where(eq(table.key, key)).get()
  if (!row) throw new Error(`no seeded ${getTableName(table)} row with key ${key}`)
  return row.id
}
export const typeId = (key: string) => idOf(actionTypes, key)
export const channelId = (key: string) => idOf(channels, key)
/** The id of a seeded stakeholder category by its key (throws if there is none). */
export const categoryId = (key: string) => idOf(stakeholderCategories, key)

/**
 * A stakeholder row written straight to the register (no command, no audit), its name key and
 * search text derived as the app derives them; in the first seeded category unless told.
 */
export function insertStakeholder(name: string, values: Partial<typeof stakeholders.$inferInsert> = {}) {
  const first = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).get()!.id
  return db
    .insert(stakeholders)
    .values({
      name,
      categoryId: first,
      nameKey: nameKey(name),
      searchText: searchTextFor({ name }),
      ...values,
    })
    .returning({ id: stakeholders.id })
    .get().id
}

/**
 * An action row written straight to the log (no command, no audit): its month derived from its date
 * (unless told), of the `other` type with a plain title unless told. Returns its id.
 */
export function insertAction(values: Partial<typeof actions.$inferInsert> & { partnerId: number }) {
  const date = values.date ?? '2026-05-15'
  return db
    .insert(actions)
    .values({ typeId: typeId('other'), title: 'Akcja', month: date.slice(0, 7), ...values, date })
    .returning({ id: actions.id })
    .get().id
}
