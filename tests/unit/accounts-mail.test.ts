import { afterAll, describe, expect, it, vi } from 'vitest'

import { acceptInvitation, inviteUser, requestPasswordReset } from '~/models/accounts/index.server'
import { flushMail } from '~/models/mail/index.server'
import { verifyLogin } from '~/utils/auth.server'

import { demo } from '../setup/actors'

// A real SMTP server in this process, started before the app reads SMTP_URL and APP_URL.
const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import('../setup/smtp')
  const server = await startSmtpServer()
  process.env.SMTP_URL = server.url
  process.env.APP_URL = 'https://ripple.example.eu'
  return server
})
afterAll(() => smtp.close())

async function received(to: string) {
  await flushMail()
  const message = smtp.messages.find((m) => m.envelope.to.includes(to))
  expect(message, `nothing arrived for ${to}`).toBeTruthy()
  return message!
}

/** The link in both parts of a message (the HTML part escapes nothing in a base64url token). */
function linkIn(message: Awaited<ReturnType<typeof received>>, path: string) {
  const pattern = new RegExp(`https://ripple\\.example\\.eu/${path}/[A-Za-z0-9_-]{43}`)
  const inText = pattern.exec(message.text ?? '')?.[0]
  const inHtml = pattern.exec(String(message.html))?.[0]
  expect(inText).toBeTruthy()
  expect(inHtml).toBe(inText)
  return inText!
}

describe('account e-mails through a real SMTP server', () => {
  it('an invitation arrives in Spanish with the link in the text and HTML parts, and the link works', async () => {
    const email = 'ane.etxeberria@donostia.example.eus'
    const created = await inviteUser(
      { email, name: 'Ane Etxeberria Goñi', role: 'viewer', locale: 'es' },
      demo.admin(),
    )
    expect(created.ok).toBe(true)
    const message = await received(email)
    expect(message.subject).toBe('Le han invitado a Ripple')
    expect(message.text).toContain('Hola, Ane Etxeberria Goñi:')
    expect(message.text).toContain('7 días')
    const link = linkIn(message, 'invitation')
    const token = link.split('/').at(-1)!
    expect(await acceptInvitation(token, 'Txakoli-eta-pintxoak')).toMatchObject({ ok: true })
    expect((await verifyLogin({ email, password: 'Txakoli-eta-pintxoak', clientAddress: 'x' })).ok).toBe(true)
  })

  it('a password reset arrives in English with a 30-minute link; an unknown address gets no mail', async () => {
    const before = smtp.messages.length
    expect(await requestPasswordReset({ email: 'nikt@nigdzie.example.pl', clientAddress: 'm1' })).toBe('sent')
    await flushMail()
    expect(smtp.messages.length).toBe(before)

    expect(await requestPasswordReset({ email: 'viewer@demo.ripple', clientAddress: 'm1' })).toBe('sent')
    const message = await received('viewer@demo.ripple')
    expect(message.subject).toBe('Choose a new Ripple password')
    expect(message.text).toContain('30 minutes')
    linkIn(message, 'reset-password')
    // A transactional message: no unsubscribe header.
    expect(message.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false)
  })
})
