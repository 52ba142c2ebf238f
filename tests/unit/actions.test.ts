import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actionLanguages,
  actions,
  actionStakeholders,
  actionThemes,
  actionTypes,
  auditLog,
  channels,
  events,
  notifications,
  partners,
  stakeholders,
  themes,
} from '#db/schema'
import { isRealDate } from '~/models/actions/form'
import {
  type ActionFilter,
  actionFilterFromUrl,
  ActionForbiddenError,
  type ActionInput,
  ActionStatusError,
  actionWhere,
  type Actor,
  addListEntry,
  canEditAction,
  createAction,
  listActions,
  listEntries,
  listLabelKey,
  moveListEntry,
  renameListEntry,
  setActionStatus,
  setListEntryArchived,
  updateAction,
} from '~/models/actions/index.server'

import { actorFor } from '../setup/actors'

const actor = actorFor
const typeId = (key: string) =>
  db.select({ id: actionTypes.id }).from(actionTypes).where(eq(actionTypes.key, key)).get()!.id
const channelId = (key: string) =>
  db.select({ id: channels.id }).from(channels).where(eq(channels.key, key)).get()!.id

/** Ids matching a filter, in list order, restricted to this test's own partner. */
function ids(filter: ActionFilter, user?: Actor) {
  return db
    .select({ id: actions.id })
    .from(actions)
    .where(and(actionWhere({ ...filter }, user), eq(actions.partnerId, testPartner)))
    .orderBy(actions.id)
    .all()
    .map((r) => r.id)
}

let testPartner: number
let comms: Actor
let a: Record<'forum' | 'post' | 'press' | 'draft' | 'webinar', number>
let stakeholderA: number
let stakeholderB: number
let themeX: number
let eventId: number | null

beforeAll(() => {
  comms = actor('comms@demo.ripple')
  // A partner of our own, so the seeded demo actions never disturb the expected results.
  testPartner = db
    .insert(partners)
    .values({ name: 'Testville', country: 'DE' })
    .returning({ id: partners.id })
    .get().id
  const two = db.select({ id: stakeholders.id }).from(stakeholders).limit(2).all()
  stakeholderA = two[0].id
  stakeholderB = two[1].id
  themeX = db.select({ id: themes.id }).from(themes).limit(1).get()!.id
  eventId = db.select({ id: events.id }).from(events).limit(1).get()?.id ?? null
  const base = (over: Partial<ActionInput>): ActionInput => ({
    partnerId: testPartner,
    typeId: typeId('presentation'),
    date: '2026-03-10',
    title: 'x',
    ...over,
  })
  a = db.transaction((tx) => ({
    forum: createAction(
      tx,
      base({
        title: 'Presentación en el Foro de Innovación',
        languages: ['es', 'en'],
        channelId: channelId('in_person'),
        stakeholderIds: [stakeholderA],
        participants: 120,
        eventId,
      }),
      comms,
    ),
    post: createAction(
      tx,
      base({
        typeId: typeId('social_post'),
        channelId: channelId('mastodon'),
        date: '2026-04-01',
        title: 'Toot about the forum',
        languages: ['en'],
        themeIds: [themeX],
      }),
      comms,
    ),
    press: createAction(
      tx,
      base({
        typeId: typeId('press'),
        date: '2026-04-30',
        title: 'Press release 50% more reach',
        languages: ['de'],
        stakeholderIds: [stakeholderA, stakeholderB],
      }),
      comms,
    ),
    draft: createAction(tx, base({ date: '2026-05-02', title: 'A draft', status: 'draft' }), comms),
    webinar: createAction(
      tx,
      base({ typeId: typeId('webinar'), date: '2026-05-15', title: 'Webinar on heritage' }),
      comms,
    ),
  }))
})

