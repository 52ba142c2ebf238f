import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Copies the write-ahead log back into the database file from a background thread, so that no
 * request pays for it. With SQLite's automatic checkpoint, every thousandth page written makes
 * one unlucky commit copy a thousand pages and fsync: at a million actions that was 5-10 ms on
 * one write in thirty (BENCHMARKS.md, decision 017). The thread has its own connection and runs
 * a PASSIVE checkpoint (never blocks readers or the writer) every `intervalMs`.
 *
 * The app's connections keep an automatic checkpoint at a much larger size (APP_AUTOCHECKPOINT_PAGES)
 * as a safety net: if this thread stops or falls behind, the log still cannot grow without bound.
 */
export const APP_AUTOCHECKPOINT_PAGES = 20_000

const source = `
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) })
  }
}, workerData.intervalMs)
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer)
    db.close()
    process.exit(0)
  }
})
`

export function startCheckpointer(file: string, { intervalMs = 500, onError = (message: string) => console.error(`Checkpoint: ${message}`) } = {}) {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(source, { eval: true, workerData: { file, intervalMs, driver } })
  worker.on('message', (m: { error?: string }) => m.error && onError(m.error))
  worker.on('error', (error: Error) => onError(error.message))
  worker.unref()
  return {
    stop: () => worker.postMessage('stop'),
  }
}
