import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionTypes, channels, partners, stakeholderCategories, stakeholders } from '#db/schema'
import { actionFormSchema, withLinkScheme } from '~/models/actions/form'
import {
  channelOfLink,
  inferChannel,
  linkDomain,
  typeGroup,
  withInferredDetails,
} from '~/models/actions/index.server'

describe('channelOfLink: the network a link names', () => {
  const table: [string, string | null][] = [
    ['https://www.linkedin.com/posts/ciudad-donostia_ripple-activity-7140000000000000000-abcd', 'linkedin'],
    ['https://es.linkedin.com/pulse/gdańsk-łączy-miasta-anna-wiśniewska', 'linkedin'],
    ['https://lnkd.in/dXyZ123', 'linkedin'],
    ['https://x.com/Donostia/status/1790000000000000000', 'x'],
    ['https://twitter.com/bcn_ajuntament/status/1790000000000000000', 'x'],
    ['https://mobile.twitter.com/bcn/status/1', 'x'],
    ['https://www.facebook.com/ayuntamiento.sansebastian/posts/123', 'facebook'],
    ['https://m.facebook.com/story.php?id=1', 'facebook'],
    ['https://fb.watch/abc/', 'facebook'],
    ['https://www.instagram.com/p/C1abcDEF/', 'instagram'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube'],
    ['https://bsky.app/profile/gdansk.pl/post/3kxyz', 'bluesky'],
    ['https://mastodon.social/@ripple/112233445566', 'mastodon'],
    ['https://mastodon.eus/@donostia/111222333444555', 'mastodon'],
    ['https://social.tampere.fi/@kaupunki/1099', 'mastodon'],
    ['https://eupolicy.social/@urbact@urbact.eu/1234/', 'mastodon'],
    // Bare links, as typed on a phone.
    ['linkedin.com/posts/gdansk-miasto_1', 'linkedin'],
    ['www.instagram.com/p/xyz', 'instagram'],
    ['HTTPS://WWW.LINKEDIN.COM/posts/1', 'linkedin'],
    // Look-alikes and everything else say nothing.
    ['https://notlinkedin.com/posts/1', null],
    ['https://linkedin.com.evil.example/posts/1', null],
    ['https://x.company.eu/news', null],
    ['https://www.diariovasco.com/san-sebastian/ciudades-dialogo-20260312.html', null],
    ['https://www.donostia.eus/@events/programa', null],
    ['https://mastodon.social/about', 'mastodon'],
    ['https://www.bilbao.eus/@agenda', null],
    ['javascript:alert(1)', null],
    ['ftp://linkedin.com/file', null],
    ['', null],
    ['not a link at all', null],
  ]
  it.each(table)('%s → %s', (link, channel) => {
    expect(channelOfLink(link)).toBe(channel)
  })
})

describe('inferChannel: the link first, then the type', () => {
  it.each([
    // [link, type key, channel]
    ['https://www.linkedin.com/posts/1', 'social_post', 'linkedin'],
    ['https://www.linkedin.com/posts/1', 'press', 'linkedin'],
    ['https://www.diariovasco.com/ciudades-dialogo.html', 'press', 'print_press'],
    ['dziennikbaltycki.pl/gdansk/miasta-w-dialogu/ar/123', 'press', 'print_press'],
    [null, 'press', null],
    [null, 'presentation', 'in_person'],
    ['https://www.donostia.eus/slides.pdf', 'conference_talk', 'in_person'],
    [null, 'webinar', 'online_event'],
    ['https://youtu.be/abc', 'webinar', 'youtube'],
    [null, 'newsletter', 'newsletter'],
    ['https://www.bologna.it/notizie/citta-in-dialogo', 'web_news', 'website'],
    ['https://www.tampere.fi/uutiset', null, 'website'],
    ['https://unknown-network.example/p/1', 'social_post', null],
    [null, 'social_post', null],
    [null, null, null],
  ] as [string | null, string | null, string | null][])('%s as %s → %s', (link, typeKey, channel) => {
    expect(inferChannel({ link, typeKey })).toBe(channel)
  })

  it('groups the types the quick form asks about', () => {
    expect(typeGroup('social_post')).toBe('social')
    expect(typeGroup('presentation')).toBe('talk')
    expect(typeGroup('press')).toBe('press')
    expect(typeGroup('newsletter')).toBe('web')
    expect(typeGroup(null)).toBe('other')
    expect(typeGroup('something_new')).toBe('other')
  })

  it('reads the outlet’s domain without www.', () => {
    expect(linkDomain('https://www.diariovasco.com/x')).toBe('diariovasco.com')
    expect(linkDomain('dziennikbaltycki.pl/gdansk')).toBe('dziennikbaltycki.pl')
    expect(linkDomain(null)).toBeNull()
  })
})

describe('the form adds https:// to a bare link instead of refusing it', () => {
  it.each([
    ['www.linkedin.com/posts/1', 'https://www.linkedin.com/posts/1'],
    ['linkedin.com/posts/gdansk_1', 'https://linkedin.com/posts/gdansk_1'],
    ['gdańsk.pl/aktualności', 'https://gdańsk.pl/aktualności'],
    ['euskadi.eus', 'https://euskadi.eus'],
    ['localhost.example:8080/x', 'https://localhost.example:8080/x'],
    ['https://x.com/a', 'https://x.com/a'],
    ['http://www.primaria.ro/știri', 'http://www.primaria.ro/știri'],
  ])('%s → %s', (typed, stored) => {
    expect(withLinkScheme(typed)).toBe(stored)
    const parsed = actionFormSchema.shape.evidenceUrl.safeParse(`  ${typed} `)
    expect(parsed.success && parsed.data).toBe(stored)
  })

  it.each(['javascript:alert(1)', 'mailto:ana@donostia.eus', 'just words', 'ftp://x.eu/f', 'κείμενο'])(
    'still refuses %s',
    (typed) => {
      expect(actionFormSchema.shape.evidenceUrl.safeParse(typed).success).toBe(false)
    },
  )
})

describe('withInferredDetails (real SQLite, the demo lists)', () => {
  const idOf = (table: typeof actionTypes | typeof channels, key: string) =>
    db.select({ id: table.id }).from(table).where(eq(table.key, key)).get()!.id
  const partnerId = () => db.select({ id: partners.id }).from(partners).get()!.id
  const base = () => ({ partnerId: partnerId(), date: '2026-03-12', title: 'Miasta w dialogu' })

  it('fills an empty channel from the link, and leaves a chosen one alone', () => {
    const post = { ...base(), typeId: idOf(actionTypes, 'social_post') }
    expect(withInferredDetails({ ...post, evidenceUrl: 'https://www.linkedin.com/posts/1' }).channelId).toBe(
      idOf(channels, 'linkedin'),
    )
    expect(
      withInferredDetails({
        ...post,
        evidenceUrl: 'https://www.linkedin.com/posts/1',
        channelId: idOf(channels, 'x'),
      }).channelId,
    ).toBe(idOf(channels, 'x'))
    expect(withInferredDetails(post).channelId).toBeNull()
  })

  it('gives a talk its in-person channel without a link', () => {
    const talk = { ...base(), typeId: idOf(actionTypes, 'presentation') }
    expect(withInferredDetails(talk).channelId).toBe(idOf(channels, 'in_person'))
  })

  it('finds a press article’s outlet in the register from its link', () => {
    const media = db
      .select({ id: stakeholderCategories.id })
      .from(stakeholderCategories)
      .where(eq(stakeholderCategories.key, 'media'))
      .get()!.id
    const outlet = db
      .select({ id: stakeholders.id })
      .from(stakeholders)
      .where(and(eq(stakeholders.webDomain, 'dziennikbaltycki.pl'), eq(stakeholders.categoryId, media)))
      .get()!.id
    const press = {
      ...base(),
      typeId: idOf(actionTypes, 'press'),
      evidenceUrl: 'https://dziennikbaltycki.pl/gdansk-miasta-w-dialogu/ar/c1-123',
    }
    const out = withInferredDetails(press)
    expect(out.channelId).toBe(idOf(channels, 'print_press'))
    expect(out.stakeholderIds).toEqual([outlet])
    // Already chosen: not twice.
    expect(withInferredDetails({ ...press, stakeholderIds: [outlet] }).stakeholderIds).toEqual([outlet])
    // Another type: the stakeholders are the partner's choice only.
    expect(withInferredDetails({ ...press, typeId: idOf(actionTypes, 'web_news') }).stakeholderIds).toEqual(
      [],
    )
  })
})
