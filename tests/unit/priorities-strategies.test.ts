import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  auditLog,
  criteria,
  engagementStrategies,
  stakeholderCategories,
  stakeholderGroups,
  stakeholders,
  strategyMessages,
} from '#db/schema'
import {
  getGroup,
  groupsOfStakeholder,
  groupStrategies,
  listCriteria,
  quadrantStrategies,
  saveStrategy,
  scoreStakeholder,
  strategyForStakeholder,
} from '~/models/priorities/index.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { insertStakeholder as newStakeholder } from '../setup/records'

const lastAuditId = () =>
  db
    .select({ n: sql<number>`max(${auditLog.id})` })
    .from(auditLog)
    .get()!.n

function newGroup(name: string, q: string, archivedAt: string | null = null) {
  return db
    .insert(stakeholderGroups)
    .values({ name, filter: { q }, archivedAt })
    .returning({ id: stakeholderGroups.id })
    .get().id
}

const save = (
  target: Parameters<typeof saveStrategy>[1],
  methods: string,
  messages: Record<string, string>,
) => db.transaction((tx) => saveStrategy(tx, target, { methods, messages }, demo.comms()))

const messagesOf = (strategyId: number) =>
  Object.fromEntries(
    db
      .select()
      .from(strategyMessages)
      .where(eq(strategyMessages.strategyId, strategyId))
      .all()
      .map((m) => [m.language, m.message]),
  )

beforeAll(() => {
  db.update(criteria).set({ weight: 1 }).run()
})

describe('quadrantStrategies', () => {
  it('gives every quadrant its strategy, and an empty one where none was written', () => {
    const monitor = db
      .select()
      .from(engagementStrategies)
      .where(eq(engagementStrategies.quadrant, 'monitor'))
      .get()!
    db.delete(strategyMessages).where(eq(strategyMessages.strategyId, monitor.id)).run()
    db.delete(engagementStrategies).where(eq(engagementStrategies.id, monitor.id)).run()
    const all = quadrantStrategies()
    expect(Object.keys(all)).toEqual(['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'])
    expect(all.monitor).toEqual({
      id: null,
      quadrant: 'monitor',
      groupId: null,
      groupName: null,
      methods: '',
      messages: {},
      updatedAt: null,
    })
    const row = db
      .select()
      .from(engagementStrategies)
      .where(eq(engagementStrategies.quadrant, 'keep_informed'))
      .get()!
    expect(all.keep_informed).toEqual({
      id: row.id,
      quadrant: 'keep_informed',
      groupId: null,
      groupName: null,
      methods: row.methods,
      messages: messagesOf(row.id),
      updatedAt: row.updatedAt,
    })
    expect(Object.keys(all.keep_informed.messages).length).toBeGreaterThan(1)
  })
})