describe('createAction', () => {
  it('derives the month, submits, links languages, stakeholders and themes, and audits the creation', () => {
    const row = db.select().from(actions).where(eq(actions.id, a.forum)).get()!
    expect(row).toMatchObject({
      month: '2026-03',
      status: 'submitted',
      partnerId: testPartner,
      createdBy: comms.id,
      participants: 120,
    })
    expect(row.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(
      db
        .select({ l: actionLanguages.language })
        .from(actionLanguages)
        .where(eq(actionLanguages.actionId, a.forum))
        .all()
        .map((r) => r.l)
        .sort(),
    ).toEqual(['en', 'es'])
    expect(
      db.select().from(actionStakeholders).where(eq(actionStakeholders.actionId, a.press)).all(),
    ).toHaveLength(2)
    expect(db.select().from(actionThemes).where(eq(actionThemes.actionId, a.post)).all()).toEqual([
      { actionId: a.post, themeId: themeX },
    ])
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, a.forum)))
      .all()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'create', userId: comms.id })
    expect(audit[0].after).toMatchObject({
      title: 'Presentación en el Foro de Innovación',
      languages: ['en', 'es'],
      stakeholderIds: [stakeholderA],
    })
  })

  it('keeps a draft out of the queue (no submission time)', () => {
    expect(db.select().from(actions).where(eq(actions.id, a.draft)).get()).toMatchObject({
      status: 'draft',
      submittedAt: null,
    })
  })

  it('refuses a partner logging for another partner, a negative count, an impossible date and a non-http link', () => {
    const partner = actor('partner@demo.ripple')
    const input: ActionInput = {
      partnerId: testPartner,
      typeId: typeId('press'),
      date: '2026-01-01',
      title: 'x',
    }
    expect(() => db.transaction((tx) => createAction(tx, input, partner))).toThrow(ActionForbiddenError)
    expect(() => db.transaction((tx) => createAction(tx, { ...input, participants: -1 }, comms))).toThrow(
      /negative/,
    )
    expect(() => db.transaction((tx) => createAction(tx, { ...input, date: '2026-02-30' }, comms))).toThrow(
      /date/,
    )
    expect(() =>
      db.transaction((tx) => createAction(tx, { ...input, evidenceUrl: 'ftp://x.org/a' }, comms)),
    ).toThrow(/http/)
    expect(isRealDate('2028-02-29')).toBe(true)
    expect(isRealDate('2026-02-29')).toBe(false)
  })
})

