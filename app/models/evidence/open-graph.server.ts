/**
 * Link previews from a page's Open Graph tags (og:title, og:description, og:image, og:site_name),
 * falling back to <title> and <meta name="description">. Parsed with htmlparser2 (a streaming,
 * forgiving HTML parser), never with regular expressions.
 */
import { Parser } from 'htmlparser2'

import { EvidenceFetchError, safeFetch } from './safe-fetch.server'

export type LinkPreview = {
  title: string | null
  description: string | null
  imageUrl: string | null
  siteName: string | null
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])

const LIMITS = { title: 300, description: 1000, siteName: 200, imageUrl: 2000 }

/** Collapses whitespace and cuts to a length (on a character, not in the middle of a surrogate pair). */
export function cleanText(value: string | null | undefined, max: number): string | null {
  if (!value) return null
  const text = value.replace(/\s+/g, ' ').trim()
  if (!text) return null
  const chars = Array.from(text)
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : text
}

/** An absolute http(s) URL for an image reference on a page, or null. */
export function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  if (!value?.trim()) return null
  try {
    const url = new URL(value.trim(), base)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    return url.href.length <= LIMITS.imageUrl ? url.href : null
  } catch {
    return null
  }
}

type PageTags = { meta: Map<string, string>; title: string; charset: string | null }

function readTags(html: string): PageTags {
  const meta = new Map<string, string>()
  let title = ''
  let inTitle = false
  let titleDone = false
  let charset: string | null = null
  let inSvg = 0
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'svg') inSvg++
        if (name === 'meta') {
          if (attrs.charset && !charset) charset = attrs.charset.trim()
          if (attrs['http-equiv']?.toLowerCase() === 'content-type' && !charset) {
            const match = /charset=([^;\s]+)/i.exec(attrs.content ?? '')
            if (match) charset = match[1]
          }
          const key = (attrs.property ?? attrs.name ?? '').toLowerCase().trim()
          // The first occurrence wins, as for every Open Graph consumer.
          if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content)
        } else if (name === 'title' && !titleDone && inSvg === 0) {
          inTitle = true
        }
      },
      ontext(text) {
        if (inTitle) title += text
      },
      onclosetag(name) {
        if (name === 'svg' && inSvg > 0) inSvg--
        if (name === 'title' && inTitle) {
          inTitle = false
          titleDone = true
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return { meta, title, charset }
}

/** The preview a page's HTML gives; `pageUrl` resolves a relative og:image. */
export function parseOpenGraph(html: string, pageUrl: string): LinkPreview {
  const { meta, title } = readTags(html)
  const first = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v?.trim())
  let host: string | null = null
  try {
    host = new URL(pageUrl).hostname.replace(/^www\./, '')
  } catch {
    host = null
  }
  return {
    title: cleanText(first('og:title', 'twitter:title') ?? title, LIMITS.title),
    description: cleanText(first('og:description', 'twitter:description', 'description'), LIMITS.description),
    imageUrl: absoluteHttpUrl(
      first('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'),
      pageUrl,
    ),
    siteName: cleanText(first('og:site_name', 'application-name') ?? host, LIMITS.siteName),
  }
}

function decoderFor(label: string | null | undefined): TextDecoder | null {
  if (!label) return null
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, ''))
  } catch {
    return null
  }
}

/** Decodes a page: the charset from Content-Type, else from <meta charset>, else UTF-8. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const headerCharset = /charset=([^;\s]+)/i.exec(contentType ?? '')?.[1]
  const fromHeader = decoderFor(headerCharset)
  if (fromHeader) return fromHeader.decode(bytes)
  const utf8 = new TextDecoder('utf-8').decode(bytes)
  const declared = readTags(utf8.slice(0, 4096)).charset
  const fromMeta = decoderFor(declared)
  return fromMeta && fromMeta.encoding !== 'utf-8' ? fromMeta.decode(bytes) : utf8
}

/** Fetches a web page through the guarded fetch and reads its preview. HTML only (not_html otherwise). */
export async function readOpenGraph(url: string): Promise<LinkPreview> {
  const response = await safeFetch(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' })
  const contentType = response.headers.get('content-type')
  const mime = contentType?.split(';')[0].trim().toLowerCase() ?? ''
  if (!HTML_TYPES.has(mime)) {
    await response.discard()
    throw new EvidenceFetchError('not_html')
  }
  const html = decodeHtml(await response.bytes(), contentType)
  return parseOpenGraph(html, response.url)
}

/** Plain text from a fragment of HTML (a Mastodon status body), paragraphs and line breaks kept as spaces. */
export function htmlToText(html: string): string {
  let text = ''
  const parser = new Parser(
    {
      ontext(chunk) {
        text += chunk
      },
      onopentag(name) {
        if (name === 'br' || name === 'p') text += ' '
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  return text
}
