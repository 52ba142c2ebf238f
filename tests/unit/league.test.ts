import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actionLanguages,
  actionStakeholders,
  auditLog,
  channels,
  events,
  type PartnerRole,
  partners,
  project,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
  type Tier,
} from '#db/schema'
import {
  leagueEnabled,
  leagueGroups,
  leaguePeriodOf,
  leagueStandings,
  setLeagueEnabled,
} from '~/models/league/index.server'
import { leagueRuleKeys, leagueRules, rulePoints } from '~/models/league/rules'
import { leagueFilterSchema, leagueSwitchSchema } from '~/models/league/schemas'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { insertAction } from '../setup/records'

/*
 * Issue 15 point 7: the partner league. Each rule is checked on a fixture where only that rule
 * applies (a fresh partner, so nothing earlier of theirs counts), and gives exactly its points;
 * only validated, live actions earn anything.
 */

let serial = 0
const unique = (what: string) => `${what} ${++serial} ${Math.random().toString(36).slice(2, 8)}`

function newPartner(role: PartnerRole = 'partner') {
  return db
    .insert(partners)
    .values({ name: unique('Liga Gdańsk-Tampere'), country: 'PL', role })
    .returning()
    .get().id
}

function newChannel() {
  return db
    .insert(channels)
    .values({ name: unique('Kanał') })
    .returning()
    .get().id
}

