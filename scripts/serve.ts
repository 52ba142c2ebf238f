/**
 * Production entry: parse the environment, migrate, seed the demo project on an empty database,
 * then serve the Remix build, in WEB_CONCURRENCY processes. `npm start` builds first and runs this.
 */
import cluster from 'node:cluster'
import { pathToFileURL } from 'node:url'

import { installGlobals, type ServerBuild } from '@remix-run/node'

import { type Env, EnvError, parseEnv } from '~/utils/env.server'

installGlobals({ nativeFetch: true })

let env: Env
try {
  env = parseEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const { createHttpApp, keepConnectionsOpen } = await import('~/server/http.server')
const { buildPaths } = await import('~/server/paths.server')

// With WEB_CONCURRENCY > 1 the first process prepares the database and forks that many workers
// sharing the port (Node's cluster). SQLite in WAL mode lets them read at once and take turns
// writing; nothing in Ripple keeps state in a process's memory that another one would miss.
const workers = env.WEB_CONCURRENCY
if (cluster.isPrimary) {
  await prepareDatabaseOrStop()
  if (workers > 1) runPrimary()
  else serve()
  if (env.JOBS) await startJobs()
} else {
  serve()
}

/** A database that cannot be written stops start-up with one line naming the path and the cause. */
async function prepareDatabaseOrStop() {
  const { databaseFile } = await import('#db/client')
  const { assertDatabaseWritable, startupFailureLine } = await import('~/server/storage.server')
  try {
    assertDatabaseWritable(databaseFile())
    await prepareDatabase()
  } catch (error) {
    const line = startupFailureLine(databaseFile(), error)
    if (!line) throw error
    console.error(line)
    process.exit(1)
  }
}

async function prepareDatabase() {
  const { openSqlite, databaseFile } = await import('#db/client')
  const { runMigrations } = await import('#db/migrate')
  const { seedDemoIfEmpty } = await import('#db/seed/index')
  const { sessionSecret } = await import('~/utils/session.server')
  const file = databaseFile()
  const sqlite = openSqlite(file)
  runMigrations(sqlite)
  if (env.SEED_DEMO) {
    const seeded = await seedDemoIfEmpty(sqlite)
    if (seeded && env.LOG_LEVEL !== 'silent') console.log(`Seeded the demo project into ${file}.`)
  }
  sqlite.close()
  // Created once here, so that every worker signs cookies with the same secret.
  sessionSecret()
}

/**
 * The scheduler runs in the first process only (the workers serve requests); a second server on
 * the same database, or `npm run jobs`, is safe too: each job's period is claimed in SQLite.
 */
async function startJobs() {
  const { startScheduler } = await import('~/models/jobs/index.server')
  startScheduler((line) => {
    if (env.LOG_LEVEL === 'info') console.log(line)
  })
}

async function printBanner(port: number) {
  if (env.LOG_LEVEL === 'silent') return
  const { demoAccounts, DEMO_PASSWORD } = await import('#db/seed/index')
  console.log(`Ripple is running at http://localhost:${port}${workers > 1 ? ` (${workers} processes)` : ''}`)
  if (env.SEED_DEMO) {
    console.log(`Demo logins (password "${DEMO_PASSWORD}"):`)
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(22)} ${a.label}`)
  }
}

function runPrimary() {
  let stopping = false
  let announced = false
  const recentCrashes: number[] = []
  const fork = () => cluster.fork()
  cluster.on('listening', (_worker, address) => {
    if (announced) return
    announced = true
    void printBanner(address.port)
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    // A worker that dies is replaced, unless workers keep dying as they start.
    const now = Date.now()
    recentCrashes.push(now)
    while (recentCrashes.length && now - recentCrashes[0]! > 30_000) recentCrashes.shift()
    console.error(`Ripple worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}).`)
    if (recentCrashes.length > workers * 3) {
      console.error('Ripple workers keep stopping; giving up.')
      process.exit(1)
    }
    fork()
  })
  for (let i = 0; i < workers; i++) fork()
  const stop = () => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

async function serve() {
  if (env.MOCKS) {
    const { startMockServer } = await import('#tests/mocks/index')
    startMockServer()
  }
  const paths = buildPaths()
  const build = (await import(pathToFileURL(paths.serverBuild).href)) as ServerBuild
  const app = createHttpApp({
    build,
    publicDir: paths.publicDir,
    mode: env.NODE_ENV === 'development' ? 'development' : 'production',
    trustProxy: env.TRUST_PROXY,
  })
  const server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address()
    if (cluster.isPrimary) void printBanner(typeof address === 'object' && address ? address.port : env.PORT)
  })
  const shutdown = () => {
    server.close(() => process.exit(0))
    // Idle kept-alive connections (kept 65 s) would otherwise hold the close open.
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 3000).unref()
  }
  keepConnectionsOpen(server)
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
  // A worker whose primary is gone (even killed outright) stops too.
  if (cluster.isWorker) process.on('disconnect', shutdown)
}
