/** Lower-case, accent-free, single-spaced: "Université  de Lyon" -> "universite de lyon". */
export function normalizeText(value: string | null | undefined): string {
  if (!value) return ''
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** The key two names share when they are "the same name": punctuation and accents ignored. */
export function nameKey(value: string | null | undefined): string {
  return normalizeText(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** "https://www.Uni-Lyon.fr/path" -> "uni-lyon.fr"; null when it is not a web address. */
export function webDomainFrom(url: string | null | undefined): string | null {
  if (!url) return null
  const trimmed = url.trim()
  if (!trimmed) return null
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
    const host = new URL(withScheme).hostname
      .toLowerCase()
      .replace(/^www\d?\./, '')
      .replace(/\.$/, '')
    return host.includes('.') ? host : null
  } catch {
    return null
  }
}