describe('actionWhere: the one definition of the list filters', () => {
  it('filters by type, channel, status, language, stakeholder, theme and event', () => {
    expect(ids({ type: typeId('presentation') })).toEqual([a.forum, a.draft])
    expect(ids({ channel: channelId('mastodon') })).toEqual([a.post])
    expect(ids({ status: 'draft' })).toEqual([a.draft])
    expect(ids({ status: 'submitted' })).toEqual([a.forum, a.post, a.press, a.webinar])
    expect(ids({ language: 'en' })).toEqual([a.forum, a.post])
    expect(ids({ language: 'de' })).toEqual([a.press])
    expect(ids({ stakeholder: stakeholderA })).toEqual([a.forum, a.press])
    expect(ids({ stakeholder: stakeholderB })).toEqual([a.press])
    expect(ids({ theme: themeX })).toEqual([a.post])
    if (eventId) expect(ids({ event: eventId })).toEqual([a.forum])
  })

  it('takes from and to as inclusive dates', () => {
    expect(ids({ from: '2026-04-01', to: '2026-04-30' })).toEqual([a.post, a.press])
    expect(ids({ from: '2026-05-02' })).toEqual([a.draft, a.webinar])
    expect(ids({ to: '2026-03-10' })).toEqual([a.forum])
  })

  it('searches titles ignoring case and accents, with short words and LIKE wildcards taken literally', () => {
    expect(ids({ q: 'presentacion' })).toEqual([a.forum])
    expect(ids({ q: 'FORO DE' })).toEqual([a.forum])
    expect(ids({ q: 'forum' })).toEqual([a.post])
    expect(ids({ q: '50%' })).toEqual([a.press])
    expect(ids({ q: '%' })).toEqual([a.press])
  })

  it('combines filters with AND', () => {
    expect(ids({ type: typeId('presentation'), status: 'submitted' })).toEqual([a.forum])
    expect(ids({ language: 'en', from: '2026-04-01' })).toEqual([a.post])
  })

  it('"mine" is the user’s partner’s actions or the ones they logged', () => {
    const partner = actor('partner@demo.ripple')
    expect(ids({ mine: '1' }, comms)).toEqual([a.forum, a.post, a.press, a.draft, a.webinar])
    expect(ids({ mine: '1' }, partner)).toEqual([])
    const all = db
      .select({ id: actions.id, partnerId: actions.partnerId, createdBy: actions.createdBy })
      .from(actions)
      .where(actionWhere({ mine: '1' }, partner))
      .all()
    expect(all.length).toBeGreaterThan(0)
    expect(all.every((r) => r.partnerId === partner.partnerId || r.createdBy === partner.id)).toBe(true)
    // Without a user there is nothing that is "mine".
    expect(ids({ mine: '1' })).toEqual([])
  })

  it('leaves out archived actions', () => {
    const id = db.transaction((tx) =>
      createAction(
        tx,
        { partnerId: testPartner, typeId: typeId('video'), date: '2026-06-01', title: 'Archived video' },
        comms,
      ),
    )
    expect(ids({ type: typeId('video') })).toEqual([id])
    db.update(actions).set({ archivedAt: '2026-06-02T00:00:00Z' }).where(eq(actions.id, id)).run()
    expect(ids({ type: typeId('video') })).toEqual([])
  })

  it('reads filters from a URL and drops malformed values instead of failing', () => {
    const f = actionFilterFromUrl(
      new URL(
        'http://x/actions?partner=3&status=bogus&from=2026-02-30&to=2026-04-30&language=ES&q=%20forum%20&mine=1&type=abc&page=2',
      ),
    )
    expect(f).toEqual({ partner: 3, to: '2026-04-30', language: 'es', q: 'forum', mine: '1' })
  })
})

describe('listActions', () => {
  it('pages newest first (or oldest first) with the total of matches', () => {
    const newest = listActions({ partner: testPartner, sort: 'date_desc' }, { limit: 2, offset: 0 })
    expect(newest.rows.map((r) => r.id)).toEqual([a.webinar, a.draft])
    expect(newest.total).toBeGreaterThanOrEqual(5)
    expect(newest.totalIsCapped).toBe(false)
    const oldest = listActions({ partner: testPartner, sort: 'date_asc' }, { limit: 2, offset: 0 })
    expect(oldest.rows.map((r) => r.id)).toEqual([a.forum, a.post])
    expect(oldest.rows[0].languages).toEqual(['en', 'es'])
    const second = listActions({ partner: testPartner, sort: 'date_asc' }, { limit: 2, offset: 2 })
    expect(second.rows.map((r) => r.id)).toEqual([a.press, a.draft])
  })
})

