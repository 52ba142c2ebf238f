import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`, stryker.config.mjs): the unit
 * and domain tests only. HTTP tests serve the production build, which is bundled from the
 * unmutated sources, so they cannot see a mutant; and the global setup here skips the build.
 */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // `npm run test:mutation -- --testFiles a,b` narrows this (scripts/mutation.ts sets the variable),
    // so that mutants Stryker must run against every test (static ones) run against these only.
    include: process.env.MUTATION_TEST_FILES?.split(',') ?? ['tests/unit/**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['tests/setup/global-unit.ts'],
    setupFiles: ['tests/setup/worker.ts'],
    // Instrumented code (mutant switches, per-test coverage) runs slower than the plain suite.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
})
