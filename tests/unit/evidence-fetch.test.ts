import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'

import { BLUESKY_API, blueskyPost, demoBluesky } from '#tests/mocks/bluesky'
import { fakeHostResolver, mockHosts } from '#tests/mocks/dns'
import { mockServer } from '#tests/mocks/index'
import { demoMastodon, mastodonStatus } from '#tests/mocks/mastodon'
import { demoPages, htmlPage, htmlResponse } from '#tests/mocks/opengraph'
import { parseBlueskyUrl } from '~/models/evidence/bluesky.server'
import { isPublicAddress, readEvidence, setHostResolver } from '~/models/evidence/index.server'
import { parseMastodonUrl } from '~/models/evidence/mastodon.server'
import { decodeHtml, parseOpenGraph } from '~/models/evidence/open-graph.server'
import { safeFetch } from '~/models/evidence/safe-fetch.server'
import { env } from '~/utils/env.server'

// Small limits so the time-out and size cases are quick; env() is read lazily, after this runs.
process.env.FETCH_TIMEOUT_MS = '300'
process.env.FETCH_MAX_BYTES = '20000'

afterEach(() => setHostResolver(fakeHostResolver()))

const GET_POSTS = `${BLUESKY_API}/xrpc/app.bsky.feed.getPosts`
const RESOLVE_HANDLE = `${BLUESKY_API}/xrpc/com.atproto.identity.resolveHandle`
const MASTODON_API = `https://mastodon.social/api/v1/statuses/${demoMastodon.launch.id}`
const big = 'x'.repeat(30_000)

/** A response whose body streams in chunks without a Content-Length, so only reading can tell its size. */
function streamingBody(totalBytes: number, contentType: string) {
  const chunk = new TextEncoder().encode('a'.repeat(4096))
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close()
      controller.enqueue(chunk)
      sent += chunk.byteLength
    },
  })
  return new HttpResponse(stream, { headers: { 'Content-Type': contentType } })
}

describe('limits come from the environment', () => {
  it('uses the small test limits', () => {
    expect(env().FETCH_TIMEOUT_MS).toBe(300)
    expect(env().FETCH_MAX_BYTES).toBe(20000)
  })
})

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['2a00:1450:4001:82b::200e', true],
    ['127.0.0.1', false],
    ['10.0.0.5', false],
    ['172.16.3.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['192.0.2.10', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::5', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.1.2.3', false],
    ['64:ff9b::a00:5', false],
    ['2002:a00:5::1', false],
    ['not an address', false],
  ])('%s -> %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })
})

