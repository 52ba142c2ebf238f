import fs from 'node:fs'

import { and, eq } from 'drizzle-orm'
import { afterAll, expect } from 'vitest'

import { db } from '#db/client'
import { mailQueue } from '#db/schema'
import { enqueueMail, flushMail } from '~/models/mail/index.server'
import { outboxDir } from '~/models/mail/transport.server'

type MailKind = (typeof mailQueue.$inferSelect)['kind']

/**
 * Delivers what is still queued and removes the outbox files once the file's tests are done: a
 * later test file given the same database path (one worker running the files in turn, as under
 * Stryker) would find them under its own message ids. Call at the top of a test file.
 */
export function removeOutboxAfterAll() {
  afterAll(async () => {
    await flushMail()
    fs.rmSync(outboxDir(), { recursive: true, force: true })
  })
}

/** The queued messages of one kind (and one dedupe key, when given), oldest first. */
export const mailsOf = (kind: MailKind, dedupeKey?: string) =>
  db
    .select()
    .from(mailQueue)
    .where(and(eq(mailQueue.kind, kind), dedupeKey ? eq(mailQueue.dedupeKey, dedupeKey) : undefined))
    .orderBy(mailQueue.id)
    .all()

export const mailStatus = (id: number) =>
  db.select().from(mailQueue).where(eq(mailQueue.id, id)).get()!.status

/** Lets the delivery a queued message asked for (on the next tick) run to its end. */
export async function settle() {
  await new Promise((resolve) => setImmediate(resolve))
  await flushMail()
}

/**
 * Runs a command that should queue nothing (it answers `nothing`), and checks that it started no
 * delivery either: a message queued by someone else beforehand stays queued.
 */
export async function startsNoDelivery(queueNothing: () => number | boolean, nothing: number | boolean = 0) {
  await settle()
  const stray = enqueueMail(db, {
    to: 'nobody@example.eu',
    kind: 'invitation',
    lang: 'en',
    subject: 'Stray',
    text: 't',
    html: '<p>t</p>',
  })!
  expect(queueNothing()).toBe(nothing)
  await settle()
  expect(mailStatus(stray)).toBe('queued')
  db.delete(mailQueue).where(eq(mailQueue.id, stray)).run()
}
