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
  /** Outgoing mail server, smtp://user:pass@host:587 or smtps://...; unset: messages go to outbox/ beside the database. */
  SMTP_URL: z
    .string()
    .url('must be a URL like smtp://user:pass@host:587')
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of every message, e.g. "Ripple <ripple@example.org>". */
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'must be an address, e.g. Ripple <ripple@example.org>',
    )
    .default('Ripple <ripple@localhost>'),
  /** The public address of the app, for links in messages, e.g. https://ripple.example.org. */
  APP_URL: z.string().url('must be a URL like https://ripple.example.org').optional(),
  /** A partner user who has logged nothing for this many days gets a reminder. */
  REMIND_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(21),
  /** Run the scheduled jobs (reminders, digests, mail retries) in this server. */
  JOBS: booleanString.default('true'),
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
