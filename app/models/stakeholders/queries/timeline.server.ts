import { and, desc, eq, inArray, isNull } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, actionStakeholders, auditLog, criteria, partners, scores, users } from '#db/schema'

export type TimelineItem =
  | {
      kind: 'audit'
      at: string
      action: string
      userName: string | null
      summary: string | null
      before: Record<string, unknown> | null
      after: Record<string, unknown> | null
    }
  | {
      kind: 'action'
      at: string
      actionId: number
      title: string
      status: string
      partnerName: string
      participants: number | null
      onlineReach: number | null
    }
  | {
      kind: 'score'
      at: string
      criterionName: string
      criterionKey: string | null
      value: number
      userName: string | null
      rationale: string | null
      superseded: boolean
    }

type ScoreItem = {
  kind: 'score'
  at: string
  criterionName: string
  criterionKey: string | null
  value: number
  userName: string | null
  rationale: string | null
  superseded: boolean
}

/** Several scores given by one person in one sitting: one line, "Scored 5 criteria", expandable. */
export type ScoreSession = { kind: 'scores'; at: string; userName: string | null; scores: ScoreItem[] }

export type GroupedTimelineItem = Exclude<TimelineItem, ScoreItem> | ScoreItem | ScoreSession

/** How far apart two scores by the same person may be and still count as one scoring session. */
const SESSION_MS = 10 * 60 * 1000

/**
 * Folds the scores a person gave in one sitting (next to each other in the timeline, by the same
 * user, each within ten minutes of the previous) into one session; a lone score stays a line.
 */
export function groupScoringSessions(items: readonly TimelineItem[]): GroupedTimelineItem[] {
  const out: GroupedTimelineItem[] = []
  let session: ScoreItem[] = []
  const flush = () => {
    if (session.length === 1) out.push(session[0])
    else if (session.length > 1)
      out.push({ kind: 'scores', at: session[0].at, userName: session[0].userName, scores: session })
    session = []
  }
  for (const item of items) {
    if (item.kind !== 'score') {
      flush()
      out.push(item)
      continue
    }
    const last = session[session.length - 1]
    const near = last && Math.abs(Date.parse(last.at) - Date.parse(item.at)) <= SESSION_MS
    if (last && (last.userName !== item.userName || !near)) flush()
    session.push(item)
  }
  flush()
  return out
}

/** Everything that touched a stakeholder, newest first: its audit trail, the actions that reached it, its scores. */
export function stakeholderTimeline(id: number, limit = 200): TimelineItem[] {
  const audit = db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      userName: users.name,
      summary: auditLog.summary,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, 'stakeholder'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'audit' as const, ...r }))
  const reached = db
    .select({
      at: actions.date,
      actionId: actions.id,
      title: actions.title,
      status: actions.status,
      partnerName: partners.name,
      participants: actions.participants,
      onlineReach: actions.onlineReach,
    })
    .from(actionStakeholders)
    .innerJoin(actions, eq(actions.id, actionStakeholders.actionId))
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .where(
      and(
        eq(actionStakeholders.stakeholderId, id),
        inArray(actions.status, ['submitted', 'validated']),
        isNull(actions.archivedAt),
      ),
    )
    .orderBy(desc(actions.date))
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'action' as const, ...r }))
  const scoreRows = db
    .select({
      at: scores.createdAt,
      criterionName: criteria.name,
      criterionKey: criteria.key,
      value: scores.value,
      userName: users.name,
      rationale: scores.rationale,
      supersededAt: scores.supersededAt,
    })
    .from(scores)
    .innerJoin(criteria, eq(criteria.id, scores.criterionId))
    .leftJoin(users, eq(users.id, scores.userId))
    .where(eq(scores.stakeholderId, id))
    .orderBy(desc(scores.id))
    .limit(limit)
    .all()
    .map(({ supersededAt, ...r }) => ({ kind: 'score' as const, ...r, superseded: supersededAt !== null }))
  return [...audit, ...reached, ...scoreRows]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit)
}
