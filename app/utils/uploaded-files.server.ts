/**
 * What every file upload and download shares: the base name kept from what the browser sent, the
 * first-bytes check, and the headers of a download. Materials and evidence files use them.
 */

/** A file as the route received it; `tooLarge` when it went past the limit (its bytes dropped). */
export type ReceivedFile = { fileName: string; bytes: Uint8Array; tooLarge: boolean }

/** The base name without paths or control characters, at most 200 characters. */
export function safeFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? 'file'
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').slice(-200) || 'file'
}

/** Do the bytes at `offset` equal `magic` (a file's signature)? */
export function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0) {
  return magic.every((b, i) => bytes[offset + i] === b)
}

/**
 * Headers for a stored file sent as an attachment: the Content-Type Ripple chose (never the one
 * the browser sent), an ASCII name and the RFC 5987 UTF-8 one, and a sandboxing CSP in case a
 * browser renders it anyway. (X-Content-Type-Options: nosniff is set on every response by
 * app/server/http.server.ts.)
 */
export function attachmentHeaders(file: { fileName: string; contentType: string; size: number }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return {
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  }
}

/** encodeURIComponent leaves ' ( ) * unencoded; RFC 5987's attr-char does not allow them. */
function encodeRfc5987(value: string) {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
