/**
 * Production entry: parse the environment, migrate, seed the demo project on an empty database,
 * then serve the Remix build. `npm start` builds first and runs this.
 */
import { pathToFileURL } from 'node:url'
import { installGlobals, type ServerBuild } from '@remix-run/node'
import { EnvError, parseEnv } from '~/utils/env.server'

installGlobals({ nativeFetch: true })

let env
try {
  env = parseEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const { openSqlite, databaseFile } = await import('#db/client')
const { runMigrations } = await import('#db/migrate')
const { seedDemoIfEmpty, demoAccounts, DEMO_PASSWORD } = await import('#db/seed/index')
const { createHttpApp } = await import('~/server/http.server')
const { buildPaths } = await import('~/server/paths.server')

const file = databaseFile()
const sqlite = openSqlite(file)
runMigrations(sqlite)
if (env.SEED_DEMO) {
  const seeded = await seedDemoIfEmpty(sqlite)
  if (seeded && env.LOG_LEVEL !== 'silent') console.log(`Seeded the demo project into ${file}.`)
}
sqlite.close()

if (env.MOCKS) {
  const { startMockServer } = await import('#tests/mocks/index')
  startMockServer()
}

const paths = buildPaths()
const build = (await import(pathToFileURL(paths.serverBuild).href)) as ServerBuild
const app = createHttpApp({ build, publicDir: paths.publicDir, mode: env.NODE_ENV === 'development' ? 'development' : 'production' })
const server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  if (env.LOG_LEVEL === 'silent') return
  console.log(`Ripple is running at http://localhost:${port}`)
  if (env.SEED_DEMO) {
    console.log(`Demo logins (password "${DEMO_PASSWORD}"):`)
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(22)} ${a.label}`)
  }
})

function shutdown() {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
