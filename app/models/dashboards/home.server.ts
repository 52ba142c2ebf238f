/** The home page's figures: live actions, stakeholders and partners. */
import { sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, partners, stakeholders } from '#db/schema'

function liveCount(table: typeof actions | typeof stakeholders | typeof partners) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(sql`archived_at is null`)
    .get()!.n
}

export function homeCounts() {
  return { actions: liveCount(actions), stakeholders: liveCount(stakeholders), partners: liveCount(partners) }
}
