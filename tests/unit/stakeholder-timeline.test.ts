import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  groupScoringSessions,
  stakeholderTimeline,
  type TimelineItem,
} from '~/models/stakeholders/index.server'

const score = (at: string, userName: string | null, criterionName: string): TimelineItem => ({
  kind: 'score',
  at,
  criterionName,
  criterionKey: null,
  value: 4,
  userName,
  rationale: null,
  superseded: false,
})

describe('the timeline groups scoring noise', () => {
  it('folds the scores of one sitting into one session and keeps other lines as they are', () => {
    const items: TimelineItem[] = [
      score('2026-11-20T10:05:00.000Z', 'Lucía Moreno', 'Influence'),
      score('2026-11-20T10:04:00.000Z', 'Lucía Moreno', 'Interest'),
      score('2026-11-20T10:03:30.000Z', 'Lucía Moreno', 'Reach'),
      score('2026-11-20T10:03:00.000Z', 'Lucía Moreno', 'Relevance'),
      score('2026-11-20T10:02:00.000Z', 'Lucía Moreno', 'Ability'),
      {
        kind: 'audit',
        at: '2026-11-19T09:00:00.000Z',
        action: 'update',
        userName: 'Lucía Moreno',
        summary: null,
        before: null,
        after: null,
      },
      score('2026-11-18T09:00:00.000Z', 'Jiří Dvořák', 'Influence'),
    ]
    const grouped = groupScoringSessions(items)
    expect(grouped.map((g) => g.kind)).toEqual(['scores', 'audit', 'score'])
    const session = grouped[0]
    expect(session.kind === 'scores' && session.scores.length).toBe(5)
    expect(session.at).toBe('2026-11-20T10:05:00.000Z')
  })

  it('splits sessions by person and by a pause of more than ten minutes', () => {
    const grouped = groupScoringSessions([
      score('2026-11-20T10:30:00.000Z', 'Ana', 'Influence'),
      score('2026-11-20T10:29:00.000Z', 'Ana', 'Interest'),
      score('2026-11-20T10:28:00.000Z', 'Ioana Popescu', 'Influence'),
      score('2026-11-20T10:27:00.000Z', 'Ioana Popescu', 'Interest'),
      score('2026-11-20T09:00:00.000Z', 'Ioana Popescu', 'Reach'),
    ])
    expect(grouped.map((g) => (g.kind === 'scores' ? `${g.userName}:${g.scores.length}` : g.kind))).toEqual([
      'Ana:2',
      'Ioana Popescu:2',
      'score',
    ])
  })
})

describe('the timeline groups scoring noise at its edges', () => {
  const audit = (at: string): TimelineItem => ({
    kind: 'audit',
    at,
    action: 'update',
    userName: 'Ana',
    summary: null,
    before: null,
    after: null,
  })

  it('keeps two scores exactly ten minutes apart in one session, and splits them a millisecond later', () => {
    const kinds = (items: TimelineItem[]) =>
      groupScoringSessions(items).map((g) => (g.kind === 'scores' ? g.scores.length : g.kind))
    expect(
      kinds([score('2026-11-20T10:10:00.000Z', 'Ana', 'A'), score('2026-11-20T10:00:00.000Z', 'Ana', 'B')]),
    ).toEqual([2])
    expect(
      kinds([score('2026-11-20T10:10:00.001Z', 'Ana', 'A'), score('2026-11-20T10:00:00.000Z', 'Ana', 'B')]),
    ).toEqual(['score', 'score'])
  })

  it('never folds across another line, and leaves a timeline without scores as it is', () => {
    const items = [
      score('2026-11-20T10:05:00.000Z', 'Ana', 'A'),
      audit('2026-11-20T10:04:00.000Z'),
      score('2026-11-20T10:03:00.000Z', 'Ana', 'B'),
      score('2026-11-20T10:02:00.000Z', 'Ana', 'C'),
      audit('2026-11-20T10:01:00.000Z'),
    ]
    const grouped = groupScoringSessions(items)
    expect(grouped.map((g) => g.kind)).toEqual(['score', 'audit', 'scores', 'audit'])
    expect(grouped[0]).toBe(items[0])
    expect(grouped[2]).toEqual({
      kind: 'scores',
      at: items[2]!.at,
      userName: 'Ana',
      scores: [items[2], items[3]],
    })
    const plain = [audit('2026-11-20T10:04:00.000Z'), audit('2026-11-20T10:01:00.000Z')]
    expect(groupScoringSessions(plain)).toEqual(plain)
    expect(groupScoringSessions([])).toEqual([])
  })
})

