import { and, eq, lte, or, sql } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { mailOptOuts, mailQueue } from '#db/schema'
import { env } from '~/utils/env.server'

import { isNotification } from './kinds'
import { unsubscribeUrl } from './links.server'
import { transmit, type TransportOptions } from './transport.server'
import type { OutgoingMail } from './types'

/** After the n-th failed attempt, wait this many minutes; after the last one the message has failed. */
const retryMinutes = [1, 5, 15, 60, 180, 720, 1440]
export const maxAttempts = retryMinutes.length + 1
/** A message being sent is held this long; a process that died while sending frees it then. */
const sendingHoldMinutes = 15

const inMinutes = (minutes: number, from = Date.now()) => new Date(from + minutes * 60_000).toISOString()

/** Has the user switched this notification kind off? */
export function hasOptedOut(tx: Tx, userId: number, kind: string): boolean {
  return !!tx
    .select({ userId: mailOptOuts.userId })
    .from(mailOptOuts)
    .where(and(eq(mailOptOuts.userId, userId), sql`${mailOptOuts.kind} = ${kind}`))
    .get()
}

/**
 * Stores one message for delivery, in the caller's transaction. Returns its id, or null when it
 * is not to be sent: the user switched the kind off, or the same (user, kind, dedupeKey) exists.
 */
export function enqueueMail(tx: Tx, mail: OutgoingMail): number | null {
  if (mail.userId != null && isNotification(mail.kind) && hasOptedOut(tx, mail.userId, mail.kind)) return null
  const row = tx
    .insert(mailQueue)
    .values({
      to: mail.to,
      userId: mail.userId ?? null,
      kind: mail.kind,
      lang: mail.lang,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      dedupeKey: mail.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: mailQueue.id })
    .get()
  return row?.id ?? null
}

/**
 * Stores the message and delivers it in the background: never waits for the mail server and
 * never throws because it is down (a refused message is retried later by the mail job).
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const id = enqueueMail(db, mail)
  if (id != null) kickDelivery()
}

let running: Promise<void> | null = null
let again = false

/** Starts a background delivery pass (or asks the running one to look again). */
export function kickDelivery() {
  if (running) {
    again = true
    return
  }
  running = (async () => {
    do {
      again = false
      await deliverQueued().catch(() => undefined)
    } while (again)
  })().finally(() => {
    running = null
  })
}

/** Waits for the background delivery to finish (tests, shutdown). */
export async function flushMail(): Promise<void> {
  while (running) await running
}

function headersFor(row: typeof mailQueue.$inferSelect): Record<string, string> {
  if (row.userId == null || !isNotification(row.kind)) return {}
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(row.userId, row.kind)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  }
}

const due = (at: string) =>
  and(lte(mailQueue.nextAttemptAt, at), or(eq(mailQueue.status, 'queued'), eq(mailQueue.status, 'sending')))

/** Takes one message for this process (a conditional update: two processes never both send it). */
function claim(id: number, at: string): boolean {
  return (
    db
      .update(mailQueue)
      .set({
        status: 'sending',
        attempts: sql`${mailQueue.attempts} + 1`,
        nextAttemptAt: inMinutes(sendingHoldMinutes),
      })
      .where(and(eq(mailQueue.id, id), due(at)))
      .run().changes === 1
  )
}

export type DeliveryResult = { sent: number; retrying: number; failed: number }

/**
 * Sends every message that is due (new, or waiting for its retry), one at a time. SMTP_URL picks
 * the server unless `options` says otherwise (tests); without one, messages go to the outbox.
 */
export async function deliverQueued(options: Partial<TransportOptions> = {}): Promise<DeliveryResult> {
  const transport: TransportOptions = {
    smtpUrl: options.smtpUrl === undefined ? (env().SMTP_URL ?? null) : options.smtpUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
  }
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 }
  const at = new Date().toISOString()
  const ids = db
    .select({ id: mailQueue.id })
    .from(mailQueue)
    .where(due(at))
    .orderBy(mailQueue.id)
    .limit(200)
    .all()
  for (const { id } of ids) {
    if (!claim(id, at)) continue
    const row = db.select().from(mailQueue).where(eq(mailQueue.id, id)).get()!
    try {
      await transmit({ ...row, headers: headersFor(row) }, transport)
      db.update(mailQueue)
        .set({ status: 'sent', sentAt: new Date().toISOString(), lastError: null })
        .where(eq(mailQueue.id, id))
        .run()
      result.sent++
    } catch (error) {
      const failed = row.attempts >= maxAttempts
      db.update(mailQueue)
        .set({
          status: failed ? 'failed' : 'queued',
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          nextAttemptAt: failed ? row.nextAttemptAt : inMinutes(retryMinutes[row.attempts - 1]!),
        })
        .where(eq(mailQueue.id, id))
        .run()
      if (failed) result.failed++
      else result.retrying++
    }
  }
  return result
}

/** Delivery after the caller's transaction has committed (a message stored inside one). */
export function kickDeliverySoon() {
  setImmediate(kickDelivery)
}
