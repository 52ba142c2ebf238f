import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionTypes, channels } from '#db/schema'
import {
  addListEntry,
  builtInNames,
  labelledEntries,
  listEntries,
  listEntryNameTaken,
  listLabelKey,
  moveListEntry,
  renameListEntry,
  setListEntryArchived,
} from '~/models/actions/index.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'

const tx = <T>(fn: Parameters<typeof db.transaction<T>>[0]) => db.transaction(fn)
const order = (kind: 'types' | 'channels') => listEntries(kind, { includeArchived: true }).map((e) => e.id)

describe('listEntries and labels', () => {
  it('lists a list in the administrator’s order (then by id), archived entries only when asked', () => {
    const types = listEntries('types')
    expect(types.map((t) => t.key)).toEqual(Object.keys(builtInNames.types))
    expect(types[0]).toEqual({
      id: types[0]!.id,
      key: 'presentation',
      name: 'Presentation at an event',
      sortOrder: types[0]!.sortOrder,
      archivedAt: null,
    })
    expect(listEntries('channels').map((c) => c.key)).toEqual(Object.keys(builtInNames.channels))
    // Equal sort orders fall back to the id.
    const first = db.insert(channels).values({ name: 'Ραδιόφωνο', sortOrder: -5 }).returning().get().id
    const second = db.insert(channels).values({ name: 'Rádio', sortOrder: -5 }).returning().get().id
    expect(
      listEntries('channels')
        .slice(0, 2)
        .map((c) => c.id),
    ).toEqual([first, second])
    db.update(channels).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(channels.id, first)).run()
    expect(listEntries('channels')[0]!.id).toBe(second)
    expect(listEntries('channels', { includeArchived: true })[0]).toMatchObject({
      id: first,
      archivedAt: '2026-01-01T00:00:00.000Z',
    })
  })

  it('translates a built-in entry until renamed; an added entry shows its own name', () => {
    expect(listLabelKey('channels', { key: 'x', name: 'X' })).toBe('actions:channels.x')
    expect(listLabelKey('channels', { key: 'x', name: 'Twitter' })).toBeNull()
    expect(listLabelKey('types', { key: null, name: 'Other' })).toBeNull()
    expect(listLabelKey('types', { key: 'x', name: 'X' })).toBeNull()
    // Every built-in entry, under its seeded English name, is translated.
    for (const kind of ['types', 'channels'] as const) {
      const entries = labelledEntries(kind).filter((e) => e.key !== null)
      expect(entries.map((e) => e.labelKey)).toEqual(entries.map((e) => `actions:${kind}.${e.key}`))
      expect(entries.map((e) => e.name)).toEqual(Object.values(builtInNames[kind]))
    }
    const labelled = labelledEntries('types')
    expect(labelled.find((t) => t.key === 'video')).toMatchObject({
      name: 'Video',
      labelKey: 'actions:types.video',
    })
    expect(labelled.map((t) => t.id)).toEqual(listEntries('types').map((t) => t.id))
  })

  it('tells a name already used, ignoring case, archived entries included, except the entry itself', () => {
    const video = listEntries('types').find((t) => t.key === 'video')!
    expect(listEntryNameTaken('types', 'VIDEO')).toBe(true)
    expect(listEntryNameTaken('types', 'video', video.id)).toBe(false)
    expect(listEntryNameTaken('channels', 'Video')).toBe(false)
    const archived = db
      .insert(actionTypes)
      .values({ name: 'Ćwiczenia terenowe', sortOrder: 500, archivedAt: '2026-01-01T00:00:00.000Z' })
      .returning()
      .get().id
    expect(listEntryNameTaken('types', 'ćwiczenia TERENOWE')).toBe(true)
    expect(listEntryNameTaken('types', 'Ćwiczenia terenowe', archived)).toBe(false)
  })
})

