import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { fixturePath, listFixtures } from '../setup/fixtures'

/**
 * A fresh clone passes its own tests: nothing in tests/ or scripts/ reads a folder beside the
 * project, no test skips itself because a file is missing, and every fixture has its source and
 * licence in tests/fixtures/README.md.
 */
const tracked = (...paths: string[]) =>
  execFileSync('git', ['ls-files', '--', ...paths], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && fs.existsSync(f))

describe('the repository is self-contained', () => {
  it('no test or script reads outside the repository', () => {
    const outside = tracked('tests', 'scripts').filter((f) =>
      /\.\.\/shared\b/.test(fs.readFileSync(f, 'utf8')),
    )
    expect(outside).toEqual([])
  })

  it('no test skips itself (a missing file fails the test and names it)', () => {
    const skipping = tracked('tests').filter((f) =>
      /\b(describe|it|test)\.(skipIf|runIf|skip)\b/.test(fs.readFileSync(f, 'utf8')),
    )
    expect(skipping).toEqual([])
  })

  it('names a missing fixture', () => {
    expect(() => fixturePath('universities', 'no-such-file.json')).toThrow(
      'Missing test fixture tests/fixtures/universities/no-such-file.json',
    )
  })

  it('lists every fixture folder with its source and licence', () => {
    const readme = fs.readFileSync(fixturePath('README.md'), 'utf8')
    const folders = fs.readdirSync(fixturePath()).filter((f) => fs.statSync(fixturePath(f)).isDirectory())
    expect(folders.length).toBeGreaterThanOrEqual(6)
    for (const folder of folders) expect(readme, folder).toContain(`\`${folder}/`)
    expect(listFixtures('universities', '.txt')).toEqual(['LICENSE.txt'])
  })
})