describe('saveStrategy', () => {
  it('creates a strategy for a quadrant with none, audited as a creation', () => {
    const id = save({ quadrant: 'monitor' }, 'Biuletyn raz na kwartał', { pl: ' Dzień dobry ', fi: '' })
    const row = db.select().from(engagementStrategies).where(eq(engagementStrategies.id, id)).get()!
    expect(row).toMatchObject({ quadrant: 'monitor', groupId: null, methods: 'Biuletyn raz na kwartał' })
    expect(messagesOf(id)).toEqual({ pl: 'Dzień dobry' })
    expect(lastAudit('engagement_strategy', id)).toMatchObject({
      action: 'create',
      userId: demo.comms().id,
      before: null,
      after: { methods: 'Biuletyn raz na kwartał', messages: { pl: 'Dzień dobry' } },
      summary: 'strategy for monitor',
    })
    expect(quadrantStrategies().monitor).toMatchObject({ id, methods: 'Biuletyn raz na kwartał' })
  })

  it('updates methods and messages: an empty message removes it, languages not in the form stay', () => {
    const row = db
      .select()
      .from(engagementStrategies)
      .where(eq(engagementStrategies.quadrant, 'keep_satisfied'))
      .get()!
    const before = messagesOf(row.id)
    expect(before.en).toBeTruthy()
    expect(before.es).toBeTruthy()
    const id = save({ quadrant: 'keep_satisfied' }, '', { en: before.en, es: '  ', pl: 'Krótkie spotkania' })
    expect(id).toBe(row.id)
    const updated = db.select().from(engagementStrategies).where(eq(engagementStrategies.id, id)).get()!
    expect(updated.methods).toBeNull()
    expect(updated.updatedAt > row.updatedAt).toBe(true)
    const { es: _removed, ...kept } = before
    expect(messagesOf(id)).toEqual({ ...kept, pl: 'Krótkie spotkania' })
    expect(lastAudit('engagement_strategy', id)).toMatchObject({
      action: 'update',
      before: { methods: row.methods, messages: before },
      after: { methods: null, messages: { ...kept, pl: 'Krótkie spotkania' } },
      summary: 'strategy for keep_satisfied',
    })
    // The audit's after is exact: the removed message is not in it.
    expect(lastAudit('engagement_strategy', id).after).toEqual({
      methods: null,
      messages: { ...kept, pl: 'Krótkie spotkania' },
    })
  })

  it('rewrites a changed message in place, keeps an unchanged one, and audits nothing when nothing changed', () => {
    const row = db
      .select()
      .from(engagementStrategies)
      .where(eq(engagementStrategies.quadrant, 'manage_closely'))
      .get()!
    const ids = () =>
      Object.fromEntries(
        db
          .select()
          .from(strategyMessages)
          .where(eq(strategyMessages.strategyId, row.id))
          .all()
          .map((m) => [m.language, m.id]),
      )
    const before = messagesOf(row.id)
    const idsBefore = ids()
    expect(before.fr).not.toBe('Réunions bilatérales')
    save({ quadrant: 'manage_closely' }, row.methods!, { ...before, fr: 'Réunions bilatérales' })
    expect(ids()).toEqual(idsBefore)
    expect(messagesOf(row.id)).toEqual({ ...before, fr: 'Réunions bilatérales' })
    expect(lastAudit('engagement_strategy', row.id)).toMatchObject({
      action: 'update',
      before: { messages: before },
      after: { messages: { ...before, fr: 'Réunions bilatérales' } },
    })
    const mark = lastAuditId()
    save({ quadrant: 'manage_closely' }, row.methods!, {
      ...before,
      en: ` ${before.en} `,
      fr: 'Réunions bilatérales',
    })
    expect(lastAuditId()).toBe(mark)
  })

  it('creates and then updates a group strategy', () => {
    const groupId = newGroup('Gminy Pomorza', 'pomorze')
    const id = save({ groupId }, 'Warsztaty', { pl: 'Zapraszamy' })
    expect(db.select().from(engagementStrategies).where(eq(engagementStrategies.id, id)).get()).toMatchObject(
      {
        quadrant: null,
        groupId,
        methods: 'Warsztaty',
      },
    )
    expect(lastAudit('engagement_strategy', id)).toMatchObject({
      action: 'create',
      summary: `strategy for group ${groupId}`,
    })
    expect(save({ groupId }, 'Warsztaty i webinaria', { pl: 'Zapraszamy' })).toBe(id)
    expect(lastAudit('engagement_strategy', id)).toMatchObject({
      action: 'update',
      before: { methods: 'Warsztaty' },
      after: { methods: 'Warsztaty i webinaria' },
      summary: `strategy for group ${groupId}`,
    })
  })

  it('audits a second save of an empty new strategy as an update, not another creation', () => {
    const groupId = newGroup('Δήμοι Κρήτης', 'kriti')
    const id = save({ groupId }, '', {})
    expect(lastAudit('engagement_strategy', id)).toMatchObject({
      action: 'create',
      after: { methods: null, messages: {} },
    })
    db.update(engagementStrategies)
      .set({ updatedAt: '2099-01-01T00:00:00.000Z' })
      .where(eq(engagementStrategies.id, id))
      .run()
    const mark = lastAuditId()
    save({ groupId }, '', { el: 'Καλημέρα' })
    expect(lastAudit('engagement_strategy', id)).toMatchObject({
      id: mark + 1,
      action: 'update',
      before: { messages: {} },
      after: { messages: { el: 'Καλημέρα' } },
    })
  })
})

