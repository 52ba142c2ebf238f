/**
 * `npm run test:mutation [-- options]`: runs StrykerJS (stryker.config.mjs), then merges its JSON
 * report into reports/mutation/mutation.json and rewrites MUTATION.md (scripts/mutation-report.ts).
 *
 *   --mutate <globs>     mutate only these files (comma-separated globs), e.g. 'app/models/actions/**'
 *   --incremental        reuse the results of unchanged code and tests from the last incremental run
 *                        of the same --mutate set (its file, reports/mutation/incremental*.json, is committed)
 *   --force              with --incremental: run every mutant and rewrite the incremental file
 *   --testFiles <globs>  run only these test files against the mutants (comma-separated), e.g. a
 *                        module's dedicated tests; recorded in MUTATION.md
 *   --concurrency <n>    test runner processes (default 1)
 */
import { Stryker } from '@stryker-mutator/core'

import { updateMutationReport } from './mutation-report'

type Options = NonNullable<ConstructorParameters<typeof Stryker>[0]>

function parse(argv: string[]): Options {
  const options: Options = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value`)
      return next
    }
    if (arg === '--mutate' || arg === '-m') options.mutate = value().split(',').filter(Boolean)
    else if (arg === '--incremental') options.incremental = true
    else if (arg === '--force') options.force = true
    else if (arg === '--testFiles' || arg === '-t') options.testFiles = value().split(',').filter(Boolean)
    else if (arg === '--concurrency' || arg === '-c') options.concurrency = Number(value())
    else throw new Error(`Unknown option ${arg} (see scripts/mutation.ts)`)
  }
  // Stryker's incremental file holds the results of one mutate set only; keep one file per set so an
  // incremental run of one area does not drop the others'.
  if (options.incremental && options.mutate) {
    const slug = options.mutate
      .join('_')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
    options.incrementalFile = `reports/mutation/incremental-${slug}.json`
  }
  return options
}

const options = parse(process.argv.slice(2))
/*
 * --testFiles narrows vitest's include (vitest.stryker.config.ts) and is NOT passed on to Stryker:
 * with a test filter of its own, Stryker 9.6 activates every mutant at run time (mutantActivation
 * 'runtime', after the modules are imported), so a static mutant (module-level code, such as the
 * permission table) was never switched on and survived whatever the tests checked.
 */
const testFiles = options.testFiles as string[] | undefined
delete options.testFiles
if (testFiles) process.env.MUTATION_TEST_FILES = testFiles.join(',')
const results = await new Stryker(options).runMutationTest()
console.log(`${results.length} mutants tested`)
updateMutationReport({ merge: true, testFiles, mutate: options.mutate as string[] | undefined })
