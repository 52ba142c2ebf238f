/// <reference types="@remix-run/node" />
/// <reference types="@remix-run/dev" />

declare module '*.css' {
  const href: string
  export default href
}

declare module 'heic-convert' {
  /** Decodes a HEIC/HEIF image (pure JavaScript, HEVC included) and encodes it as JPEG or PNG. */
  export default function convert(options: {
    buffer: Uint8Array
    format: 'JPEG' | 'PNG'
    quality?: number
  }): Promise<Uint8Array>
}

declare module 'smtp-server' {
  import type { Readable } from 'node:stream'

  type Callback = (error?: Error | null) => void
  type Address = { address: string }
  export type SMTPServerSession = { envelope: { mailFrom: Address | false; rcptTo: Address[] } }
  export type SMTPServerOptions = {
    authOptional?: boolean
    disabledCommands?: string[]
    allowInsecureAuth?: boolean
    logger?: boolean
    onAuth?: (
      auth: { username?: string; password?: string },
      session: SMTPServerSession,
      callback: (error: Error | null, response?: { user: string }) => void,
    ) => void
    onMailFrom?: (address: Address, session: SMTPServerSession, callback: Callback) => void
    onData?: (stream: Readable, session: SMTPServerSession, callback: Callback) => void
  }
  /** A real SMTP server (nodemailer's smtp-server), used by the mail tests. */
  export class SMTPServer {
    constructor(options: SMTPServerOptions)
    listen(port: number, host: string, callback: () => void): void
    close(callback: () => void): void
    server: { address(): { port: number } | string | null }
  }
}
