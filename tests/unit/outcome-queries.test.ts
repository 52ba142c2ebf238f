import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  createOutcome,
  listOutcomes,
  outcomeDetail,
  outcomeFilterSchema,
  outcomeFormOptions,
  outcomeFormSchema,
  outcomeFormValues,
  outcomesFedBy,
  setOutcomeArchived,
  setOutcomeStatus,
} from '~/models/outcomes/index.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * The outcomes register over a fixture in 2037, a year no other fixture uses: partner 1 (San
 * Sebastián, the demo partner's) and partner 2 (Barcelona). Counted by hand:
 *   O1 funding  2037-02-28 verified  partner 1  stakeholders Zeta, Alfa; actions a1, a2 (a2 archived); event e1
 *   O2 media    2037-03-01 pending   partner 1  action a1
 *   O3 funding  2037-03-31 pending   partner 2  (proposed by the comms lead)
 *   O4 network  2037-04-01 pending   partner 1  archived
 */

const ids: Record<string, number> = {}
const insert = (sqlText: string, ...args: unknown[]) =>
  Number(
    sqlite()
      .prepare(sqlText)
      .run(...args).lastInsertRowid,
  )

const form = (input: Record<string, unknown>) =>
  outcomeFormSchema.parse({ type: 'funding', date: '2037-02-28', title: 'x', ...input })

beforeAll(() => {
  ids.zeta = insert(
    "insert into stakeholders (category_id, name, name_key, search_text, city, country) values (1, 'Zeta Łódź', 'zeta', 'zeta', 'Łódź', 'PL')",
  )
  ids.alfa = insert(
    "insert into stakeholders (category_id, name, name_key, search_text, city, country) values (1, 'Alfa Θεσσαλονίκη', 'alfa', 'alfa', 'Θεσσαλονίκη', 'GR')",
  )
  const action = (title: string, date: string, archived: string | null) =>
    insert(
      "insert into actions (partner_id, date, month, type_id, title, status, archived_at) values (1, ?, ?, 1, ?, 'validated', ?)",
      date,
      date.slice(0, 7),
      title,
      archived,
    )
  ids.a1 = action('Warsztaty w Łodzi', '2037-01-20', null)
  ids.a2 = action('Archived talk', '2037-01-10', '2037-01-11')
  ids.e1 = insert(
    "insert into events (kind, title, start_date, online, cross_border) values ('conference', 'Konferencja 2037', '2037-01-25', 0, 1)",
  )
  ids.eArchived = insert(
    "insert into events (kind, title, start_date, online, cross_border, archived_at) values ('webinar', 'Old webinar 2037', '2037-01-05', 1, 0, '2037-01-06')",
  )
  const partner = demo.partner()
  ids.O1 = tx((t) =>
    createOutcome(
      t,
      form({
        title: 'Gasteizko Udala funds the Łódź method',
        description: 'Opis',
        evidenceUrl: 'https://example.eu/uchwała',
        stakeholderIds: [ids.zeta, ids.alfa, ids.zeta].map(String),
        actionIds: [ids.a1, ids.a2].map(String),
        eventIds: [String(ids.e1)],
      }),
      partner,
    ),
  )
  tx((t) => setOutcomeStatus(t, ids.O1, 'verified', demo.comms()))
  ids.O2 = tx((t) =>
    createOutcome(
      t,
      form({ type: 'media', date: '2037-03-01', title: 'Θεσσαλονίκη press', actionIds: [String(ids.a1)] }),
      partner,
    ),
  )
  ids.O3 = tx((t) =>
    createOutcome(t, form({ date: '2037-03-31', title: 'Barcelona grant', partnerId: '2' }), demo.comms()),
  )
  ids.O4 = tx((t) =>
    createOutcome(t, form({ type: 'network', date: '2037-04-01', title: 'Archived network' }), partner),
  )
  tx((t) => setOutcomeArchived(t, ids.O4, true, partner))
})

const list = (filter: Record<string, string>, page = { limit: 50, offset: 0 }) => {
  const r = listOutcomes(outcomeFilterSchema.parse({ from: '2037-01', to: '2037-12', ...filter }), page)
  return { ids: r.rows.map((o) => o.id), total: r.total, rows: r.rows }
}

describe('creating an outcome', () => {
  it('audits the row with its links, each once', () => {
    expect(lastAudit('outcome', ids.O2)).toMatchObject({
      action: 'create',
      after: {
        type: 'media',
        date: '2037-03-01',
        title: 'Θεσσαλονίκη press',
        description: null,
        evidenceUrl: null,
        partnerId: 1,
        status: 'pending',
        createdBy: demo.partner().id,
        stakeholderIds: [],
        actionIds: [ids.a1],
        eventIds: [],
      },
      summary: 'Θεσσαλονίκη press',
    })
  })
})

describe('listOutcomes', () => {
  it('lists live outcomes newest first, with their partner and link counts', () => {
    const all = list({})
    expect(all.ids).toEqual([ids.O3, ids.O2, ids.O1])
    expect(all.total).toBe(3)
    expect(all.rows[2]).toMatchObject({
      type: 'funding',
      date: '2037-02-28',
      status: 'verified',
      evidenceUrl: 'https://example.eu/uchwała',
      partnerName: 'San Sebastián',
      stakeholderCount: 2,
      actionCount: 2,
      eventCount: 1,
    })
    expect(all.rows[0].partnerName).toBe('Barcelona')
  })

  it('filters by type, status, partner, months (both ends whole) and title', () => {
    expect(list({ type: 'funding' }).ids).toEqual([ids.O3, ids.O1])
    expect(list({ status: 'verified' }).ids).toEqual([ids.O1])
    expect(list({ partner: '2' }).ids).toEqual([ids.O3])
    expect(list({ from: '2037-03', to: '2037-03' }).ids).toEqual([ids.O3, ids.O2])
    expect(list({ from: '2037-02', to: '2037-02' }).ids).toEqual([ids.O1])
    expect(list({ q: 'łódź' }).ids).toEqual([ids.O1])
    const page = list({}, { limit: 1, offset: 1 })
    expect(page).toMatchObject({ ids: [ids.O2], total: 3 })
  })

  it('drops filter values it cannot use', () => {
    expect(
      outcomeFilterSchema.parse({
        type: 'gossip',
        status: 'lost',
        partner: 'x',
        from: '2037-13',
        to: '37-01',
        q: '',
      }),
    ).toEqual({})
  })
})

