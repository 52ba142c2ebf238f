import { Marked } from 'marked'
import type * as XssModule from 'xss'
import xss, { type IWhiteList } from 'xss'

// xss is CommonJS: its named exports hang off the default export at run time.
const { FilterXSS, getDefaultWhiteList } = xss as unknown as typeof XssModule

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

const sanitizer = new FilterXSS({
  whiteList: allowedTags,
  // Everything not on the list is escaped and shown as text (a pasted <script> stays visible, inert).
  stripIgnoreTagBody: ['script', 'style'],
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
 * links kept (a `javascript:` link loses its target). See docs/decisions/007-markdown.md.
 */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source ?? '') as string
  // A wide table scrolls sideways on a phone; tabindex lets a keyboard user scroll it too.
  return sanitizer.process(html).replace(/<table>/g, '<table tabindex="0">')
}
