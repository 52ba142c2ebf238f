import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionTypes, stakeholderCategories, stakeholders } from '#db/schema'
import { createAction, setActionStatus } from '~/models/actions/index.server'
import {
  ACTOR_GRAPH_LIMIT,
  actorMapFilterSchema,
  actorNetwork,
  layoutActorGraph,
} from '~/models/actors/index.server'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import { createOutcome, outcomeFormSchema, setOutcomeStatus } from '~/models/outcomes/index.server'
import { saveConsultation } from '~/models/people/index.server'
import { archiveStakeholder } from '~/models/stakeholders/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * Issue 16, point 4: the actor map against a fixture counted by hand, all in a category of its own.
 * Stakeholders Alfa (Łódź), Beta (Αθήνα), Gamma (Brno), Delta (archived).
 * - event W (webinar): action 1 (validated) names Alfa and Beta; outcome O1 names Alfa and Beta
 *   and was fed by action 1 → one edge Alfa-Beta of weight 2 (1 action, 1 outcome);
 * - action 2 (submitted, no event) names Beta, Gamma and Delta (archived: not drawn) → Beta-Gamma 1;
 * - consultation K: participants Alfa and Gamma → Alfa-Gamma 1 (an event);
 * - a returned outcome naming Beta and Gamma counts for nothing;
 * - campaign C: an action names Beta and Gamma → Beta-Gamma gets 2 in all.
 * Whole fixture: Alfa-Beta 2, Beta-Gamma 2, Alfa-Gamma 1; every actor has 2 links.
 */

const filter = (v: Record<string, string | number>) =>
  actorMapFilterSchema.parse(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])))
let category: number
let webinar: number
let consultation: number
let campaign: number
const sh: Record<string, number> = {}

function stakeholder(name: string) {
  return db
    .insert(stakeholders)
    .values({ name, categoryId: category, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
    .returning({ id: stakeholders.id })
    .get().id
}

function event(kind: string, title: string) {
  return tx((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind,
        title,
        startDate: '2026-09-01',
        endDate: '2026-09-30',
        online: 'on',
        hostPartnerId: String(demo.partner().partnerId),
      }),
      demo.comms(),
    ),
  )
}

beforeAll(() => {
  const comms = demo.comms()
  const partnerId = demo.partner().partnerId!
  category = db
    .insert(stakeholderCategories)
    .values({ name: 'Kategoria testowa — Zażółć', sortOrder: 99 })
    .returning({ id: stakeholderCategories.id })
    .get().id
  for (const name of ['Alfa Łódź', 'Beta Αθήνα', 'Gamma Brno', 'Delta Iruñea'])
    sh[name.split(' ')[0]!] = stakeholder(name)
  tx((t) => archiveStakeholder(t, sh.Delta!, comms))
  webinar = event('webinar', 'Webinarium: Zażółć gęślą jaźń')
  consultation = event('consultation', 'Consultare publică Timișoara')
  campaign = event('campaign', 'Kanpaina: Hiri berdeak')
  const typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  const base = { partnerId, typeId, date: '2026-09-10' }
  tx((t) => {
    const a1 = createAction(
      t,
      { ...base, eventId: webinar, title: 'Webinar', stakeholderIds: [sh.Alfa!, sh.Beta!] },
      comms,
    )
    setActionStatus(t, a1, 'validated', comms)
    createAction(t, { ...base, title: 'Post', stakeholderIds: [sh.Beta!, sh.Gamma!, sh.Delta!] }, comms)
    createAction(
      t,
      { ...base, eventId: campaign, title: 'Kampania', stakeholderIds: [sh.Beta!, sh.Gamma!] },
      comms,
    )
    const outcome = (title: string, ids: number[], actionIds: number[]) =>
      createOutcome(
        t,
        outcomeFormSchema.parse({
          type: 'partnership',
          date: '2026-09-20',
          title,
          partnerId: String(partnerId),
          stakeholderIds: ids.map(String),
          actionIds: actionIds.map(String),
          eventIds: [],
        }),
        comms,
      )
    outcome('Partnerstwo Łódź–Αθήνα', [sh.Alfa!, sh.Beta!], [a1])
    const returned = outcome('Returned', [sh.Beta!, sh.Gamma!], [])
    setOutcomeStatus(t, returned, 'returned', comms, 'Not ours')
    saveConsultation(t, consultation, { participantIds: [sh.Alfa!, sh.Gamma!] }, comms)
  })
})

