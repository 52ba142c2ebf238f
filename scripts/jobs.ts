/**
 * `npm run jobs -- --list` prints the scheduled jobs; `npm run jobs -- --run NAME` runs one now
 * (even when its period already ran; each message still goes to a person once per period).
 */
import { parseArgs } from 'node:util'

import { EnvError, parseEnv } from '~/utils/env.server'

try {
  parseEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const { values } = parseArgs({ options: { list: { type: 'boolean' }, run: { type: 'string' } } })
const { findJob, jobRegistry, runJob } = await import('~/models/jobs/index.server')
const { flushMail } = await import('~/models/mail/index.server')

if (values.run) {
  const job = findJob(values.run)
  if (!job) {
    console.error(`No job called "${values.run}". Jobs: ${jobRegistry.map((j) => j.name).join(', ')}`)
    process.exit(2)
  }
  const outcome = await runJob(job, { force: true })
  await flushMail()
  if (!outcome.ran) console.log(`${job.name}: another process is running it now.`)
  else console.log(`${job.name} (${outcome.period}): ${outcome.ok ? 'done' : 'FAILED'}: ${outcome.result}`)
  process.exit(outcome.ran && !outcome.ok ? 1 : 0)
} else if (values.list) {
  for (const job of jobRegistry) console.log(`${job.name.padEnd(22)} ${job.schedule}`)
} else {
  console.log('Usage: npm run jobs -- --list | --run NAME')
  process.exit(2)
}
