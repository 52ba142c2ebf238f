import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { mockServer } from '#tests/mocks/index'
import {
  absoluteHttpUrl,
  cleanText,
  decodeHtml,
  htmlToText,
  parseOpenGraph,
  readOpenGraph,
} from '~/models/evidence/open-graph.server'

const PAGE = 'https://www.ripple-demo.eu/aktualnosci/lodz'

/** Bytes of a page: ASCII text as is, plus raw bytes of a single-byte encoding where a test needs them. */
function bytes(...parts: (string | number[])[]) {
  return Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)),
  )
}

// "Łódź" in windows-1250 (ź is 0x9F there; in iso-8859-2 0x9F is a control character and ź is 0xBC).
const LODZ_1250 = [0xa3, 0xf3, 0x64, 0x9f]
const LODZ = 'Łódź'

describe('cleanText', () => {
  it('collapses whitespace, and says null for text that is only whitespace', () => {
    expect(cleanText('  Târgu \n\t Mureș  ', 50)).toBe('Târgu Mureș')
    expect(cleanText(' \n\t ', 50)).toBeNull()
  })

  it('keeps text of exactly the limit, cuts longer text on a character and trims before the ellipsis', () => {
    expect(cleanText('Łódź', 4)).toBe('Łódź')
    expect(cleanText('Łódź i Gdańsk', 6)).toBe('Łódź…')
    expect(cleanText('Θεσσαλονίκη', 5)).toBe('Θεσσ…')
    expect(cleanText('🚲🚲🚲', 2)).toBe('🚲…')
  })
})

describe('absoluteHttpUrl', () => {
  const base = 'https://www.gdansk.pl/wiadomosci/'

  it('makes a relative reference absolute and keeps http and https', () => {
    expect(absoluteHttpUrl('../img/łódź.jpg', base)).toBe('https://www.gdansk.pl/img/%C5%82%C3%B3d%C5%BA.jpg')
    expect(absoluteHttpUrl('http://cdn.gdansk.pl/a.jpg', base)).toBe('http://cdn.gdansk.pl/a.jpg')
    expect(absoluteHttpUrl('https://cdn.gdansk.pl/b.jpg', base)).toBe('https://cdn.gdansk.pl/b.jpg')
  })

  it('trims every kind of space around the reference, not only ASCII', () => {
    expect(absoluteHttpUrl('\u00a0/img/a.jpg\u00a0', base)).toBe('https://www.gdansk.pl/img/a.jpg')
  })

  it('says null for blank, non-http and unparsable references', () => {
    expect(absoluteHttpUrl('   ', base)).toBeNull()
    expect(absoluteHttpUrl(null, base)).toBeNull()
    expect(absoluteHttpUrl('ftp://ftp.gdansk.pl/a.jpg', base)).toBeNull()
    expect(absoluteHttpUrl('data:image/png;base64,AAAA', base)).toBeNull()
    expect(absoluteHttpUrl('https://[zz]/a.jpg', base)).toBeNull()
  })

  it('keeps a URL of exactly 2000 characters and drops a longer one', () => {
    const root = 'https://www.gdansk.pl/'
    const exact = root + 'a'.repeat(2000 - root.length)
    expect(absoluteHttpUrl(exact, base)).toBe(exact)
    expect(absoluteHttpUrl(`${exact}b`, base)).toBeNull()
  })
})

describe('parseOpenGraph: which tag gives what', () => {
  const parse = (head: string, url = PAGE) => parseOpenGraph(`<html><head>${head}</head></html>`, url)

  it('falls back to the Twitter card tags', () => {
    expect(
      parse(
        '<meta name="twitter:title" content="Θεσσαλονίκη"><meta name="twitter:description" content="Čeněk Šťastný"><meta name="twitter:image" content="/t.jpg">',
      ),
    ).toEqual({
      title: 'Θεσσαλονίκη',
      description: 'Čeněk Šťastný',
      imageUrl: 'https://www.ripple-demo.eu/t.jpg',
      siteName: 'ripple-demo.eu',
    })
    expect(parse('<meta name="twitter:image:src" content="/src.jpg">').imageUrl).toBe(
      'https://www.ripple-demo.eu/src.jpg',
    )
  })

  it('prefers og:image:secure_url, then og:image, then og:image:url', () => {
    expect(
      parse(
        '<meta property="og:image" content="/plain.jpg"><meta property="og:image:secure_url" content="/secure.jpg">',
      ).imageUrl,
    ).toBe('https://www.ripple-demo.eu/secure.jpg')
    expect(parse('<meta property="og:image:url" content="/url.jpg">').imageUrl).toBe(
      'https://www.ripple-demo.eu/url.jpg',
    )
  })

  it('takes the site name from application-name, else the host without www. only at its start', () => {
    expect(parse('<meta name="application-name" content="Gasteizko Udala">').siteName).toBe('Gasteizko Udala')
    expect(parse('', 'https://mywww.gdansk.pl/x').siteName).toBe('mywww.gdansk.pl')
    expect(parse('', 'not a url')).toEqual({ title: null, description: null, imageUrl: null, siteName: null })
  })

  it('skips a blank og:title for the next tag that has text', () => {
    expect(
      parse('<meta property="og:title" content="   "><meta name="twitter:title" content="Čeněk">').title,
    ).toBe('Čeněk')
  })

  it('keeps the first of duplicated tags, and ignores one without content', () => {
    expect(
      parse(
        '<meta property="og:title"><meta property="og:title" content="Gasteizko Udala"><meta property="og:title" content="Later">',
      ).title,
    ).toBe('Gasteizko Udala')
  })

  it('reads tag and attribute names in any case, and decodes entities', () => {
    expect(parseOpenGraph('<HTML><HEAD><TITLE>Łódź &amp; Kraków</TITLE></HEAD></HTML>', PAGE).title).toBe(
      'Łódź & Kraków',
    )
    expect(parse('<META PROPERTY="OG:Title" CONTENT="Târgu Mureș">').title).toBe('Târgu Mureș')
  })
})

