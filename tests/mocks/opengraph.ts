import { http, HttpResponse } from 'msw'

/** Web pages the demo seed and browser tests link to as evidence; msw serves them with Open Graph tags. */
export const demoPages = {
  forum: 'https://www.ripple-demo.eu/news/cities-in-dialogue-forum',
  clinic: 'https://www.ripple-demo.eu/news/policy-clinic-bilbao',
  report: 'https://www.ripple-demo.eu/files/annual-report.pdf',
} as const

/** A small HTML page; `og` entries become <meta property="og:…">. */
export function htmlPage({
  title,
  description,
  og = {},
}: {
  title?: string
  description?: string
  og?: Record<string, string>
}) {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  const meta = Object.entries(og)
    .map(([k, v]) => `<meta property="og:${k}" content="${escape(v)}">`)
    .join('\n    ')
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    ${title ? `<title>${escape(title)}</title>` : ''}
    ${description ? `<meta name="description" content="${escape(description)}">` : ''}
    ${meta}
  </head>
  <body><h1>${escape(title ?? '')}</h1><p>Demo page served by msw.</p></body>
</html>`
}

export function htmlResponse(html: string, init: ResponseInit = {}) {
  return new HttpResponse(html, {
    ...init,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...init.headers },
  })
}

/**
 * The partner cities' websites and newspapers the demo seed links to (db/seed/actions.ts): any
 * page on them answers with a title made from its address, so MOCKS=true runs show previews.
 */
export const demoSiteHosts = [
  'www.donostia.eus',
  'www.barcelona.cat',
  'www.medellin.gov.co',
  'www.porto.pt',
  'www.comune.bologna.it',
  'www.lyon.fr',
  'www.gdansk.pl',
  'www.tampere.fi',
  'www.diariovasco.com',
  'www.elperiodico.com',
  'www.elcolombiano.com',
  'www.jn.pt',
  'www.ilrestodelcarlino.it',
  'www.leprogres.fr',
  'www.trojmiasto.pl',
  'www.aamulehti.fi',
]

function titleFromPath(pathname: string) {
  const last = pathname.split('/').filter(Boolean).pop() ?? ''
  const words = decodeURIComponent(last)
    .replace(/\.html?$/, '')
    .replace(/-\d+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Home'
}

// No og:image in the demo pages: a browser test would otherwise try to load it from the internet.
export const openGraphHandlers = [
  http.get(demoPages.forum, () =>
    htmlResponse(
      htmlPage({
        title: 'Forum page',
        og: {
          title: 'Cities in Dialogue at the Urban Forum',
          description: 'Eight partner cities shared how they involve residents in climate planning.',
          site_name: 'Cities in Dialogue',
        },
      }),
    ),
  ),
  http.get(demoPages.clinic, () =>
    htmlResponse(
      htmlPage({
        title: 'Policy clinic in Bilbao – Cities in Dialogue',
        description: 'A policy clinic on participatory budgeting with local stakeholders.',
      }),
    ),
  ),
  ...demoSiteHosts.map((host) =>
    http.get(`https://${host}/*`, ({ request }) => {
      const url = new URL(request.url)
      return htmlResponse(
        htmlPage({
          title: titleFromPath(url.pathname),
          description: `Cities in Dialogue: news from ${host.replace(/^www\./, '')}.`,
          og: { site_name: host.replace(/^www\./, '') },
        }),
      )
    }),
  ),
  http.get(
    demoPages.report,
    () =>
      new HttpResponse(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
        headers: { 'Content-Type': 'application/pdf' },
      }),
  ),
]
