import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

/** Browser journeys: Debian's chromium driven by playwright-core against the production build. */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/setup/e2e-global.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page that changes after a request (a redirect, a revalidation) can take a few seconds on
    // a busy 2-core machine: expect.poll waits up to 10 s (the default of 1 s made CI flaky).
    expect: { poll: { timeout: 10_000 } },
  },
})
