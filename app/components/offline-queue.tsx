import { Link } from '@remix-run/react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { actionFormSchema } from '~/models/actions/form'
import { parseForm } from '~/utils/forms'

/**
 * Logging offline (docs/decisions/024-offline-logging.md). An action saved without a network
 * waits in this browser's IndexedDB, the whole form including any files, and is posted when the
 * network returns (the `online` event, and on every page load). Each form carries a key made on
 * the phone (`clientKey`); the server logs one action per key and user, so sending the same item
 * twice (two tabs, a lost answer) never logs it twice.
 */

const DB_NAME = 'ripple-offline'
const STORE = 'actions'
/** Fired on window when the queue changed (detail: how many were just sent, if any). */
const CHANGED = 'ripple:offline-queue'
/** Fired on window when the form's key must be renewed (its submission was queued). */
const RENEW_KEY = 'ripple:renew-client-key'
/** The route whose action logs an action; its data answer says where it redirected. */
const ROUTE_ID = 'routes/actions.new'

type QueuedAction = {
  clientKey: string
  /** Only the user who saved it sends it (a shared phone, another sign-in). */
  userId: number
  /** Where the form posts (/actions/new, with its query). */
  url: string
  fields: [string, FormDataEntryValue][]
  title: string
  date: string
  queuedAt: string
  /** The server answered with a refusal (400 or 403): kept for the user to see, not resent. */
  refused?: boolean
}

/** A v4 UUID; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
function newClientKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function openQueue(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientKey' })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function inStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>) {
  const db = await openQueue()
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode)
    const request = run(tx.objectStore(STORE))
    tx.oncomplete = () => (db.close(), resolve(request.result))
    tx.onerror = tx.onabort = () => (db.close(), reject(tx.error))
  })
}

async function queuedActions(userId: number): Promise<QueuedAction[]> {
  if (typeof indexedDB === 'undefined') return []
  const all = await inStore<QueuedAction[]>('readonly', (s) => s.getAll())
  return all.filter((a) => a.userId === userId).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
}

const putQueued = (item: QueuedAction) => inStore('readwrite', (s) => s.put(item))
const dropQueued = (clientKey: string) => inStore('readwrite', (s) => s.delete(clientKey))
const announce = (sent = 0) => window.dispatchEvent(new CustomEvent(CHANGED, { detail: sent }))

type SendResult = 'sent' | 'refused' | 'signedOut' | 'unreachable'

/** Posts one queued form as multipart, as Remix does, and reads where the server sent it. */
async function sendQueued(item: QueuedAction): Promise<SendResult> {
  const body = new FormData()
  for (const [name, value] of item.fields) body.append(name, value)
  const url = new URL(item.url, window.location.origin)
  url.searchParams.set('_data', ROUTE_ID)
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', body, credentials: 'same-origin' })
  } catch {
    return 'unreachable'
  }
  const to = response.headers.get('X-Remix-Redirect') ?? ''
  // Saved now or before (the same key answers with the action it logged then).
  if (/^\/actions\/(\d+|new\?like=\d+)/.test(to)) return 'sent'
  if (to.startsWith('/login')) return 'signedOut'
  if ([400, 403, 413, 415].includes(response.status)) return 'refused'
  return 'unreachable'
}

let sending: Promise<SendResult | null> | null = null

/** Sends this user's waiting actions, oldest first; stops at the first network or sign-in problem. */
function sendWaiting(userId: number): Promise<SendResult | null> {
  sending ??= (async () => {
    let sent = 0
    let last: SendResult | null = null
    try {
      for (const item of await queuedActions(userId)) {
        if (item.refused) continue
        last = await sendQueued(item)
        if (last === 'sent') {
          await dropQueued(item.clientKey)
          sent++
        } else if (last === 'refused') await putQueued({ ...item, refused: true })
        else break
      }
    } finally {
      sending = null
      announce(sent)
    }
    return last
  })().catch(() => null)
  return sending
}

/** Keeps the form's data as the server would read it, ready to post later. */
async function queueForm(form: HTMLFormElement, data: FormData, userId: number) {
  const fields: [string, FormDataEntryValue][] = []
  for (const [name, value] of data.entries()) {
    if (name === 'stakeholderQuery') continue
    // The form is emptied for the next one at once, so "log another" is plain submit later.
    fields.push([name, name === 'intent' && value === 'another' ? 'submit' : value])
  }
  const action = new URL(form.action, window.location.origin)
  await putQueued({
    clientKey: String(data.get('clientKey')),
    userId,
    url: action.pathname + action.search,
    fields,
    title: String(data.get('title') ?? ''),
    date: String(data.get('date') ?? ''),
    queuedAt: new Date().toISOString(),
  })
  announce()
}

/**
 * The hidden `clientKey` of the new action form. The server renders one (a form posted without
 * JavaScript carries it); in the browser a fresh one replaces it at once, because a page opened
 * offline is a stored copy whose key was already used, and again after each queued submission.
 */
export function ClientKeyInput({ initial }: { initial: string }) {
  const [key, setKey] = useState(initial)
  useEffect(() => {
    const renew = () => setKey(newClientKey())
    renew()
    window.addEventListener(RENEW_KEY, renew)
    return () => window.removeEventListener(RENEW_KEY, renew)
  }, [])
  return <input type="hidden" name="clientKey" value={key} />
}

