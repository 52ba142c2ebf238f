import { sql } from 'drizzle-orm'

import { db } from '#db/client'
import { stakeholders } from '#db/schema'
import {
  createCategory,
  listCategories,
  moveCategory,
  setCategoryArchived,
  updateCategory,
} from '~/models/stakeholders/index.server'
import type { Actor } from '~/utils/permissions'

import { assertAdministrator } from './shared.server'

/**
 * The stakeholder categories as the administration edits them: every category, archived ones
 * too, with how many active stakeholders each has. The writes are the stakeholder area's,
 * each in its own transaction, after checking the acting user may administer.
 */
export function categoriesWithCounts() {
  const counts = new Map(
    db
      .select({ id: stakeholders.categoryId, n: sql<number>`count(*)` })
      .from(stakeholders)
      .where(sql`${stakeholders.archivedAt} is null`)
      .groupBy(stakeholders.categoryId)
      .all()
      .map((r) => [r.id, r.n]),
  )
  return listCategories({ includeArchived: true }).map((c) => ({ ...c, count: counts.get(c.id) ?? 0 }))
}

/** Is there a category (archived or not) with this id? */
export function categoryExists(id: number) {
  return listCategories({ includeArchived: true }).some((c) => c.id === id)
}

type CategoryInput = { name: string; isFundedProject: boolean }

export function addCategory(input: CategoryInput, acting: Actor) {
  assertAdministrator(acting)
  return db.transaction((tx) => createCategory(tx, input, acting))
}

export function editCategory(id: number, input: CategoryInput, acting: Actor) {
  assertAdministrator(acting)
  return db.transaction((tx) => updateCategory(tx, id, input, acting))
}

/** Moves a category one place up (-1) or down (+1) in the lists. */
export function moveCategoryBy(id: number, direction: -1 | 1, acting: Actor) {
  assertAdministrator(acting)
  return db.transaction((tx) => moveCategory(tx, id, direction, acting))
}

export function archiveCategory(id: number, archived: boolean, acting: Actor) {
  assertAdministrator(acting)
  return db.transaction((tx) => setCategoryArchived(tx, id, archived, acting))
}