const edgeOf = (edges: { source: number; target: number }[], a: number, b: number) =>
  edges.find((e) => e.source === Math.min(a, b) && e.target === Math.max(a, b))

describe('the actor map (hand-counted)', () => {
  it('two actors sharing one action and one outcome have one edge of weight 2', () => {
    const { edges } = actorNetwork(filter({ category, event: webinar }), demo.viewer())
    expect(edges).toEqual([
      {
        source: Math.min(sh.Alfa!, sh.Beta!),
        target: Math.max(sh.Alfa!, sh.Beta!),
        weight: 2,
        actions: 1,
        events: 0,
        outcomes: 1,
      },
    ])
  })

  it('the whole register: shared actions, events and outcomes; archived actors and returned outcomes left out', () => {
    const { nodes, edges } = actorNetwork(filter({ category }), demo.partner2())
    expect(nodes.map((n) => n.name)).toEqual(['Beta Αθήνα', 'Alfa Łódź', 'Gamma Brno'])
    expect(edges).toHaveLength(3)
    expect(edgeOf(edges, sh.Beta!, sh.Gamma!)).toMatchObject({ weight: 2, actions: 2 })
    expect(edgeOf(edges, sh.Alfa!, sh.Gamma!)).toMatchObject({ weight: 1, events: 1 })
    expect(nodes.find((n) => n.id === sh.Beta)).toMatchObject({
      links: 2,
      weight: 4,
      actions: 3,
      events: 0,
      outcomes: 1,
    })
    expect(nodes.find((n) => n.id === sh.Alfa)).toMatchObject({ links: 2, weight: 3, actions: 1, events: 1 })
  })

  it('filters by event, campaign, partner and category', () => {
    const names = (v: Record<string, number>) =>
      actorNetwork(filter({ category, ...v }), demo.comms()).nodes.map((n) => n.name)
    expect(names({ event: consultation })).toEqual(['Alfa Łódź', 'Gamma Brno'])
    expect(names({ campaign })).toEqual(['Beta Αθήνα', 'Gamma Brno'])
    // The webinar is not a campaign.
    expect(names({ campaign: webinar })).toEqual([])
    expect(names({ partner: demo.partner2().partnerId! })).toEqual([])
    expect(names({ partner: demo.partner().partnerId! })).toHaveLength(3)
    expect(actorNetwork(filter({ category: 999_999 }), demo.comms()).nodes).toEqual([])
  })

  it('hostile filters are ignored, not errors', () => {
    expect(actorMapFilterSchema.parse({ event: "1' or 1=1", category: '-3', partner: 'x' })).toEqual({
      event: undefined,
      campaign: undefined,
      category: undefined,
      partner: undefined,
    })
  })

  it('every role reads it; nobody else', () => {
    for (const a of Object.values(demo)) expect(() => actorNetwork(filter({ category }), a())).not.toThrow()
    expect(() => actorNetwork(filter({}), null as never)).toThrow(ForbiddenError)
  })
})

describe('the actor map drawing', () => {
  it('draws at most the limit, only edges between drawn actors, the same every time', () => {
    const { nodes, edges } = actorNetwork(filter({ category }), demo.comms())
    const two = layoutActorGraph(nodes, edges, 2)
    expect(two.nodes.map((n) => n.id)).toEqual([sh.Beta, sh.Alfa])
    expect(two.total).toBe(3)
    expect(two.edges).toHaveLength(1)
    expect(layoutActorGraph(nodes, edges, ACTOR_GRAPH_LIMIT)).toEqual(
      layoutActorGraph(nodes, edges, ACTOR_GRAPH_LIMIT),
    )
    const all = layoutActorGraph(nodes, edges, ACTOR_GRAPH_LIMIT)
    for (const n of all.nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0)
      expect(n.x + n.r).toBeLessThanOrEqual(all.width)
      expect(n.y - n.r).toBeGreaterThanOrEqual(0)
      expect(n.y + n.r).toBeLessThanOrEqual(all.height)
    }
    // The more links, the larger the circle.
    const lonely = layoutActorGraph([{ ...nodes[0]!, links: 0 }], [], 1).nodes[0]!
    expect(all.nodes[0]!.r).toBeGreaterThan(lonely.r)
  })
})
