/** The tier thresholds of the project, read by the commands and the recompute alike. */
import { eq } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { project } from '#db/schema'

import { DEFAULT_GRID_CUTOFFS, type GridCutoffs, type Thresholds } from './scoring'

export const now = () => new Date().toISOString()

export function getThresholds(tx: Tx = db): Thresholds {
  const row = tx
    .select({ tierA: project.tierAThreshold, tierB: project.tierBThreshold })
    .from(project)
    .where(eq(project.id, 1))
    .get()
  return row ?? { tierA: 70, tierB: 45 }
}

/** The cut-offs of the power/interest grid (strictly above is high). */
export function getGridCutoffs(tx: Tx = db): GridCutoffs {
  const row = tx
    .select({ influence: project.gridInfluenceCutoff, interest: project.gridInterestCutoff })
    .from(project)
    .where(eq(project.id, 1))
    .get()
  return row ?? DEFAULT_GRID_CUTOFFS
}
