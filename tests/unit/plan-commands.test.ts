import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { engagementStrategies, plannedActivities, stakeholderGroups, strategyMessages } from '#db/schema'
import {
  createActivity,
  createGroup,
  getGroup,
  groupStrategy,
  saveGroupStrategy,
  setActivityArchived,
  setGroupArchived,
  updateActivity,
  updateGroup,
} from '~/models/plan/index.server'
import { strategyFormSchema } from '~/models/plan/schemas'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * The plan's commands write exactly the row the form describes and audit it with the values they
 * wrote (create: the whole row; update: only what changed; archive and restore: archivedAt).
 * Expectations are written out by hand. The demo seed has partners 1-8 (7 is Gdańsk), action
 * types 1-3 and stakeholder categories 1-3.
 */

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const OLD = '2001-01-01T00:00:00.000Z'
const activity = (id: number) =>
  db.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get()!
const eventId = () =>
  Number(
    sqlite()
      .prepare(
        "insert into events (kind, title, start_date, online, cross_border) values ('webinar', 'Θεσσαλονίκη live', '2026-09-09', 1, 1)",
      )
      .run().lastInsertRowid,
  )

describe('createActivity', () => {
  it('stores the form as a row (a phase only with an event) and audits the row it wrote', () => {
    const input = {
      title: 'Spotkanie w Łodzi',
      dueDate: '2026-10-01',
      partnerId: 7,
      typeId: 2,
      phase: 'during' as const,
    }
    const id = tx((t) => createActivity(t, input, demo.comms()))
    const row = {
      title: 'Spotkanie w Łodzi',
      description: null,
      partnerId: 7,
      dueDate: '2026-10-01',
      typeId: 2,
      channelId: null,
      groupId: null,
      eventId: null,
      phase: null,
    }
    expect(activity(id)).toMatchObject({ ...row, archivedAt: null })
    expect(lastAudit('planned_activity', id)).toMatchObject({
      entity: 'planned_activity',
      entityId: id,
      action: 'create',
      before: null,
      after: row,
      summary: 'Spotkanie w Łodzi',
      userId: demo.comms().id,
    })
  })

  it('keeps the phase and the other references of an activity at an event', () => {
    const event = eventId()
    const input = {
      title: 'Donostia-San Sebastián workshop',
      description: 'Gasteizko Udala hosts',
      dueDate: '2026-09-01',
      channelId: 1,
      groupId: 1,
      eventId: event,
      phase: 'before' as const,
    }
    const id = tx((t) => createActivity(t, input, demo.comms()))
    expect(activity(id)).toMatchObject({
      description: 'Gasteizko Udala hosts',
      partnerId: null,
      typeId: null,
      channelId: 1,
      groupId: 1,
      eventId: event,
      phase: 'before',
    })
    const withoutPhase = tx((t) => createActivity(t, { ...input, phase: undefined }, demo.comms()))
    expect(activity(withoutPhase).phase).toBeNull()
  })
})

describe('updateActivity and setActivityArchived', () => {
  const create = () =>
    tx((t) =>
      createActivity(t, { title: 'Târgu Mureș visit', dueDate: '2026-11-02', partnerId: 7 }, demo.comms()),
    )

  it('returns false for an activity that does not exist, and writes nothing', () => {
    const before = lastAudit().id
    expect(tx((t) => updateActivity(t, 999_999, { title: 'x', dueDate: '2026-01-01' }, demo.comms()))).toBe(
      false,
    )
    expect(tx((t) => setActivityArchived(t, 999_999, true, demo.comms()))).toBe(false)
    expect(lastAudit().id).toBe(before)
  })

  it('updates the row and its time, auditing only the changed fields', () => {
    const id = create()
    sqlite().prepare('update planned_activities set updated_at = ? where id = ?').run(OLD, id)
    const input = { title: 'Târgu Mureș visit', dueDate: '2026-12-03', partnerId: 7, phase: 'after' as const }
    expect(tx((t) => updateActivity(t, id, input, demo.comms()))).toBe(true)
    const row = activity(id)
    expect(row.dueDate).toBe('2026-12-03')
    expect(row.phase).toBeNull()
    expect(row.updatedAt).toMatch(ISO)
    expect(row.updatedAt).not.toBe(OLD)
    expect(lastAudit('planned_activity', id)).toMatchObject({
      action: 'update',
      before: { dueDate: '2026-11-02' },
      after: { dueDate: '2026-12-03' },
      summary: 'Târgu Mureș visit',
    })
  })

  it('archives and restores, auditing archivedAt with the title', () => {
    const id = create()
    sqlite().prepare('update planned_activities set updated_at = ? where id = ?').run(OLD, id)
    expect(tx((t) => setActivityArchived(t, id, true, demo.comms()))).toBe(true)
    const archivedAt = activity(id).archivedAt
    expect(archivedAt).toMatch(ISO)
    expect(activity(id).updatedAt).not.toBe(OLD)
    expect(lastAudit('planned_activity', id)).toMatchObject({
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt },
      summary: 'Târgu Mureș visit',
    })
    expect(tx((t) => setActivityArchived(t, id, false, demo.comms()))).toBe(true)
    expect(activity(id).archivedAt).toBeNull()
    expect(lastAudit('planned_activity', id)).toMatchObject({
      action: 'restore',
      before: { archivedAt },
      after: { archivedAt: null },
    })
  })
})

