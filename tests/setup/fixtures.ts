import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Files the tests and the benchmark read, kept in the repository under tests/fixtures (their
 * sources and licences are in tests/fixtures/README.md). A missing one fails with its name: a
 * test never skips because a file is absent.
 */
const root = fileURLToPath(new URL('../fixtures', import.meta.url))

export function fixturePath(...parts: string[]): string {
  const file = path.join(root, ...parts)
  if (!fs.existsSync(file))
    throw new Error(
      `Missing test fixture ${path.relative(process.cwd(), file)} (see tests/fixtures/README.md).`,
    )
  return file
}

export const readFixture = (...parts: string[]) => fs.readFileSync(fixturePath(...parts))

/** The names of the files in a fixture folder ending in `extension`; fails when there are none. */
export function listFixtures(folder: string, extension: string): string[] {
  const names = fs
    .readdirSync(fixturePath(folder))
    .filter((f) => f.endsWith(extension))
    .sort()
  if (names.length === 0) throw new Error(`No ${extension} files in tests/fixtures/${folder}.`)
  return names
}