describe('guarded fetch', () => {
  it.each([
    ['ftp://www.ripple-demo.eu/file', 'not_http'],
    ['file:///etc/passwd', 'not_http'],
    ['javascript:alert(1)', 'not_http'],
    ['not a url', 'bad_url'],
    ['https://user:secret@www.ripple-demo.eu/', 'bad_url'],
  ])('refuses %s (%s)', async (url, reason) => {
    expect(await readEvidence(url)).toEqual({ ok: false, reason })
  })

  it.each([
    'http://127.0.0.1/',
    'http://localhost.localdomain.invalid.127.0.0.1.nip.io.example/',
    'http://[::1]:8080/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0x7f.1/',
    'http://10.0.0.5/admin',
    'https://internal.ripple-demo.eu/',
    'https://dual.ripple-demo.eu/',
  ])('refuses %s before any request', async (url) => {
    const result = await readEvidence(url)
    // The nip.io-style name is unknown to the fake resolver; every other one is a private address.
    expect(result).toEqual({ ok: false, reason: url.includes('nip.io') ? 'unknown_host' : 'private_address' })
  })

  it('refuses a name whose DNS answer includes any private address', async () => {
    setHostResolver(
      fakeHostResolver({ ...mockHosts, 'www.ripple-demo.eu': ['93.184.216.34', '192.168.0.10'] }),
    )
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'private_address' })
  })

  it('says unknown_host for a name DNS does not know', async () => {
    expect(await readEvidence('https://no-such-host.ripple-demo.eu/news')).toEqual({
      ok: false,
      reason: 'unknown_host',
    })
  })

  it('says dns_error when the resolver fails otherwise', async () => {
    setHostResolver(async () => {
      throw Object.assign(new Error('queryA ESERVFAIL'), { code: 'ESERVFAIL' })
    })
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'dns_error' })
  })

  it('follows a relative redirect on a public host', async () => {
    mockServer.use(
      http.get(
        'https://www.ripple-demo.eu/old',
        () =>
          new HttpResponse(null, { status: 301, headers: { Location: '/news/cities-in-dialogue-forum' } }),
      ),
    )
    const result = await readEvidence('https://www.ripple-demo.eu/old')
    expect(result).toMatchObject({ ok: true, preview: { title: 'Cities in Dialogue at the Urban Forum' } })
  })

  it('stops after five redirects', async () => {
    let hops = 0
    mockServer.use(
      http.get('https://www.ripple-demo.eu/loop/:n', ({ params }) => {
        hops++
        return new HttpResponse(null, { status: 302, headers: { Location: `/loop/${Number(params.n) + 1}` } })
      }),
    )
    expect(await readEvidence('https://www.ripple-demo.eu/loop/0')).toEqual({
      ok: false,
      reason: 'too_many_redirects',
    })
    expect(hops).toBe(6)
  })

  it('treats a redirect without Location as bad_redirect', async () => {
    mockServer.use(
      http.get('https://www.ripple-demo.eu/broken', () => new HttpResponse(null, { status: 302 })),
    )
    expect(await readEvidence('https://www.ripple-demo.eu/broken')).toEqual({
      ok: false,
      reason: 'bad_redirect',
    })
  })

  it('refuses a redirect to a non-http scheme', async () => {
    mockServer.use(
      http.get(
        'https://www.ripple-demo.eu/ftp',
        () => new HttpResponse(null, { status: 302, headers: { Location: 'ftp://www.ripple-demo.eu/x' } }),
      ),
    )
    expect(await readEvidence('https://www.ripple-demo.eu/ftp')).toEqual({ ok: false, reason: 'not_http' })
  })

  it('refuses a declared Content-Length over the limit without reading', async () => {
    mockServer.use(
      http.get(
        demoPages.forum,
        () =>
          new HttpResponse('small', {
            headers: { 'Content-Type': 'text/html', 'Content-Length': '5000000' },
          }),
      ),
    )
    await expect(safeFetch(demoPages.forum, { accept: 'text/html' })).rejects.toMatchObject({
      reason: 'too_large',
    })
  })

  it('stops reading a streamed body past the limit', async () => {
    mockServer.use(http.get(demoPages.forum, () => streamingBody(10_000_000, 'text/html')))
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'too_large' })
  })

  it('reads a body just under the limit', async () => {
    mockServer.use(http.get(demoPages.forum, () => streamingBody(16_384, 'text/html')))
    expect(await readEvidence(demoPages.forum)).toMatchObject({ ok: true })
  })
})

