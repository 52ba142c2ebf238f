import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, events, partners, stakeholderCategories, themes } from '#db/schema'
import { COUNT_CAP, createAction, exportActions, listActions } from '~/models/actions/index.server'
import { createStakeholder, stakeholderInputSchema } from '~/models/stakeholders/index.server'

import { demo } from '../setup/actors'
import { channelId, typeId } from '../setup/records'

const newPartner = (name: string) => db.insert(partners).values({ name, country: 'PL' }).returning().get().id

/** `n` bare actions of a partner, one a day from 2026-01-01 on, in one insert. */
const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)

function bulk(partnerId: number, n: number) {
  const type = typeId('other')
  db.insert(actions)
    .values(
      Array.from({ length: n }, (_, i) => ({
        partnerId,
        typeId: type,
        date: day(i),
        month: day(i).slice(0, 7),
        title: `Akcja ${i}`,
      })),
    )
    .run()
}

const titles = (rows: { title: string }[]) => rows.map((r) => r.title)

describe('listActions: pages and the capped count', () => {
  let big: number
  let middle: number
  // Only for this block: a mutant the other tests cover does not pay for 1,620 inserts.
  beforeAll(() => {
    big = newPartner('Gmina Miasta Gdańsk')
    middle = newPartner('Městská část Praha 7')
    bulk(big, COUNT_CAP + 100)
    bulk(middle, 520)
  })

  it('says "more than 1,000" past the cap, on a first page and on a deep one', () => {
    const first = listActions({ partner: big }, { limit: 3, offset: 0 })
    expect(titles(first.rows)).toEqual(['Akcja 1099', 'Akcja 1098', 'Akcja 1097'])
    expect(first).toMatchObject({ total: COUNT_CAP, totalIsCapped: true })
    const deep = listActions({ partner: big, sort: 'date_asc' }, { limit: 3, offset: 600 })
    expect(titles(deep.rows)).toEqual(['Akcja 600', 'Akcja 601', 'Akcja 602'])
    expect(deep).toMatchObject({ total: COUNT_CAP, totalIsCapped: true })
    // Exactly the cap is not "more than".
    expect(listActions({ partner: big, to: day(COUNT_CAP - 1) }, { limit: 1, offset: 0 })).toMatchObject({
      total: COUNT_CAP,
      totalIsCapped: false,
    })
    const last = listActions({ partner: big, sort: 'date_asc' }, { limit: 50, offset: 1090 })
    expect(titles(last.rows)).toEqual(Array.from({ length: 10 }, (_, i) => `Akcja ${1090 + i}`))
    expect(last).toMatchObject({ total: COUNT_CAP, totalIsCapped: true })
  })

  it('counts exactly under the cap, on a deep page too, and past the last page', () => {
    const first = listActions({ partner: middle }, { limit: 2, offset: 0 })
    expect(first).toMatchObject({ total: 520, totalIsCapped: false })
    expect(first.rows[0]).toMatchObject({
      title: 'Akcja 519',
      date: '2027-06-04',
      partnerId: middle,
      partnerName: 'Městská část Praha 7',
      typeKey: 'other',
      channelId: null,
      channelKey: null,
      languages: [],
    })
    const deep = listActions({ partner: middle, sort: 'date_asc' }, { limit: 50, offset: 500 })
    expect(titles(deep.rows)).toEqual(Array.from({ length: 20 }, (_, i) => `Akcja ${500 + i}`))
    expect(deep).toMatchObject({ total: 520, totalIsCapped: false })
    const edge = listActions({ partner: middle, sort: 'date_asc' }, { limit: 10, offset: 510 })
    expect(edge.rows).toHaveLength(10)
    expect(edge).toMatchObject({ total: 520, totalIsCapped: false })
    const past = listActions({ partner: middle }, { limit: 50, offset: 600 })
    expect(past).toEqual({ rows: [], total: 520, totalIsCapped: false })
  })
})

