/**
 * "The first load after a write": another connection (as another server process would) logs a
 * validated action in the measured month, with two stakeholders and a language, then the loader
 * is timed; the action is then removed (also a write) and the loader timed again. Every sample is
 * a first load after a write: no cache of the loader's figures can answer it.
 */
import Database from 'better-sqlite3'

import { summarize, type Timing } from './stats'

export async function measureAfterWrite(
  file: string,
  month: string,
  load: () => Promise<unknown>,
  runs: number,
): Promise<Timing> {
  const db = new Database(file)
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  const pick = (q: string) => (db.prepare(q).get() as { id: number }).id
  const partner = pick('select id from partners order by id limit 1')
  const type = pick('select id from action_types order by id limit 1')
  const stakeholders = (
    db.prepare('select id from stakeholders order by id desc limit 2').all() as { id: number }[]
  ).map((r) => r.id)
  const insert = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `insert into actions (partner_id, date, month, type_id, title, participants, status, validated_at)
           values (?, ?, ?, ?, 'Bench: a write before the load', 25, 'validated', ?)`,
        )
        .run(partner, `${month}-15`, month, type, `${month}-16`).lastInsertRowid,
    )
    for (const s of stakeholders)
      db.prepare('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)').run(id, s)
    db.prepare(`insert into action_languages (action_id, language) values (?, 'eu')`).run(id)
    return id
  })
  const remove = db.transaction((id: number) => {
    db.prepare('delete from action_stakeholders where action_id = ?').run(id)
    db.prepare('delete from action_languages where action_id = ?').run(id)
    db.prepare('delete from actions where id = ?').run(id)
  })
  const samples: number[] = []
  await load() // warm: the first load ever is not what this measures
  for (let i = 0; i < runs; i++) {
    const id = insert()
    let t = performance.now()
    await load()
    samples.push(performance.now() - t)
    remove(id)
    t = performance.now()
    await load()
    samples.push(performance.now() - t)
  }
  db.close()
  return summarize(samples)
}