describe('Open Graph pages', () => {
  it('reads og:title, og:description, og:image (made absolute) and og:site_name', async () => {
    mockServer.use(
      http.get('https://news.ripple-demo.eu/2026/forum', () =>
        htmlResponse(
          htmlPage({
            title: 'Ignored <title>',
            description: 'Ignored description',
            og: {
              title: 'Forum &amp; “dialogue”',
              description: '  Eight   cities\nmet. ',
              image: '/img/forum.jpg',
              site_name: 'City News',
            },
          }),
        ),
      ),
    )
    expect(await readEvidence('https://news.ripple-demo.eu/2026/forum')).toEqual({
      ok: true,
      kind: 'page',
      metrics: null,
      preview: {
        title: 'Forum &amp; “dialogue”',
        description: 'Eight cities met.',
        imageUrl: 'https://news.ripple-demo.eu/img/forum.jpg',
        siteName: 'City News',
      },
    })
  })

  it('falls back to <title>, meta description and the host name', async () => {
    expect(await readEvidence(demoPages.clinic)).toEqual({
      ok: true,
      kind: 'page',
      metrics: null,
      preview: {
        title: 'Policy clinic in Bilbao – Cities in Dialogue',
        description: 'A policy clinic on participatory budgeting with local stakeholders.',
        imageUrl: null,
        siteName: 'ripple-demo.eu',
      },
    })
  })

  it('ignores an og:image that is not http(s) and an <svg> title', () => {
    const html = `<html><head><meta property="og:image" content="javascript:alert(1)"></head><body><svg><title>icon</title></svg></body></html>`
    expect(parseOpenGraph(html, 'https://www.ripple-demo.eu/')).toMatchObject({ title: null, imageUrl: null })
  })

  it('copes with broken HTML', () => {
    const html = `<html><head><title>Still <b>readable</title><meta property=og:description content="unquoted"><body><p>unclosed`
    expect(parseOpenGraph(html, 'https://www.ripple-demo.eu/a')).toMatchObject({
      title: 'Still <b>readable',
      description: 'unquoted',
    })
  })

  it('decodes the page in the charset it declares', () => {
    const latin1 = Uint8Array.from(
      [...'<meta charset="iso-8859-1"><title>Donostia – San Sebasti']
        .map((c) => c.charCodeAt(0))
        .concat([0xe1, 0x6e]),
    )
    expect(parseOpenGraph(decodeHtml(latin1, 'text/html'), 'https://x.eu/').title).toContain('San Sebastián')
    const header = Uint8Array.from([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0xe9])
    expect(decodeHtml(header, 'text/html; charset=windows-1252')).toBe('<title>é')
  })

  it('says not_html for a PDF', async () => {
    expect(await readEvidence(demoPages.report)).toEqual({ ok: false, reason: 'not_html' })
  })

  it('says http_404 for a missing page', async () => {
    mockServer.use(http.get(demoPages.forum, () => new HttpResponse('gone', { status: 404 })))
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'http_404' })
  })

  it('times out on a slow page', async () => {
    mockServer.use(
      http.get(demoPages.forum, async () => {
        await delay(2000)
        return htmlResponse(htmlPage({ title: 'late' }))
      }),
    )
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'timeout' })
  })

  it('says too_large for a page over the limit', async () => {
    mockServer.use(
      http.get(demoPages.forum, () => htmlResponse(htmlPage({ title: 'big', description: big }))),
    )
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'too_large' })
  })

  it('refuses a redirect to a loopback address', async () => {
    mockServer.use(
      http.get(
        demoPages.forum,
        () => new HttpResponse(null, { status: 302, headers: { Location: 'http://127.0.0.1/' } }),
      ),
    )
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'private_address' })
  })

  it('refuses a redirect to a host that resolves to a private address', async () => {
    mockServer.use(
      http.get(
        demoPages.forum,
        () =>
          new HttpResponse(null, { status: 302, headers: { Location: 'https://www.ripple-demo.eu/hop' } }),
      ),
      http.get(
        'https://www.ripple-demo.eu/hop',
        () =>
          new HttpResponse(null, {
            status: 307,
            headers: { Location: 'https://internal.ripple-demo.eu/secret' },
          }),
      ),
    )
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'private_address' })
  })

  it('says unknown_host for a redirect to an unknown host', async () => {
    mockServer.use(
      http.get(
        demoPages.forum,
        () => new HttpResponse(null, { status: 302, headers: { Location: 'https://gone.ripple-demo.eu/' } }),
      ),
    )
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'unknown_host' })
  })
})

