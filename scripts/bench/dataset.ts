/** Where the benchmark dataset lives, and its shape. Shared by the generator and the benchmark. */
import path from 'node:path'

export const BENCH_DB = path.resolve(process.env.BENCH_DB ?? 'bench-data/ripple-bench.db')
export const BENCH_SEED = 424242

export const dataset = {
  partners: 40,
  stakeholders: 100_000,
  actions: 1_000_000,
  firstMonth: '2022-01',
  lastMonth: '2026-12',
  scoredShare: 0.8,
}
