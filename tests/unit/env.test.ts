import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { parseEnv } from '~/utils/env.server'
import { safeRedirect } from '~/utils/redirect'

describe('environment', () => {
  it('has working defaults', () => {
    const env = parseEnv({} as NodeJS.ProcessEnv)
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBe('./data/ripple.db')
    expect(env.SEED_DEMO).toBe(true)
    expect(env.NODE_ENV).toBe('production')
    expect(env.WEB_CONCURRENCY).toBe(1)
    expect(env.TRUST_PROXY).toBe(false)
    expect(parseEnv({ TRUST_PROXY: 'true' } as unknown as NodeJS.ProcessEnv).TRUST_PROXY).toBe(true)
  })

  it('names every bad variable in one line', () => {
    expect(() =>
      parseEnv({ PORT: 'eighty', SEED_DEMO: 'maybe' } as unknown as NodeJS.ProcessEnv),
    ).toThrowError(/^Invalid environment: PORT: .*; SEED_DEMO: .*$/)
    expect(() => parseEnv({ WEB_CONCURRENCY: '0' } as unknown as NodeJS.ProcessEnv)).toThrowError(
      /^Invalid environment: WEB_CONCURRENCY: /,
    )
    expect(() => parseEnv({ TRUST_PROXY: 'yes' } as unknown as NodeJS.ProcessEnv)).toThrowError(
      /^Invalid environment: TRUST_PROXY: [^\n]*$/,
    )
  })

  it.each([
    ['PORT', 'eighty'],
    ['TRUST_PROXY', 'yes'],
  ])('stops the server with that one line (%s=%s)', (name, value) => {
    let message = ''
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
        env: { ...process.env, [name]: value },
        stdio: 'pipe',
      })
    } catch (error) {
      const e = error as { status: number; stderr: Buffer }
      expect(e.status).toBe(1)
      message = e.stderr.toString().trim()
    }
    expect(message).toMatch(new RegExp(`^Invalid environment: ${name}: `))
    expect(message.split('\n')).toHaveLength(1)
  })
})

describe('safeRedirect', () => {
  it.each([
    ['/actions?status=submitted', '/actions?status=submitted'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
  ])('%s -> %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
  })
})
