/**
 * Turns Stryker's JSON report (reports/mutation/last-run.json, mutation-testing-report-schema) into
 * the committed summary reports/mutation/mutation.json and MUTATION.md.
 *
 * Runs are often partial (one area, or only the changed files with --incremental), so the summary is
 * kept per file: a run replaces the entries of the files it mutated and keeps the others, each with
 * the date and commit of the run that produced it. Areas no run has covered are listed as not run.
 *
 *   tsx scripts/mutation-report.ts          merge the last run (if any) and rewrite MUTATION.md
 *   tsx scripts/mutation-report.ts --no-merge   rewrite MUTATION.md from the summary only
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const LAST_RUN = 'reports/mutation/last-run.json'
const SUMMARY = 'reports/mutation/mutation.json'
const MARKDOWN = 'MUTATION.md'

type Status =
  'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending'

type StrykerMutant = {
  mutatorName: string
  replacement?: string
  status: Status
  statusReason?: string
  location: { start: { line: number; column: number } }
  static?: boolean
}
type StrykerReport = { files: Record<string, { mutants: StrykerMutant[] }> }

type Counts = Record<'killed' | 'timeout' | 'survived' | 'noCoverage' | 'errors' | 'ignored', number>
/** A mutant worth reading: one that lived (survived, no coverage) or one disabled as equivalent. */
type Listed = {
  line: number
  column: number
  mutator: string
  replacement: string
  status: Status
  reason?: string
  /** Module-level code, run once on import (see the note in MUTATION.md). */
  static?: boolean
}
type FileEntry = {
  date: string
  commit: string
  /** The test files the run was limited to (--testFiles); absent: every related unit test. */
  testFiles?: string[]
  counts: Counts
  listed: Listed[]
}
type Summary = { files: Record<string, FileEntry> }

/** The groups whose every mutant must be killed or explained as equivalent. */
const critical: { name: string; test: (file: string) => boolean }[] = [
  {
    name: 'Policy modules (`app/models/*/policy.ts`, `app/utils/permissions.ts`)',
    test: (f) => /^app\/models\/[^/]+\/policy\.ts$/.test(f) || f === 'app/utils/permissions.ts',
  },
  {
    name: 'Outbound fetch guard (`app/models/evidence/safe-fetch.server.ts`)',
    test: (f) => f === 'app/models/evidence/safe-fetch.server.ts',
  },
  { name: 'CSV cell protection (`app/utils/csv.server.ts`)', test: (f) => f === 'app/utils/csv.server.ts' },
  {
    name: 'Session and password (`app/utils/session.server.ts`, `app/utils/auth.server.ts`)',
    test: (f) => f === 'app/utils/session.server.ts' || f === 'app/utils/auth.server.ts',
  },
]

const emptyCounts = (): Counts => ({
  killed: 0,
  timeout: 0,
  survived: 0,
  noCoverage: 0,
  errors: 0,
  ignored: 0,
})

function count(mutants: StrykerMutant[]): Counts {
  const c = emptyCounts()
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++
    else if (m.status === 'Timeout') c.timeout++
    else if (m.status === 'Survived') c.survived++
    else if (m.status === 'NoCoverage') c.noCoverage++
    else if (m.status === 'Ignored') c.ignored++
    else if (m.status === 'CompileError' || m.status === 'RuntimeError') c.errors++
  }
  return c
}

function add(a: Counts, b: Counts): Counts {
  const sum = emptyCounts()
  for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] = a[key] + b[key]
  return sum
}