describe('groups and their strategies', () => {
  it('lists active groups by name with their strategy, only the asked ones when given', () => {
    const zeta = newGroup('Žilinský kraj', 'zilina')
    const alpha = newGroup('Alba Iulia', 'alba')
    const gone = newGroup('Archiwum', 'archiwum', '2026-01-01T00:00:00.000Z')
    save({ groupId: alpha }, 'Vizite', { pl: 'Witamy' })
    expect(groupStrategies([])).toEqual([])
    expect(groupStrategies([gone])).toEqual([])
    const views = groupStrategies([zeta, alpha, gone])
    expect(views.map((v) => [v.groupId, v.groupName, v.methods, v.messages, v.quadrant])).toEqual([
      [alpha, 'Alba Iulia', 'Vizite', { pl: 'Witamy' }, null],
      [zeta, 'Žilinský kraj', '', {}, null],
    ])
    expect(views[1]).toMatchObject({ id: null, updatedAt: null })
    expect(views[0].id).not.toBeNull()
    expect(views[0].updatedAt).not.toBeNull()
    const all = groupStrategies()
    const names = all.map((g) => g.groupName)
    expect(names).toContain('Alba Iulia')
    expect(names).not.toContain('Archiwum')
    expect(names).toEqual([...names].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0)))
  })

  it('gets an active group only', () => {
    const active = newGroup('Târgu Mureș', 'mures')
    const archived = newGroup('Stare', 'stare', '2026-01-01T00:00:00.000Z')
    expect(getGroup(active)).toMatchObject({ id: active, name: 'Târgu Mureș', filter: { q: 'mures' } })
    expect(getGroup(archived)).toBeNull()
    expect(getGroup(99_999)).toBeNull()
  })
})

describe('strategyForStakeholder', () => {
  it('gives the quadrant strategy and the strategies of the active groups whose filter includes it', () => {
    // A category no seeded group selects, so only the groups below can include the stakeholder.
    const id = newStakeholder('Kaunasgrupe Udala')
    const free = db
      .select({ id: stakeholderCategories.id })
      .from(stakeholderCategories)
      .where(sql`${stakeholderCategories.id} not in (1, 3, 7)`)
      .get()!.id
    db.update(stakeholders).set({ categoryId: free }).where(eq(stakeholders.id, id)).run()
    const withStrategy = newGroup('Kaunasgrupe A', 'kaunasgrupe')
    const withoutStrategy = newGroup('Kaunasgrupe B', 'kaunasgrupe')
    const archived = newGroup('Kaunasgrupe C', 'kaunasgrupe', '2026-01-01T00:00:00.000Z')
    const other = newGroup('Inna grupa', 'innagrupa')
    save({ groupId: withStrategy }, 'Bisitak', { pl: 'Kaixo' })
    save({ groupId: archived }, 'Zaharra', {})
    save({ groupId: other }, 'Beste bat', {})
    expect(groupsOfStakeholder(id)).toEqual([withStrategy, withoutStrategy])
    const byKey = (key: string) => listCriteria().find((c) => c.key === key)!.id
    db.transaction((tx) =>
      scoreStakeholder(
        tx,
        id,
        [
          { criterionId: byKey('influence'), value: 2 },
          { criterionId: byKey('interest'), value: 5 },
        ],
        demo.comms(),
      ),
    )
    const s = strategyForStakeholder(id)
    expect(s.priority).toMatchObject({ stakeholderId: id, influence: 2, interest: 5 })
    expect(s.quadrant).toBe('keep_informed')
    expect(s.strategy).toEqual(quadrantStrategies().keep_informed)
    expect(s.groups.map((g) => [g.groupId, g.methods])).toEqual([[withStrategy, 'Bisitak']])
  })
})
