/** The administrator-editable lists of action types and channels: their names and labels (client-safe). */

export type ListKind = 'types' | 'channels'

/** The built-in English names, so a renamed built-in entry shows the administrator's name. */
export const builtInNames: Record<ListKind, Record<string, string>> = {
  types: {
    presentation: 'Presentation at an event',
    social_post: 'Social media post',
    press: 'Press article or release',
    newsletter: 'Newsletter',
    web_news: 'Website news',
    conference_talk: 'Conference talk',
    bilateral_meeting: 'Bilateral meeting',
    webinar: 'Webinar',
    policy_clinic: 'Policy clinic',
    partner_meeting: 'Partner meeting',
    publication: 'Publication',
    video: 'Video',
    creative_format: 'Creative or gamified format',
    other: 'Other',
  },
  channels: {
    in_person: 'In person',
    online_event: 'Online event',
    linkedin: 'LinkedIn',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    mastodon: 'Mastodon',
    bluesky: 'Bluesky',
    youtube: 'YouTube',
    website: 'Website',
    newsletter: 'Newsletter',
    print_press: 'Print press',
    radio_tv: 'Radio or TV',
    other: 'Other',
  },
}

/**
 * The i18n key to show for a list entry, or null to show its stored name: a built-in entry is
 * translated until the administrator renames it.
 */
export function listLabelKey(kind: ListKind, entry: { key: string | null; name: string }): string | null {
  if (!entry.key) return null
  return builtInNames[kind][entry.key] === entry.name ? `actions:${kind}.${entry.key}` : null
}
