import { describe, expect, it } from 'vitest'

import { renderMarkdown } from '~/utils/markdown.server'

/** Every image address the rendered HTML would make a browser load. */
const imageSources = (html: string) => [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/gi)].map((m) => m[1])

describe('Markdown images come only from Ripple itself', () => {
  it('keeps an image on a path of Ripple', () => {
    const html = renderMarkdown('![Logo](/favicon.svg "Our logo") and ![chart](materials/3/file)')
    expect(imageSources(html)).toEqual(['/favicon.svg', 'materials/3/file'])
    expect(html).toContain('alt="Logo"')
    expect(html).toContain('title="Our logo"')
  })

  it('turns a remote image (a tracking pixel) into a link to it, never an <img>', () => {
    const html = renderMarkdown(
      '![pixel](https://tracker.example/p.gif?u=1) <img src="http://tracker.example/q.png" alt="q"> ![](https://tracker.example/r.png)',
    )
    expect(imageSources(html)).toEqual([])
    expect(html).toContain(
      '<a href="https://tracker.example/p.gif?u=1" rel="nofollow noopener noreferrer">pixel</a>',
    )
    expect(html).toContain('>q</a>')
    expect(html).toContain('>https://tracker.example/r.png</a>')
  })

  it('refuses another host in every disguise: protocol-relative, backslash, tab, entities, other schemes', () => {
    const html = renderMarkdown(
      [
        '<img src="//tracker.example/a.png" alt="a">',
        '<img src="/\\tracker.example/b.png" alt="b">',
        '<img src="/&#9;/tracker.example/c.png" alt="c">',
        '<img src="&#47;&#47;tracker.example/d.png" alt="d">',
        '<img src="&sol;&sol;tracker.example/e.png" alt="e">',
        '<img src="data:image/svg+xml,<svg/>" alt="f">',
        '<img src="javascript:alert(1)" alt="g" onerror="alert(2)">',
        '<IMG SRC="https://tracker.example/h.png" alt="h">',
      ].join(' '),
    )
    for (const src of imageSources(html)) {
      const url = new URL(src.replace(/&amp;/g, '&'), 'https://ripple.test/plan/')
      expect(url.origin, src).toBe('https://ripple.test')
    }
    expect(html).not.toMatch(/javascript:|onerror|data:/i)
    expect(html).not.toMatch(/<img[^>]*src="[^"]*(\/\/|\\|&#)/i)
    expect(html).toContain('<a href="https://tracker.example/h.png"')
  })
})