describe('group commands', () => {
  const group = (id: number) => db.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, id)).get()!

  it('creates a group whose filter keeps the register parameters as strings', () => {
    const input = { name: 'Čeněk Šťastný’s universities', category: 1, country: 'PL', tier: 'A' as const }
    const id = tx((t) => createGroup(t, input, demo.comms()))
    const row = {
      name: 'Čeněk Šťastný’s universities',
      description: null,
      filter: { category: '1', country: 'PL', tier: 'A' },
    }
    expect(group(id)).toMatchObject(row)
    expect(lastAudit('stakeholder_group', id)).toMatchObject({
      action: 'create',
      before: null,
      after: row,
      summary: row.name,
    })
  })

  it('updates a group (false when there is none) and audits the changed filter', () => {
    const id = tx((t) => createGroup(t, { name: 'Łódź owners', owner: 7 }, demo.comms()))
    sqlite().prepare('update stakeholder_groups set updated_at = ? where id = ?').run(OLD, id)
    expect(tx((t) => updateGroup(t, 999_999, { name: 'x' }, demo.comms()))).toBe(false)
    const input = {
      name: 'Łódź owners',
      description: 'Właściciele',
      owner: 'none' as const,
      stage: 'engaged' as const,
    }
    expect(tx((t) => updateGroup(t, id, input, demo.comms()))).toBe(true)
    expect(group(id)).toMatchObject({
      description: 'Właściciele',
      filter: { stage: 'engaged', owner: 'none' },
    })
    expect(group(id).updatedAt).not.toBe(OLD)
    expect(lastAudit('stakeholder_group', id)).toMatchObject({
      action: 'update',
      before: { description: null, filter: { owner: '7' } },
      after: { description: 'Właściciele', filter: { stage: 'engaged', owner: 'none' } },
      summary: 'Łódź owners',
    })
  })

  it('archives and restores a group (false when there is none)', () => {
    const id = tx((t) => createGroup(t, { name: 'Gasteizko Udala' }, demo.comms()))
    expect(tx((t) => setGroupArchived(t, 999_999, true, demo.comms()))).toBe(false)
    expect(tx((t) => setGroupArchived(t, id, true, demo.comms()))).toBe(true)
    const archivedAt = getGroup(id)!.archivedAt
    expect(archivedAt).toMatch(ISO)
    expect(lastAudit('stakeholder_group', id)).toMatchObject({
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt },
      summary: 'Gasteizko Udala',
    })
    expect(tx((t) => setGroupArchived(t, id, false, demo.comms()))).toBe(true)
    expect(getGroup(id)!.archivedAt).toBeNull()
    expect(lastAudit('stakeholder_group', id).action).toBe('restore')
  })
})

describe('saveGroupStrategy', () => {
  const messages = (strategyId: number) =>
    db
      .select({ language: strategyMessages.language, message: strategyMessages.message })
      .from(strategyMessages)
      .where(eq(strategyMessages.strategyId, strategyId))
      .orderBy(strategyMessages.language)
      .all()

  it('creates the strategy on first save, then updates, deletes and adds messages per language', () => {
    const groupId = tx((t) => createGroup(t, { name: 'Θεσσαλονίκη partners' }, demo.comms()))
    const languages = ['pl', 'el', 'cs']
    const first = { methods: 'Spotkania', messages: { pl: 'Zażółć gęślą jaźń', el: 'Καλημέρα' } }
    tx((t) => saveGroupStrategy(t, groupId, first, languages, demo.comms()))
    const strategy = db
      .select()
      .from(engagementStrategies)
      .where(eq(engagementStrategies.groupId, groupId))
      .get()!
    expect(strategy.methods).toBe('Spotkania')
    expect(messages(strategy.id)).toEqual([
      { language: 'el', message: 'Καλημέρα' },
      { language: 'pl', message: 'Zażółć gęślą jaźń' },
    ])
    expect(lastAudit('stakeholder_group', groupId)).toMatchObject({
      action: 'update',
      before: { methods: null, message_pl: null, message_el: null },
      after: { methods: 'Spotkania', message_pl: 'Zażółć gęślą jaźń', message_el: 'Καλημέρα' },
      summary: 'methods and key messages',
    })

    sqlite().prepare('update engagement_strategies set updated_at = ? where id = ?').run(OLD, strategy.id)
    const second = strategyFormSchema.parse({
      methods: ' ',
      messages: { pl: 'Dzień dobry', cs: 'Dobrý den', el: '' },
    })
    tx((t) => saveGroupStrategy(t, groupId, second, languages, demo.comms()))
    const after = db
      .select()
      .from(engagementStrategies)
      .where(eq(engagementStrategies.id, strategy.id))
      .get()!
    expect(after.methods).toBeNull()
    expect(after.updatedAt).not.toBe(OLD)
    expect(messages(strategy.id)).toEqual([
      { language: 'cs', message: 'Dobrý den' },
      { language: 'pl', message: 'Dzień dobry' },
    ])
    expect(lastAudit('stakeholder_group', groupId)).toMatchObject({
      before: {
        methods: 'Spotkania',
        message_pl: 'Zażółć gęślą jaźń',
        message_el: 'Καλημέρα',
        message_cs: null,
      },
      after: { methods: null, message_pl: 'Dzień dobry', message_el: null, message_cs: 'Dobrý den' },
    })
    expect(groupStrategy(groupId)).toEqual({
      id: strategy.id,
      methods: '',
      messages: { cs: 'Dobrý den', pl: 'Dzień dobry' },
    })
    // A language outside the ones given is left alone.
    tx((t) => saveGroupStrategy(t, groupId, { messages: {} }, ['el'], demo.comms()))
    expect(messages(strategy.id)).toHaveLength(2)
  })
})
