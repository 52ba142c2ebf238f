import net from 'node:net'

export type RawResponse = { status: number; headers: Record<string, string>; text: string; sent: number }

/**
 * One HTTP/1.1 request written on a plain TCP socket, with full control over its headers (Host,
 * Content-Length, chunked bodies), which fetch does not give, and past msw's interception of
 * node:http (which holds a whole request body before sending it). `body` may be an iterable of
 * chunks, sent as they come (chunked unless a Content-Length is given); the answer may arrive
 * before the body is sent, as a server that refuses a body early answers, and `sent` tells how
 * many body bytes had been written by then.
 */
export function rawRequest(
  url: string,
  {
    method = 'POST',
    path = '/',
    headers = {},
    body,
    timeoutMs = 10_000,
  }: {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: Uint8Array | string | Iterable<Uint8Array>
    timeoutMs?: number
  },
): Promise<RawResponse> {
  const { hostname, port, host } = new URL(url)
  const names = new Set(Object.keys(headers).map((h) => h.toLowerCase()))
  const whole = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined
  const head: Record<string, string> = { ...headers }
  if (!names.has('host')) head.Host = host
  head.Connection = 'close'
  if (whole && !names.has('content-length')) head['Content-Length'] = String(whole.length)
  if (body && !whole && !names.has('content-length') && !names.has('transfer-encoding'))
    head['Transfer-Encoding'] = 'chunked'
  const chunked = /chunked/i.test(
    Object.entries(head).find(([k]) => /^transfer-encoding$/i.test(k))?.[1] ?? '',
  )

  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const received: Buffer[] = []
    const socket = net.connect({ host: hostname, port: Number(port) })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`No answer to ${method} ${path} within ${timeoutMs} ms (${sent} body bytes sent)`))
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      const response = parseResponse(Buffer.concat(received))
      if (response) resolve({ ...response, sent })
      else reject(new Error(`No complete answer to ${method} ${path} (${sent} body bytes sent)`))
    }
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk)
      if (!answered && Buffer.concat(received).includes('\r\n\r\n')) answered = true
      const response = parseResponse(Buffer.concat(received))
      if (response?.complete) {
        socket.destroy()
        finish()
      }
    })
    socket.on('close', () => finish())
    // Writing after an early answer may fail (the server closed the connection): that is expected.
    socket.on('error', () => undefined)
    const write = async (data: Uint8Array | string) => {
      if (!socket.write(data))
        await new Promise((r) => {
          socket.once('drain', r)
          socket.once('close', r)
        })
    }
    void (async () => {
      await write(
        `${method} ${path} HTTP/1.1\r\n${Object.entries(head)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n`,
      )
      if (whole) {
        sent = whole.length
        return void socket.write(whole)
      }
      if (!body) return
      for (const chunk of body as Iterable<Uint8Array>) {
        if (answered || socket.destroyed) return
        sent += chunk.length
        await write(
          chunked
            ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
            : chunk,
        )
      }
      if (chunked && !answered && !socket.destroyed) socket.write('0\r\n\r\n')
    })().catch(() => undefined)
  })
}

function parseResponse(raw: Buffer): (Omit<RawResponse, 'sent'> & { complete: boolean }) | null {
  const end = raw.indexOf('\r\n\r\n')
  if (end < 0) return null
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine!)?.[1] ?? 0)
  if (status === 100) return parseResponse(raw.subarray(end + 4))
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value
  }
  let rest = raw.subarray(end + 4)
  let complete = false
  let bodyBytes: Buffer = rest
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const parts: Buffer[] = []
    for (;;) {
      const lineEnd = rest.indexOf('\r\n')
      if (lineEnd < 0) break
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16)
      if (size === 0) {
        complete = true
        break
      }
      if (rest.length < lineEnd + 2 + size + 2) break
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size))
      rest = rest.subarray(lineEnd + 2 + size + 2)
    }
    bodyBytes = Buffer.concat(parts)
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length'])
    complete = rest.length >= length
    bodyBytes = rest.subarray(0, length)
  }
  return { status, headers, text: bodyBytes.toString('utf8'), complete }
}

/** `total` bytes of `byte`, in 64 KB chunks, made as they are sent (nothing held in memory). */
export function* chunks(total: number, byte = 'a'): Generator<Uint8Array> {
  const chunk = Buffer.alloc(64 * 1024, byte)
  for (let sent = 0; sent < total; sent += chunk.length)
    yield chunk.subarray(0, Math.min(chunk.length, total - sent))
}
