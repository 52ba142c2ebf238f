/**
 * The scoring rules of prioritisation as pure functions, shared by the server (which applies the
 * same rules in SQL for the whole register, see priorities/recompute.server.ts) and the browser (to preview
 * a row's score while it is being scored). Keep the two in step: tests compare them.
 */
import type { Quadrant, Tier } from '#db/schema/priorities'

export const SCORE_MIN = 1
export const SCORE_MAX = 5
/** The middle of the 1-5 scale: the default line between low and high on the power/interest grid. */
export const GRID_MIDPOINT = 3

/**
 * Where "high" begins on each axis of the power/interest grid: a value strictly above the
 * cut-off is high. Set in /priorities/criteria; the default is the middle of the scale, so a
 * stakeholder scored "3 - medium" is not high.
 */
export type GridCutoffs = { influence: number; interest: number }
export const DEFAULT_GRID_CUTOFFS: GridCutoffs = { influence: GRID_MIDPOINT, interest: GRID_MIDPOINT }
/** A cut-off lies on the scale, below its top (at the top nothing could be high). */
export function validCutoff(value: number): boolean {
  return Number.isFinite(value) && value >= SCORE_MIN && value < SCORE_MAX
}

export type WeightedValue = { weight: number; value: number | null | undefined }

export function isScoreValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX
}

/**
 * Weighted score 0-100 over the criteria that HAVE a score: sum(w * (v - 1) / 4) / sum(w) * 100.
 * Missing scores are left out (not counted as zero); weights are normalised so they need not sum
 * to anything. No score at all (or no positive weight) means "unscored": null, never 0.
 */
export function weightedScore(entries: readonly WeightedValue[]): number | null {
  let weighted = 0
  let weights = 0
  for (const { weight, value } of entries) {
    if (!isScoreValue(value) || !(weight > 0)) continue
    weighted += (weight * (value - SCORE_MIN)) / (SCORE_MAX - SCORE_MIN)
    weights += weight
  }
  if (weights === 0) return null
  return (weighted / weights) * 100
}

export type Thresholds = { tierA: number; tierB: number }

/** Tier A at or above the A threshold, B at or above the B threshold, else C (edges inclusive). */
export function tierFor(score: number, thresholds: Thresholds): Tier {
  if (score >= thresholds.tierA) return 'A'
  if (score >= thresholds.tierB) return 'B'
  return 'C'
}

/** Average of the 1-5 values given (null when none): the position on one axis of the grid. */
export function axisAverage(values: readonly (number | null | undefined)[]): number | null {
  const given = values.filter(isScoreValue)
  if (!given.length) return null
  return given.reduce((a, b) => a + b, 0) / given.length
}

/**
 * The quadrant of the power/interest grid. High means strictly above the axis' cut-off, so with
 * the default cut-offs (3) a stakeholder scored "3 - medium" on both axes is monitored, and
 * "manage closely" is kept for those above the middle on both.
 */
export function quadrantFor(
  influence: number | null | undefined,
  interest: number | null | undefined,
  cutoffs: GridCutoffs = DEFAULT_GRID_CUTOFFS,
): Quadrant | null {
  if (influence === null || influence === undefined || interest === null || interest === undefined)
    return null
  const highInfluence = influence > cutoffs.influence
  const highInterest = interest > cutoffs.interest
  if (highInfluence && highInterest) return 'manage_closely'
  if (highInfluence) return 'keep_satisfied'
  if (highInterest) return 'keep_informed'
  return 'monitor'
}

/** Thresholds must stay within 0-100 and A must not be below B. */
export function validThresholds(t: Thresholds): boolean {
  return t.tierA >= 0 && t.tierA <= 100 && t.tierB >= 0 && t.tierB <= 100 && t.tierA >= t.tierB
}

/** Rounded for display and CSV: one decimal. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10
}

/**
 * The enums the browser needs, kept here so client code does not bundle the Drizzle schema;
 * a unit test checks they equal the schema's.
 */
export const TIERS = ['A', 'B', 'C'] as const satisfies readonly Tier[]
export const QUADRANTS = [
  'manage_closely',
  'keep_satisfied',
  'keep_informed',
  'monitor',
] as const satisfies readonly Quadrant[]
export const STAGES = ['identified', 'contacted', 'engaged', 'collaborating', 'dormant'] as const