describe('Mastodon statuses', () => {
  it('recognises status URLs', () => {
    expect(parseMastodonUrl('https://mastodon.social/@ripple_demo/113456789012345678')).toMatchObject({
      instance: 'mastodon.social',
      id: '113456789012345678',
    })
    expect(
      parseMastodonUrl('https://mastodon.social/@someone@other.example/113456789012345678'),
    ).toMatchObject({ id: '113456789012345678' })
    expect(parseMastodonUrl('https://social.ripple-demo.eu/users/city/statuses/42')).toMatchObject({
      instance: 'social.ripple-demo.eu',
      id: '42',
    })
    expect(parseMastodonUrl('https://mastodon.social/@ripple_demo')).toBeNull()
    expect(parseMastodonUrl('https://medium.com/@writer/my-post-1234')).toBeNull()
  })

  it('reads the counters and a preview from the status API', async () => {
    expect(await readEvidence(demoMastodon.launch.url)).toEqual({
      ok: true,
      kind: 'mastodon',
      preview: {
        title: 'Cities in Dialogue (@ripple_demo)',
        description: 'Our city joined #CitiesInDialogue! Kick-off today.',
        imageUrl: null,
        siteName: 'Mastodon · mastodon.social',
      },
      metrics: { source: 'mastodon', replies: 3, reposts: 12, likes: 40 },
    })
  })

  it('reads /users/<name>/statuses/<id> URLs and quote counts', async () => {
    mockServer.use(
      http.get('https://social.ripple-demo.eu/api/v1/statuses/42', () =>
        HttpResponse.json(
          mastodonStatus({
            id: '42',
            quotes_count: 2,
            media_attachments: [{ type: 'image', preview_url: 'https://social.ripple-demo.eu/m/1.jpg' }],
          }),
        ),
      ),
    )
    expect(await readEvidence('https://social.ripple-demo.eu/users/city/statuses/42')).toMatchObject({
      ok: true,
      preview: { imageUrl: 'https://social.ripple-demo.eu/m/1.jpg' },
      metrics: { source: 'mastodon', replies: 3, reposts: 12, likes: 40, quotes: 2 },
    })
  })

  it('says http_404 for a deleted status', async () => {
    expect(await readEvidence('https://mastodon.social/@ripple_demo/1')).toEqual({
      ok: false,
      reason: 'http_404',
    })
  })

  it('times out on a slow instance', async () => {
    mockServer.use(
      http.get(MASTODON_API, async () => {
        await delay(2000)
        return HttpResponse.json(mastodonStatus())
      }),
    )
    expect(await readEvidence(demoMastodon.launch.url)).toEqual({ ok: false, reason: 'timeout' })
  })

  it('says bad_json for malformed JSON', async () => {
    mockServer.use(
      http.get(
        MASTODON_API,
        () =>
          new HttpResponse('{"id": "1", "replies_count":', {
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    )
    expect(await readEvidence(demoMastodon.launch.url)).toEqual({ ok: false, reason: 'bad_json' })
  })

  it('says bad_response for JSON of the wrong shape', async () => {
    mockServer.use(
      http.get(MASTODON_API, () => HttpResponse.json(mastodonStatus({ favourites_count: 'many' }))),
    )
    expect(await readEvidence(demoMastodon.launch.url)).toEqual({ ok: false, reason: 'bad_response' })
  })

  it('says too_large for an answer over the limit', async () => {
    mockServer.use(http.get(MASTODON_API, () => HttpResponse.json(mastodonStatus({ content: big }))))
    expect(await readEvidence(demoMastodon.launch.url)).toEqual({ ok: false, reason: 'too_large' })
  })

  it('refuses a redirect to a private address', async () => {
    mockServer.use(
      http.get(
        MASTODON_API,
        () =>
          new HttpResponse(null, { status: 302, headers: { Location: 'http://10.0.0.5/api/v1/statuses/1' } }),
      ),
    )
    expect(await readEvidence(demoMastodon.launch.url)).toEqual({ ok: false, reason: 'private_address' })
  })

  it('says unknown_host for an instance that does not exist', async () => {
    expect(await readEvidence('https://no-such-instance.ripple-demo.eu/@someone/113456789012345678')).toEqual(
      { ok: false, reason: 'unknown_host' },
    )
  })
})

describe('Bluesky posts', () => {
  it('recognises post URLs', () => {
    expect(parseBlueskyUrl(demoBluesky.launch.url)).toEqual({
      actor: demoBluesky.handle,
      rkey: demoBluesky.launch.rkey,
    })
    expect(parseBlueskyUrl(demoBluesky.clinic.url)).toEqual({
      actor: demoBluesky.did,
      rkey: demoBluesky.clinic.rkey,
    })
    expect(parseBlueskyUrl('https://bsky.app/profile/ripple-demo.bsky.social')).toBeNull()
    expect(parseBlueskyUrl('https://evil.example/profile/a.bsky.social/post/3abc')).toBeNull()
  })

  it('resolves the handle and reads the counters', async () => {
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({
      ok: true,
      kind: 'bluesky',
      preview: {
        title: 'Cities in Dialogue (@ripple-demo.bsky.social)',
        description: 'Eight cities, one conversation: our project starts today.',
        imageUrl: null,
        siteName: 'Bluesky',
      },
      metrics: { source: 'bluesky', replies: 2, reposts: 7, likes: 31, quotes: 1 },
    })
  })

  it('skips handle resolution for a DID and reads an image embed', async () => {
    let resolved = 0
    mockServer.use(
      http.get(RESOLVE_HANDLE, () => {
        resolved++
        return HttpResponse.json({ did: demoBluesky.did })
      }),
      http.get(GET_POSTS, ({ request }) => {
        expect(new URL(request.url).searchParams.get('uris')).toBe(
          `at://${demoBluesky.did}/app.bsky.feed.post/${demoBluesky.clinic.rkey}`,
        )
        return HttpResponse.json({
          posts: [
            blueskyPost({
              embed: {
                $type: 'app.bsky.embed.images#view',
                images: [{ thumb: 'https://cdn.bsky.app/img/t.jpg', alt: '' }],
              },
            }),
          ],
        })
      }),
    )
    expect(await readEvidence(demoBluesky.clinic.url)).toMatchObject({
      ok: true,
      preview: { imageUrl: 'https://cdn.bsky.app/img/t.jpg' },
    })
    expect(resolved).toBe(0)
  })

  it('says http_400 for a handle that does not resolve', async () => {
    expect(await readEvidence('https://bsky.app/profile/nobody.example.com/post/3lbq2demo2x2a')).toEqual({
      ok: false,
      reason: 'http_400',
    })
  })

  it('says not_found for a deleted post', async () => {
    expect(await readEvidence('https://bsky.app/profile/ripple-demo.bsky.social/post/3deleted22222')).toEqual(
      { ok: false, reason: 'not_found' },
    )
  })

  it('says http_404 when the API answers 404', async () => {
    mockServer.use(http.get(GET_POSTS, () => HttpResponse.json({ error: 'NotFound' }, { status: 404 })))
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({ ok: false, reason: 'http_404' })
  })

  it('times out on a slow API', async () => {
    mockServer.use(
      http.get(GET_POSTS, async () => {
        await delay(2000)
        return HttpResponse.json({ posts: [blueskyPost()] })
      }),
    )
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({ ok: false, reason: 'timeout' })
  })

  it('says bad_json for malformed JSON', async () => {
    mockServer.use(
      http.get(
        GET_POSTS,
        () => new HttpResponse('{"posts": [', { headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({ ok: false, reason: 'bad_json' })
  })

  it('says bad_response for a DID that is not one', async () => {
    mockServer.use(http.get(RESOLVE_HANDLE, () => HttpResponse.json({ did: 'https://evil.example/' })))
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({ ok: false, reason: 'bad_response' })
  })

  it('says too_large for an answer over the limit', async () => {
    mockServer.use(
      http.get(GET_POSTS, () => HttpResponse.json({ posts: [blueskyPost({ record: { text: big } })] })),
    )
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({ ok: false, reason: 'too_large' })
  })

  it('refuses a redirect to a private address', async () => {
    mockServer.use(
      http.get(
        GET_POSTS,
        () =>
          new HttpResponse(null, {
            status: 302,
            headers: { Location: 'https://internal.ripple-demo.eu/xrpc' },
          }),
      ),
    )
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({ ok: false, reason: 'private_address' })
  })

  it('says unknown_host when the API host does not resolve', async () => {
    const { 'public.api.bsky.app': _gone, ...rest } = mockHosts
    setHostResolver(fakeHostResolver(rest))
    expect(await readEvidence(demoBluesky.launch.url)).toEqual({ ok: false, reason: 'unknown_host' })
  })
})

describe('default mocks for the demo seed (MOCKS=true)', () => {
  it('answer the kinds of links the seed generates', async () => {
    expect(await readEvidence('https://mastodon.social/@donostia/113400000000000042')).toMatchObject({
      ok: true,
      kind: 'mastodon',
      metrics: { source: 'mastodon' },
    })
    expect(
      await readEvidence('https://bsky.app/profile/donostia.bsky.social/post/3labcdefghijk'),
    ).toMatchObject({
      ok: true,
      kind: 'bluesky',
      preview: { title: 'Partner city (@donostia.bsky.social)' },
    })
    expect(await readEvidence('https://www.donostia.eus/news/open-data-workshop')).toMatchObject({
      ok: true,
      preview: { title: 'Open data workshop', siteName: 'donostia.eus' },
    })
  })
})

describe('a body that stalls', () => {
  it('times out while reading', async () => {
    mockServer.use(
      http.get(demoPages.forum, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('<html><head><title>slow'))
            // Never closes: the rest of the page never arrives.
          },
        })
        return new HttpResponse(stream, { headers: { 'Content-Type': 'text/html' } })
      }),
    )
    expect(await readEvidence(demoPages.forum)).toEqual({ ok: false, reason: 'timeout' })
  })
})
