/** `npm run db:migrate`: applies every committed migration to the database DATABASE_URL names. */
import { databaseFile, openSqlite } from '#db/client'
import { runMigrations } from '#db/migrate'

const file = databaseFile()
const sqlite = openSqlite(file)
runMigrations(sqlite)
sqlite.close()
console.log(`Migrated ${file}.`)
