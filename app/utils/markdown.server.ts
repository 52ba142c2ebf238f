import { Marked } from 'marked'
import type * as XssModule from 'xss'
import xss, { type IWhiteList } from 'xss'

// xss is CommonJS: its named exports hang off the default export at run time.
const { FilterXSS, getDefaultWhiteList, parseAttr } = xss as unknown as typeof XssModule

// Our own Marked instance: no global options leak in from elsewhere.
const markdown = new Marked({ gfm: true, breaks: false, async: false })

const allowedTags: IWhiteList = {
  ...getDefaultWhiteList(),
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  input: ['type', 'checked', 'disabled'],
  th: ['align'],
  td: ['align'],
  code: ['class'],
}
delete allowedTags.audio
delete allowedTags.video

const safeUrl = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The text of an attribute value as a browser reads it (numeric and the five XML entities; any other stays literal). */
function decodeAttr(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const here = 'https://ripple.invalid'

/** True when the browser would load `src` from Ripple itself (a path, never another host, in any spelling). */
function isOwnImage(src: string): boolean {
  if (!src.trim() || /^[a-z][a-z0-9+.-]*:/i.test(src.trim())) return false
  try {
    return new URL(src, `${here}/plan/`).origin === here
  } catch {
    return false
  }
}

/**
 * An image is shown only from Ripple itself: a remote one would tell its site who read the page and
 * when (a tracking pixel). A remote image becomes a link to it (its alt text, or the address); one
 * whose address is not a web address becomes its alt text.
 */
function imageTag(html: string): string {
  const attrs: Record<string, string> = {}
  parseAttr(html.replace(/^<img\b/i, '').replace(/\/?>$/, ''), (name, value) => {
    attrs[name.toLowerCase()] = decodeAttr(value)
    return ''
  })
  const src = attrs.src ?? ''
  const alt = attrs.alt ?? ''
  if (isOwnImage(src)) {
    const title = attrs.title ? ` title="${escapeAttr(attrs.title)}"` : ''
    return `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}"${title}>`
  }
  if (/^https?:/i.test(src.trim()))
    return `<a href="${escapeAttr(src.trim())}" rel="nofollow noopener noreferrer">${escapeAttr(alt || src.trim())}</a>`
  return escapeAttr(alt)
}

const sanitizer = new FilterXSS({
  whiteList: allowedTags,
  // Everything not on the list is escaped and shown as text (a pasted <script> stays visible, inert).
  stripIgnoreTagBody: ['script', 'style'],
  onTag(tag: string, html: string, options: { isClosing?: boolean }) {
    if (tag === 'img' && !options.isClosing) return imageTag(html)
    return undefined
  },
  onTagAttr(tag: string, name: string, value: string) {
    if ((name === 'href' || name === 'src') && !safeUrl.test(value.trim())) return ''
    if (tag === 'a' && name === 'href')
      return `href="${value.replace(/"/g, '&quot;')}" rel="nofollow noopener noreferrer"`
    if (tag === 'input' && name === 'type' && value !== 'checkbox') return ''
    return undefined
  },
})

/**
 * Renders user-written Markdown to HTML that is safe to inject: script and style elements are
 * removed, event-handler attributes dropped, and only http(s), mailto, tel, relative and anchor
 * links kept (a `javascript:` link loses its target); images only from Ripple itself (a remote one
 * becomes a link). See docs/decisions/007-markdown.md and 019-content-security-policy.md.
 */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source ?? '') as string
  // A wide table scrolls sideways on a phone; tabindex lets a keyboard user scroll it too.
  return sanitizer.process(html).replace(/<table>/g, '<table tabindex="0">')
}
