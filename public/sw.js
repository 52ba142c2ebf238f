/**
 * Ripple's service worker (docs/decisions/024-offline-logging.md). It keeps one page working
 * without a network: the quick form at /actions/new, with the build files it needs. Everything
 * else goes to the network as if there were no worker. Actions saved offline wait in the page's
 * own queue (app/components/offline-queue.tsx), not here.
 *
 * - Navigations to /actions/new: network first; a good answer refreshes the stored copy; without a
 *   network the stored copy answers (any ?like= or ?eventId= falls back to the plain form).
 * - The route's data request (/actions/new?_data=routes/actions.new, a link followed in the app):
 *   the same, so "Log an action" in the header also opens offline.
 * - /build/ files are fingerprinted and never change: cache first.
 * - Signing out (POST /logout) forgets the stored page, which holds the user's name and choices.
 */
const VERSION = 'v1'
const PAGES = `ripple-pages-${VERSION}`
const ASSETS = `ripple-assets-${VERSION}`
const FORM_PATH = '/actions/new'
const FORM_DATA = '/actions/new?_data=routes%2Factions.new'
const BUILD_FILE = /\/build\/[\w./-]+\.(?:js|css)/g

self.addEventListener('install', (event) => {
  // Stored at once, so a first visit is enough; a refusal (viewer, signed out) stores nothing.
  event.waitUntil(Promise.allSettled([refresh(FORM_PATH), refresh(FORM_DATA)]).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k !== PAGES && k !== ASSETS).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  )
})

// A signed-in page asks for the form to be kept (offline-queue.tsx): after signing in, the app
// may never load /actions/new as a document before the network goes.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep-form') return
  event.waitUntil(
    caches
      .match(FORM_PATH, { cacheName: PAGES })
      .then((stored) => stored ?? Promise.allSettled([refresh(FORM_PATH), refresh(FORM_DATA)])),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.method !== 'GET') {
    if (url.pathname === '/logout') event.waitUntil(caches.delete(PAGES))
    return
  }
  if (url.pathname.startsWith('/build/')) return event.respondWith(cacheFirst(request))
  if (url.pathname !== FORM_PATH) return
  const data = url.searchParams.get('_data')
  if (request.mode === 'navigate') return event.respondWith(networkFirst(event, FORM_PATH, !url.search))
  if (data === 'routes/actions.new')
    return event.respondWith(networkFirst(event, FORM_DATA, url.search === '?_data=routes%2Factions.new'))
})

/** Fetches a page (or its data) and stores it when the answer is the form itself. */
async function refresh(path) {
  const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' })
  if (usable(response)) await store(path, response)
  return response
}

/** A 200 that is the form itself: not a redirect to the sign-in page, not a refusal. */
function usable(response) {
  return response.status === 200 && !response.redirected && !response.headers.get('X-Remix-Redirect')
}

async function store(path, response) {
  const pages = await caches.open(PAGES)
  if (path === FORM_PATH) await storeBuildFiles(await response.clone().text())
  await pages.put(path, response)
}

/** Every module and stylesheet the page names (Remix lists them as modulepreload links). */
async function storeBuildFiles(html) {
  const assets = await caches.open(ASSETS)
  const files = [...new Set(html.match(BUILD_FILE) ?? [])]
  await Promise.allSettled(files.map(async (file) => (await assets.match(file)) ?? assets.add(file)))
}

/** The network's answer, kept in the background when it is the form; the kept copy without a network. */
async function networkFirst(event, path, keep) {
  try {
    const response = await fetch(event.request)
    if (keep && usable(response)) event.waitUntil(store(path, response.clone()).catch(() => {}))
    return response
  } catch (error) {
    const stored = await caches.match(path, { cacheName: PAGES })
    if (stored) return stored
    throw error
  }
}

async function cacheFirst(request) {
  const stored = await caches.match(request, { cacheName: ASSETS })
  if (stored) return stored
  const response = await fetch(request)
  if (response.ok) {
    const assets = await caches.open(ASSETS)
    await assets.put(request, response.clone()).catch(() => {})
  }
  return response
}
