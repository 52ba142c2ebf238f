import { randomBytes } from 'node:crypto'

/** A fresh nonce for one page: 128 random bits, base64. */
export function createNonce(): string {
  return randomBytes(16).toString('base64')
}

/**
 * The Content-Security-Policy of every HTML page (docs/decisions/019-content-security-policy.md).
 * Scripts run only from Ripple's own files or with this page's nonce (Remix's inline context,
 * module loader and scroll restoration). Styles allow inline style attributes, which charts
 * (recharts) and React's `style` props render; no style can run script. Images come only from
 * Ripple (evidence preview images through /actions/:id/evidence/image) and data: URLs. The
 * service worker (/sw.js) and the web app manifest come only from Ripple (decision 024).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** One year, subdomains not included (Ripple does not know what else runs on its domain). */
export const strictTransportSecurity = 'max-age=31536000'

/**
 * Sets the security headers that depend on the request: the CSP (HTML only) and
 * Strict-Transport-Security when the request came over https, as Remix sees its URL (which follows
 * the server's proxy settings).
 */
export function setPageSecurityHeaders(request: Request, headers: Headers, nonce: string | null) {
  if (nonce) headers.set('Content-Security-Policy', contentSecurityPolicy(nonce))
  if (new URL(request.url).protocol === 'https:')
    headers.set('Strict-Transport-Security', strictTransportSecurity)
}
