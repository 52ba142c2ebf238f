import { describe, expect, it } from 'vitest'

import {
  axisAverage,
  quadrantFor,
  tierFor,
  validThresholds,
  weightedScore,
} from '~/models/priorities/scoring'

describe('weightedScore', () => {
  it('maps 1 to 0 and 5 to 100', () => {
    expect(weightedScore([{ weight: 1, value: 1 }])).toBe(0)
    expect(weightedScore([{ weight: 1, value: 5 }])).toBe(100)
    expect(weightedScore([{ weight: 2, value: 3 }])).toBe(50)
  })

  it('normalises the weights: scaling them all changes nothing', () => {
    const a = weightedScore([
      { weight: 3, value: 5 },
      { weight: 1, value: 1 },
    ])
    const b = weightedScore([
      { weight: 30, value: 5 },
      { weight: 10, value: 1 },
    ])
    const c = weightedScore([
      { weight: 0.75, value: 5 },
      { weight: 0.25, value: 1 },
    ])
    expect(a).toBe(75)
    expect(b).toBeCloseTo(75, 10)
    expect(c).toBeCloseTo(75, 10)
  })

  it('leaves missing scores out instead of counting them as zero', () => {
    const partial = weightedScore([
      { weight: 2, value: 5 },
      { weight: 5, value: null },
      { weight: 1, value: undefined },
    ])
    expect(partial).toBe(100)
    // Had the missing ones counted as the lowest value, the score would be far lower.
    expect(
      weightedScore([
        { weight: 2, value: 5 },
        { weight: 5, value: 1 },
        { weight: 1, value: 1 },
      ]),
    ).toBe(25)
  })

  it('returns null (unscored), never 0, when nothing is scored', () => {
    expect(weightedScore([])).toBeNull()
    expect(weightedScore([{ weight: 1, value: null }])).toBeNull()
    expect(weightedScore([{ weight: 0, value: 4 }])).toBeNull()
  })

  it('ignores values outside 1-5', () => {
    expect(
      weightedScore([
        { weight: 1, value: 0 },
        { weight: 1, value: 6 },
        { weight: 1, value: 4 },
      ]),
    ).toBe(75)
  })
})

describe('tierFor', () => {
  const t = { tierA: 70, tierB: 45 }
  it('puts the edges in the higher tier', () => {
    expect(tierFor(70, t)).toBe('A')
    expect(tierFor(69.999, t)).toBe('B')
    expect(tierFor(45, t)).toBe('B')
    expect(tierFor(44.999, t)).toBe('C')
    expect(tierFor(100, t)).toBe('A')
    expect(tierFor(0, t)).toBe('C')
  })
  it('follows other thresholds', () => {
    expect(tierFor(50, { tierA: 50, tierB: 50 })).toBe('A')
    expect(tierFor(0, { tierA: 10, tierB: 0 })).toBe('B')
  })
  it('refuses thresholds with A below B or outside 0-100', () => {
    expect(validThresholds({ tierA: 40, tierB: 60 })).toBe(false)
    expect(validThresholds({ tierA: 120, tierB: 60 })).toBe(false)
    expect(validThresholds({ tierA: 60, tierB: 60 })).toBe(true)
  })
})

describe('grid placement', () => {
  it('averages an axis over the values given', () => {
    expect(axisAverage([4, null, 2])).toBe(3)
    expect(axisAverage([null])).toBeNull()
  })
  it('splits the quadrants strictly above the midpoint 3 by default, so 3 counts as low', () => {
    expect(quadrantFor(5, 5)).toBe('manage_closely')
    expect(quadrantFor(3, 3)).toBe('monitor')
    expect(quadrantFor(3.01, 3.01)).toBe('manage_closely')
    expect(quadrantFor(4, 3)).toBe('keep_satisfied')
    expect(quadrantFor(3, 4)).toBe('keep_informed')
    expect(quadrantFor(1, 2)).toBe('monitor')
    expect(quadrantFor(null, 4)).toBeNull()
  })
})

describe('the enums the browser uses', () => {
  it('equal the schema', async () => {
    const { QUADRANTS, STAGES, TIERS } = await import('~/models/priorities/scoring')
    const schema = await import('#db/schema')
    expect([...TIERS]).toEqual([...schema.tiers])
    expect([...QUADRANTS]).toEqual([...schema.quadrants])
    expect([...STAGES]).toEqual([...schema.stages])
  })
})
