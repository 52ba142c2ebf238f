import { describe, expect, it } from 'vitest'

import {
  axisAverage,
  DEFAULT_GRID_CUTOFFS,
  GRID_MIDPOINT,
  isScoreValue,
  quadrantFor,
  roundScore,
  SCORE_MAX,
  SCORE_MIN,
  validCutoff,
  validThresholds,
  weightedScore,
} from '~/models/priorities/scoring'

describe('the scale and its cut-offs', () => {
  it('runs from 1 to 5 with the grid midpoint 3 as the default cut-off on both axes', () => {
    expect([SCORE_MIN, SCORE_MAX, GRID_MIDPOINT]).toEqual([1, 5, 3])
    expect(DEFAULT_GRID_CUTOFFS).toEqual({ influence: 3, interest: 3 })
  })

  it('accepts a cut-off from 1 up to, not including, 5, and only finite numbers', () => {
    expect(validCutoff(1)).toBe(true)
    expect(validCutoff(4.99)).toBe(true)
    expect(validCutoff(3)).toBe(true)
    expect(validCutoff(0.99)).toBe(false)
    expect(validCutoff(5)).toBe(false)
    expect(validCutoff(Number.NaN)).toBe(false)
    expect(validCutoff(Number.POSITIVE_INFINITY)).toBe(false)
    expect(validCutoff(Number.NEGATIVE_INFINITY)).toBe(false)
  })

  it('takes as a score only a whole number from 1 to 5', () => {
    expect([1, 2, 3, 4, 5].map(isScoreValue)).toEqual([true, true, true, true, true])
    expect(isScoreValue(0)).toBe(false)
    expect(isScoreValue(6)).toBe(false)
    expect(isScoreValue(2.5)).toBe(false)
    expect(isScoreValue('3')).toBe(false)
    expect(isScoreValue(null)).toBe(false)
    expect(isScoreValue(Number.NaN)).toBe(false)
  })
})

describe('weightedScore with odd weights', () => {
  it('leaves out a criterion whose weight is not a positive number', () => {
    expect(
      weightedScore([
        { weight: Number.NaN, value: 1 },
        { weight: -2, value: 1 },
        { weight: 0, value: 1 },
        { weight: 1, value: 5 },
      ]),
    ).toBe(100)
    expect(weightedScore([{ weight: Number.NaN, value: 3 }])).toBeNull()
  })

  it('weighs each value by its own weight', () => {
    // (3 * 0.25 + 1 * 1) / 4 * 100
    expect(
      weightedScore([
        { weight: 3, value: 2 },
        { weight: 1, value: 5 },
      ]),
    ).toBeCloseTo(43.75, 10)
    expect(
      weightedScore([
        { weight: 1, value: 2 },
        { weight: 3, value: 4 },
      ]),
    ).toBeCloseTo(62.5, 10)
  })
})

describe('axisAverage', () => {
  it('is null with no value on the scale and the mean of those given otherwise', () => {
    expect(axisAverage([])).toBeNull()
    expect(axisAverage([0, 6, undefined, null])).toBeNull()
    expect(axisAverage([1, 2])).toBe(1.5)
    expect(axisAverage([5])).toBe(5)
    expect(axisAverage([2, 7, 3, 4])).toBe(3)
  })
})

describe('quadrantFor without a position', () => {
  it('is null when either axis is missing, and places 0-low values in monitor', () => {
    expect(quadrantFor(4, null)).toBeNull()
    expect(quadrantFor(4, undefined)).toBeNull()
    expect(quadrantFor(undefined, 4)).toBeNull()
    expect(quadrantFor(null, null)).toBeNull()
    expect(quadrantFor(1, 1)).toBe('monitor')
  })

  it('uses the given cut-offs over the default, one per axis', () => {
    expect(quadrantFor(2, 2, { influence: 1.5, interest: 1.5 })).toBe('manage_closely')
    expect(quadrantFor(2, 2, { influence: 1.5, interest: 2 })).toBe('keep_satisfied')
    expect(quadrantFor(2, 2, { influence: 2, interest: 1.5 })).toBe('keep_informed')
  })
})

describe('validThresholds at its edges', () => {
  it('takes the ends of the 0-100 range and equal thresholds', () => {
    expect(validThresholds({ tierA: 0, tierB: 0 })).toBe(true)
    expect(validThresholds({ tierA: 100, tierB: 100 })).toBe(true)
    expect(validThresholds({ tierA: 100, tierB: 0 })).toBe(true)
  })

  it('refuses each bound broken on its own', () => {
    expect(validThresholds({ tierA: 50, tierB: -0.1 })).toBe(false)
    expect(validThresholds({ tierA: 100.1, tierB: 50 })).toBe(false)
    expect(validThresholds({ tierA: 44.9, tierB: 45 })).toBe(false)
  })
})

describe('roundScore', () => {
  it('rounds to one decimal', () => {
    expect(roundScore(66.666)).toBe(66.7)
    expect(roundScore(43.75)).toBe(43.8)
    expect(roundScore(12.34)).toBe(12.3)
    expect(roundScore(100)).toBe(100)
    expect(roundScore(0)).toBe(0)
  })
})