function stakeholder(tier: Tier) {
  const categoryId = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).limit(1).get()!
    .id
  const name = unique('Δήμος Αθηναίων')
  const id = db
    .insert(stakeholders)
    .values({ name, categoryId, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
    .returning()
    .get().id
  db.insert(stakeholderPriority)
    .values({ stakeholderId: id, score: tier === 'A' ? 90 : 50, tier, scoredAt: '2025-01-01T00:00:00Z' })
    .run()
  return id
}

function event(withPlan: boolean) {
  return db
    .insert(events)
    .values({
      kind: 'webinar',
      title: unique('Webinář o městech'),
      startDate: '2025-03-10',
      planMessages: withPlan ? 'Orașe care ascultă · Hiri entzuleak' : null,
    })
    .returning()
    .get().id
}

type ActOptions = {
  date?: string
  status?: 'draft' | 'submitted' | 'validated' | 'returned'
  archived?: boolean
  channelId?: number
  eventId?: number
  languages?: string[]
  stakeholderIds?: number[]
}

function act(partnerId: number, o: ActOptions = {}) {
  const date = o.date ?? '2025-03-12'
  const id = insertAction({
    partnerId,
    date,
    title: unique('Akcja informacyjna'),
    status: o.status ?? 'validated',
    channelId: o.channelId ?? null,
    eventId: o.eventId ?? null,
    archivedAt: o.archived ? '2025-04-01T00:00:00Z' : null,
  })
  for (const language of o.languages ?? [])
    db.insert(actionLanguages).values({ actionId: id, language }).run()
  for (const stakeholderId of o.stakeholderIds ?? [])
    db.insert(actionStakeholders).values({ actionId: id, stakeholderId }).run()
  return id
}

// Functions, not values: nothing of the code under test runs while the file is collected (a mutant that
// throws there would break the whole file, which Stryker counts as survived).
const projectPeriod = () => leaguePeriodOf({ period: 'project' })
const monthPeriod = (month: string) => leaguePeriodOf({ period: 'month', month })
const rowOf = (partnerId: number, period = projectPeriod()) =>
  leagueStandings(period).rows.find((r) => r.partnerId === partnerId)!

/** The base point of a validated action (the rule table is pinned in the first test). */
const base = 1

describe('league rules: each alone gives exactly its points', () => {
  it('has one row per rule, each worth a positive whole number', () => {
    expect(leagueRules.map((r) => r.key)).toEqual([
      'validated',
      'tierA',
      'newLanguage',
      'eventPlan',
      'firstChannel',
    ])
    for (const rule of leagueRules) expect(Number.isInteger(rule.points) && rule.points > 0).toBe(true)
    // The points the rules page promises, each read back by key.
    expect(Object.fromEntries(leagueRuleKeys.map((k) => [k, rulePoints(k)]))).toEqual({
      validated: 1,
      tierA: 2,
      newLanguage: 2,
      eventPlan: 2,
      firstChannel: 3,
    })
  })

  it('a validated action earns the base point', () => {
    const p = newPartner()
    act(p)
    expect(rowOf(p)).toMatchObject({ points: base, validated: 1, tierA: 0, newLanguage: 0, eventPlan: 0 })
  })

  it('draft, submitted, returned and archived actions earn nothing, whatever they reached', () => {
    const p = newPartner()
    const rich = {
      channelId: newChannel(),
      eventId: event(true),
      languages: ['pl'],
      stakeholderIds: [stakeholder('A')],
    }
    act(p, { ...rich, status: 'draft' })
    act(p, { ...rich, status: 'submitted' })
    act(p, { ...rich, status: 'returned' })
    act(p, { ...rich, status: 'validated', archived: true })
    expect(rowOf(p)).toMatchObject({ points: 0, validated: 0, badges: [] })
    expect(rowOf(p, monthPeriod('2025-03'))).toMatchObject({ points: 0, validated: 0 })
  })

  it('a tier-A stakeholder reached: its points per stakeholder, tier B and C give none, at most three count', () => {
    const one = newPartner()
    act(one, { stakeholderIds: [stakeholder('A'), stakeholder('B'), stakeholder('C')] })
    expect(rowOf(one)).toMatchObject({ points: base + rulePoints('tierA'), tierA: 1 })

    const many = newPartner()
    act(many, { stakeholderIds: [1, 2, 3, 4, 5].map(() => stakeholder('A')) })
    expect(rowOf(many)).toMatchObject({ points: base + 3 * rulePoints('tierA'), tierA: 3 })
  })

  it('a language new to the partner: once per language, by its first validated action', () => {
    const p = newPartner()
    act(p, { date: '2025-01-20', languages: ['el'], status: 'returned' })
    act(p, { date: '2025-02-03', languages: ['el', 'cs'] })
    act(p, { date: '2025-02-10', languages: ['el'] })
    act(p, { date: '2025-05-10', languages: ['cs'] })
    const row = rowOf(p)
    expect(row).toMatchObject({
      validated: 3,
      newLanguage: 2,
      points: 3 * base + 2 * rulePoints('newLanguage'),
    })
    // Used before this quarter: the later quarter's Czech action earns only its base point.
    expect(rowOf(p, monthPeriod('2025-05'))).toMatchObject({ points: base, newLanguage: 0 })
  })

  it('an action at an event with a communication plan; an event without one gives nothing', () => {
    const planned = newPartner()
    act(planned, { eventId: event(true) })
    expect(rowOf(planned)).toMatchObject({ points: base + rulePoints('eventPlan'), eventPlan: 1 })

    const unplanned = newPartner()
    act(unplanned, { eventId: event(false) })
    expect(rowOf(unplanned)).toMatchObject({ points: base, eventPlan: 0 })
  })

  it('the partner’s first validated action in a channel, and not the next ones', () => {
    const p = newPartner()
    const channel = newChannel()
    act(p, { date: '2025-03-01', channelId: channel, status: 'submitted' })
    act(p, { date: '2025-03-02', channelId: channel })
    act(p, { date: '2025-03-03', channelId: channel })
    expect(rowOf(p)).toMatchObject({
      validated: 2,
      firstChannel: 1,
      points: 2 * base + rulePoints('firstChannel'),
    })
  })
})

describe('league periods, ranks, groups and badges', () => {
  it('a month counts the actions dated in it; the project adds up every month', () => {
    const p = newPartner()
    const channel = newChannel()
    act(p, { date: '2024-06-05', channelId: channel })
    act(p, { date: '2024-07-09', channelId: channel })
    act(p, { date: '2024-07-20' })
    expect(rowOf(p, monthPeriod('2024-06'))).toMatchObject({
      validated: 1,
      points: base + rulePoints('firstChannel'),
    })
    expect(rowOf(p, monthPeriod('2024-07'))).toMatchObject({ validated: 2, points: 2 * base })
    expect(rowOf(p, monthPeriod('2024-08'))).toMatchObject({ validated: 0, points: 0 })
    expect(rowOf(p)).toMatchObject({ validated: 3, points: 3 * base + rulePoints('firstChannel') })
  })

  it('reads the filters it knows from the URL', () => {
    expect(leagueFilterSchema.parse({ period: 'month', month: '2025-05', group: 'lead' })).toEqual({
      period: 'month',
      month: '2025-05',
      group: 'lead',
    })
    expect(leagueFilterSchema.parse({ period: 'project', month: '2024-12' })).toMatchObject({
      period: 'project',
      month: '2024-12',
    })
    for (const month of ['2025-5', 'x2025-05', '2025-05x', '2025-00', '2025-1a', 'abcd-05', '25-05'])
      expect(leagueFilterSchema.parse({ month }).month).toBeUndefined()
    expect(leagueFilterSchema.parse({ month: '2025-10' }).month).toBe('2025-10')
    expect(leaguePeriodOf({}).month).toBe(new Date().toISOString().slice(0, 7))
  })

  it('the switch: ticked is on, absent is off, anything else is refused', () => {
    expect(leagueSwitchSchema.parse({ intent: 'league', leagueEnabled: 'on' })).toEqual({
      intent: 'league',
      leagueEnabled: true,
    })
    expect(leagueSwitchSchema.parse({ intent: 'league', leagueEnabled: 'true' }).leagueEnabled).toBe(true)
    expect(leagueSwitchSchema.parse({ intent: 'league' })).toEqual({ intent: 'league', leagueEnabled: false })
    expect(leagueSwitchSchema.safeParse({ intent: 'league', leagueEnabled: 'yes' }).success).toBe(false)
    expect(leagueSwitchSchema.safeParse({ intent: 'leagues' }).success).toBe(false)
    expect(leagueSwitchSchema.safeParse({ intent: '' }).success).toBe(false)
  })

  it('the project’s badges count validated actions dated after the current month', () => {
    const p = newPartner()
    act(p, { date: '2099-01-10', channelId: newChannel() })
    expect(rowOf(p).badges).toEqual(['trailblazer'])
  })

  it('defaults to the current month and drops filter values it does not know', () => {
    const filter = leagueFilterSchema.parse({ period: 'decade', month: '2025-13', group: 'people' })
    expect(filter).toEqual({ period: undefined, month: undefined, group: undefined })
    expect(leaguePeriodOf(filter, '2026-12-04')).toEqual({
      period: 'month',
      month: '2026-12',
      group: undefined,
    })
  })

  it('ranks by points, equal points sharing a rank, and filters and adds up partner groups', () => {
    const month = '2023-02'
    const [a, b, c] = [newPartner('associated'), newPartner('associated'), newPartner('associated')]
    act(a, { date: `${month}-01` })
    act(a, { date: `${month}-02` })
    act(b, { date: `${month}-03` })
    act(c, { date: `${month}-04` })
    const period = leaguePeriodOf({ period: 'month', month, group: 'associated' })
    const { rows, total } = leagueStandings(period)
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['associated']))
    expect(total).toBe(rows.length)
    const ranks = Object.fromEntries(rows.map((r) => [r.partnerId, r.rank]))
    expect(ranks[a]).toBe(1)
    expect(ranks[b]).toBe(2)
    expect(ranks[c]).toBe(2)
    const { associated } = Object.fromEntries(leagueGroups(period).map((g) => [g.role, g]))
    expect(associated).toMatchObject({ partners: total, points: 4 * base, validated: 4 })
  })

  it('badges: first partner in a channel, every working language, three months in a row', () => {
    const languages = db.select({ l: project.workingLanguages }).from(project).get()!.l
    expect(languages.length).toBeGreaterThan(1)
    const first = newPartner()
    const second = newPartner()
    const channel = newChannel()
    act(first, { date: '2022-01-10', channelId: channel, languages: languages.slice(0, 1) })
    act(second, { date: '2022-01-11', channelId: channel, languages })
    act(first, { date: '2022-02-10' })
    act(first, { date: '2022-03-10' })
    expect(rowOf(first).badges).toEqual(['trailblazer', 'threeMonths'])
    expect(rowOf(second).badges).toEqual(['allLanguages'])
    // As of the end of January, the three months are not there yet.
    expect(rowOf(first, monthPeriod('2022-01')).badges).toEqual(['trailblazer'])
  })

  it('lists partners only: archived partners leave the standings', () => {
    const p = newPartner()
    act(p)
    db.update(partners).set({ archivedAt: '2025-06-01T00:00:00Z' }).where(eq(partners.id, p)).run()
    expect(leagueStandings(projectPeriod()).rows.some((r) => r.partnerId === p)).toBe(false)
  })
})

