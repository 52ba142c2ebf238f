import type { DB } from '../client'
import type { Random } from './random'
import type { CoreSeed } from './core'

/** Demo data for the plan area (filled in by that area's work). */
export function seedPlan(_db: DB, _core: CoreSeed, _random: Random) {}