/** This user's waiting actions, kept current as the queue changes; `sent` counts the last sending. */
function useQueue(userId: number) {
  const [items, setItems] = useState<QueuedAction[]>([])
  const [sent, setSent] = useState(0)
  useEffect(() => {
    let live = true
    const reload = (event?: Event) => {
      const count = event instanceof CustomEvent ? Number(event.detail) || 0 : 0
      if (count) setSent(count)
      queuedActions(userId)
        .then((list) => live && setItems(list))
        .catch(() => live && setItems([]))
    }
    reload()
    window.addEventListener(CHANGED, reload)
    return () => {
      live = false
      window.removeEventListener(CHANGED, reload)
    }
  }, [userId])
  return { items, sent }
}

/**
 * The header's badge: how many actions wait on this phone. It also sends them: on every page
 * load and whenever the browser says the network is back.
 */
export function OfflineQueueBadge({ userId }: { userId: number }) {
  const { t } = useTranslation('actions')
  const { items } = useQueue(userId)
  useEffect(() => {
    // Signed in: the service worker keeps the quick form, if it has not yet (public/sw.js).
    void navigator.serviceWorker?.ready.then((r) => r.active?.postMessage({ type: 'keep-form' }))
    const send = () => void (navigator.onLine && sendWaiting(userId))
    send()
    window.addEventListener('online', send)
    return () => window.removeEventListener('online', send)
  }, [userId])
  if (!items.length) return null
  return (
    <Link
      to="/actions/new"
      className="badge bg-warn-bg text-warn no-underline md:order-last"
      data-testid="offline-badge"
      aria-label={t('offline.waiting', { count: items.length })}
    >
      {/* On a narrow phone the number alone keeps the header one row. */}
      <span className="min-[400px]:hidden">{items.length}</span>
      <span className="max-[399px]:hidden">{t('offline.badge', { count: items.length })}</span>
    </Link>
  )
}

type Notice = 'queued' | 'searchOffline' | null

/** Offline, a valid submission of the new action form is queued instead of posted. */
function useQueueOfflineSubmissions(userId: number, setNotice: (n: Notice) => void) {
  useEffect(() => {
    function onSubmit(event: SubmitEvent) {
      const form = event.target
      if (navigator.onLine || !(form instanceof HTMLFormElement)) return
      if (!form.querySelector('input[name="clientKey"]')) return
      const data = new FormData(form, event.submitter)
      const searching = data.get('intent') === 'searchStakeholders'
      // An invalid form goes on to the form's own checks, which show each error next to its field.
      if (!searching && parseForm(data, { schema: actionFormSchema }).status !== 'success') return
      event.preventDefault()
      event.stopPropagation()
      // The notice is above the form: bring it into view, as a saved page would open at its top.
      if (searching) {
        setNotice('searchOffline')
        window.scrollTo({ top: 0 })
        return
      }
      void queueForm(form, data, userId).then(() => {
        form.reset()
        window.dispatchEvent(new Event(RENEW_KEY))
        setNotice('queued')
        window.scrollTo({ top: 0 })
      })
    }
    // Capturing on window runs before React's handlers, which would post the form.
    window.addEventListener('submit', onSubmit, true)
    return () => window.removeEventListener('submit', onSubmit, true)
  }, [userId, setNotice])
}

function useOnline() {
  const [online, setOnline] = useState(true)
  useEffect(() => {
    const update = () => setOnline(navigator.onLine)
    update()
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}

/**
 * The new action form's offline part: says when the phone is offline, queues what is saved then,
 * and lists what waits to be sent ("Waiting to send (2)").
 */
export function OfflineQueue({ userId }: { userId: number }) {
  const { t } = useTranslation('actions')
  const online = useOnline()
  const { items, sent } = useQueue(userId)
  const [notice, setNoticeState] = useState<Notice>(null)
  const setNotice = useCallback((n: Notice) => setNoticeState(n), [])
  useQueueOfflineSubmissions(userId, setNotice)
  const remove = (clientKey: string) => void dropQueued(clientKey).then(() => announce())

  return (
    <div className="mb-4 space-y-3">
      <div role="status" className="text-sm empty:hidden">
        {!online ? (
          <p className="rounded-md border border-warn bg-warn-bg p-3 text-warn">{t('offline.offline')}</p>
        ) : null}
        {notice ? (
          <p className="rounded-md border border-ok bg-ok-bg p-3 text-ok">{t(`offline.${notice}`)}</p>
        ) : null}
        {online && sent > 0 && !items.length ? (
          <p className="rounded-md border border-ok bg-ok-bg p-3 text-ok">
            {t('offline.sent', { count: sent })}
          </p>
        ) : null}
      </div>
      {items.length ? (
        <section aria-labelledby="offline-queue-title" className="card" data-testid="offline-queue">
          <h2 id="offline-queue-title" className="text-base">
            {t('offline.waiting', { count: items.length })}
          </h2>
          <p className="text-sm text-ink-muted">{t('offline.explain')}</p>
          <ul className="mt-2 divide-y">
            {items.map((item) => (
              <li key={item.clientKey} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <span className="font-medium">{item.title}</span>
                <span className="text-ink-muted">{item.date}</span>
                {item.refused ? (
                  <>
                    <span className="badge bg-bad-bg text-bad">{t('offline.refused')}</span>
                    <button
                      type="button"
                      className="btn-secondary py-0.5"
                      aria-label={t('offline.removeTitled', { title: item.title })}
                      onClick={() => remove(item.clientKey)}
                    >
                      {t('offline.remove')}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
