/**
 * Benchmark tasks that write (import, duplicate scan), run in a child process against a copy of
 * the dataset so the main dataset stays unchanged. Prints one JSON line.
 */
import fs from 'node:fs'
import path from 'node:path'
import { measure } from './stats'

const task = process.argv[2]

if (task === 'import-universities') {
  const file = path.resolve('../shared/data/universities/world_universities_and_domains.json')
  const buffer = fs.readFileSync(file)
  const importer = await import('~/models/import/stakeholder-import.server')
  const { sqlite } = await import('#db/client')
  const userId = (sqlite().prepare(`select id from users where email = 'comms@demo.ripple'`).get() as { id: number }).id
  const before = (sqlite().prepare('select count(*) as n from stakeholders').get() as { n: number }).n
  const t = performance.now()
  const report = await importer.importStakeholdersFromBuffer({ buffer, fileName: 'world_universities_and_domains.json', userId })
  const ms = performance.now() - t
  const after = (sqlite().prepare('select count(*) as n from stakeholders').get() as { n: number }).n
  console.log(JSON.stringify({ ms, created: after - before, report: summarizeReport(report) }))
} else if (task === 'duplicate-scan') {
  const duplicates = await import('~/models/duplicates.server')
  let groups = 0
  const timing = await measure(
    () => {
      const result = duplicates.findDuplicateGroups() as unknown
      groups = Array.isArray(result) ? result.length : Number((result as { total?: number })?.total ?? 0)
    },
    { warmup: 1, runs: 5 },
  )
  console.log(JSON.stringify({ ...timing, groups }))
} else {
  throw new Error(`Unknown task ${task}`)
}

function summarizeReport(report: unknown) {
  if (!report || typeof report !== 'object') return report
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(report)) out[k] = Array.isArray(v) ? v.length : typeof v === 'object' ? undefined : v
  return out
}
