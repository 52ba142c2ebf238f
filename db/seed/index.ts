import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'

import * as schema from '../schema'
import { seedActions } from './actions'
import { DEMO_PASSWORD, demoAccounts, seedCore } from './core'
import { seedEvidence } from './evidence'
import { spreadStakeholderCreation } from './history'
import { seedIdeas } from './ideas'
import { seedOutcomes } from './outcomes'
import { seedPeople } from './people'
import { seedPlan } from './plan'
import { seedPriorities } from './priorities'
import { createRandom } from './random'
import { seedStakeholders } from './stakeholders'

export { DEMO_PASSWORD, demoAccounts }

/** True when the database holds no project and no user: the only case the demo seed runs. */
export function isEmptyDatabase(sqlite: Database.Database): boolean {
  const count = (table: string) =>
    (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  return count('project') === 0 && count('users') === 0
}

/** Seeds the demo project in one transaction; never touches a database that holds data. */
export async function seedDemoIfEmpty(sqlite: Database.Database): Promise<boolean> {
  if (!isEmptyDatabase(sqlite)) return false
  const db = drizzle(sqlite, { schema })
  const random = createRandom(20260101)
  sqlite.exec('BEGIN')
  try {
    const core = await seedCore(db)
    seedStakeholders(db, core, random)
    seedPriorities(db, core, random)
    seedPlan(db, core, random)
    seedActions(db, core, random)
    seedEvidence(db, random)
    seedIdeas(db, core)
    seedPeople(db, core)
    seedOutcomes(db, core)
    spreadStakeholderCreation(db, createRandom(20250101))
    sqlite.exec('COMMIT')
  } catch (error) {
    sqlite.exec('ROLLBACK')
    throw error
  }
  return true
}
