import { z } from 'zod'

const booleanString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('./data/ripple.db'),
  SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  SEED_DEMO: booleanString.default('true'),
  /** Largest upload accepted by imports and materials, in megabytes. */
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(200).default(10),
  /** Outbound evidence fetches: time limit (ms) and body limit (bytes). */
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  FETCH_MAX_BYTES: z.coerce.number().int().positive().default(1_000_000),
  /** Serve msw mocks for outbound HTTP (development and browser tests only). */
  MOCKS: booleanString.default('false'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
  /** Server processes sharing the port (Node cluster); set it to the number of cores on a server. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Behind a TLS-terminating proxy: take the browser's protocol, host and address from
   * X-Forwarded-Proto, X-Forwarded-Host and the nearest X-Forwarded-For hop.
   */
  TRUST_PROXY: booleanString.default('false'),
  /** /healthz answers 503 when the database's disk has less free space than this, in megabytes. */
  HEALTH_MIN_FREE_MB: z.coerce.number().int().min(0).default(100),
})

export type Env = z.infer<typeof schema>

/** Parses process.env; the message names every bad variable on one line. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new EnvError(`Invalid environment: ${problems}`)
  }
  return result.data
}

export class EnvError extends Error {}

let cached: Env | undefined
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
