export type Timing = {
  runs: number
  medianMs: number
  p95Ms: number
  p99Ms: number
  minMs: number
  maxMs: number
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    runs: sorted.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    minMs: round(sorted[0]),
    maxMs: round(sorted[sorted.length - 1]),
  }
}

/** Runs `fn` a few times to warm caches, then `runs` times, and summarises the durations. */
export async function measure(
  fn: () => unknown | Promise<unknown>,
  { warmup = 5, runs = 30 } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    samples.push(performance.now() - t)
  }
  return summarize(samples)
}