describe('statuses', () => {
  it('validates and returns only for action:validate; returning needs a comment and notifies the creator and the partner’s users', () => {
    const partner = actor('partner@demo.ripple')
    const partner2 = actor('partner2@demo.ripple')
    const own = db.transaction((tx) =>
      createAction(
        tx,
        { partnerId: partner.partnerId!, typeId: typeId('press'), date: '2026-11-01', title: 'Own press' },
        partner,
      ),
    )
    expect(() => db.transaction((tx) => setActionStatus(tx, own, 'validated', partner))).toThrow(
      ActionForbiddenError,
    )
    expect(() => db.transaction((tx) => setActionStatus(tx, own, 'submitted', partner2))).toThrow(
      ActionForbiddenError,
    )
    expect(() => db.transaction((tx) => setActionStatus(tx, own, 'returned', comms, '  '))).toThrow(/comment/)

    db.transaction((tx) => setActionStatus(tx, own, 'returned', comms, 'Add the link'))
    const notes = db.select().from(notifications).where(eq(notifications.actionId, own)).all()
    // Creator (partner) gets one; the reviewer (comms, same partner but not a partner user) does not.
    expect(notes.map((n) => n.userId)).toEqual([partner.id])
    expect(notes[0]).toMatchObject({ kind: 'action_returned', message: 'Add the link', readAt: null })

    expect(() => db.transaction((tx) => setActionStatus(tx, own, 'returned', comms, 'again'))).toThrow(
      ActionStatusError,
    )
    db.transaction((tx) => setActionStatus(tx, own, 'submitted', partner))
    db.transaction((tx) => setActionStatus(tx, own, 'validated', comms))
    const row = db.select().from(actions).where(eq(actions.id, own)).get()!
    expect(row).toMatchObject({ status: 'validated', validatedBy: comms.id, returnComment: null })
    expect(canEditAction(partner, row)).toBe(false)
    expect(canEditAction(comms, row)).toBe(true)
    const trail = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, own), eq(auditLog.entity, 'action'), eq(auditLog.action, 'status')))
      .all()
    expect(trail.map((t) => `${t.before?.status}>${t.after?.status}`)).toEqual([
      'submitted>returned',
      'returned>submitted',
      'submitted>validated',
    ])
  })

  it('updateAction audits only what changed, and re-submits a returned action when asked', () => {
    const id = a.webinar
    db.transaction((tx) => setActionStatus(tx, id, 'returned', comms, 'Figures?'))
    db.transaction((tx) =>
      updateAction(
        tx,
        id,
        {
          partnerId: testPartner,
          typeId: typeId('webinar'),
          date: '2026-05-15',
          title: 'Webinar on heritage',
          participants: 45,
          languages: ['it'],
          submit: true,
        },
        comms,
      ),
    )
    const row = db.select().from(actions).where(eq(actions.id, id)).get()!
    expect(row).toMatchObject({ status: 'submitted', participants: 45 })
    const update = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.entity, 'action'), eq(auditLog.action, 'update')))
      .get()!
    expect(update.before).toEqual({ participants: null, languages: [] })
    expect(update.after).toEqual({ participants: 45, languages: ['it'] })
  })
})

describe('types and channels lists', () => {
  it('translates built-in entries until renamed, reorders and archives', () => {
    // Editing the lists is the administrator's (admin:manage); the commands check it themselves.
    const admin = actor('admin@demo.ripple')
    const social = listEntries('types').find((e) => e.key === 'social_post')!
    expect(listLabelKey('types', social)).toBe('actions:types.social_post')
    db.transaction((tx) => renameListEntry(tx, 'types', social.id, 'Social network post', admin))
    expect(
      listLabelKey(
        'types',
        listEntries('types').find((e) => e.id === social.id)!,
      ),
    ).toBeNull()

    const added = db.transaction((tx) => addListEntry(tx, 'channels', 'Telegram', admin))
    let order = listEntries('channels').map((e) => e.id)
    expect(order.at(-1)).toBe(added)
    db.transaction((tx) => moveListEntry(tx, 'channels', added, 'up', admin))
    order = listEntries('channels').map((e) => e.id)
    expect(order.at(-2)).toBe(added)

    db.transaction((tx) => setListEntryArchived(tx, 'channels', added, true, admin))
    expect(listEntries('channels').some((e) => e.id === added)).toBe(false)
    expect(listEntries('channels', { includeArchived: true }).some((e) => e.id === added)).toBe(true)
    expect(
      db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'channel'), eq(auditLog.entityId, added)))
        .all()
        .map((r) => r.action),
    ).toEqual(['create', 'update', 'archive'])
  })
})
