import { asc } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actionLanguages,
  actions,
  actionStakeholders,
  actionThemes,
  events,
  partners,
  themes,
  users,
} from '#db/schema'
import { type ActionFilter, actionWhere } from '~/models/actions/index.server'

import { channelId, insertAction, insertStakeholder, typeId } from '../setup/records'

/*
 * "Which actions": the one condition behind the actions list, its CSV and the dashboards, filter
 * by filter, read straight from the database (issue 18: it was only tested over HTTP). Each case
 * is narrowed to a partner of its own, so the seeded actions never answer.
 */

let partner: number
let other: number
let author: number
let event: number
let theme: number
let stakeholder: number

/** The titles of the live actions the filter selects, in title order. */
function titles(filter: ActionFilter, user?: { id: number; partnerId: number | null } | null) {
  return db
    .select({ title: actions.title })
    .from(actions)
    .where(actionWhere(filter, user))
    .orderBy(asc(actions.title))
    .all()
    .map((r) => r.title)
}

function action(title: string, values: Partial<typeof actions.$inferInsert> = {}) {
  return insertAction({ partnerId: partner, title, ...values })
}

beforeAll(() => {
  partner = db.insert(partners).values({ name: 'Urząd Miasta Łodzi', country: 'PL' }).returning().get().id
  other = db.insert(partners).values({ name: 'Δήμος Θεσσαλονίκης', country: 'GR' }).returning().get().id
  author = db
    .insert(users)
    .values({
      email: 'ane@gasteiz.example.eus',
      name: 'Ane Etxeberria',
      role: 'partner',
      partnerId: other,
      passwordHash: 'x',
    })
    .returning()
    .get().id
  event = db
    .insert(events)
    .values({ kind: 'consultation', title: 'Konsultacje w Łodzi', startDate: '2026-05-20' })
    .returning()
    .get().id
  theme = db.insert(themes).values({ name: 'Gospodarka o obiegu zamkniętym' }).returning().get().id
  stakeholder = insertStakeholder('Statutární město Brno')

  action('Akcja w archiwum', { archivedAt: '2026-06-01T00:00:00.000Z' })
  action('Film o rewitalizacji', { typeId: typeId('video'), channelId: channelId('youtube') })
  action('Wersja robocza', { status: 'draft' })
  action('Pierwszy dzień maja', { date: '2026-05-01' })
  action('Ostatni dzień maja', { date: '2026-05-31' })
  action('Kwiecień', { date: '2026-04-30' })
  action('Czerwiec', { date: '2026-06-01' })
  action('Na konsultacjach', { eventId: event })
  const greek = action('Εργαστήριο στη Θεσσαλονίκη')
  db.insert(actionLanguages).values({ actionId: greek, language: 'el' }).run()
  const themed = action('Obieg zamknięty w praktyce')
  db.insert(actionThemes).values({ actionId: themed, themeId: theme }).run()
  const reached = action('Spotkanie z Brnem')
  db.insert(actionStakeholders).values({ actionId: reached, stakeholderId: stakeholder }).run()
  action('Rabat 50% dla seniorów')
  action('Rabat 50 zł')
  action('Projekt "Zielona Łódź"')
  action('Zielona Góra')
  action('Plik a_b')
  action('Plik ab')
  action('Logged for the partner by Ane', { createdBy: author })
  action('Ane’s own partner', { partnerId: other, createdBy: author })
  action('Someone else’s partner', { partnerId: other })
})

const all = [
  'Akcja w archiwum',
  'Ane’s own partner',
  'Czerwiec',
  'Film o rewitalizacji',
  'Kwiecień',
  'Logged for the partner by Ane',
  'Na konsultacjach',
  'Obieg zamknięty w praktyce',
  'Ostatni dzień maja',
  'Pierwszy dzień maja',
  'Plik a_b',
  'Plik ab',
  'Projekt "Zielona Łódź"',
  'Rabat 50 zł',
  'Rabat 50% dla seniorów',
  'Someone else’s partner',
  'Spotkanie z Brnem',
  'Wersja robocza',
  'Zielona Góra',
  'Εργαστήριο στη Θεσσαλονίκη',
]