/** Stryker's mutation score: detected (killed, timed out) over valid mutants (errors and ignored left out). */
function score(c: Counts): string {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage
  return valid === 0 ? 'n/a' : `${((100 * (c.killed + c.timeout)) / valid).toFixed(1)}%`
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

function commitOf(files: string[]): string {
  const head = git(['rev-parse', '--short', 'HEAD']) || 'unknown'
  const dirty = files.length > 0 && git(['status', '--porcelain', '--', ...files]) !== ''
  return dirty ? `${head} + uncommitted changes` : head
}

function readJson<T>(file: string, fallback: T): T {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : fallback
}

const toPosix = (file: string) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/')

/** Folds one Stryker report into the per-file summary. */
export function mergeRun(
  summary: Summary,
  report: StrykerReport,
  date: string,
  testFiles?: string[],
  mutate?: string[],
): Summary {
  const files = Object.keys(report.files).map(toPosix)
  const commit = commitOf(files)
  const merged: Summary = { files: { ...summary.files } }
  // Stryker's report leaves out the files it found no mutant in (type-only modules, re-export
  // barrels): record them as run, with nothing to kill, rather than as never run.
  for (const file of mutate ? matching(mutate) : []) {
    if (files.includes(file)) continue
    merged.files[file] = {
      date,
      commit,
      ...(testFiles ? { testFiles } : {}),
      counts: emptyCounts(),
      listed: [],
    }
  }
  for (const [name, { mutants }] of Object.entries(report.files)) {
    const listed = mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage' || m.status === 'Ignored')
      .map((m) => ({
        line: m.location.start.line,
        column: m.location.start.column,
        mutator: m.mutatorName,
        replacement: (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80),
        status: m.status,
        ...(m.status === 'Ignored' && m.statusReason ? { reason: m.statusReason } : {}),
        ...(m.static ? { static: true } : {}),
      }))
      .sort((a, b) => a.line - b.line || a.column - b.column)
    merged.files[toPosix(name)] = {
      date,
      commit,
      ...(testFiles ? { testFiles } : {}),
      counts: count(mutants),
      listed,
    }
  }
  merged.files = Object.fromEntries(Object.entries(merged.files).sort(([a], [b]) => a.localeCompare(b)))
  return merged
}

/** The files of mutableFiles() that Stryker's `mutate` patterns select (globs with * and **, ! to exclude). */
function matching(patterns: string[]): string[] {
  const toRegExp = (glob: string) => {
    const escape = (part: string) => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&')
    const body = glob
      .split('**')
      .map((part) => part.split('*').map(escape).join('[^/]*'))
      .join('.*')
    return new RegExp(`^${body}$`)
  }
  // A pattern may end with a line range (file.ts:10-20): the file is what it selects here.
  const globs = patterns.map((p) => p.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, ''))
  const include = globs.filter((p) => !p.startsWith('!')).map(toRegExp)
  const exclude = globs.filter((p) => p.startsWith('!')).map((p) => toRegExp(p.slice(1)))
  return mutableFiles().filter((f) => include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)))
}

/** Every file the default `mutate` set covers, so areas never run are reported as such. */
function mutableFiles(): string[] {
  const models = fs
    .readdirSync('app/models', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `app/models/${f.split(path.sep).join('/')}`)
  return [
    ...models,
    'app/utils/permissions.ts',
    'app/utils/csv.server.ts',
    'app/utils/session.server.ts',
    'app/utils/auth.server.ts',
  ].sort()
}

type Row = { name: string; files: string[]; run: string[] }

function row({ name, files, run }: Row, summary: Summary): string {
  if (run.length === 0) return `| ${name} | not run | | | | | 0 of ${files.length} | |`
  const c = run.map((f) => summary.files[f].counts).reduce(add, emptyCounts())
  const dates = [
    ...new Set(
      run.map((f) => {
        const { date, commit, testFiles } = summary.files[f]
        const tests = testFiles ? `, tests: ${testFiles.map((t) => `\`${t}\``).join(' ')}` : ''
        return `${date.slice(0, 16).replace('T', ' ')} (${commit}${tests})`
      }),
    ),
  ]
  return `| ${name} | ${score(c)} | ${c.killed + c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.ignored} | ${run.length} of ${files.length} | ${dates.join(', ')} |`
}

const tableHead = [
  '| Area | Score | Killed | Survived | No coverage | Equivalent (disabled) | Files run | Run (date, commit) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
]

function listing(files: string[], summary: Summary, wanted: (l: Listed) => boolean): string[] {
  const lines: string[] = []
  for (const file of files) {
    for (const m of summary.files[file]?.listed.filter(wanted) ?? []) {
      const what = `${m.mutator}${m.replacement ? `: \`${m.replacement.replace(/`/g, "'")}\`` : ''}`
      const status = m.static ? `${m.status} (static)` : m.status
      lines.push(`- \`${file}:${m.line}:${m.column}\` ${status} ${what}${m.reason ? `: ${m.reason}` : ''}`)
    }
  }
  return lines
}

