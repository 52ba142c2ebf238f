import type { AccountTokenKind } from '#db/schema'
import type { SupportedLocale } from '~/i18n/i18n'
import { serverT } from '~/i18n/resources.server'
import { absoluteUrl, sendMail } from '~/models/mail/index.server'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const paths: Record<AccountTokenKind, string> = {
  invitation: '/invitation/',
  'password-reset': '/reset-password/',
}
const keys: Record<AccountTokenKind, string> = { invitation: 'invitation', 'password-reset': 'reset' }

/** The link's e-mail, in the recipient's language, with a text and an HTML part. */
export function accountMail(
  kind: AccountTokenKind,
  lang: SupportedLocale,
  to: { name: string; inviter?: string },
  token: string,
) {
  const t = serverT(lang)
  const key = `accounts:mail.${keys[kind]}`
  const link = absoluteUrl(`${paths[kind]}${token}`)
  const vars = { name: to.name, inviter: to.inviter ?? '', interpolation: { escapeValue: false } }
  const subject = t(`${key}.subject`, vars)
  const lines = [
    t(`${key}.greeting`, vars),
    '',
    t(`${key}.body`, vars),
    '',
    link,
    '',
    t(`${key}.expiry`, vars),
  ]
  const text = `${lines.join('\n')}\n\n${t('accounts:mail.ignore')}\n`
  const html = [
    `<p>${escapeHtml(t(`${key}.greeting`, vars))}</p>`,
    `<p>${escapeHtml(t(`${key}.body`, vars))}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t(`${key}.button`, vars))}</a></p>`,
    `<p>${escapeHtml(link)}</p>`,
    `<p>${escapeHtml(t(`${key}.expiry`, vars))}</p>`,
    `<p>${escapeHtml(t('accounts:mail.ignore'))}</p>`,
  ].join('\n')
  return { subject, text, html }
}

/** Queues the link's e-mail (the mail area delivers it in the background and retries). */
export function sendAccountMail(
  kind: AccountTokenKind,
  user: { id: number; email: string; name: string; locale: SupportedLocale },
  token: string,
  inviter?: string,
): Promise<void> {
  const message = accountMail(kind, user.locale, { name: user.name, inviter }, token)
  return sendMail({ to: user.email, userId: user.id, kind, lang: user.locale, ...message })
}
