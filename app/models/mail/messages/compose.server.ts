import { isNull } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { users } from '#db/schema'
import { serverT } from '~/i18n/resources.server'

import { absoluteUrl, unsubscribeUrl } from '../links.server'
import type { NotificationKind, OutgoingMail } from '../types'

export type Recipient = {
  id: number
  email: string
  name: string
  role: (typeof users.$inferSelect)['role']
  partnerId: number | null
  locale: 'en' | 'es'
}

/** Every active user, as message recipients (each area's policy picks who gets what). */
export function activeUsers(tx: Tx = db): Recipient[] {
  return tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      partnerId: users.partnerId,
      locale: users.locale,
    })
    .from(users)
    .where(isNull(users.deactivatedAt))
    .orderBy(users.id)
    .all()
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type MessageBody = {
  subject: string
  /** Short paragraphs of plain text. */
  paragraphs: string[]
  /** Lines shown as a list (figures, titles). */
  items?: string[]
  /** The one thing to do: an app path and its label. */
  link?: { path: string; label: string }
  dedupeKey: string
}

/**
 * A notification to one user in their language: text and HTML parts with the same words, the
 * one link to act on, and a footer with the unsubscribe link and /account.
 */
export function composeNotification(
  user: Recipient,
  kind: NotificationKind,
  body: MessageBody,
): OutgoingMail {
  const t = serverT(user.locale)
  const greeting = t('mail:messages.greeting', { name: user.name })
  const link = body.link ? { href: absoluteUrl(body.link.path), label: body.link.label } : null
  const unsubscribe = unsubscribeUrl(user.id, kind)
  const footer = t('mail:messages.footer', { kind: t(`mail:kinds.${kind}`) })
  const text = [
    greeting,
    ...body.paragraphs,
    ...(body.items?.length ? [body.items.map((i) => `- ${i}`).join('\n')] : []),
    ...(link ? [`${link.label}: ${link.href}`] : []),
    `--\n${footer}\n${t('mail:messages.unsubscribe')}: ${unsubscribe}\n${t('mail:messages.settings')}: ${absoluteUrl('/account')}`,
  ].join('\n\n')
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    body.items?.length ? `<ul>${body.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '',
    link ? `<p><a href="${escapeHtml(link.href)}"><strong>${escapeHtml(link.label)}</strong></a></p>` : '',
    `<hr><p style="font-size:small;color:#555">${escapeHtml(footer)}<br>` +
      `<a href="${escapeHtml(unsubscribe)}">${escapeHtml(t('mail:messages.unsubscribe'))}</a> · ` +
      `<a href="${escapeHtml(absoluteUrl('/account'))}">${escapeHtml(t('mail:messages.settings'))}</a></p>`,
  ].join('\n')
  return {
    to: user.email,
    userId: user.id,
    kind,
    lang: user.locale,
    subject: body.subject,
    text,
    html: `<!doctype html><html lang="${user.locale}"><body>${html}</body></html>`,
    dedupeKey: body.dedupeKey,
  }
}