describe('editing the lists', () => {
  it('adds an entry after the last (ten further), trimmed and audited', () => {
    const admin = demo.admin()
    const max = Math.max(...listEntries('types', { includeArchived: true }).map((t) => t.sortOrder))
    const id = tx((t) => addListEntry(t, 'types', '  Warsztaty w Łodzi ', admin))
    expect(listEntries('types').at(-1)).toMatchObject({
      id,
      key: null,
      name: 'Warsztaty w Łodzi',
      sortOrder: max + 10,
    })
    expect(lastAudit('action_type', id)).toMatchObject({
      userId: admin.id,
      action: 'create',
      before: null,
      after: { name: 'Warsztaty w Łodzi', sortOrder: max + 10 },
      summary: 'Warsztaty w Łodzi',
    })
    const channel = tx((t) => addListEntry(t, 'channels', 'Telegram', admin))
    expect(lastAudit('channel', channel)).toMatchObject({ action: 'create', after: { name: 'Telegram' } })
    expect(() => tx((t) => addListEntry(t, 'types', 'Nie wolno', demo.comms()))).toThrow()
  })

  it('renames (trimmed, audited), and does nothing for the same name or no entry', () => {
    const admin = demo.admin()
    const id = tx((t) => addListEntry(t, 'channels', 'Gazeta', admin))
    expect(tx((t) => renameListEntry(t, 'channels', id, ' Gazeta Wyborcza ', admin))).toBe(true)
    expect(listEntries('channels').find((c) => c.id === id)!.name).toBe('Gazeta Wyborcza')
    expect(lastAudit('channel', id)).toMatchObject({
      userId: admin.id,
      action: 'update',
      before: { name: 'Gazeta' },
      after: { name: 'Gazeta Wyborcza' },
      summary: 'Gazeta Wyborcza',
    })
    const audits = lastAudit().id
    expect(tx((t) => renameListEntry(t, 'channels', id, 'Gazeta Wyborcza  ', admin))).toBe(false)
    expect(tx((t) => renameListEntry(t, 'channels', 987_654, 'Nic', admin))).toBe(false)
    expect(lastAudit().id).toBe(audits)
    expect(() => tx((t) => renameListEntry(t, 'channels', id, 'X', demo.viewer()))).toThrow()
  })
})

describe('moving and archiving entries', () => {
  it('swaps an entry with its neighbour, renumbered in tens, audited; no move past the ends', () => {
    const admin = demo.admin()
    const all = order('types')
    const last = all.at(-1)!
    expect(tx((t) => moveListEntry(t, 'types', last, 'down', admin))).toBe(false)
    expect(tx((t) => moveListEntry(t, 'types', all[0]!, 'up', admin))).toBe(false)
    expect(tx((t) => moveListEntry(t, 'types', 987_654, 'up', admin))).toBe(false)
    expect(tx((t) => moveListEntry(t, 'types', 987_654, 'down', admin))).toBe(false)
    expect(order('types')).toEqual(all)
    expect(tx((t) => moveListEntry(t, 'types', all[1]!, 'up', admin))).toBe(true)
    const swapped = [all[1], all[0], ...all.slice(2)]
    expect(order('types')).toEqual(swapped)
    expect(listEntries('types', { includeArchived: true }).map((e) => e.sortOrder)).toEqual(
      swapped.map((_, i) => (i + 1) * 10),
    )
    expect(lastAudit('action_type', all[1])).toMatchObject({
      userId: admin.id,
      action: 'update',
      before: { position: 2 },
      after: { position: 1 },
    })
    expect(tx((t) => moveListEntry(t, 'types', all[1]!, 'down', admin))).toBe(true)
    expect(order('types')).toEqual(all)
    expect(lastAudit('action_type', all[1])).toMatchObject({
      before: { position: 1 },
      after: { position: 2 },
    })
    const third = all.at(-2)!
    expect(tx((t) => moveListEntry(t, 'types', third, 'down', admin))).toBe(true)
    expect(order('types').slice(-2)).toEqual([last, third])
    expect(() => tx((t) => moveListEntry(t, 'types', third, 'up', demo.comms()))).toThrow()
  })

  it('archives and restores once each, audited', () => {
    const admin = demo.admin()
    const id = tx((t) => addListEntry(t, 'channels', 'Ραδιόφωνο Θεσσαλονίκης', admin))
    expect(tx((t) => setListEntryArchived(t, 'channels', id, false, admin))).toBe(false)
    expect(tx((t) => setListEntryArchived(t, 'channels', id, true, admin))).toBe(true)
    const archivedAt = listEntries('channels', { includeArchived: true }).find((c) => c.id === id)!.archivedAt
    expect(archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(lastAudit('channel', id)).toMatchObject({
      userId: admin.id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt },
      summary: 'Ραδιόφωνο Θεσσαλονίκης',
    })
    expect(tx((t) => setListEntryArchived(t, 'channels', id, true, admin))).toBe(false)
    expect(tx((t) => setListEntryArchived(t, 'channels', 987_654, true, admin))).toBe(false)
    expect(tx((t) => setListEntryArchived(t, 'channels', id, false, admin))).toBe(true)
    expect(lastAudit('channel', id)).toMatchObject({
      action: 'restore',
      before: { archivedAt },
      after: { archivedAt: null },
    })
    expect(listEntries('channels').some((c) => c.id === id)).toBe(true)
    expect(() => tx((t) => setListEntryArchived(t, 'channels', id, true, demo.partner()))).toThrow()
  })
})