describe('league switch', () => {
  it('the communications lead switches it off and on, audited; partners and viewers may not', () => {
    expect(leagueEnabled()).toBe(true)
    db.transaction((tx) => setLeagueEnabled(tx, false, demo.comms()))
    expect(leagueEnabled()).toBe(false)
    const audits = db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'project'), eq(auditLog.summary, 'partner league')))
      .all()
    expect(audits.at(-1)?.after).toEqual({ leagueEnabled: false })
    expect(audits.at(-1)?.before).toEqual({ leagueEnabled: true })
    for (const who of [demo.partner(), demo.viewer()])
      expect(() => db.transaction((tx) => setLeagueEnabled(tx, true, who))).toThrow(ForbiddenError)
    expect(leagueEnabled()).toBe(false)
    db.transaction((tx) => setLeagueEnabled(tx, true, demo.admin()))
    expect(leagueEnabled()).toBe(true)
  })

  it('without the project row: off, and the switch says what is missing', () => {
    const rollback = new Error('rollback')
    expect(() =>
      db.transaction((tx) => {
        tx.delete(project).run()
        expect(leagueEnabled()).toBe(false)
        expect(() => setLeagueEnabled(tx, true, demo.comms())).toThrow(/project row is missing/)
        throw rollback
      }),
    ).toThrow(rollback)
    expect(leagueEnabled()).toBe(true)
  })
})