describe('parseOpenGraph: the page title', () => {
  const title = (html: string) => parseOpenGraph(html, PAGE).title

  it('reads the title after an inline <svg> whose own <title> it ignores', () => {
    expect(title('<body><svg><g></g><title>ikona</title></svg><title>Θεσσαλονίκη</title></body>')).toBe(
      'Θεσσαλονίκη',
    )
  })

  it('reads the first <title> only, and stops at its end', () => {
    expect(title('<title>Gasteizko Udala</title><title>Druga</title>')).toBe('Gasteizko Udala')
    expect(title('<title>Łódź</title><p>Treść strony</p>')).toBe('Łódź')
  })
})

describe('decodeHtml', () => {
  it('reads the charset of a <meta http-equiv="Content-Type">, whatever its case', () => {
    const page = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>',
      LODZ_1250,
    )
    expect(decodeHtml(page, 'text/html')).toBe(
      `<meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>${LODZ}`,
    )
  })

  it('keeps the first declaration: <meta charset> before a later http-equiv', () => {
    const page = bytes(
      '<meta charset="windows-1250"><meta http-equiv="content-type" content="text/html; charset=iso-8859-2"><title>',
      LODZ_1250,
    )
    expect(parseOpenGraph(decodeHtml(page, null), PAGE).title).toBe(LODZ)
  })

  it('does not take a charset from the content of any other meta tag', () => {
    const page = bytes(
      '<meta name="description" content="charset=iso-8859-2"><meta charset="windows-1250"><title>',
      LODZ_1250,
    )
    expect(parseOpenGraph(decodeHtml(page, null), PAGE)).toMatchObject({
      title: LODZ,
      description: 'charset=iso-8859-2',
    })
  })

  it('ignores an http-equiv without a charset, and falls back to UTF-8', () => {
    const utf8 = new TextEncoder().encode(
      '<meta http-equiv="Content-Type" content="text/html"><title>Θεσσαλονίκη',
    )
    expect(parseOpenGraph(decodeHtml(utf8, null), PAGE).title).toBe('Θεσσαλονίκη')
    expect(decodeHtml(new TextEncoder().encode('<p>Čeněk</p>'), null)).toBe('<p>Čeněk</p>')
  })

  it('looks for the declaration in the first 4096 characters only', () => {
    const late = bytes(`<!--${' '.repeat(4100)}--><meta charset="windows-1250"><title>`, LODZ_1250)
    expect(parseOpenGraph(decodeHtml(late, null), PAGE).title).toBe('\uFFFD\uFFFDd\uFFFD')
  })

  it('unquotes a quoted header charset but does not repair a broken one', () => {
    const page = bytes('<title>', LODZ_1250)
    expect(decodeHtml(page, 'text/html; charset="windows-1250"')).toBe(`<title>${LODZ}`)
    expect(decodeHtml(page, "text/html; charset=windows-12'50")).toBe('<title>\uFFFD\uFFFDd\uFFFD')
  })
})

describe('readOpenGraph', () => {
  it('asks for HTML and reads an XHTML page with a padded, upper-case type', async () => {
    let accept: string | null = null
    mockServer.use(
      http.get(PAGE, ({ request }) => {
        accept = request.headers.get('accept')
        return new HttpResponse('<html><head><title>Łódź Fabryczna</title></head></html>', {
          headers: { 'Content-Type': 'Application/XHTML+XML ; charset=utf-8' },
        })
      }),
    )
    expect(await readOpenGraph(PAGE)).toEqual({
      title: 'Łódź Fabryczna',
      description: null,
      imageUrl: null,
      siteName: 'ripple-demo.eu',
    })
    expect(accept).toBe('text/html,application/xhtml+xml;q=0.9,*/*;q=0.1')
  })

  it('says not_html for an answer without a Content-Type', async () => {
    mockServer.use(http.get(PAGE, () => new HttpResponse(new TextEncoder().encode('<title>x</title>'))))
    await expect(readOpenGraph(PAGE)).rejects.toMatchObject({
      name: 'EvidenceFetchError',
      reason: 'not_html',
    })
  })
})

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks as spaces, no other tag, and decodes entities', () => {
    expect(htmlToText('<p>Łódź &amp; Gdańsk</p><p>Kraków<br>Θεσσαλονίκη <a href="/x">link</a></p>')).toBe(
      ' Łódź & Gdańsk Kraków Θεσσαλονίκη link',
    )
  })
})