export function renderMarkdown(summary: Summary, now: string): string {
  const all = mutableFiles()
  const inSummary = (f: string) => f in summary.files
  const criticalRows: Row[] = critical.map(({ name, test }) => {
    const files = all.filter(test)
    return { name, files, run: files.filter(inSummary) }
  })
  const areas = [...new Set(all.filter((f) => f.startsWith('app/models/')).map((f) => f.split('/')[2]))]
  const areaRows: Row[] = areas.map((area) => {
    const files = all.filter((f) => f.startsWith(`app/models/${area}/`))
    return { name: `\`app/models/${area}\``, files, run: files.filter(inSummary) }
  })
  const domainFiles = all.filter((f) => f.startsWith('app/models/'))
  const domainTotal: Row = {
    name: '**Domain, files run so far**',
    files: domainFiles,
    run: domainFiles.filter(inSummary),
  }
  const lived = (l: Listed) => l.status !== 'Ignored'
  const survivors = listing(all, summary, lived)
  const equivalent = listing(all, summary, (l) => l.status === 'Ignored')
  const notRun = areaRows.filter((r) => r.run.length < r.files.length)

  return [
    '# Mutation testing',
    '',
    `Generated ${now.slice(0, 16).replace('T', ' ')} UTC at commit ${commitOf([])} by \`npm run test:mutation\``,
    '(StrykerJS 9, vitest runner, `coverageAnalysis: perTest`). Mutants are run against the unit and',
    'domain tests (`tests/unit`, `vitest.stryker.config.ts`), not the HTTP tests, which serve the',
    'production build bundled from unmutated sources. Each row gives the date and commit of the run',
    'that produced its figures; runs are per area, so rows can come from different commits.',
    '',
    'Score = (killed + timed out) / (killed + timed out + survived + no coverage). Mutants disabled in',
    'the source with a `// Stryker disable` comment are equivalent ones (no test can tell them from',
    'the code); each is listed below with its reason. Compile and runtime errors are left out.',
    '',
    '## Security-critical modules (goal: 100% killed or explained)',
    '',
    ...tableHead,
    ...criticalRows.map((r) => row(r, summary)),
    '',
    '## Domain, per area (goal: 85% or more)',
    '',
    ...tableHead,
    ...areaRows.map((r) => row(r, summary)),
    row(domainTotal, summary),
    '',
    '## Not run yet',
    '',
    ...(notRun.length
      ? notRun.map((r) => `- ${r.name}: ${r.files.length - r.run.length} of ${r.files.length} files not run`)
      : ['Every area has been run.']),
    '',
    '## Surviving mutants (survived or not covered)',
    '',
    'A mutant marked (static) is in module-level code, evaluated once on import (constant tables,',
    'functions assigned to constants). Stryker runs every included test against it, with the mutant',
    'switched on before the module is imported. (Runs before 2026-12-04 16:10 passed `--testFiles` on',
    'to Stryker, which then switched static mutants on only after the import: they survived whatever',
    'the tests checked. scripts/mutation.ts now narrows the tests through vitest instead.)',
    '',
    ...(survivors.length ? survivors : ['None.']),
    '',
    '## Equivalent mutants (disabled in the source, with the reason)',
    '',
    ...(equivalent.length ? equivalent : ['None.']),
    '',
    '## How to run',
    '',
    '```sh',
    "npm run test:mutation                                   # every file in stryker.config.mjs's mutate",
    "npm run test:mutation -- --mutate 'app/models/actions/**'   # one area (comma-separate several globs)",
    "npm run test:mutation -- --mutate 'app/utils/csv.server.ts' --incremental   # reuse the last results of unchanged code",
    "npm run test:mutation -- --mutate 'app/utils/csv.server.ts' --testFiles 'tests/unit/csv.test.ts'   # only these tests",
    'npm run test:mutation -- --concurrency 2                # on a quiet machine',
    'npm run test:mutation:report                            # rewrite this file from reports/mutation/',
    '```',
    '',
  ].join('\n')
}

export function updateMutationReport(
  options: { merge: boolean; testFiles?: string[]; mutate?: string[] } = { merge: true },
) {
  const now = new Date().toISOString()
  let summary = readJson<Summary>(SUMMARY, { files: {} })
  const hasReport = fs.existsSync(LAST_RUN)
  // A run whose files hold no mutant at all writes no report; with --mutate its files are still
  // recorded as run, with nothing to kill.
  if (options.merge && (hasReport || options.mutate)) {
    const report = readJson<StrykerReport>(LAST_RUN, { files: {} })
    summary = mergeRun(summary, report, now, options.testFiles, options.mutate)
    fs.mkdirSync(path.dirname(SUMMARY), { recursive: true })
    fs.writeFileSync(SUMMARY, JSON.stringify(summary, null, 1) + '\n')
    // Merged once: a later --no-merge or report-only call must not fold it in again with a new date.
    if (hasReport) fs.renameSync(LAST_RUN, LAST_RUN.replace(/\.json$/, '.merged.json'))
  }
  fs.writeFileSync(MARKDOWN, renderMarkdown(summary, now))
  console.log(`Wrote ${MARKDOWN} and ${SUMMARY}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  updateMutationReport({ merge: !process.argv.includes('--no-merge') })
}