describe('listActions and exportActions: order', () => {
  it('orders by date then id, both ways', () => {
    const partnerId = newPartner('Θεσσαλονίκη')
    const log = (title: string, date = '2026-07-01', languages: string[] = []) =>
      db.transaction((tx) =>
        createAction(tx, { partnerId, typeId: typeId('video'), date, title, languages }, demo.comms()),
      )
    const a = log('Pierwsza')
    const b = log('Druga', '2026-07-01', ['pl', 'cs', 'el'])
    // Logged last, dated first: the order is the date's, not the log's.
    const c = log('Trzecia', '2026-06-30')
    const listed = listActions({ partner: partnerId }, { limit: 5, offset: 0 }).rows
    expect(listed.map((r) => r.id)).toEqual([b, a, c])
    expect(listed[0]!.languages).toEqual(['cs', 'el', 'pl'])
    expect(
      listActions({ partner: partnerId, sort: 'date_asc' }, { limit: 5, offset: 0 }).rows.map((r) => r.id),
    ).toEqual([c, a, b])
    expect(exportActions({ partner: partnerId }).map((r) => r.id)).toEqual([b, a, c])
    expect(exportActions({ partner: partnerId, sort: 'date_asc' }).map((r) => r.id)).toEqual([c, a, b])
  })
})

describe('exportActions', () => {
  it('gives every matching action with its names, languages, themes, stakeholders and event resolved', () => {
    const partnerId = newPartner('Donostia-San Sebastián')
    const media = db.select().from(stakeholderCategories).where(eq(stakeholderCategories.key, 'media')).get()!
    const stakeholder = (name: string) =>
      db.transaction((tx) =>
        createStakeholder(tx, stakeholderInputSchema.parse({ name, categoryId: media.id }), demo.comms()),
      )
    const s1 = stakeholder('Diario Vasco')
    const s2 = stakeholder('Gasteizko Udala')
    const theme = db.insert(themes).values({ name: 'Kultura' }).returning().get().id
    const event = db
      .insert(events)
      .values({ kind: 'conference', title: 'Biltzarra', startDate: '2026-04-01' })
      .returning()
      .get().id
    const id = db.transaction((tx) =>
      createAction(
        tx,
        {
          partnerId,
          typeId: typeId('press'),
          channelId: channelId('print_press'),
          date: '2026-04-02',
          title: 'Artikulua',
          description: 'Deskribapena',
          evidenceUrl: 'https://www.diariovasco.com/a',
          participants: 3,
          onlineReach: 1200,
          engagements: 40,
          languages: ['eu'],
          themeIds: [theme],
          stakeholderIds: [s1],
          eventId: event,
        },
        demo.comms(),
      ),
    )
    const bare = db.transaction((tx) =>
      createAction(
        tx,
        { partnerId, typeId: typeId('other'), date: '2026-04-01', title: 'Hutsa' },
        demo.comms(),
      ),
    )
    const rows = exportActions({ partner: partnerId })
    expect(rows).toHaveLength(2)
    expect(rows[0]).toEqual({
      id,
      date: '2026-04-02',
      partner: 'Donostia-San Sebastián',
      typeKey: 'press',
      typeName: 'Press article or release',
      channelKey: 'print_press',
      channelName: 'Print press',
      title: 'Artikulua',
      status: 'submitted',
      participants: 3,
      onlineReach: 1200,
      engagements: 40,
      evidenceUrl: 'https://www.diariovasco.com/a',
      event: 'Biltzarra',
      returnComment: null,
      languages: 'eu',
      themes: 'Kultura',
      stakeholders: 'Diario Vasco',
      description: 'Deskribapena',
    })
    expect(rows[1]).toMatchObject({
      id: bare,
      channelKey: null,
      event: null,
      languages: null,
      themes: null,
      stakeholders: null,
    })
    db.transaction((tx) =>
      createAction(
        tx,
        {
          partnerId,
          typeId: typeId('press'),
          date: '2026-04-03',
          title: 'Bi',
          languages: ['eu', 'es'],
          stakeholderIds: [s1, s2],
        },
        demo.comms(),
      ),
    )
    const two = exportActions({ partner: partnerId })[0]!
    expect(two.languages!.split(', ').sort()).toEqual(['es', 'eu'])
    expect(two.stakeholders!.split('; ').sort()).toEqual(['Diario Vasco', 'Gasteizko Udala'])
  })
})
