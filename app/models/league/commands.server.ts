import { eq } from 'drizzle-orm'

import type { Tx } from '#db/client'
import { project } from '#db/schema'
import { recordUpdate } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { assertMayManageLeague } from './policy'

/** The communications lead switches the league on or off for the whole project (audited). */
export function setLeagueEnabled(tx: Tx, enabled: boolean, actor: Actor): void {
  assertMayManageLeague(actor)
  const before = tx.select({ on: project.leagueEnabled }).from(project).where(eq(project.id, 1)).get()
  if (!before) throw new Error('The project row is missing; seed or migrate the database first.')
  tx.update(project)
    .set({ leagueEnabled: enabled, updatedAt: new Date().toISOString() })
    .where(eq(project.id, 1))
    .run()
  recordUpdate(
    tx,
    { userId: actor.id, entity: 'project', entityId: 1, summary: 'partner league' },
    { leagueEnabled: before.on },
    { leagueEnabled: enabled },
  )
}
