import fs from 'node:fs'

import type { TestProject } from 'vitest/node'

import { ensureFreshBuild } from './build'
import { createTemplateDb } from './template-db'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string
  }
}

export default async function setup(project: TestProject) {
  process.env.SEED_DEMO = 'true'
  ensureFreshBuild()
  const { dir, file } = await createTemplateDb()
  project.provide('templateDb', file)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
