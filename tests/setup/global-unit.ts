import fs from 'node:fs'

import type { TestProject } from 'vitest/node'

import { createTemplateDb } from './template-db'

/**
 * The global setup of the unit-only runs (vitest.stryker.config.ts): the template database, no app
 * build (unit tests import the sources; a build in Stryker's sandbox would bundle mutated code).
 */
export default async function setup(project: TestProject) {
  process.env.SEED_DEMO = 'true'
  const { dir, file } = await createTemplateDb()
  project.provide('templateDb', file)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
