import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions } from '#db/schema'
import { type ActionInput, createAction, updateAction } from '~/models/actions/index.server'

import { demo } from '../setup/actors'
import { auditCount, lastAudit } from '../setup/audit'
import { typeId } from '../setup/records'

/*
 * The domain's last line of defence on an action's input (assertInput), seen through the commands
 * that call it: what createAction and updateAction refuse, with which message, writing nothing,
 * and the edge values they take.
 */

const partner = demo.partner
const base = (over: Partial<ActionInput> = {}): ActionInput => ({
  partnerId: partner().partnerId!,
  typeId: typeId('webinar'),
  date: '2026-03-14',
  title: 'Spotkanie w Łodzi',
  ...over,
})
const log = (over: Partial<ActionInput> = {}) =>
  db.transaction((tx) => createAction(tx, base(over), partner()))
const actionCount = () => db.select({ id: actions.id }).from(actions).all().length

const refusals: [string, Partial<ActionInput>, string][] = [
  ['a date that is not in the calendar', { date: '2026-02-30' }, 'invalid date: 2026-02-30'],
  ['negative participants', { participants: -3 }, 'figures must be whole numbers, never negative'],
  ['a fractional online reach', { onlineReach: 2.5 }, 'figures must be whole numbers, never negative'],
  ['negative engagements', { engagements: -1 }, 'figures must be whole numbers, never negative'],
  [
    'an evidence link that is not http(s)',
    { evidenceUrl: 'ftp://łódź.pl/raport' },
    'evidence link must be http(s)',
  ],
  ['a title of spaces only', { title: '   ' }, 'title is required'],
  ['a client key that is not a UUID', { clientKey: 'Čeněk-Šťastný-1' }, 'client key must be a UUID'],
]

describe('createAction refuses an input the form would not let through', () => {
  it.each(refusals)('%s, with its message, and writes nothing', (_, over, message) => {
    const before = { actions: actionCount(), audits: auditCount() }
    expect(() => log(over)).toThrow(new Error(message))
    expect({ actions: actionCount(), audits: auditCount() }).toEqual(before)
  })
})

describe('updateAction refuses it too', () => {
  it('leaves the action as it was when the edit breaks a rule', () => {
    const id = log({ participants: 7 })
    const edit = (over: Partial<ActionInput>) => () =>
      db.transaction((tx) => updateAction(tx, id, base(over), partner()))
    expect(edit({ participants: -7 })).toThrow(new Error('figures must be whole numbers, never negative'))
    expect(edit({ title: ' \t ' })).toThrow(new Error('title is required'))
    expect(db.select().from(actions).where(eq(actions.id, id)).get()).toMatchObject({
      participants: 7,
      title: 'Spotkanie w Łodzi',
    })
  })
})

describe('createAction takes the edge values', () => {
  it('zero and whole figures, absent ones, an https link, a padded title and a UUID key', () => {
    const clientKey = '0f8fad5b-d9cb-469f-a165-70867728950e'
    const id = log({
      title: '  Θεσσαλονίκη: warsztaty  ',
      participants: 0,
      onlineReach: null,
      engagements: 12,
      evidenceUrl: 'https://www.thessaloniki.gr/δράση',
      clientKey,
    })
    expect(lastAudit('action', id)).toMatchObject({
      action: 'create',
      before: null,
      after: {
        title: 'Θεσσαλονίκη: warsztaty',
        participants: 0,
        onlineReach: null,
        engagements: 12,
        evidenceUrl: 'https://www.thessaloniki.gr/δράση',
        clientKey,
      },
    })
    expect(log({ participants: 1, onlineReach: 1_000_000, engagements: undefined })).toBeGreaterThan(id)
  })
})
