import type { MailKind } from '#db/schema/mail'

export type { MailKind, NotificationKind } from '#db/schema/mail'

/** One message to one person, in their language, with a plain-text and an HTML part. */
export type OutgoingMail = {
  to: string
  userId?: number | null
  kind: MailKind
  lang: 'en' | 'es'
  subject: string
  text: string
  html: string
  /** A notification with the same user, kind and key is stored (and sent) once only. */
  dedupeKey?: string | null
}
