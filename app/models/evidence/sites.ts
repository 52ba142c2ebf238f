/**
 * Sites whose posts publish no public counters: the evidence link can show a preview at best, and
 * the partner types the figures they see on the post. Shared with the browser (no server code).
 */
export const counterlessSites = ['linkedin', 'x', 'facebook', 'instagram'] as const
export type CounterlessSite = (typeof counterlessSites)[number]

const hosts: [RegExp, CounterlessSite][] = [
  [/(^|\.)linkedin\.com$|^lnkd\.in$/, 'linkedin'],
  [/(^|\.)(x|twitter)\.com$|^t\.co$/, 'x'],
  [/(^|\.)(facebook|fb)\.com$|^fb\.watch$/, 'facebook'],
  [/(^|\.)instagram\.com$|^instagr\.am$/, 'instagram'],
]

/** Which counterless site a link is on, or null (Mastodon, Bluesky, a web page...). */
export function counterlessSite(url: string | null | undefined): CounterlessSite | null {
  if (!url) return null
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return null
  }
  return hosts.find(([pattern]) => pattern.test(host))?.[1] ?? null
}