describe('actionWhere: one filter at a time', () => {
  it('a partner’s live actions: the archived one is always left out', () => {
    expect(titles({ partner })).toEqual(
      all.filter((t) => !['Akcja w archiwum', 'Ane’s own partner', 'Someone else’s partner'].includes(t)),
    )
  })

  it('type, channel, status and event each narrow to their own actions', () => {
    expect(titles({ partner, type: typeId('video') })).toEqual(['Film o rewitalizacji'])
    expect(titles({ partner, channel: channelId('youtube') })).toEqual(['Film o rewitalizacji'])
    expect(titles({ partner, status: 'draft' })).toEqual(['Wersja robocza'])
    expect(titles({ partner, event })).toEqual(['Na konsultacjach'])
  })

  it('from and to include their own day, not the day before or after', () => {
    expect(titles({ partner, from: '2026-05-31' })).toEqual(['Czerwiec', 'Ostatni dzień maja'])
    expect(titles({ partner, to: '2026-05-01' })).toEqual(['Kwiecień', 'Pierwszy dzień maja'])
    expect(titles({ partner, from: '2026-05-01', to: '2026-05-01' })).toEqual(['Pierwszy dzień maja'])
  })

  it('language, theme and stakeholder through their link tables', () => {
    expect(titles({ partner, language: 'el' })).toEqual(['Εργαστήριο στη Θεσσαλονίκη'])
    expect(titles({ partner, language: 'pl' })).toEqual([])
    expect(titles({ partner, theme })).toEqual(['Obieg zamknięty w praktyce'])
    expect(titles({ partner, stakeholder })).toEqual(['Spotkanie z Brnem'])
  })
})

describe('actionWhere: the title search', () => {
  it('three characters or more go through the word index, whatever their case', () => {
    expect(titles({ partner, q: 'RABAT' })).toEqual(['Rabat 50 zł', 'Rabat 50% dla seniorów'])
    expect(titles({ partner, q: 'θεσσαλονίκη' })).toEqual(['Εργαστήριο στη Θεσσαλονίκη'])
    // A quote in the search is a character, not the end of the phrase.
    expect(titles({ partner, q: 'a"b' })).toEqual([])
    expect(titles({ partner, q: '"zielona' })).toEqual(['Projekt "Zielona Łódź"'])
    expect(titles({ partner, q: 'zielona' })).toEqual(['Projekt "Zielona Łódź"', 'Zielona Góra'])
  })

  it('shorter searches match the characters, % and _ included (not as wildcards)', () => {
    expect(titles({ partner, q: '0%' })).toEqual(['Rabat 50% dla seniorów'])
    expect(titles({ partner, q: '_b' })).toEqual(['Plik a_b'])
    expect(titles({ partner, q: 'ik' })).toEqual(['Plik a_b', 'Plik ab'])
  })
})

describe('actionWhere: mine', () => {
  it('a partner user’s: their partner’s actions and those they logged for another', () => {
    expect(titles({ mine: '1', q: 'Ane' }, { id: author, partnerId: other })).toEqual([
      'Ane’s own partner',
      'Logged for the partner by Ane',
    ])
    expect(titles({ mine: '1', partner: other }, { id: author, partnerId: other })).toEqual([
      'Ane’s own partner',
      'Someone else’s partner',
    ])
  })

  it('a user of no partner: only what they logged; no user: nothing', () => {
    expect(titles({ mine: '1' }, { id: author, partnerId: null })).toEqual([
      'Ane’s own partner',
      'Logged for the partner by Ane',
    ])
    expect(titles({ mine: '1', partner })).toEqual([])
    expect(titles({ mine: '1', partner }, null)).toEqual([])
  })

  it('without mine, the user changes nothing', () => {
    expect(titles({ partner: other }, { id: author, partnerId: partner })).toEqual([
      'Ane’s own partner',
      'Someone else’s partner',
    ])
  })
})
