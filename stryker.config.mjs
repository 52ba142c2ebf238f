// Mutation testing (`npm run test:mutation`, see scripts/mutation.ts and MUTATION.md). Not part of
// `npm test` or CI: it is slow. Mutants are run against the unit and domain tests only
// (vitest.stryker.config.ts): HTTP tests serve the production build, bundled from unmutated sources.

const config = {
  testRunner: 'vitest',
  // related: false. With vitest's related-file lookup, static mutants (module-level code, such as the
  // permission table) found no test in the sandbox and were reported as survivors without running.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: raise with `-- --concurrency 2` on a quiet machine.
  concurrency: 1,
  mutate: [
    'app/models/**/*.ts',
    'app/utils/permissions.ts',
    'app/utils/csv.server.ts',
    'app/utils/session.server.ts',
    'app/utils/auth.server.ts',
    '!app/models/**/*.test.ts',
  ],
  reporters: ['json', 'clear-text', 'progress'],
  // The raw report of the last run (gitignored); scripts/mutation-report.ts merges it into
  // reports/mutation/mutation.json and writes MUTATION.md.
  jsonReporter: { fileName: 'reports/mutation/last-run.json' },
  clearTextReporter: { reportTests: false, reportMutants: false, reportScoreTable: true },
  incrementalFile: 'reports/mutation/incremental.json',
  ignorePatterns: [
    'build',
    'public/build',
    'data',
    'bench-data',
    'tmp',
    'docs',
    'MUTATION.md',
    'BENCHMARKS.md',
  ],
  tempDirName: '.stryker-tmp',
  timeoutMS: 10_000,
  thresholds: { high: 85, low: 70, break: null },
}

export default config
