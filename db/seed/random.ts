/** A small seeded pseudo-random generator (mulberry32), so demo and benchmark data are reproducible. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    /** Some distinct items, between min and max of them. */
    some: <T>(items: readonly T[], min: number, max: number): T[] => {
      const n = Math.min(items.length, min + Math.floor(next() * (max - min + 1)))
      const pool = [...items]
      const out: T[] = []
      while (out.length < n) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0])
      return out
    },
  }
}
export type Random = ReturnType<typeof createRandom>
