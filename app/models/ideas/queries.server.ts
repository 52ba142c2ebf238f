import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  ideaComments,
  ideaMembers,
  ideas,
  ideaSupports,
  partners,
  plannedActivities,
  users,
} from '#db/schema'

import { type IdeaFilter } from './schemas'

function where(filter: IdeaFilter): SQL | undefined {
  return and(
    filter.column ? eq(ideas.column, filter.column) : undefined,
    filter.status ? eq(ideas.status, filter.status) : undefined,
    filter.partner ? eq(ideas.partnerId, filter.partner) : undefined,
  )
}

const supportCount = sql<number>`(select count(*) from idea_supports s where s.idea_id = ${ideas.id})`
const commentCount = sql<number>`(select count(*) from idea_comments c where c.idea_id = ${ideas.id})`
const memberCount = sql<number>`(select count(*) from idea_members m where m.idea_id = ${ideas.id})`

/**
 * The board: proposals matching the filter, open ones first, then the most supported and newest,
 * with their counts and whether `viewerId` supports each.
 */
export function listIdeas(
  filter: IdeaFilter,
  page: { limit: number; offset: number },
  viewerId: number | null,
) {
  const rows = db
    .select({
      id: ideas.id,
      column: ideas.column,
      title: ideas.title,
      body: ideas.body,
      status: ideas.status,
      closeReason: ideas.closeReason,
      activityId: ideas.activityId,
      authorId: ideas.authorId,
      authorName: users.name,
      partnerName: partners.name,
      createdAt: ideas.createdAt,
      supports: supportCount,
      comments: commentCount,
      members: memberCount,
      supportedByMe: sql<number>`exists(select 1 from idea_supports s where s.idea_id = ${ideas.id} and s.user_id = ${viewerId ?? -1})`,
    })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .leftJoin(partners, eq(partners.id, ideas.partnerId))
    .where(where(filter))
    .orderBy(sql`${ideas.status} <> 'open'`, desc(supportCount), desc(ideas.createdAt), desc(ideas.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => ({ ...r, supportedByMe: !!r.supportedByMe }))
  const total = db.select({ n: count() }).from(ideas).where(where(filter)).get()?.n ?? 0
  return { rows, total }
}

export function getIdea(id: number) {
  if (!Number.isSafeInteger(id) || id < 1) return undefined
  return db.select().from(ideas).where(eq(ideas.id, id)).get()
}

/** Everything the proposal's page shows; the working group's e-mails only when `withContacts`. */
export function ideaDetail(id: number, viewerId: number, withContacts: boolean) {
  const idea = getIdea(id)
  if (!idea) return null
  const author = db
    .select({ name: users.name, partnerName: partners.name })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, idea.authorId))
    .get()
  const supporters = db
    .select({ userId: ideaSupports.userId })
    .from(ideaSupports)
    .where(eq(ideaSupports.ideaId, id))
    .all()
  const members = db
    .select({ userId: users.id, name: users.name, email: users.email, partnerName: partners.name })
    .from(ideaMembers)
    .innerJoin(users, eq(users.id, ideaMembers.userId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(ideaMembers.ideaId, id))
    .orderBy(asc(ideaMembers.createdAt))
    .all()
  const comments = db
    .select({
      id: ideaComments.id,
      body: ideaComments.body,
      createdAt: ideaComments.createdAt,
      userName: users.name,
      partnerName: partners.name,
    })
    .from(ideaComments)
    .innerJoin(users, eq(users.id, ideaComments.userId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(ideaComments.ideaId, id))
    .orderBy(asc(ideaComments.id))
    .all()
  const activity = idea.activityId
    ? db
        .select({ id: plannedActivities.id, title: plannedActivities.title })
        .from(plannedActivities)
        .where(eq(plannedActivities.id, idea.activityId))
        .get()
    : undefined
  return {
    idea,
    authorName: author?.name ?? '',
    authorPartner: author?.partnerName ?? null,
    supports: supporters.length,
    supportedByMe: supporters.some((s) => s.userId === viewerId),
    involvedMe: members.some((m) => m.userId === viewerId),
    group: {
      count: members.length,
      partners: [...new Set(members.map((m) => m.partnerName).filter((p): p is string => !!p))].sort(),
      people: withContacts
        ? members.map(({ name, email, partnerName }) => ({ name, email, partnerName }))
        : null,
    },
    comments,
    activity: activity ?? null,
  }
}

/** The proposal a work-plan activity came from, for the activity's page. */
export function ideaForActivity(activityId: number) {
  return (
    db
      .select({ id: ideas.id, title: ideas.title })
      .from(ideas)
      .where(eq(ideas.activityId, activityId))
      .get() ?? null
  )
}

/** Partners that have posted, for the board's filter. */
export function ideaPartnerOptions() {
  return db
    .selectDistinct({ value: partners.id, label: partners.name })
    .from(ideas)
    .innerJoin(partners, eq(partners.id, ideas.partnerId))
    .orderBy(asc(partners.name))
    .all()
}
