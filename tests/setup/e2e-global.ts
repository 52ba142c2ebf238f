import { execSync } from 'node:child_process'
import fs from 'node:fs'

import type { TestProject } from 'vitest/node'

import { ensureFreshBuild } from './build'
import { createTemplateDb } from './template-db'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string
    chromiumPath: string
  }
}

function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    return execSync('which chromium', { encoding: 'utf8' }).trim()
  } catch {
    throw new Error(
      "Browser tests need Debian's chromium, which is not installed. Install it with: apt-get update && apt-get install -y chromium",
    )
  }
}

export default async function setup(project: TestProject) {
  project.provide('chromiumPath', findChromium())
  process.env.SEED_DEMO = 'true'
  ensureFreshBuild()
  const { dir, file } = await createTemplateDb()
  project.provide('templateDb', file)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