describe("a stakeholder's timeline", () => {
  const rows = <T>(q: string, ...a: unknown[]) =>
    sqlite()
      .prepare(q)
      .all(...(a as never[])) as T[]

  it('merges its audit trail, the live submitted and validated actions that reached it and its scores, newest first', () => {
    // The demo stakeholder with the most scores, a superseded one among them.
    const { id } = rows<{ id: number }>(
      `select stakeholder_id id from scores group by stakeholder_id
        having sum(superseded_at is not null) > 0 and sum(superseded_at is null) > 0 order by count(*) desc limit 1`,
    )[0]!
    // Actions that reach it in every status, one of them archived: only live submitted and validated ones show.
    const partnerId = rows<{ id: number }>(`select id from partners order by id limit 1`)[0]!.id
    const add = (title: string, status: string, date: string, archived = false) => {
      const actionId = Number(
        sqlite()
          .prepare(
            `insert into actions (partner_id, title, type_id, date, month, status, participants, online_reach, archived_at)
             values (?, ?, (select min(id) from action_types), ?, substr(?, 1, 7), ?, 12, 340, ?)`,
          )
          .run(partnerId, title, date, date, status, archived ? '2026-11-30T00:00:00.000Z' : null)
          .lastInsertRowid,
      )
      sqlite()
        .prepare(`insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)`)
        .run(actionId, id)
      return actionId
    }
    const submitted = add('Spotkanie w Łodzi', 'submitted', '2026-10-02')
    const validated = add('Συνάντηση στη Θεσσαλονίκη', 'validated', '2026-10-01')
    add('Koncept', 'draft', '2026-10-03')
    add('Returnat', 'returned', '2026-10-04')
    add('Bilera artxibatua', 'validated', '2026-10-05', true)

    const timeline = stakeholderTimeline(id)
    const actionsShown = timeline.filter((t) => t.kind === 'action')
    const live = rows<{ id: number }>(
      `select a.id from actions a join action_stakeholders x on x.action_id = a.id
        where x.stakeholder_id = ? and a.status in ('submitted', 'validated') and a.archived_at is null order by a.id`,
      id,
    ).map((r) => r.id)
    expect(live).toEqual(expect.arrayContaining([submitted, validated]))
    expect(actionsShown.map((t) => t.actionId).sort((a, b) => a - b)).toEqual(live)
    expect(actionsShown.find((t) => t.actionId === validated)).toEqual({
      kind: 'action',
      at: '2026-10-01',
      actionId: validated,
      title: 'Συνάντηση στη Θεσσαλονίκη',
      status: 'validated',
      partnerName: expect.any(String),
      participants: 12,
      onlineReach: 340,
    })
    const scored = timeline.filter((t) => t.kind === 'score')
    const stored = rows<{ n: number; superseded: number }>(
      `select count(*) n, sum(superseded_at is not null) superseded from scores where stakeholder_id = ?`,
      id,
    )[0]!
    expect(scored).toHaveLength(stored.n)
    expect(scored.filter((s) => s.superseded)).toHaveLength(stored.superseded)
    expect(scored.filter((s) => !s.superseded).length).toBeGreaterThan(0)
    const audited = rows<{ n: number }>(
      `select count(*) n from audit_log where entity = 'stakeholder' and entity_id = ?`,
      id,
    )[0]!.n
    expect(timeline.filter((t) => t.kind === 'audit')).toHaveLength(audited)
    expect(audited).toBeGreaterThan(0)
    // Newest first across the three kinds.
    const at = timeline.map((t) => t.at)
    expect(at).toEqual([...at].sort().reverse())
    expect(new Set(timeline.map((t) => t.kind)).size).toBe(3)
    // The limit caps the merged timeline, keeping the newest.
    expect(stakeholderTimeline(id, 3)).toEqual(timeline.slice(0, 3))
  })
})
