/**
 * Which channel an action went through, read from its link and its type (client-safe, pure).
 * Keys are the built-in channel keys (`channels.key`, see list-labels.ts); the server turns the
 * key into the project's channel id, and only when the partner left the channel empty.
 */

/** Hosts (and every sub-domain of them) that name their channel outright. */
const hostChannels: [host: string, channel: string][] = [
  ['linkedin.com', 'linkedin'],
  ['lnkd.in', 'linkedin'],
  ['x.com', 'x'],
  ['twitter.com', 'x'],
  ['facebook.com', 'facebook'],
  ['fb.com', 'facebook'],
  ['fb.watch', 'facebook'],
  ['instagram.com', 'instagram'],
  ['youtube.com', 'youtube'],
  ['youtu.be', 'youtube'],
  ['bsky.app', 'bluesky'],
  ['mastodon.social', 'mastodon'],
]

/** A Mastodon (or other fediverse) post: https://host/@user/123456. */
const fediversePost = /^\/@[\w.-]+(@[\w.-]+)?\/\d+\/?$/

/** What a type is about, so the quick form asks only for what it needs. */
export type TypeGroup = 'social' | 'talk' | 'press' | 'web' | 'other'

const typeGroups: Record<string, TypeGroup> = {
  social_post: 'social',
  video: 'social',
  presentation: 'talk',
  conference_talk: 'talk',
  policy_clinic: 'talk',
  partner_meeting: 'talk',
  bilateral_meeting: 'talk',
  creative_format: 'talk',
  webinar: 'talk',
  press: 'press',
  web_news: 'web',
  newsletter: 'web',
  publication: 'web',
}

/** The group of a type key; types the administrator added (no key) ask for everything. */
export function typeGroup(typeKey: string | null | undefined): TypeGroup {
  return (typeKey && typeGroups[typeKey]) || 'other'
}

/** The channel a type goes through when its link does not say (a talk is given in person). */
const typeChannels: Record<string, string> = {
  presentation: 'in_person',
  conference_talk: 'in_person',
  policy_clinic: 'in_person',
  partner_meeting: 'in_person',
  bilateral_meeting: 'in_person',
  creative_format: 'in_person',
  webinar: 'online_event',
  newsletter: 'newsletter',
  web_news: 'website',
  publication: 'website',
}

function parseLink(link: string): URL | null {
  const text = link.trim()
  if (!text) return null
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/** The channel key a link's host names (social networks, a Mastodon post), or null. */
export function channelOfLink(link: string): string | null {
  const url = parseLink(link)
  if (!url) return null
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  for (const [known, channel] of hostChannels) {
    if (host === known || host.endsWith(`.${known}`)) return channel
  }
  if (fediversePost.test(url.pathname)) return 'mastodon'
  return null
}

/**
 * The channel key for an action of this type with this link: the network the link names; for
 * press, the outlet's site (print press); otherwise what the type goes through; null when
 * nothing tells.
 */
export function inferChannel({
  link,
  typeKey,
}: {
  link?: string | null
  typeKey?: string | null
}): string | null {
  const fromLink = link ? channelOfLink(link) : null
  if (fromLink) return fromLink
  const hasLink = !!(link && parseLink(link))
  if (typeKey === 'press') return hasLink ? 'print_press' : null
  if (typeKey && typeChannels[typeKey]) return typeChannels[typeKey]
  return hasLink && typeGroup(typeKey) !== 'social' ? 'website' : null
}

/** The host of a link without "www.", to find the press outlet in the register; null if none. */
export function linkDomain(link: string | null | undefined): string | null {
  const url = link ? parseLink(link) : null
  return url
    ? url.hostname
        .toLowerCase()
        .replace(/^www\./, '')
        .replace(/\.$/, '')
    : null
}
