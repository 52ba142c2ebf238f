import { describe, expect, it } from 'vitest'

import { groupScoringSessions, type TimelineItem } from '~/models/stakeholders/index.server'

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
