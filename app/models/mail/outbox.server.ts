import fs from 'node:fs'
import path from 'node:path'

import { inArray } from 'drizzle-orm'

import { db } from '#db/client'
import { mailQueue } from '#db/schema'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { canReadOutbox } from './policy'
import { outboxDir } from './transport.server'

const fileName = /^[0-9TZ-]+-(\d+)\.eml$/

function files(): string[] {
  try {
    return fs
      .readdirSync(outboxDir())
      .filter((f) => fileName.test(f))
      .sort()
      .reverse()
  } catch {
    return []
  }
}

function messagesById(ids: number[]) {
  if (!ids.length) return new Map<number, typeof mailQueue.$inferSelect>()
  const rows = db.select().from(mailQueue).where(inArray(mailQueue.id, ids)).all()
  return new Map(rows.map((r) => [r.id, r]))
}

/** The outbox's .eml files, newest first, one page of them, with each message's subject and recipient. */
export function listOutbox(actor: Actor, page: { limit: number; offset: number }) {
  if (!canReadOutbox(actor)) throw new ForbiddenError()
  const all = files()
  const slice = all.slice(page.offset, page.offset + page.limit)
  const byId = messagesById(slice.map((f) => Number(fileName.exec(f)![1])))
  const rows = slice.map((file) => {
    const message = byId.get(Number(fileName.exec(file)![1]))
    return {
      file,
      writtenAt: fs.statSync(path.join(outboxDir(), file)).mtime.toISOString(),
      to: message?.to ?? null,
      subject: message?.subject ?? null,
      kind: message?.kind ?? null,
    }
  })
  return { rows, total: all.length }
}

/** One outbox message: its stored text and the MIME source of the file. Null for an unknown name. */
export function readOutboxMessage(actor: Actor, file: string) {
  if (!canReadOutbox(actor)) throw new ForbiddenError()
  const match = fileName.exec(file)
  if (!match || !files().includes(file)) return null
  const source = fs.readFileSync(path.join(outboxDir(), file), 'utf8')
  const message = messagesById([Number(match[1])]).get(Number(match[1]))
  return {
    file,
    to: message?.to ?? null,
    subject: message?.subject ?? null,
    kind: message?.kind ?? null,
    text: message?.text ?? null,
    source,
  }
}
