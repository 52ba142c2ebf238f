/**
 * Only same-site paths are valid redirect targets after login: "/actions?x=1" is fine,
 * "//evil.example", "https://evil.example" and "/\\evil" are not.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (!to || typeof to !== 'string') return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  if ([...to].some((c) => c.charCodeAt(0) < 0x20)) return fallback
  try {
    const url = new URL(to, 'http://ripple.invalid')
    if (url.origin !== 'http://ripple.invalid') return fallback
  } catch {
    return fallback
  }
  return to
}
