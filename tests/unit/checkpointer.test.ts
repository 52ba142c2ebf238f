import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCheckpointer } from '#db/checkpointer'
import { openSqlite } from '#db/client'

describe('the background checkpointer', () => {
  it('copies what the app wrote to the log back into the database file, from its own thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-checkpoint-'))
    const file = path.join(dir, 'c.db')
    const app = openSqlite(file)
    app.pragma('wal_autocheckpoint = 0') // the app never checkpoints: only the thread can
    app.exec('create table blobs (b blob)')
    app.pragma('wal_checkpoint(TRUNCATE)')
    const before = fs.statSync(file).size
    const insert = app.prepare('insert into blobs (b) values (randomblob(100000))')
    for (let i = 0; i < 20; i++) insert.run()
    expect(fs.statSync(file).size).toBe(before) // 2 MB written, all of it still in the log
    const errors: string[] = []
    const checkpointer = startCheckpointer(file, { intervalMs: 20, onError: (m) => errors.push(m) })
    try {
      const deadline = Date.now() + 10_000
      while (fs.statSync(file).size < before + 2_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(fs.statSync(file).size).toBeGreaterThanOrEqual(before + 2_000_000)
      expect(app.prepare('select count(*) as n from blobs').get()).toEqual({ n: 20 })
      expect(errors).toEqual([])
    } finally {
      checkpointer.stop()
      app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
