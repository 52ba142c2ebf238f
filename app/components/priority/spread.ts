/**
 * Spreads the dots of the power/interest grid that share a position (averages of 1-5 scores
 * often coincide) in a small sunflower around it, the same way on every render: the order is
 * by score then id, never random. Dots exactly on a cut-off (which counts as low) are kept on
 * the low side of the dividing line so that no dot sits on it.
 */
import type { GridCutoffs } from '~/models/priorities/scoring'

type Point = { id: number; influence: number; interest: number; score: number }

/** The distance between neighbours, in scale units (one unit is about 100 px on the chart). */
const STEP = 0.065
const MAX_RADIUS = 0.42
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5))
const OFF_LINE = 0.05

export function spreadPoints<P extends Point>(points: readonly P[], cutoffs: GridCutoffs) {
  const groups = new Map<string, P[]>()
  for (const p of points) {
    const key = `${p.interest.toFixed(4)}|${p.influence.toFixed(4)}`
    const group = groups.get(key)
    if (group) group.push(p)
    else groups.set(key, [p])
  }
  const offsets = new Map<number, { dx: number; dy: number }>()
  for (const group of groups.values()) {
    group.sort((a, b) => b.score - a.score || a.id - b.id)
    const onX = group[0].interest === cutoffs.interest
    const onY = group[0].influence === cutoffs.influence
    group.forEach((p, i) => {
      const single = group.length === 1
      const r = single ? 0 : Math.min(MAX_RADIUS, STEP * Math.sqrt(i + 0.5))
      let dx = r * Math.cos(i * GOLDEN_ANGLE)
      let dy = r * Math.sin(i * GOLDEN_ANGLE)
      if (onX) dx = -Math.abs(dx) - OFF_LINE
      if (onY) dy = -Math.abs(dy) - OFF_LINE
      offsets.set(p.id, { dx, dy })
    })
  }
  return points.map((p) => {
    const { dx, dy } = offsets.get(p.id)!
    return { ...p, x: p.interest + dx, y: p.influence + dy }
  })
}