describe('one outcome', () => {
  it('gives its record, its partner, who proposed and verified it, and its live links in order', () => {
    const detail = outcomeDetail(ids.O1)!
    expect(detail).toMatchObject({
      id: ids.O1,
      partnerName: 'San Sebastián',
      createdByName: expect.any(String),
      verifiedByName: expect.any(String),
      status: 'verified',
    })
    expect(detail.stakeholders).toEqual([
      { id: ids.alfa, name: 'Alfa Θεσσαλονίκη', city: 'Θεσσαλονίκη', country: 'GR' },
      { id: ids.zeta, name: 'Zeta Łódź', city: 'Łódź', country: 'PL' },
    ])
    expect(detail.actions).toEqual([
      {
        id: ids.a1,
        title: 'Warsztaty w Łodzi',
        date: '2037-01-20',
        status: 'validated',
        partnerName: 'San Sebastián',
      },
    ])
    expect(detail.events).toEqual([{ id: ids.e1, title: 'Konferencja 2037', startDate: '2037-01-25' }])
    expect(outcomeDetail(ids.O2)!.verifiedByName).toBeNull()
    expect(outcomeDetail(999_999)).toBeNull()
  })

  it('reproduces its form values', () => {
    expect(outcomeFormValues(ids.O1)).toEqual({
      type: 'funding',
      date: '2037-02-28',
      title: 'Gasteizko Udala funds the Łódź method',
      description: 'Opis',
      evidenceUrl: 'https://example.eu/uchwała',
      partnerId: '1',
      stakeholderIds: [String(ids.alfa), String(ids.zeta)],
      actionIds: [String(ids.a1)],
      eventIds: [String(ids.e1)],
    })
    expect(outcomeFormValues(ids.O3)).toMatchObject({
      description: undefined,
      evidenceUrl: undefined,
      partnerId: '2',
    })
    expect(outcomeFormValues(999_999)).toBeNull()
  })

  it('lists the live outcomes an action or an event fed, newest first', () => {
    expect(outcomesFedBy({ actionId: ids.a1 }).map((o) => o.id)).toEqual([ids.O2, ids.O1])
    expect(outcomesFedBy({ eventId: ids.e1 })).toEqual([
      {
        id: ids.O1,
        title: 'Gasteizko Udala funds the Łódź method',
        date: '2037-02-28',
        type: 'funding',
        status: 'verified',
      },
    ])
    expect(outcomesFedBy({ eventId: ids.eArchived })).toEqual([])
  })
})

describe('outcomeFormOptions', () => {
  it('offers live partners, the partner’s latest actions and the live events, keeping what is chosen', () => {
    const options = outcomeFormOptions(1, { actionIds: [ids.a2], eventIds: [ids.eArchived] })
    expect(options.partners.find((p) => p.value === 2)).toEqual({ value: 2, label: 'Barcelona' })
    expect(options.actions[0]).toEqual({ value: ids.a2, label: '2037-01-10 · Archived talk' })
    expect(options.actions.filter((a) => a.value === ids.a1)).toEqual([
      { value: ids.a1, label: '2037-01-20 · Warsztaty w Łodzi' },
    ])
    expect(options.events.find((e) => e.value === ids.eArchived)).toEqual({
      value: ids.eArchived,
      label: '2037-01-05 · Old webinar 2037',
    })
    const plain = outcomeFormOptions(2, { actionIds: [], eventIds: [] })
    expect(plain.actions.map((a) => a.value)).not.toContain(ids.a1)
    expect(plain.events.map((e) => e.value)).not.toContain(ids.eArchived)
    expect(plain.events.map((e) => e.value)).toContain(ids.e1)
    expect(outcomeFormOptions(null, { actionIds: [], eventIds: [] }).actions.length).toBeGreaterThan(
      plain.actions.length,
    )
  })
})

describe('outcome form', () => {
  it('refuses a link that is not http(s), and ids that are not positive', () => {
    const refused = outcomeFormSchema.safeParse({
      type: 4,
      date: '2037-02-30',
      title: ' ',
      evidenceUrl: 'javascript:alert(1)',
      stakeholderIds: ['0'],
    })
    expect(refused.success ? {} : refused.error.flatten().fieldErrors).toEqual({
      type: ['common:errors.choose'],
      date: ['common:errors.date'],
      title: ['common:errors.required'],
      evidenceUrl: ['results:errors.url'],
      stakeholderIds: ['common:errors.choose'],
    })
    expect(
      outcomeFormSchema.safeParse({ date: '2037-01-01', title: 'x' }).error?.flatten().fieldErrors,
    ).toEqual({
      type: ['common:errors.required'],
    })
    expect(form({ evidenceUrl: ' HTTPS://example.eu/a ', stakeholderIds: '5' })).toMatchObject({
      evidenceUrl: 'HTTPS://example.eu/a',
      stakeholderIds: [5],
      actionIds: [],
    })
  })
})
