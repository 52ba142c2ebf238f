import { sql } from 'drizzle-orm'

import { db } from '#db/client'

/**
 * Each event's (and each campaign's: a campaign is an event of kind `campaign`) key figures:
 * - registrations: the registrants recorded, or the figure typed on the event when none are;
 * - attendance: the registrants marked present, or the typed figure when no registrant is;
 * - attendance rate: attended / registrations (none without registrations);
 * - stakeholders reached: distinct stakeholders named by the actions logged for it (submitted or
 *   validated), the consultation's participants and the stakeholders of attending registrants
 *   linked to a contact, each counted once, by category;
 * - actions: submitted and validated actions logged for it;
 * - satisfaction: responses and average score (1-5);
 * - outcomes linked: distinct live outcomes (not returned) that name the event or an action logged
 *   for it; an outcome several of its actions fed counts once.
 */

export type CategoryCount = {
  categoryId: number | null
  key: string | null
  name: string | null
  count: number
}
export type EventKpis = {
  eventId: number
  registrations: number | null
  attended: number | null
  attendanceRate: number | null
  stakeholders: number
  byCategory: CategoryCount[]
  actions: number
  satisfactionResponses: number | null
  satisfactionAverage: number | null
  outcomes: number
}

type Base = {
  eventId: number
  registered: number
  present: number
  typedRegistrations: number | null
  typedAttendance: number | null
  actions: number
  responses: number | null
  average: number | null
  outcomes: number
}

function idList(ids: number[]) {
  return sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )
}

function baseFigures(ids: number[]): Base[] {
  return db.all<Base>(sql`
    select e.id as eventId,
      (select count(*) from event_registrations r where r.event_id = e.id) as registered,
      (select count(*) from event_registrations r where r.event_id = e.id and r.attended = 1) as present,
      e.registrations as typedRegistrations, e.attendance as typedAttendance,
      (select count(*) from actions a where a.event_id = e.id and a.archived_at is null
        and a.status in ('submitted', 'validated')) as actions,
      f.satisfaction_responses as responses, f.satisfaction_average as average,
      (select count(*) from (
          select oe.outcome_id as id from outcome_events oe where oe.event_id = e.id
          union select oa.outcome_id from outcome_actions oa join actions a on a.id = oa.action_id
            where a.event_id = e.id and a.archived_at is null
        ) x join outcomes o on o.id = x.id where o.archived_at is null and o.status <> 'returned') as outcomes
    from events e left join event_feedback f on f.event_id = e.id
    where e.id in (${idList(ids)})`)
}

/** The distinct stakeholders an event reached, with their category (see the module's note). */
export function reachedStakeholdersSql(ids: number[]) {
  return sql`
    select distinct x.event_id as eventId, x.stakeholder_id as stakeholderId from (
      select a.event_id, s.stakeholder_id from actions a
        join action_stakeholders s on s.action_id = a.id
        where a.event_id in (${idList(ids)}) and a.archived_at is null and a.status in ('submitted', 'validated')
      union select p.event_id, p.stakeholder_id from event_participants p where p.event_id in (${idList(ids)})
      union select r.event_id, c.stakeholder_id from event_registrations r join contacts c on c.id = r.contact_id
        where r.event_id in (${idList(ids)}) and r.attended = 1 and c.stakeholder_id is not null
    ) x`
}

function reachedByCategory(ids: number[]) {
  return db.all<CategoryCount & { eventId: number }>(sql`
    select r.eventId as eventId, st.category_id as categoryId, c.key as key, c.name as name, count(*) as count
    from (${reachedStakeholdersSql(ids)}) r
    join stakeholders st on st.id = r.stakeholderId
    left join stakeholder_categories c on c.id = st.category_id
    group by r.eventId, st.category_id
    order by r.eventId, c.sort_order, c.name`)
}

/** The key figures of these events, in the order asked. */
export function eventKpis(ids: number[]): EventKpis[] {
  if (!ids.length) return []
  const base = new Map(baseFigures(ids).map((b) => [b.eventId, b]))
  const categories = reachedByCategory(ids)
  return ids.flatMap((id) => {
    const b = base.get(id)
    if (!b) return []
    const byCategory = categories.filter((c) => c.eventId === id).map(({ eventId: _e, ...c }) => c)
    const registrations = b.registered > 0 ? b.registered : b.typedRegistrations
    const attended = b.registered > 0 ? b.present : b.typedAttendance
    return [
      {
        eventId: id,
        registrations,
        attended,
        attendanceRate:
          registrations && attended !== null ? Math.round((attended / registrations) * 1000) / 10 : null,
        stakeholders: byCategory.reduce((s, c) => s + c.count, 0),
        byCategory,
        actions: b.actions,
        satisfactionResponses: b.responses,
        satisfactionAverage: b.average,
        outcomes: b.outcomes,
      },
    ]
  })
}

/** The events (campaigns included) overlapping a period, not archived, with their key figures. */
export function eventKpiList(from: string, to: string) {
  const rows = db.all<{
    id: number
    title: string
    kind: string
    startDate: string
    endDate: string | null
  }>(sql`
    select id, title, kind, start_date as startDate, end_date as endDate from events
    where archived_at is null and start_date <= ${to} and coalesce(end_date, start_date) >= ${from}
    order by start_date, id`)
  const kpis = new Map(eventKpis(rows.map((r) => r.id)).map((k) => [k.eventId, k]))
  return rows.map((r) => ({ ...r, kpis: kpis.get(r.id)! }))
}
