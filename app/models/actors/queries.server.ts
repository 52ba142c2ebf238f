import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { type Actor } from '~/utils/permissions'

import { assertCanReadActorMap } from './policy'
import { type ActorMapFilter } from './schemas'

/*
 * The actor map's figures. Two actors are linked by every action, event and outcome that names
 * them both, within the filter:
 * - an action names its stakeholders (only submitted and validated, live actions: what every role reads);
 * - an event names its consultation's participants and the stakeholders of attending registrants
 *   linked to a contact (the actions logged for it link through the actions themselves, so an
 *   action of an event is not counted twice);
 * - an outcome (live, not returned) names its stakeholders.
 * An edge's weight is the number of items the two share: two actors on one action and one
 * outcome have one edge of weight 2. An actor's links are the distinct actors it shares something with.
 */

export type ActorNode = {
  id: number
  name: string
  categoryId: number
  categoryName: string
  categoryKey: string | null
  categoryOrder: number
  links: number
  weight: number
  actions: number
  events: number
  outcomes: number
}
export type ActorEdge = {
  source: number
  target: number
  weight: number
  actions: number
  events: number
  outcomes: number
}

/** `col` is the filtered event (and, for `campaign`, that event is a campaign). */
function eventCondition(col: SQL, f: ActorMapFilter): SQL {
  const parts: SQL[] = [sql`1`]
  if (f.event) parts.push(sql`${col} = ${f.event}`)
  if (f.campaign)
    parts.push(
      sql`${col} = ${f.campaign} and exists (select 1 from events c where c.id = ${f.campaign} and c.kind = 'campaign')`,
    )
  return sql.join(parts, sql` and `)
}

const partnerCondition = (col: SQL, f: ActorMapFilter) => (f.partner ? sql`${col} = ${f.partner}` : sql`1`)

/** Every (kind, item, stakeholder) naming within the filter, live stakeholders only. */
function membershipsSql(f: ActorMapFilter): SQL {
  const scoped = f.event !== undefined || f.campaign !== undefined
  const outcomeInEvent = scoped
    ? sql`(exists (select 1 from outcome_events oe where oe.outcome_id = o.id and ${eventCondition(sql`oe.event_id`, f)})
        or exists (select 1 from outcome_actions oa join actions oaa on oaa.id = oa.action_id
          where oa.outcome_id = o.id and oaa.archived_at is null and ${eventCondition(sql`oaa.event_id`, f)}))`
    : sql`1`
  const category = f.category ? sql`and st.category_id = ${f.category}` : sql``
  return sql`
    select distinct m.kind as kind, m.item as item, m.sid as sid from (
      select 'action' as kind, a.id as item, s.stakeholder_id as sid from actions a
        join action_stakeholders s on s.action_id = a.id
        where a.archived_at is null and a.status in ('submitted', 'validated')
          and ${eventCondition(sql`a.event_id`, f)} and ${partnerCondition(sql`a.partner_id`, f)}
      union all select 'event', p.event_id, p.stakeholder_id from event_participants p
        join events e on e.id = p.event_id
        where e.archived_at is null and ${eventCondition(sql`e.id`, f)} and ${partnerCondition(sql`e.host_partner_id`, f)}
      union all select 'event', r.event_id, c.stakeholder_id from event_registrations r
        join contacts c on c.id = r.contact_id join events e on e.id = r.event_id
        where r.attended = 1 and c.stakeholder_id is not null and e.archived_at is null
          and ${eventCondition(sql`e.id`, f)} and ${partnerCondition(sql`e.host_partner_id`, f)}
      union all select 'outcome', o.id, os.stakeholder_id from outcomes o
        join outcome_stakeholders os on os.outcome_id = o.id
        where o.archived_at is null and o.status <> 'returned'
          and ${partnerCondition(sql`o.partner_id`, f)} and ${outcomeInEvent}
    ) m join stakeholders st on st.id = m.sid
    where st.archived_at is null and st.merged_into_id is null ${category}`
}

function readEdges(members: SQL): ActorEdge[] {
  return db.all<ActorEdge>(sql`
    with live as (${members})
    select a.sid as source, b.sid as target, count(*) as weight,
      sum(a.kind = 'action') as actions, sum(a.kind = 'event') as events, sum(a.kind = 'outcome') as outcomes
    from live a join live b on b.kind = a.kind and b.item = a.item and b.sid > a.sid
    group by a.sid, b.sid`)
}

type NodeRow = Omit<ActorNode, 'links' | 'weight'>

/** Each actor named within the filter, with the items it shares with another actor, by kind. */
function readNodes(members: SQL): NodeRow[] {
  return db.all<NodeRow>(sql`
    with live as (${members}),
    shared as (select kind, item from live group by kind, item having count(*) > 1)
    select st.id as id, st.name as name, st.category_id as categoryId, c.name as categoryName,
      c.key as categoryKey, c.sort_order as categoryOrder,
      count(distinct case when l.kind = 'action' and s.item is not null then l.item end) as actions,
      count(distinct case when l.kind = 'event' and s.item is not null then l.item end) as events,
      count(distinct case when l.kind = 'outcome' and s.item is not null then l.item end) as outcomes
    from live l
    join stakeholders st on st.id = l.sid
    join stakeholder_categories c on c.id = st.category_id
    left join shared s on s.kind = l.kind and s.item = l.item
    group by st.id`)
}

/** Most linked first; ties by shared items, then name: the same order every time. */
function byLinks(a: ActorNode, b: ActorNode) {
  return b.links - a.links || b.weight - a.weight || a.name.localeCompare(b.name) || a.id - b.id
}

/**
 * The actors within the filter, most linked first, and the edges between them. Every role may read
 * it (`actor:read`); it holds nothing a role could not read elsewhere.
 */
export function actorNetwork(filter: ActorMapFilter, actor: Actor) {
  assertCanReadActorMap(actor)
  const members = membershipsSql(filter)
  const edges = readEdges(members)
  const links = new Map<number, { links: number; weight: number }>()
  for (const e of edges)
    for (const id of [e.source, e.target]) {
      const n = links.get(id) ?? { links: 0, weight: 0 }
      links.set(id, { links: n.links + 1, weight: n.weight + e.weight })
    }
  const nodes = readNodes(members)
    .map((n) => ({ ...n, ...(links.get(n.id) ?? { links: 0, weight: 0 }) }))
    .sort(byLinks)
  return { nodes, edges }
}

/** The choices of the map's filters: events (campaigns apart), categories, partners. */
export function actorMapOptions() {
  const events = db.all<{ id: number; title: string; kind: string; startDate: string }>(sql`
    select id, title, kind, start_date as startDate from events where archived_at is null
    order by start_date desc, id desc`)
  return {
    events: events.filter((e) => e.kind !== 'campaign'),
    campaigns: events.filter((e) => e.kind === 'campaign'),
    categories: db.all<{ id: number; name: string; key: string | null }>(sql`
      select id, name, key from stakeholder_categories where archived_at is null order by sort_order, name`),
    partners: db.all<{ id: number; name: string }>(sql`
      select id, name from partners where archived_at is null order by name`),
  }
}
